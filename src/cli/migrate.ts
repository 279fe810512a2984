/** `npm run db:migrate`: brings the database in DATA_DIR to the latest schema; exits non-zero on failure. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';
import { Database } from '../storage/db.js';
import { migrate } from '../storage/migrate.js';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const config = loadConfig(process.env, projectDir);
mkdirSync(config.dataDir, { recursive: true });
const db = await Database.open(path.join(config.dataDir, 'buurtladder.sqlite'));
try {
  const applied = await migrate(db);
  console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'Database is up to date');
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
