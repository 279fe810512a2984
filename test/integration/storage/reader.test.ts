import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../helpers/test-app';

describe('the read connection of a file database', () => {
  it('answers while a write transaction runs, with the data committed before it', async () => {
    const db = await openTestDatabase(path.join(mkdtempSync(path.join(tmpdir(), 'reader-')), 'buurtladder.sqlite'));
    await db.run("INSERT INTO users (username, display_name, role, password_hash) VALUES ('first', 'F', 'admin', 'x')");
    let finish!: () => void;
    const holding = new Promise<void>((resolve) => { finish = resolve; });
    let inside!: () => void;
    const started = new Promise<void>((resolve) => { inside = resolve; });
    const transaction = db.transaction(async (tx) => {
      await tx.run("INSERT INTO users (username, display_name, role, password_hash) VALUES ('second', 'S', 'admin', 'x')");
      inside();
      await holding;
    });
    await started;
    // The writer's queue is held by the transaction; the reader is not.
    expect(await db.reader.get('SELECT count(*) AS n FROM users')).toEqual({ n: 1 });
    finish();
    await transaction;
    expect(await db.reader.get('SELECT count(*) AS n FROM users')).toEqual({ n: 2 });
    await expect(db.reader.run('DELETE FROM users')).rejects.toThrow(/readonly/);
    await db.close();
  });
});
