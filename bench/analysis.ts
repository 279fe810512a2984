/**
 * Analysis of a city-scale study: generated studies of 10,000, 50,000 and
 * 100,000 respondents in 2,000 streets (40 neighbourhoods) with the full
 * contactladder, analysed in one call. Target (product.md): under 1 s for
 * 100,000 respondents on a 2-core machine, growing linearly. Each size runs in
 * a process of its own, so one size's garbage never slows the next.
 *
 * The respondents are first written as the JSON answer documents the database
 * holds; reading those into the analysis's respondent table (what
 * storage/interviews.ts does after SQLite hands over the rows) is timed
 * apart and printed beside the analysis.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { analyseStudy } from '../src/domain/analysis/analyse-study';
import { RespondentTableBuilder, tableLayoutOf, type RespondentTable } from '../src/domain/analysis/respondent-table';
import type { AnswerDocument } from '../src/domain/answer-document';
import { loadInstruments } from '../src/instruments/load-instruments';
import { answerDocumentOf } from '../src/synthetic/answer-documents';
import { generateStudy, type StreetCharacter } from '../src/synthetic/generate-study';

const characters: StreetCharacter[] = ['ordinary', 'wants-mutual-help', 'ordinary', 'much-annoyance', 'quiet-content'];

const here = fileURLToPath(import.meta.url);

export async function run(): Promise<void> {
  for (const respondents of [10_000, 50_000, 100_000]) {
    const child = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', here, 'size', String(respondents)], { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`the analysis of ${respondents} respondents failed`);
  }
}

function measure(respondents: number): void {
  const surveys = path.resolve(path.dirname(here), '../surveys');
  const contactladder = loadInstruments(surveys).get('contactladder', 1)!;
  const streets = 2000;
  {
    const perStreet = respondents / streets;
    const study = generateStudy(contactladder, {
      seed: 2026,
      neighbourhoods: Array.from({ length: 40 }, (_, n) => ({
        name: `Buurt ${n + 1}`,
        streets: Array.from({ length: streets / 40 }, (_, s) => ({ name: `Straat ${n + 1}-${s + 1}`, character: characters[(n + s) % characters.length]!, respondents: perStreet })),
      })),
    });
    const stored = study.respondents.map((respondent) => ({
      streetId: respondent.streetId, neighbourhoodId: respondent.neighbourhoodId, answers: JSON.stringify(answerDocumentOf(respondent)),
    }));
    study.respondents.length = 0;
    collectGarbage();

    let start = performance.now();
    const table = readTable(contactladder, stored);
    const readMs = Math.round(performance.now() - start);
    stored.length = 0;
    collectGarbage();

    start = performance.now();
    const result = analyseStudy({ instrument: contactladder, minReportSize: 10, ...study, respondents: table });
    const ms = Math.round(performance.now() - start);
    // The process's peak resident memory, including the generated study itself.
    const peakMB = Math.round(process.resourceUsage().maxRSS / 1024);
    const shownStreets = result.streets.filter((street) => street.result.kind === 'shown').length;
    console.log(`analysis: ${respondents} respondents, ${streets} streets (${shownStreets} shown): ${ms} ms `
      + `(reading the answer documents into the table before it: ${readMs} ms), peak rss ${peakMB} MB`);
    console.log(JSON.stringify({ bench: 'analysis', respondents, streets, ms, readMs, peakMB }));
  }
}

/** Clears the set-up's garbage (the generated records and documents), so the timing is the analysis's own. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** What storage/interviews.ts does with each row SQLite returns. */
function readTable(instrument: Parameters<typeof tableLayoutOf>[0], rows: readonly { streetId: number; neighbourhoodId: number; answers: string }[]): RespondentTable {
  const builder = new RespondentTableBuilder(tableLayoutOf(instrument));
  for (const row of rows) builder.addDocument(row.streetId, row.neighbourhoodId, JSON.parse(row.answers) as AnswerDocument);
  return builder.finish();
}

if (process.argv[1] === here && process.argv[2] === 'size') measure(Number(process.argv[3]));
