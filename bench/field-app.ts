/**
 * The field app's first load on a tablet (product.md target: under 150 KB
 * gzip, then served offline): the shell page, its scripts and styles, the
 * manifest and the day's bundle with both instruments, each gzipped as the
 * server sends them (compression middleware).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { createApp } from '../src/http/app';
import { Translations } from '../src/i18n/translate';
import { loadInstruments } from '../src/instruments/load-instruments';
import { loadReportDefinitions } from '../src/report-definitions/load-report-definitions';
import { createAccount } from '../src/services/accounts';
import { ensureDemoStudy } from '../src/services/demo-study';
import { Database } from '../src/storage/db';
import { migrate } from '../src/storage/migrate';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function run(): Promise<void> {
  const db = await Database.open(':memory:');
  await migrate(db);
  await createAccount(db, { username: 'bench-admin', displayName: 'Bench', role: 'admin', password: 'bench password 1' });
  const { password } = await ensureDemoStudy(db, 'bench-admin');
  const instruments = loadInstruments(path.join(projectDir, 'surveys'));
  const app = createApp({
    db, instruments, definitions: loadReportDefinitions(path.join(projectDir, 'reports'), instruments), translations: Translations.load(path.join(projectDir, 'locales')),
    projectDir, config: { secureCookies: false, maxUploadBytes: 1024 * 1024, dataDir: mkdtempSync(path.join(tmpdir(), 'bench-field-')) },
  });
  const agent = request.agent(app);
  await agent.post('/login').type('form').send({ username: 'demo-enqueteur', password }).expect(303);
  const shell = (await agent.get('/field/sw.js')).text.match(/const shell = (\[.*\]);/)![1]!;
  const urls = [...JSON.parse(shell) as string[], '/field/sw.js', '/api/fieldwork'];
  let raw = 0;
  let gzipped = 0;
  for (const url of urls) {
    const response = await agent.get(url).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const body = response.body as Buffer;
    raw += body.length;
    gzipped += gzipSync(body).length;
    console.log(`  ${url.padEnd(32)} ${(body.length / 1024).toFixed(1).padStart(6)} KB  gzip ${(gzipSync(body).length / 1024).toFixed(1).padStart(5)} KB`);
  }
  console.log(`field app first load: ${urls.length} files, ${(raw / 1024).toFixed(0)} KB, gzip ${(gzipped / 1024).toFixed(0)} KB (target < 150 KB)`);
  console.log(JSON.stringify({ bench: 'field-app', files: urls.length, kb: Math.round(raw / 1024), gzipKB: Math.round(gzipped / 1024) }));
  await db.close();
}
