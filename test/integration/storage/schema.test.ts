import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../src/storage/db';
import { listMigrations, migrate, MigrationError } from '../../../src/storage/migrate';
import { openTestDatabase } from '../../helpers/test-app';

describe('migrations', () => {
  it('bring an empty database to the latest version, and a second run changes nothing', async () => {
    const db = await Database.open(':memory:');
    const applied = await migrate(db);
    expect(applied).toEqual(listMigrations().map((migration) => migration.name));
    expect(await migrate(db)).toEqual([]);
  });

  it('turn answer rows of earlier versions into one answer document per interview (0003)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
    const [first, second, third] = listMigrations();
    for (const migration of [first!, second!]) writeFileSync(path.join(dir, migration.name), migration.sql);
    const db = await Database.open(':memory:');
    await migrate(db, dir);
    await db.exec(`INSERT INTO users (username, display_name, role, password_hash) VALUES ('coord', 'C', 'coordinator', 'x');
      INSERT INTO studies (name, commissioner, area, fieldwork_start, fieldwork_end, created_by) VALUES ('S', 'G', 'A', '2026-01-01', '2026-02-01', 1);
      INSERT INTO neighbourhoods (study_id, name) VALUES (1, 'N');
      INSERT INTO streets (study_id, neighbourhood_id, name) VALUES (1, 1, 'Straat');
      INSERT INTO interviews (id, study_id, street_id, respondent_key, instrument_id, instrument_version, started_at, ended_at, app_version)
        VALUES ('interview-1', 1, 1, 'key-1', 'contactladder', 1, '2026-01-02T10:00:00Z', '2026-01-02T10:20:00Z', '1'),
               ('interview-2', 1, 1, 'key-2', 'straatladder', 1, '2026-01-02T10:00:00Z', '2026-01-02T10:20:00Z', '1');
      INSERT INTO answers (interview_id, item_id, rating, value) VALUES
        ('interview-1', 'greet', 'actual', 3), ('interview-1', 'greet', 'desired', NULL), ('interview-1', 'age', 'answer', 2),
        ('interview-2', 'street-rung', 'current-rung', 4), ('interview-2', 'street-rung', 'desired-rung', 7);`);
    writeFileSync(path.join(dir, third!.name), third!.sql);
    await migrate(db, dir);
    const rows = await db.all<{ id: string; answers: string }>('SELECT id, answers FROM interviews ORDER BY id');
    expect(rows.map((row) => [row.id, JSON.parse(row.answers)])).toEqual([
      ['interview-1', { greet: { actual: 3, desired: null }, age: { answer: 2 } }],
      ['interview-2', { 'street-rung': { current: 4, desired: 7 } }],
    ]);
  });

  it('give existing members their role in the study: readers read, everyone else coordinates (0007)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
    const migrations = listMigrations();
    for (const migration of migrations.filter((candidate) => candidate.version < 7)) writeFileSync(path.join(dir, migration.name), migration.sql);
    const db = await Database.open(':memory:');
    await migrate(db, dir);
    await db.exec(`INSERT INTO users (username, display_name, role, password_hash) VALUES ('coord', 'C', 'coordinator', 'x'), ('lezer', 'L', 'reader', 'x'), ('beheer', 'B', 'admin', 'x');
      INSERT INTO studies (name, commissioner, area, fieldwork_start, fieldwork_end, created_by) VALUES ('S', 'G', 'A', '2026-01-01', '2026-02-01', 1);
      INSERT INTO study_members (study_id, user_id) VALUES (1, 1), (1, 2), (1, 3);`);
    const seventh = migrations.find((candidate) => candidate.version === 7)!;
    writeFileSync(path.join(dir, seventh.name), seventh.sql);
    await migrate(db, dir);
    expect(await db.all('SELECT user_id, role FROM study_members ORDER BY user_id')).toEqual([
      { user_id: 1, role: 'coordinator' }, { user_id: 2, role: 'reader' }, { user_id: 3, role: 'coordinator' },
    ]);
    await expect(db.run("UPDATE study_members SET role = 'owner' WHERE user_id = 1")).rejects.toThrow(/CHECK/);
  });

  it('fail loudly, naming the migration, and leave nothing of it behind', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
    writeFileSync(path.join(dir, '0001-good.sql'), 'CREATE TABLE a (id INTEGER PRIMARY KEY) STRICT;');
    writeFileSync(path.join(dir, '0002-broken.sql'), 'CREATE TABLE b (id INTEGER PRIMARY KEY) STRICT; CREATE TABLE oops (;');
    const db = await Database.open(':memory:');
    await expect(migrate(db, dir)).rejects.toThrow(MigrationError);
    await expect(migrate(db, dir)).rejects.toThrow(/0002-broken\.sql/);
    expect(await db.all("SELECT name FROM sqlite_master WHERE name = 'b'")).toEqual([]);
  });

  it('refuse a database whose applied migration file has disappeared', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
    writeFileSync(path.join(dir, '0001-first.sql'), 'CREATE TABLE a (id INTEGER PRIMARY KEY) STRICT;');
    const db = await Database.open(':memory:');
    await migrate(db, dir);
    const other = mkdtempSync(path.join(tmpdir(), 'migrations-'));
    writeFileSync(path.join(other, '0001-renamed.sql'), 'SELECT 1;');
    await expect(migrate(db, other)).rejects.toThrow(/0001-first\.sql/);
  });
});

