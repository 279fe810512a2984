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
 * (storage/interviews.ts; stored with their compact ratings, as sync stores
 * them), then the analysis itself (analyseStudy), and their sum.
 *
 * Then street types at city scale (`types`): 8,000 streets of 50 respondents
 * each, generated and analysed 1,000 streets at a time (the generator is too
 * slow and too hungry for 400,000 at once), their profiles gathered and typed
 * in one call of findStreetTypes, timed alone; beside it, for comparison, the
 * silhouette over every pair of streets, as it was computed before the sample.
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
import { respondentTableOf } from '../src/domain/analysis/respondent-table';
import { findStreetTypes, kMeans, maxStreetTypes, meanSilhouettes, type StreetProfile } from '../src/domain/analysis/street-types';
import { decideVisibility, mergeSmallStreets, reportingTree } from '../src/domain/analysis/disclosure-control';
import { loadInstruments } from '../src/instruments/load-instruments';
import { listStreets } from '../src/storage/address-frame';
import { Database } from '../src/storage/db';
import { insertInterviews, readRespondentTable } from '../src/storage/interviews';
import { migrate } from '../src/storage/migrate';
import { answerDocumentOf } from '../src/synthetic/answer-documents';
import { compactRatingsOf } from '../src/domain/analysis/compact-ratings';
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
  const types = spawnSync(process.execPath, [...process.execArgv, here, 'types'], { stdio: 'inherit' });
  if (types.status !== 0) throw new Error('street types at city scale failed');
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
    // With their compact ratings, as sync stores them (the inspector thread builds them from the checked document).
    await db.transaction((tx) => insertInterviews(tx, study.respondents.slice(start, start + chunk).map((respondent, index) => {
      const answers = answerDocumentOf(respondent);
      return {
        id: `interview-${start + index}`, studyId: 1, streetId: respondent.streetId, respondentKey: respondent.key,
        instrumentId: 'contactladder', instrumentVersion: 1, interviewerId: null, startedAt: '2026-01-02T10:00:00Z', endedAt: '2026-01-02T10:25:00Z',
        appVersion: 'bench', answers, ratings: compactRatingsOf(contactladder, answers)!,
      };
    })));
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
      + `(reading them from SQLite into the respondent table before it, from the compact ratings: ${readMs} ms; read and analysis together ${readMs + ms} ms), peak rss ${peakMB} MB`);
    console.log(JSON.stringify({ bench: 'analysis', respondents, streets, ms, readMs, totalMs: readMs + ms, peakMB, streetsShown: ownStreets.length, cellsShown: cells }));
  } finally {
    await db.close();
  }
}

/** 8,000 streets of 50 respondents: the time of the street types alone, with the sampled silhouette and with the full one. */
function streetTypesAtScale(): void {
  const profiles: StreetProfile[] = [];
  const chunkStreets = 1000;
  for (let chunk = 0; chunk < 8; chunk++) {
    const study = generateStudy(contactladder, {
      seed: 2026 + chunk,
      neighbourhoods: Array.from({ length: chunkStreets / 50 }, (_, n) => ({
        name: `Buurt ${n + 1}`,
        streets: Array.from({ length: 50 }, (_, s) => ({ name: `Straat ${n + 1}-${s + 1}`, character: characters[(n + s) % characters.length]!, respondents: 50 })),
      })),
    });
    const result = analyseStudy({
      instrument: contactladder, minReportSize: 10, respondents: respondentTableOf(contactladder, study.respondents),
      neighbourhoods: study.neighbourhoods, streets: study.streets,
    });
    for (const street of result.streets) {
      if (street.reportedAs !== 'street' || street.result.kind !== 'shown') continue;
      const needs = street.result.figures.figures.dimensions.needs();
      profiles.push({ streetId: chunk * chunkStreets + street.streetId, profile: contactladder.dimensions.map((dimension) => needs.find((need) => need.dimension === dimension.id)?.weightedGap ?? 0) });
    }
  }
  const dimensions = contactladder.dimensions.map((dimension) => dimension.id);
  findStreetTypes(profiles.slice(0, 500), dimensions); // warm-up
  let start = performance.now();
  const types = findStreetTypes(profiles, dimensions);
  const typesMs = Math.round(performance.now() - start);
  start = performance.now();
  const points = profiles.map((profile) => profile.profile);
  const candidates = Array.from({ length: maxStreetTypes - 1 }, (_, index) => ({ k: index + 2, labels: kMeans(points, index + 2) }));
  const full = meanSilhouettes(points, candidates);
  const fullMs = Math.round(performance.now() - start);
  const fullBest = candidates[full.indexOf(Math.max(...full))]!.k;
  console.log(`analysis: street types of ${profiles.length} streets (50 respondents each): ${typesMs} ms, ${types.types.length} types, silhouette ${types.silhouette?.toFixed(3) ?? 'none'} `
    + `(with the silhouette over every pair, as before: ${fullMs} ms, best k ${fullBest}, silhouette ${Math.max(...full).toFixed(3)})`);
  console.log(JSON.stringify({ bench: 'analysis', what: 'street-types', streets: profiles.length, typesMs, types: types.types.length, fullSilhouetteMs: fullMs, fullBestK: fullBest }));
}

if (process.argv[1] === here && process.argv[2] === 'types') streetTypesAtScale();
if (process.argv[1] === here && process.argv[2] === 'prepare') await prepare(Number(process.argv[3]), process.argv[4]!);
if (process.argv[1] === here && process.argv[2] === 'measure') await measure(Number(process.argv[3]), process.argv[4]!);
