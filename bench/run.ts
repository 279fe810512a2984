/**
 * `npm run bench [-- name ...]`: runs the named benchmarks (all when none is
 * named). Each prints readable figures and ends with one JSON line per figure.
 */
export {};

const benchmarks: Record<string, () => Promise<void>> = {
  analysis: async () => (await import('./analysis')).run(),
  import: async () => (await import('./import')).run(),
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}
for (const name of requested.length > 0 ? requested : Object.keys(benchmarks)) await benchmarks[name]!();
