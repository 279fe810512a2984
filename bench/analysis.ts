/**
 * Analysis of a city-scale study: generated studies of 10,000, 50,000 and
 * 100,000 respondents in 2,000 streets (40 neighbourhoods) with the full
 * contactladder, stored in a SQLite file as the server stores interviews,
 * then read and analysed the way the server does (services/analysis.ts).
 * Target (product.md): the analysis under 1 s for 100,000 respondents on a
 * 2-core machine, growing linearly.
 *
 * Each size is prepared in a process of its own and measured in another, so
 * the generator's garbage never weighs on the measurement. Printed apart:
 * reading the counted interviews from SQLite into the respondent table
 * (storage/interviews.ts), then the analysis itself (analyseStudy).
 *
 * Besides, on studies with many small streets: the share of streets (and of
 * residents) that get no figures at all, with the table redesign before
 * suppression (small streets merged into the smallest street with figures of
 * its own, disclosure-control.ts) and without it (complementary suppression
 * only), to show what the redesign gives back.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { analyseStudy } from '../src/domain/analysis/analyse-study';
import { decideVisibility, mergeSmallStreets, reportingTree } from '../src/domain/analysis/disclosure-control';
import { loadInstruments } from '../src/instruments/load-instruments';
import { listStreets } from '../src/storage/address-frame';
import { Database } from '../src/storage/db';
import { insertInterviews, readRespondentTable } from '../src/storage/interviews';
import { migrate } from '../src/storage/migrate';
import { answerDocumentOf } from '../src/synthetic/answer-documents';
import { generateStudy, type StreetCharacter } from '../src/synthetic/generate-study';

const characters: StreetCharacter[] = ['ordinary', 'wants-mutual-help', 'ordinary', 'much-annoyance', 'quiet-content'];
const neighbourhoods = 40;
const streets = 2000;
const here = fileURLToPath(import.meta.url);
const contactladder = loadInstruments(path.resolve(path.dirname(here), '../surveys')).get('contactladder', 1)!;

/**
 * Streets without figures in a study of 2,000 streets in 400 neighbourhoods of five, whose sizes follow a
 * seeded, skewed (exponential) draw: most streets small, as in a city study with modest response. With and
 * without the redesign.
 */
function streetsWithoutFigures(): void {
  let seed = 2026;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (const typical of [6, 10, 15]) {
    const counts = Array.from({ length: streets }, (_, index) => ({
      streetId: index + 1, neighbourhoodId: Math.floor(index / 5) + 1,
      respondents: Math.max(0, Math.round(-Math.log(1 - random()) * typical)),
    }));
    const shares = [false, true].map((redesign) => {
      const units = mergeSmallStreets(counts, 10, { redesign });
      const visibility = decideVisibility(reportingTree(units), 10);
      const unitOf = new Map(units.flatMap((unit) => (unit.kind === 'street' ? [[unit.streetId, unit.id] as const] : unit.streetIds.map((id) => [id, unit.id] as const))));
      const without = counts.filter((street) => street.respondents > 0 && visibility.get(unitOf.get(street.streetId)!) !== 'shown');
      const withAnswers = counts.filter((street) => street.respondents > 0);
      const residents = (list: typeof counts) => list.reduce((total, street) => total + street.respondents, 0);
      return { streets: without.length / withAnswers.length, residents: residents(without) / residents(withAnswers) };
    });
    const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
    console.log(`analysis: streets without figures (about ${typical} respondents per street, minimum 10): ${percent(shares[0]!.streets)} of streets `
      + `(${percent(shares[0]!.residents)} of residents) with complementary suppression alone, ${percent(shares[1]!.streets)} (${percent(shares[1]!.residents)}) with the redesign first`);
    console.log(JSON.stringify({ bench: 'analysis', what: 'streets-without-figures', typical, before: shares[0], after: shares[1] }));
  }
}

