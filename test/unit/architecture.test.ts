/**
 * The dependency rule of CONTRIBUTING.md is checked by dependency-cruiser
 * (.dependency-cruiser.cjs, run by `npm run lint`). This test runs the same
 * rules over a small fixture that breaks them, so that a rule that stops
 * matching (a renamed folder, a wrong pattern) fails here, and over src/,
 * which must keep them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { projectDir } from '../helpers/test-app';

const rules = createRequire(import.meta.url)(path.join(projectDir, '.dependency-cruiser.cjs')) as IConfiguration;

async function violations(baseDir: string): Promise<string[]> {
  const result = await cruise(['src'], { baseDir, ruleSet: rules, validate: true, tsPreCompilationDeps: true, doNotFollow: { path: 'node_modules' } });
  if (typeof result.output === 'string') throw new Error('expected a cruise result');
  return result.output.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`).sort();
}

describe('the dependency rule', () => {
  it('catches a domain module importing a service, storage importing reports, reports importing storage, and a cycle', async () => {
    expect(await violations(path.join(projectDir, 'test/fixtures/layers'))).toEqual([
      'domain-is-pure: src/domain/pure.ts → src/services/use-case.ts',
      'no-cycles: src/reports/document.ts → src/storage/sql.ts',
      'reports-from-the-analysis-alone: src/reports/document.ts → src/storage/sql.ts',
      'storage-below-services: src/storage/sql.ts → src/reports/document.ts',
    ]);
  });

  it('holds for the code', async () => {
    expect(await violations(projectDir)).toEqual([]);
  }, 60_000);
});

describe('the SQL', () => {
  it('stands only in src/storage', () => {
    const sql = /\b(SELECT [\w*]|INSERT INTO |DELETE FROM |SAVEPOINT |PRAGMA |UPDATE \w+ SET )/;
    const files = (readdirSync(path.join(projectDir, 'src'), { recursive: true }) as string[]).filter((file) => file.endsWith('.ts') && !file.startsWith(`storage${path.sep}`));
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((file) => sql.test(readFileSync(path.join(projectDir, 'src', file), 'utf8')))).toEqual([]);
  });
});
