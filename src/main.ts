/**
 * The composition root: read the configuration, open and migrate the
 * database, load and validate the instruments, report definitions and locale files, create the
 * first admin and the demo study, then start the HTTP server (http/listen.ts).
 * Nothing else in the code base reads the environment or starts a server.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';
import { createApp } from './http/app.js';
import { listen } from './http/listen.js';
import { Translations } from './i18n/translate.js';
import { loadInstruments } from './instruments/load-instruments.js';
import { loadReportDefinitions } from './report-definitions/load-report-definitions.js';
import { ensureAdmin } from './services/bootstrap.js';
import { backfillCompactRatings } from './storage/interviews.js';
import { demoUsernames, ensureDemoStudy } from './services/demo-study.js';
import { createReportService } from './services/reports.js';
import { getStudy } from './storage/studies.js';
import { findLogin } from './storage/users.js';
import { Database } from './storage/db.js';
import { lockDataFolder } from './storage/data-folder-lock.js';
import { migrate } from './storage/migrate.js';
import { deleteExpiredSessions } from './storage/sessions.js';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const config = loadConfig(process.env, projectDir);
  const instruments = loadInstruments(path.join(projectDir, 'surveys'));
  const translations = Translations.load(path.join(projectDir, 'locales'));
  const definitions = loadReportDefinitions(path.join(projectDir, 'reports'), instruments);

  mkdirSync(config.dataDir, { recursive: true });
  const unlock = lockDataFolder(config.dataDir);
  process.on('exit', unlock);
  const db = await Database.open(path.join(config.dataDir, 'buurtladder.sqlite'));
  const applied = await migrate(db);
  if (applied.length > 0) console.log(`Database migrated: ${applied.join(', ')}`);
  await deleteExpiredSessions(db, new Date());

  const admin = await ensureAdmin(db, { username: config.adminUsername, password: config.adminPassword });
  if (admin.generatedPassword) {
    console.log(`\nAdmin account created. Username: ${config.adminUsername}  Password: ${admin.generatedPassword}\nThis password is shown only now; note it down.\n`);
  }
  if (config.demo) {
    const demo = await ensureDemoStudy(db, config.adminUsername, new Date(), instruments);
    if (demo.password && demo.studyId) {
      const reports = createReportService({ db, instruments, definitions, viewsDir: path.join(projectDir, 'views'), dataDir: config.dataDir });
      const published = await reports.publishAll((await getStudy(db, demo.studyId))!, (await findLogin(db, demoUsernames.coordinator))!.user);
      console.log(`Demo study created with ${published} published reports. Demo accounts (${Object.values(demoUsernames).join(', ')}) share the password: ${demo.password}\n`);
    }
  }

  // Interviews stored before compact ratings existed (and the demo's) get theirs once; from then on sync writes them.
  const backfilled = await backfillCompactRatings(db, instruments.list().filter((instrument) => instrument.thresholds));
  if (backfilled > 0) console.log(`Compact ratings written for ${backfilled} interviews`);

  const app = createApp({ db, instruments, definitions, translations, projectDir, config });
  const listening = await listen(app, { port: config.port, host: config.host, warn: (message) => console.warn(`Buurtladder: ${message}`) });
  console.log(`Buurtladder listens on http://localhost:${listening.port} (data in ${config.dataDir})`);

  const shutdown = (signal: string) => {
    console.log(`${signal}: closing`);
    void listening.close().then(() => db.close()).then(() => process.exit(0));
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if ((error as { code?: string } | undefined)?.code === 'SQLITE_FULL') {
    console.error('Buurtladder kon niet starten: de schijf is vol (database or disk is full). Maak ruimte vrij in DATA_DIR en start opnieuw; er is niets half opgeslagen.');
    process.exit(1);
  }
  console.error(`Buurtladder could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
