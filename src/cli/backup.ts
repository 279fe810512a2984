/**
 * `npm run backup -- <folder>`: writes a consistent copy of the database in
 * DATA_DIR, and of its published reports, to a new dated folder inside
 * <folder>, while the server may keep running. README.md ("Backup and
 * restore") says how to restore it. Exits non-zero on failure.
 */
import { cp, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';
import { backupDatabase } from '../storage/backup.js';
import { Database } from '../storage/db.js';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const config = loadConfig(process.env, projectDir);
const destination = process.argv[2];

if (!destination) {
  console.error('Usage: npm run backup -- <folder>   (a dated folder with the copy is made inside it)');
  process.exit(2);
}
const databaseFile = path.join(config.dataDir, 'buurtladder.sqlite');
if (!existsSync(databaseFile)) {
  console.error(`No database at ${databaseFile}; set DATA_DIR to the server's data folder.`);
  process.exit(1);
}

const folder = path.resolve(destination, `buurtladder-${new Date().toISOString().replace(/[:.]/g, '-')}`);
await mkdir(folder, { recursive: true });
const db = await Database.open(databaseFile);
try {
  const result = await backupDatabase(db, path.join(folder, 'buurtladder.sqlite'));
  const reports = path.join(config.dataDir, 'reports');
  if (existsSync(reports)) await cp(reports, path.join(folder, 'reports'), { recursive: true });
  console.log(`Backup written to ${folder} (${result.interviews} interviews, integrity ${result.integrity}).`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
