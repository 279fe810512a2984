import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Database } from '../../../src/storage/db';

describe('write-ahead log checkpoints of a file database', () => {
  it('are left out of the commits and run in the background', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'checkpoints-')), 'buurtladder.sqlite');
    const db = await Database.open(file);
    expect(await db.get('PRAGMA wal_autocheckpoint')).toEqual({ wal_autocheckpoint: 0 });
    await db.exec('CREATE TABLE answers (id INTEGER PRIMARY KEY, document TEXT NOT NULL)');
    const document = 'x'.repeat(2000);
    // About 6 MB: six times the log size at which SQLite would checkpoint inside a commit.
    for (let batch = 0; batch < 6; batch++) {
      await db.transaction(async (tx) => {
        for (let row = 0; row < 500; row++) await tx.run('INSERT INTO answers (document) VALUES (?)', [document]);
      });
    }
    await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(5_000_000), { timeout: 5000, interval: 100 });
    expect(await db.reader.get('SELECT count(*) AS n FROM answers')).toEqual({ n: 3000 });
    await db.close();
  });

  it('empty the log file once the database has been idle for a few seconds', { timeout: 20_000 }, async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'checkpoints-')), 'buurtladder.sqlite');
    const db = await Database.open(file);
    await db.exec('CREATE TABLE answers (id INTEGER PRIMARY KEY, document TEXT NOT NULL)');
    await db.transaction(async (tx) => {
      for (let row = 0; row < 1000; row++) await tx.run('INSERT INTO answers (document) VALUES (?)', [`answer ${row} ${'x'.repeat(1000)}`]);
    });
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(1_000_000);
    // Passive checkpoints copy the log but never shrink it; after five idle seconds it is truncated to nothing.
    await vi.waitFor(() => expect(statSync(`${file}-wal`).size).toBe(0), { timeout: 15_000, interval: 250 });
    expect(await db.reader.get('SELECT count(*) AS n FROM answers')).toEqual({ n: 1000 });
    await db.close();
  });

  it('empty the log for the purge even while another connection is checkpointing it', { timeout: 60_000 }, async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'checkpoints-')), 'buurtladder.sqlite');
    const db = await Database.open(file);
    await db.exec('CREATE TABLE answers (id INTEGER PRIMARY KEY, document TEXT NOT NULL)');
    // A second connection checkpointing without pause, as the background checkpointer does once a second:
    // SQLite answers a checkpoint that meets another with busy = 1, and leaves the log as it is.
    const other = await Database.open(file);
    let stop = false;
    const checkpointing = (async () => { while (!stop) await other.get('PRAGMA wal_checkpoint(PASSIVE)'); })();
    const unemptied: number[] = [];
    try {
      for (let round = 0; round < 20; round++) {
        await db.transaction(async (tx) => {
          for (let row = 0; row < 200; row++) await tx.run('INSERT INTO answers (document) VALUES (?)', [`${round} ${'x'.repeat(1500)}`]);
        });
        await db.eraseLog();
        const size = statSync(`${file}-wal`).size;
        if (size > 0) unemptied.push(size);
      }
    } finally {
      stop = true;
      await checkpointing;
      await other.close();
      await db.close();
    }
    expect(unemptied).toEqual([]);
  });
});

