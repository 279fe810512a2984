/**
 * Where sync batches are inspected (domain/sync-inspection.ts): on a thread
 * of its own. Parsing a batch, checking its answers and hashing its records
 * is most of the CPU a sync request costs, and the HTTP thread was the
 * bottleneck while a hundred tablets synced. The thread gets the request
 * body as text and answers with the inspected batch; the HTTP thread then
 * only asks the database and writes. On a warm server that took the p95 of
 * bench/sync from 211 to 167 ms and its throughput from 6,080 to 7,090
 * interviews a second.
 *
 * One thread per instrument registry, shared by every app made with it
 * (tests make many); it holds no state besides a copy of the instruments.
 */
import type { Worker } from 'node:worker_threads';
import { Problem, type ProblemCode, type ProblemDetails } from '../domain/errors.js';
import type { InspectedBatch } from '../domain/sync-inspection.js';
import type { InstrumentRegistry } from '../instruments/load-instruments.js';
import { startWorker, threadModule } from './start-worker.js';

export type InspectorReply =
  | { id: number; batch: InspectedBatch }
  | { id: number; problem: { code: ProblemCode; details: ProblemDetails } }
  | { id: number; error: string };

const threadEntry = threadModule(import.meta.url, 'sync-inspector-thread');

class InspectorThread {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, { worker: Worker; resolve: (batch: InspectedBatch) => void; reject: (error: Error) => void }>();
  private lastId = 0;

  constructor(private readonly instruments: InstrumentRegistry) {
    // Started at once, so that the first sync does not wait for the thread to load.
    this.worker = this.start();
  }

  inspect(body: unknown): Promise<InspectedBatch> {
    const worker = this.worker ??= this.start();
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { worker, resolve, reject });
      worker.postMessage({ id, body });
    });
  }

  private start(): Worker {
    const worker = startWorker(threadEntry, { instruments: this.instruments.list() });
    worker.on('message', (reply: InspectorReply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('batch' in reply) waiting?.resolve(reply.batch);
      else if ('problem' in reply) waiting?.reject(new Problem(reply.problem.code, reply.problem.details));
      else waiting?.reject(new Error(reply.error));
    });
    // A thread that fails or stops fails what it had not answered (the
    // tablets keep those records and send them again); the next batch starts
    // a new one. A failing thread reports 'error' and then 'exit': by then
    // its successor may hold batches, which are not this thread's to fail.
    const stop = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, waiting] of this.waiting) {
        if (waiting.worker !== worker) continue;
        this.waiting.delete(id);
        waiting.reject(error);
      }
    };
    worker.on('error', stop);
    worker.on('exit', (code) => stop(new Error(`the sync inspector thread stopped with code ${code}`)));
    // Requests waiting on it keep the server alive; an idle thread must not.
    worker.unref();
    return worker;
  }
}

const threads = new WeakMap<InstrumentRegistry, InspectorThread>();

/** The inspector thread that checks answers against these instruments. */
export function syncInspector(instruments: InstrumentRegistry): { inspect(body: unknown): Promise<InspectedBatch> } {
  let thread = threads.get(instruments);
  if (!thread) threads.set(instruments, thread = new InspectorThread(instruments));
  return thread;
}
