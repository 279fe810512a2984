// The dependency rule of CONTRIBUTING.md ("The dependency rule"), checked by dependency-cruiser
// over every folder of src/ (npm run lint, so CI runs it; test/unit/architecture.test.ts shows a
// forbidden import failing). Each rule names a layer and what it may not import.
const layer = (name) => `^src/${name}/`;
const inSrc = (...names) => `^src/(${names.join('|')})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle between modules makes the layers meaningless.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain imports nothing else from src/.',
      from: { path: layer('domain') },
      to: { path: '^src/', pathNot: layer('domain') },
    },
    {
      name: 'domain-has-no-io',
      severity: 'error',
      comment: 'src/domain does no I/O: no file system, database, network, PDF or chart rendering.',
      from: { path: layer('domain') },
      to: { path: '^(node:)?(fs|fs/promises|net|http|https|child_process|worker_threads)$|(^|/)node_modules/(sqlite3|express|pdfkit|vega|vega-lite|ejs|exceljs)/' },
    },
    {
      name: 'storage-below-services',
      severity: 'error',
      comment: 'src/storage holds the SQL; it knows the domain types and nothing above it.',
      from: { path: layer('storage') },
      to: { path: inSrc('http', 'services', 'reports', 'exports', 'report-definitions', 'synthetic', 'cli') },
    },
    {
      name: 'reports-from-the-analysis-alone',
      severity: 'error',
      comment: 'The report layer builds documents from the analysis: no storage, services or HTTP.',
      from: { path: layer('reports') },
      to: { path: inSrc('storage', 'services', 'http', 'cli') },
    },
    {
      name: 'exports-are-pure-writers',
      severity: 'error',
      comment: 'src/exports writes files from what it is given: no storage, services or HTTP.',
      from: { path: layer('exports') },
      to: { path: inSrc('storage', 'services', 'http', 'cli') },
    },
    {
      name: 'services-below-http',
      severity: 'error',
      comment: 'Services are the use cases; HTTP calls them, never the other way round.',
      from: { path: inSrc('services', 'instruments', 'report-definitions', 'i18n', 'security', 'synthetic') },
      to: { path: inSrc('http', 'cli') },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