describe('schema invariants', () => {
  it('enforces foreign keys on every connection', async () => {
    const db = await openTestDatabase();
    expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    await expect(db.run('INSERT INTO streets (study_id, neighbourhood_id, name) VALUES (999, 999, ?)', ['Nergensstraat'])).rejects.toThrow(/FOREIGN KEY/);
  });

  it('has an index whose first column is each foreign key column', async () => {
    const db = await openTestDatabase();
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    const unindexed: string[] = [];
    for (const { name } of tables) {
      const keys = await db.all<{ from: string }>(`SELECT "from" FROM pragma_foreign_key_list('${name}')`);
      const indexes = await db.all<{ name: string }>(`SELECT name FROM pragma_index_list('${name}')`);
      const leading = new Set<string>();
      for (const index of indexes) {
        const first = await db.get<{ name: string }>(`SELECT name FROM pragma_index_info('${index.name}') WHERE seqno = 0`);
        if (first) leading.add(first.name);
      }
      const primaryKeyFirst = await db.get<{ name: string }>(`SELECT name FROM pragma_table_info('${name}') WHERE pk = 1`);
      if (primaryKeyFirst) leading.add(primaryKeyFirst.name);
      for (const key of keys) if (!leading.has(key.from)) unindexed.push(`${name}.${key.from}`);
    }
    expect(unindexed).toEqual([]);
  });

  it('keeps answers apart from addresses: no answer-side table refers to an address', async () => {
    const db = await openTestDatabase();
    for (const table of ['interviews', 'comments', 'follow_up_contacts']) {
      const columns = await db.all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`);
      expect(columns.map((column) => column.name).filter((name) => /address|house|postcode/.test(name)), table).toEqual([]);
      const references = await db.all<{ table: string }>(`SELECT "table" FROM pragma_foreign_key_list('${table}')`);
      expect(references.map((reference) => reference.table), table).not.toContain('addresses');
    }
  });

  it('stores an interview\'s answers only as a JSON object document', async () => {
    const db = await openTestDatabase();
    await db.run("INSERT INTO users (username, display_name, role, password_hash) VALUES ('coord', 'C', 'coordinator', 'x')");
    await db.run("INSERT INTO studies (name, commissioner, area, fieldwork_start, fieldwork_end, created_by) VALUES ('S', 'G', 'A', '2026-01-01', '2026-02-01', 1)");
    await db.run("INSERT INTO neighbourhoods (study_id, name) VALUES (1, 'N')");
    await db.run("INSERT INTO streets (study_id, neighbourhood_id, name) VALUES (1, 1, 'Straat')");
    const insert = (id: string, answers: string) => db.run(`INSERT INTO interviews (id, study_id, street_id, respondent_key, instrument_id, instrument_version, started_at, ended_at, app_version, answers)
                  VALUES (?, 1, 1, ?, 'contactladder', 1, '2026-01-02T10:00:00Z', '2026-01-02T10:20:00Z', '1', ?)`, [id, `key-${id}`, answers]);
    await expect(insert('interview-1', 'not json')).rejects.toThrow(/CHECK/);
    await expect(insert('interview-2', '[1, 2]')).rejects.toThrow(/CHECK/);
    await insert('interview-3', '{"greet":{"actual":3,"desired":null}}');
    expect(await db.all("SELECT answers ->> '$.greet.actual' AS actual, status FROM interviews")).toEqual([{ actual: 3, status: 'counted' }]);
  });

  it('rejects invalid postcodes, house numbers and study settings in the database itself', async () => {
    const db = await openTestDatabase();
    await db.run("INSERT INTO users (username, display_name, role, password_hash) VALUES ('coord', 'C', 'coordinator', 'x')");
    await expect(db.run("INSERT INTO studies (name, commissioner, area, fieldwork_start, fieldwork_end, min_report_size, created_by) VALUES ('S', 'G', 'A', '2026-01-01', '2026-02-01', 2, 1)")).rejects.toThrow(/CHECK/);
    await expect(db.run("INSERT INTO studies (name, commissioner, area, fieldwork_start, fieldwork_end, created_by) VALUES ('S', 'G', 'A', '2026-03-01', '2026-02-01', 1)")).rejects.toThrow(/CHECK/);
    await db.run("INSERT INTO studies (name, commissioner, area, fieldwork_start, fieldwork_end, created_by) VALUES ('S', 'G', 'A', '2026-01-01', '2026-02-01', 1)");
    await db.run("INSERT INTO neighbourhoods (study_id, name) VALUES (1, 'N')");
    await db.run("INSERT INTO streets (study_id, neighbourhood_id, name) VALUES (1, 1, 'Straat')");
    await expect(db.run("INSERT INTO addresses (study_id, street_id, house_number, postcode) VALUES (1, 1, 1, '1234 AB')")).rejects.toThrow(/CHECK/);
    await expect(db.run("INSERT INTO addresses (study_id, street_id, house_number, postcode) VALUES (1, 1, 0, '1234AB')")).rejects.toThrow(/CHECK/);
  });
});

describe('transactions', () => {
  it('keep a concurrent statement out of an open transaction, and roll back on error', async () => {
    const db = await openTestDatabase();
    await db.run("INSERT INTO users (username, display_name, role, password_hash) VALUES ('first', 'F', 'reader', 'x')");
    const failing = db.transaction(async (tx) => {
      await tx.run("INSERT INTO users (username, display_name, role, password_hash) VALUES ('second', 'S', 'reader', 'x')");
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('abandon');
    });
    const countDuring = db.get<{ n: number }>('SELECT count(*) AS n FROM users');
    await expect(failing).rejects.toThrow('abandon');
    expect(await countDuring).toEqual({ n: 1 });
    expect(await db.get('SELECT count(*) AS n FROM users')).toEqual({ n: 1 });
  });
});
