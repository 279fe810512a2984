/**
 * Starting a worker thread whose entry is TypeScript, like the rest of the
 * server: the entry is loaded through tsx's API, found from here so that the
 * server may run from any folder. Used for the work that would otherwise hold
 * up every request on the HTTP thread (sync batches, address files).
 */
import { Worker } from 'node:worker_threads';

const bootstrap = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ tsImport }) => tsImport(workerData.entry, workerData.entry));
`;
const tsxApi = import.meta.resolve('tsx/esm/api');

/** `entry` is the thread's module (a file URL); `data` reaches it as `workerData.data`. */
export function startTsWorker(entry: string, data: unknown): Worker {
  return new Worker(bootstrap, { eval: true, workerData: { entry, tsx: tsxApi, data } });
}
