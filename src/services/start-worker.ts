/**
 * Starting a worker thread on a module next to the caller, for the work that
 * would otherwise hold up every request on the HTTP thread (sync batches,
 * address files).
 *
 * The compiled server (`npm run build`, `npm start`) runs JavaScript from
 * `dist/`: the thread's module is the compiled `.js` file beside the caller,
 * loaded by Node itself. In development and tests the server runs its
 * TypeScript through tsx, and so must the thread: its `.ts` module is then
 * loaded through tsx's API. Which of the two applies follows from the
 * caller's own file name, so the compiled server never loads tsx.
 */
import { Worker } from 'node:worker_threads';

const throughTsx = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ tsImport }) => tsImport(workerData.entry, workerData.entry));
`;

/** The URL of the thread module `name` (without extension) beside `callerUrl`, in the caller's own language. */
export function threadModule(callerUrl: string, name: string): URL {
  const extension = new URL(callerUrl).pathname.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${extension}`, callerUrl);
}

/** Starts the thread on `entry` (from `threadModule`); `data` reaches it as `workerData.data`. */
export function startWorker(entry: URL, data: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: { data } });
  // Only development and tests come here: tsx is a development dependency of the compiled server.
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(throughTsx, { eval: true, workerData: { entry: entry.href, tsx, data } });
}
