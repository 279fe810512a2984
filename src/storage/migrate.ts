/**
 * The migration runner: applies the numbered plain-SQL files in
 * src/storage/migrations in order, each in its own transaction, and records
 * them in `schema_migrations`. It fails loudly: a migration that errors, or an
 * applied migration whose file has gone missing, stops start-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './db.js';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export class MigrationError extends Error {
  constructor(readonly migration: string, reason: string) {
    super(`migration ${migration} failed: ${reason}`);
    this.name = 'MigrationError';
  }
}

interface MigrationFile {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(dir = migrationsDir): MigrationFile[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}-[a-z0-9-]+\.sql$/.test(name))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 4)), name, sql: readFileSync(path.join(dir, name), 'utf8') }));
}

/** Brings the database to the latest version; returns the names of the migrations it applied. */
export async function migrate(db: Database, dir = migrationsDir): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  ) STRICT`);
  const applied = await db.all<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
  const files = listMigrations(dir);
  for (const done of applied) {
    const file = files.find((candidate) => candidate.version === done.version);
    if (!file || file.name !== done.name) {
      throw new MigrationError(done.name, 'it was applied to this database but its file is missing or renamed');
    }
  }
  const appliedVersions = new Set(applied.map((done) => done.version));
  const newlyApplied: string[] = [];
  for (const file of files.filter((candidate) => !appliedVersions.has(candidate.version))) {
    try {
      await db.transaction(async (tx) => {
        await tx.exec(file.sql);
        await tx.run('INSERT INTO schema_migrations (version, name) VALUES (?, ?)', [file.version, file.name]);
      });
    } catch (error) {
      throw new MigrationError(file.name, (error as Error).message);
    }
    newlyApplied.push(file.name);
  }
  const violations = await db.all<unknown>('PRAGMA foreign_key_check');
  if (violations.length > 0) throw new MigrationError('(all)', `${violations.length} foreign key violations after migrating`);
  return newlyApplied;
}
