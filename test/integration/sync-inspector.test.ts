import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { loadInstruments } from '../../src/instruments/load-instruments';
import { syncInspector } from '../../src/services/sync-inspector';

const projectDir = path.resolve(import.meta.dirname, '../..');

// Every inspector thread started in this file, so that a test can stop one as a crash would.
const started = vi.hoisted(() => [] as Worker[]);
vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:worker_threads')>();
  class RecordedWorker extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      super(...args);
      started.push(this);
    }
  }
  return { ...actual, Worker: RecordedWorker };
});

const batchOf = (...ids: string[]) => JSON.stringify({
  deviceId: 'tablet-0001',
  records: ids.map((id) => ({ kind: 'visit', id, studyId: 1, addressId: 1, visitedAt: '2026-03-03T18:05:00.000Z', outcome: 'not-home' })),
});

/** An inspector of its own (one thread per instrument registry), and the thread it started. */
function freshInspector() {
  const inspector = syncInspector(loadInstruments(path.join(projectDir, 'surveys')));
  return { inspector, thread: started.at(-1)! };
}

describe('the sync inspector thread', () => {
  it('loads and answers when the server was started from another folder', () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'elsewhere-'));
    const result = spawnSync(path.join(projectDir, 'node_modules', '.bin', 'tsx'), [path.join(projectDir, 'test', 'helpers', 'inspect-once.ts')], {
      cwd: elsewhere, encoding: 'utf8', timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('2');
  });

  it('fails the batch it held when it stops, and the next batch is inspected by a new thread', async () => {
    const { inspector, thread } = freshInspector();
    expect((await inspector.inspect(batchOf('visit-0001'))).inspected).toHaveLength(1);
    // Stopped as a crash would stop it, with a batch sent to it that it never answers.
    const stopping = thread.terminate();
    const held = inspector.inspect(batchOf('visit-0002'));
    await stopping;
    await expect(held).rejects.toThrow('the sync inspector thread stopped');
    expect((await inspector.inspect(batchOf('visit-0003', 'visit-0004'))).inspected).toHaveLength(2);
    expect(started.at(-1)).not.toBe(thread);
  });

  it('after a thread fails, its end does not fail the batches its successor holds', async () => {
    const { inspector, thread } = freshInspector();
    const held = inspector.inspect(batchOf('visit-0001'));
    // A thread that throws is reported with 'error' first, and ends ('exit') a moment later.
    thread.emit('error', new Error('thrown on the thread'));
    await expect(held).rejects.toThrow('thrown on the thread');
    const next = inspector.inspect(batchOf('visit-0002'));
    await thread.terminate();
    expect((await next).inspected).toHaveLength(1);
  });
});
