/**
 * Exporting a city-scale study: 100,000 respondents in 2,000 streets with the
 * full contactladder, written as CSV and as XLSX to a sink that only counts
 * bytes. The data are prepared in a child process, so the peak memory shown
 * is the export's own: it must stay far below the size of the file, which
 * shows the export streams instead of holding everything.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { User } from '../src/domain/account';
import { loadInstruments } from '../src/instruments/load-instruments';
import { loadReportDefinitions } from '../src/report-definitions/load-report-definitions';
import { writeRespondentExport, type RespondentFormat } from '../src/services/exports';
import { Database } from '../src/storage/db';
import { insertInterviews } from '../src/storage/interviews';
import { migrate } from '../src/storage/migrate';
import { getStudy } from '../src/storage/studies';
import { answerDocumentOf } from '../src/synthetic/answer-documents';
import { generateStudy } from '../src/synthetic/generate-study';

const here = fileURLToPath(import.meta.url);
const instruments = loadInstruments(path.resolve(path.dirname(here), '../surveys'));
const contactladder = instruments.get('contactladder', 1)!;
const respondents = 100_000;
const streets = 2000;

/** Fills a fresh database file with the study, 10,000 respondents at a time. */
async function prepare(file: string): Promise<void> {
  const db = await Database.open(file);
  await migrate(db);
  await db.exec(`INSERT INTO users (username, display_name, role, password_hash) VALUES ('bench', 'Bench', 'coordinator', 'x');
    INSERT INTO studies (name, commissioner, area, fieldwork_start, fieldwork_end, created_by) VALUES ('Benchmark', 'Bench', 'Bench', '2026-01-01', '2026-02-01', 1);
    INSERT INTO study_instruments (study_id, instrument_id, instrument_version) VALUES (1, 'contactladder', 1);`);
  for (let n = 1; n <= 40; n++) {
    await db.run('INSERT INTO neighbourhoods (id, study_id, name) VALUES (?, 1, ?)', [n, `Buurt ${n}`]);
    for (let s = 1; s <= streets / 40; s++) await db.run('INSERT INTO streets (study_id, neighbourhood_id, name) VALUES (1, ?, ?)', [n, `Straat ${n}-${s}`]);
  }
  const chunk = 10_000;
  for (let start = 0; start < respondents; start += chunk) {
    const synthetic = generateStudy(contactladder, { seed: start, neighbourhoods: [{ name: 'N', streets: Array.from({ length: 200 }, (_, s) => ({ name: `S${s}`, character: 'ordinary', respondents: chunk / 200 })) }] });
    await db.transaction((tx) => insertInterviews(tx, synthetic.respondents.map((respondent, index) => ({
      id: `interview-${start + index}`, studyId: 1, streetId: 1 + ((start + index) % streets), respondentKey: `key-${start + index}`,
      instrumentId: 'contactladder', instrumentVersion: 1, interviewerId: null, startedAt: '2026-01-02T10:00:00Z', endedAt: '2026-01-02T10:25:00Z',
      appVersion: 'bench', answers: answerDocumentOf(respondent),
    }))));
  }
  await db.close();
}

class CountingSink extends Writable {
  bytes = 0;
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.bytes += chunk.length;
    done();
  }
}

export async function run(): Promise<void> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bench-export-')), 'bench.sqlite');
  const child = spawnSync(process.execPath, [...process.execArgv, here, 'prepare', file], { stdio: 'inherit' });
  if (child.status !== 0) throw new Error('preparing the benchmark study failed');
  const db = await Database.open(file);
  const study = (await getStudy(db, 1))!;
  const { exportWording: wording } = loadReportDefinitions(path.resolve(path.dirname(here), '../reports'), instruments).nl;
  const actor: User = { id: 1, username: 'bench', displayName: 'Bench', role: 'coordinator', locale: 'nl', disabled: false };
  const baselineMB = Math.round(process.memoryUsage().rss / 1024 / 1024);
  console.log(`export: process before the first export: rss ${baselineMB} MB`);
  for (const format of ['csv', 'xlsx'] as RespondentFormat[]) {
    const sink = new CountingSink();
    // Live heap, sampled while the export runs: garbage not yet collected shows in rss but not here.
    let heapMB = 0;
    const sampler = setInterval(() => { heapMB = Math.max(heapMB, process.memoryUsage().heapUsed / 1024 / 1024); }, 20);
    const start = performance.now();
    await writeRespondentExport(db, wording, actor, study, contactladder, format, sink);
    if (!sink.writableFinished) await new Promise((resolve) => sink.once('finish', resolve));
    const ms = Math.round(performance.now() - start);
    clearInterval(sampler);
    const peakMB = Math.round(process.resourceUsage().maxRSS / 1024);
    const fileMB = Math.round(sink.bytes / 1024 / 1024);
    console.log(`export ${format}: ${respondents} respondents, ${fileMB} MB written in ${ms} ms, peak rss ${peakMB} MB, largest live heap ${Math.round(heapMB)} MB`);
    console.log(JSON.stringify({ bench: 'export', format, respondents, ms, fileMB, peakMB, heapMB: Math.round(heapMB) }));
  }
  await db.close();
}

if (process.argv[1] === here && process.argv[2] === 'prepare') await prepare(process.argv[3]!);
