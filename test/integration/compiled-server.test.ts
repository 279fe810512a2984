/**
 * The production build: `npm run build` compiles the server to dist/, and the
 * compiled server runs on plain Node, its worker threads included, without
 * tsx. A hook refuses every module whose name contains "tsx", in the main
 * thread and in the threads it starts (they inherit `--import`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const projectDir = path.resolve(import.meta.dirname, '../..');
const hooks = mkdtempSync(path.join(tmpdir(), 'no-tsx-'));

beforeAll(() => {
  const build = spawnSync('npm', ['run', 'build'], { cwd: projectDir, encoding: 'utf8', timeout: 120_000 });
  expect(build.status, build.stderr + build.stdout).toBe(0);
  writeFileSync(path.join(hooks, 'refuse-tsx.mjs'), `export async function resolve(specifier, context, next) {
  if (/(^|[/\\\\])tsx([/\\\\]|$)/.test(specifier)) throw new Error('the compiled server loaded tsx: ' + specifier);
  return next(specifier, context);
}\n`);
  writeFileSync(path.join(hooks, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(hooks, 'refuse-tsx.mjs')).href)});\n`);
}, 130_000);

const withoutTsx = ['--import', pathToFileURL(path.join(hooks, 'register.mjs')).href];

describe('the compiled server', () => {
  it('inspects sync batches on its thread from compiled code', () => {
    const script = `
      import { loadInstruments } from ${JSON.stringify(pathToFileURL(path.join(projectDir, 'dist/instruments/load-instruments.js')).href)};
      import { syncInspector } from ${JSON.stringify(pathToFileURL(path.join(projectDir, 'dist/services/sync-inspector.js')).href)};
      const keepAlive = setTimeout(() => undefined, 30000);
      const inspector = syncInspector(loadInstruments(${JSON.stringify(path.join(projectDir, 'surveys'))}));
      const visit = { kind: 'visit', id: 'visit-0001', studyId: 1, addressId: 1, visitedAt: '2026-03-03T18:05:00.000Z', outcome: 'not-home' };
      const batch = await inspector.inspect(JSON.stringify({ deviceId: 'tablet-0001', records: [visit] }));
      console.log(batch.inspected.length);
      clearTimeout(keepAlive);`;
    // A file, not --eval: the thread inherits the command line's options, and --input-type is refused in a thread.
    writeFileSync(path.join(hooks, 'inspect-once.mjs'), script);
    const result = spawnSync(process.execPath, [...withoutTsx, path.join(hooks, 'inspect-once.mjs')], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('1');
  });

  it('starts with its demo study and serves the login page', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'compiled-data-'));
    const server = spawn(process.execPath, [...withoutTsx, path.join(projectDir, 'dist/main.js')], {
      cwd: tmpdir(), env: { ...process.env, PORT: '0', DATA_DIR: dataDir, HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const port = await new Promise<number>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const listening = /listens on http:\/\/localhost:(\d+)/.exec(output);
          if (listening) resolve(Number(listening[1]));
        });
        server.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
        server.once('exit', (code) => reject(new Error(`the compiled server stopped (${code}):\n${output}`)));
      });
      expect(output).toContain('Demo study created');
      const login = await fetch(`http://127.0.0.1:${port}/login`);
      expect(login.status).toBe(200);
      expect(await login.text()).toContain('<form');
    } finally {
      server.kill();
    }
  }, 90_000);
});
