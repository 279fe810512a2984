// Lint: the typescript-eslint recommended preset plus the project's layer rule
// (CONTRIBUTING.md, "The dependency rule"): the pure domain imports no I/O.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ioModules = ['express', 'sqlite3', 'node:fs', 'fs', 'node:fs/promises', 'pdfkit', 'vega', 'vega-lite', 'ejs', 'multer'];

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'test-output/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ioModules.map((name) => ({ name, message: 'src/domain is pure: no I/O modules.' })),
        patterns: [{ group: ['**/storage/**', '**/http/**', '**/reports/**', '**/services/**', '**/exports/**', '**/instruments/**'], message: 'src/domain depends on nothing else in src.' }],
      }],
    },
  },
  {
    files: ['src/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/http/**', '**/reports/**', '**/services/**', '**/exports/**'], message: 'storage may import only domain types.' }],
      }],
    },
  },
  {
    // dependency-cruiser reads its configuration as a CommonJS module.
    files: ['.dependency-cruiser.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    // The offline field app runs in the browser as plain ES modules (public/field/).
    files: ['public/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser, ...globals.serviceworker } },
  },
  {
    files: ['public/field/sw.js'],
    languageOptions: { sourceType: 'script', globals: { __SHELL__: 'readonly' } },
  },
  {
    files: ['test/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name=/^(only|skip)$/][object.name=/^(it|test|describe)$/]", message: 'No focused or skipped tests.' }] },
  },
);
