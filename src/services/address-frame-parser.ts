/**
 * Where an uploaded address file is parsed: on a thread of its own, one per
 * file. A 20 MB file of 400,000 addresses takes some three seconds to parse
 * and check; on the HTTP thread that would hold up every other request for as
 * long. The thread ends with its file, so its memory is given back at once.
 * At most `parallelFiles` files are parsed at a time; further uploads wait.
 */
import { parseAddressFrame, type FrameParseResult } from '../domain/address-frame';
import { startTsWorker } from './ts-worker';

const threadEntry = new URL('./address-frame-thread.ts', import.meta.url).href;
const parallelFiles = 2;
/** Below this size a file is parsed at once: starting a thread would cost more than it saves. */
const parsedInlineBelow = 256 * 1024;

let running = 0;
const queue: (() => void)[] = [];

export async function parseAddressFrameOffThread(bytes: Uint8Array): Promise<FrameParseResult> {
  if (bytes.length < parsedInlineBelow) return parseAddressFrame(bytes);
  if (running >= parallelFiles) await new Promise<void>((resolve) => queue.push(resolve));
  running += 1;
  try {
    return await new Promise<FrameParseResult>((resolve, reject) => {
      const worker = startTsWorker(threadEntry, { bytes });
      worker.once('message', (result: FrameParseResult) => { resolve(result); void worker.terminate(); });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the address-file thread stopped with code ${code}`)));
    });
  } finally {
    running -= 1;
    queue.shift()?.();
  }
}