export async function run(): Promise<void> {
  streetsWithoutFigures();
  for (const respondents of [10_000, 50_000, 100_000]) {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-analysis-'));
    try {
      for (const step of ['prepare', 'measure']) {
        const child = spawnSync(process.execPath, [...process.execArgv, here, step, String(respondents), path.join(dir, 'bench.sqlite')], { stdio: 'inherit' });
        if (child.status !== 0) throw new Error(`${step} for ${respondents} respondents failed`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** A fresh database with one study: 40 neighbourhoods, 2,000 streets, and the generated respondents as counted interviews. */
async function prepare(respondents: number, file: string): Promise<void> {
  const study = generateStudy(contactladder, {
    seed: 2026,
    neighbourhoods: Array.from({ length: neighbourhoods }, (_, n) => ({
      name: `Buurt ${n + 1}`,
      streets: Array.from({ length: streets / neighbourhoods }, (_, s) => ({
        name: `Straat ${n + 1}-${s + 1}`, character: characters[(n + s) % characters.length]!, respondents: respondents / streets,
      })),
    })),
  });
  const db = await Database.open(file);
  await migrate(db);
  await db.exec(`INSERT INTO users (username, display_name, role, password_hash) VALUES ('bench', 'Bench', 'coordinator', 'x');
    INSERT INTO studies (name, commissioner, area, fieldwork_start, fieldwork_end, created_by) VALUES ('Benchmark', 'Bench', 'Bench', '2026-01-01', '2026-02-01', 1);
    INSERT INTO study_instruments (study_id, instrument_id, instrument_version) VALUES (1, 'contactladder', 1);`);
  // Inserted in the generator's order, so the database's ids are the generator's.
  for (const neighbourhood of study.neighbourhoods) await db.run('INSERT INTO neighbourhoods (id, study_id, name) VALUES (?, 1, ?)', [neighbourhood.id, neighbourhood.name]);
  for (const street of study.streets) await db.run('INSERT INTO streets (id, study_id, neighbourhood_id, name) VALUES (?, 1, ?, ?)', [street.id, street.neighbourhoodId, street.name]);
  const chunk = 10_000;
  for (let start = 0; start < study.respondents.length; start += chunk) {
    await db.transaction((tx) => insertInterviews(tx, study.respondents.slice(start, start + chunk).map((respondent, index) => ({
      id: `interview-${start + index}`, studyId: 1, streetId: respondent.streetId, respondentKey: respondent.key,
      instrumentId: 'contactladder', instrumentVersion: 1, interviewerId: null, startedAt: '2026-01-02T10:00:00Z', endedAt: '2026-01-02T10:25:00Z',
      appVersion: 'bench', answers: answerDocumentOf(respondent),
    }))));
  }
  await db.close();
}

async function measure(respondents: number, file: string): Promise<void> {
  const db = await Database.open(file);
  try {
    const streetRows = await listStreets(db, 1);
    let start = performance.now();
    const table = await readRespondentTable(db, 1, contactladder);
    const readMs = Math.round(performance.now() - start);
    if (table.size !== respondents) throw new Error(`read ${table.size} respondents, expected ${respondents}`);

    start = performance.now();
    const result = analyseStudy({
      instrument: contactladder, minReportSize: 10, respondents: table,
      neighbourhoods: [...new Map(streetRows.map((street) => [street.neighbourhoodId, { id: street.neighbourhoodId, name: street.neighbourhood }])).values()],
      streets: streetRows.map((street) => ({ id: street.id, name: street.name, neighbourhoodId: street.neighbourhoodId })),
    });
    const ms = Math.round(performance.now() - start);
    const peakMB = Math.round(process.resourceUsage().maxRSS / 1024);
    // What there is to compute besides the respondents: with few respondents per street, streets are merged and have no cells.
    const ownStreets = result.streets.filter((street) => street.reportedAs === 'street' && street.result.kind === 'shown');
    const cells = ownStreets.reduce((total, street) => total + street.groups.reduce((sum, group) => sum + group.categories.filter((category) => category.result.kind === 'shown').length, 0), 0);
    console.log(`analysis: ${respondents} respondents, ${streets} streets (${ownStreets.length} shown on their own, ${cells} street × group cells shown): ${ms} ms `
      + `(reading them from SQLite into the respondent table before it: ${readMs} ms), peak rss ${peakMB} MB`);
    console.log(JSON.stringify({ bench: 'analysis', respondents, streets, ms, readMs, peakMB, streetsShown: ownStreets.length, cellsShown: cells }));
  } finally {
    await db.close();
  }
}

if (process.argv[1] === here && process.argv[2] === 'prepare') await prepare(Number(process.argv[3]), process.argv[4]!);
if (process.argv[1] === here && process.argv[2] === 'measure') await measure(Number(process.argv[3]), process.argv[4]!);
