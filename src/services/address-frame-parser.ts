/**
 * Where an uploaded address file is parsed: on a thread of its own, one per
 * file. A 12 MB file of 400,000 addresses takes some three seconds to parse
 * and check; on the HTTP thread that would hold up every other request for as
 * long. The thread ends with its file, so its memory is given back at once.
 * At most `parallelFiles` files are parsed at a time; further uploads wait.
 */
import pLimit from 'p-limit';
import { parseAddressFrame, type FrameParseResult } from '../domain/address-frame.js';
import { startWorker, threadModule } from './start-worker.js';

const threadEntry = threadModule(import.meta.url, 'address-frame-thread');
const parallelFiles = 2;
/** Below this size a file is parsed at once: starting a thread would cost more than it saves. */
const parsedInlineBelow = 256 * 1024;

const parsing = pLimit(parallelFiles);

export async function parseAddressFrameOffThread(bytes: Uint8Array): Promise<FrameParseResult> {
  if (bytes.length < parsedInlineBelow) return parseAddressFrame(bytes);
  return parsing(() => new Promise<FrameParseResult>((resolve, reject) => {
    const worker = startWorker(threadEntry, { bytes });
    worker.once('message', (result: FrameParseResult) => { resolve(result); void worker.terminate(); });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the address-file thread stopped with code ${code}`)));
  }));
}
