/**
 * The sync inspector thread (see sync-inspector.ts): given a copy of the
 * app's instruments, it inspects each request body it is sent and answers
 * with the inspected batch, or with the problem that refuses the batch as a whole.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Problem } from '../domain/errors.js';
import { inspectBatch } from '../domain/sync-inspection.js';
import type { Instrument } from '../domain/instrument.js';
import { InstrumentRegistry } from '../instruments/load-instruments.js';
import type { InspectorReply } from './sync-inspector.js';

const port = parentPort!;
const instruments = new InstrumentRegistry((workerData as { data: { instruments: Instrument[] } }).data.instruments);

port.on('message', ({ id, body }: { id: number; body: unknown }) => {
  let reply: InspectorReply;
  try {
    reply = { id, batch: inspectBatch(body, (instrumentId, version) => instruments.get(instrumentId, version)) };
  } catch (error) {
    reply = error instanceof Problem ? { id, problem: { code: error.code, details: error.details } } : { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
