/**
 * A consistent copy of the database while the server keeps running.
 * `VACUUM INTO` reads the database inside one read transaction, so the copy
 * is the database as it was at one moment, whatever is written meanwhile
 * (write-ahead logging lets writers go on). The copy is checked with
 * `PRAGMA integrity_check` before it is reported as done.
 */
import { Database } from './db.js';

export interface BackupResult {
  file: string;
  interviews: number;
  integrity: string;
}

export async function backupDatabase(db: Database, target: string): Promise<BackupResult> {
  await db.run('VACUUM INTO ?', [target]);
  const copy = await Database.open(target);
  try {
    const integrity = (await copy.get<{ integrity_check: string }>('PRAGMA integrity_check'))!.integrity_check;
    const interviews = (await copy.get<{ n: number }>('SELECT count(*) AS n FROM interviews'))!.n;
    if (integrity !== 'ok') throw new Error(`The backup ${target} failed its integrity check: ${integrity}`);
    return { file: target, interviews, integrity };
  } finally {
    await copy.close();
  }
}
