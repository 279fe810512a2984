import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '../../../src/storage/backup';
import { Database } from '../../../src/storage/db';
import { openTestDatabase, projectDir } from '../../helpers/test-app';

async function databaseWithAStudy(folder: string) {
  const db = await openTestDatabase(path.join(folder, 'buurtladder.sqlite'));
  await db.exec(`INSERT INTO users (username, display_name, role, password_hash) VALUES ('coord', 'C', 'coordinator', 'x');
    INSERT INTO studies (name, commissioner, area, fieldwork_start, fieldwork_end, created_by) VALUES ('S', 'G', 'A', '2026-01-01', '2026-02-01', 1);
    INSERT INTO neighbourhoods (study_id, name) VALUES (1, 'N');
    INSERT INTO streets (study_id, neighbourhood_id, name) VALUES (1, 1, 'Straat');`);
  const insertInterview = (index: number) => db.transaction((tx) => tx.run(
    `INSERT INTO interviews (id, study_id, street_id, respondent_key, instrument_id, instrument_version, started_at, ended_at, app_version)
     VALUES (?, 1, 1, ?, 'contactladder', 1, '2026-01-02T10:00:00Z', '2026-01-02T10:20:00Z', '1')`, [`interview-${String(index).padStart(4, '0')}`, `key-${index}`]));
  return { db, insertInterview };
}

describe('backup', () => {
  it('copies the database consistently while another connection keeps writing', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'backup-'));
    const { db, insertInterview } = await databaseWithAStudy(folder);
    for (let index = 0; index < 50; index++) await insertInterview(index);
    let written = 50;
    const writing = (async () => { while (written < 400) await insertInterview(written++); })();
    // A second connection, as the backup command has while the server runs.
    const second = await Database.open(path.join(folder, 'buurtladder.sqlite'));
    const result = await backupDatabase(second, path.join(folder, 'copy.sqlite'));
    await writing;
    expect(result.integrity).toBe('ok');
    expect(result.interviews).toBeGreaterThanOrEqual(50);
    const copy = await Database.open(path.join(folder, 'copy.sqlite'));
    const ids = (await copy.all<{ id: string }>('SELECT id FROM interviews ORDER BY id')).map((row) => row.id);
    // Exactly the interviews committed before some moment: an unbroken run from the first.
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, index) => `interview-${String(index).padStart(4, '0')}`));
    await Promise.all([copy.close(), second.close(), db.close()]);
  });

  it('refuses to overwrite an existing file', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'backup-'));
    const { db } = await databaseWithAStudy(folder);
    await backupDatabase(db, path.join(folder, 'copy.sqlite'));
    await expect(backupDatabase(db, path.join(folder, 'copy.sqlite'))).rejects.toThrow();
    await db.close();
  });

  it('is one command that writes a dated folder with the database and the published reports', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'backup-data-'));
    const { db, insertInterview } = await databaseWithAStudy(dataDir);
    await insertInterview(1);
    await db.close();
    const destination = mkdtempSync(path.join(tmpdir(), 'backup-to-'));
    const output = execFileSync(path.join(projectDir, 'node_modules/.bin/tsx'), ['src/cli/backup.ts', destination], { cwd: projectDir, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
    expect(output).toMatch(/Backup written to .* \(1 interviews, integrity ok\)/);
    const [made] = readdirSync(destination);
    expect(existsSync(path.join(destination, made!, 'buurtladder.sqlite'))).toBe(true);
  });
});
