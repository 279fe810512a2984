/**
 * `npm run bench [-- name ...]`: runs the named benchmarks (all when none is
 * named). Each prints readable figures and ends with one JSON line per figure.
 * Benchmarks run one per process, so one's memory peak never shows in another's.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benchmarks: Record<string, () => Promise<void>> = {
  analysis: async () => (await import('./analysis')).run(),
  import: async () => (await import('./import')).run(),
  sync: async () => (await import('./sync')).run(),
  'field-app': async () => (await import('./field-app')).run(),
  reports: async () => (await import('./reports')).run(),
  export: async () => (await import('./export')).run(),
  'field-interactions': async () => (await import('./field-interactions')).run(),
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}

if (requested.length === 1) {
  await benchmarks[requested[0]!]!();
} else {
  for (const name of requested.length > 0 ? requested : Object.keys(benchmarks)) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], { stdio: 'inherit' });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
}
