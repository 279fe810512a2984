/**
 * The address-file thread (see address-frame-parser.ts): parses the one file it
 * is given and answers with the rows or the line errors, then ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseAddressFrame } from '../domain/address-frame.js';

const { bytes } = (workerData as { data: { bytes: Uint8Array } }).data;
parentPort!.postMessage(parseAddressFrame(bytes));
