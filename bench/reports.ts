/**
 * Report rendering (product.md targets on a 2-core machine): a street report
 * as HTML (under 100 ms) and as PDF (under 300 ms), and a neighbourhood
 * report with 200 street sections as PDF (under 10 s, memory under 500 MB).
 * The study is generated (seeded), analysed once, and each report is built
 * from the analysis and rendered, charts included, several times; the median
 * is printed.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { median } from 'simple-statistics';
import { analyseStudy } from '../src/domain/analysis/analyse-study';
import { respondentTableOf } from '../src/domain/analysis/respondent-table';
import { responseFigures } from '../src/domain/response-figures';
import type { Study } from '../src/domain/study';
import { loadInstruments } from '../src/instruments/load-instruments';
import { loadReportDefinitions } from '../src/report-definitions/load-report-definitions';
import { buildNeighbourhoodReport } from '../src/reports/neighbourhood-report';
import type { ReportContext } from '../src/reports/report-context';
import { reportDocument } from '../src/reports/report-document';
import { renderCharts, renderReportHtml } from '../src/reports/render-html';
import { renderReportPdf } from '../src/reports/render-pdf';
import { buildStreetReport } from '../src/reports/street-report';
import { generateStudy, type StreetCharacter } from '../src/synthetic/generate-study';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const characters: StreetCharacter[] = ['ordinary', 'wants-mutual-help', 'much-annoyance', 'quiet-content'];

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return Math.round(median(times));
}

export async function run(): Promise<void> {
  const instruments = loadInstruments(path.join(projectDir, 'surveys'));
  const definitions = loadReportDefinitions(path.join(projectDir, 'reports'), instruments).nl;
  const instrument = instruments.get('contactladder', 1)!;
  const streets = 200;
  const synthetic = generateStudy(instrument, {
    seed: 11, neighbourhoods: [{ name: 'Bench-buurt', streets: Array.from({ length: streets }, (_, index) => ({ name: `Straat ${index + 1}`, character: characters[index % characters.length]!, respondents: 25 })) }],
  });
  const result = analyseStudy({ instrument, minReportSize: 10, ...synthetic, respondents: respondentTableOf(instrument, synthetic.respondents) });
  const study: Study = {
    id: 1, name: 'Benchmark', commissioner: 'Bench', area: 'Bench', fieldworkStart: '2026-01-01', fieldworkEnd: '2026-02-01', minReportSize: 10, maxVisitAttempts: 3,
    onlyApproved: false, isDemo: false, followUpOf: null, purgedAt: null, instruments: [{ instrumentId: 'contactladder', version: 1 }], createdAt: '', updatedAt: '',
  };
  const addresses = Array.from({ length: 40 }, (_, index) => ({ visits: 1, lastOutcome: null, ineligible: false, completed: index < 25 }));
  const context: ReportContext = {
    analysis: { study, result, response: { total: responseFigures([]), streets: new Map(synthetic.streets.map((street) => [street.id, responseFigures(addresses)])) } },
    instrument, definitions, previousInterventions: [], comments: [], instruments: [instrument],
    header: { studyName: study.name, commissioner: study.commissioner, area: study.area, isDemo: false, language: 'nl', generatedOn: '24 november 2026', dataVersion: 'bench' },
  };
  const viewsDir = path.join(projectDir, 'views');

  // The neighbourhood report first, so its memory peak is its own and not the street reports' garbage.
  // The peak is read after the first of the three, as one request makes one report; the peak after all three, with
  // the garbage of the runs before, is printed beside it.
  const peakBeforeMB = Math.round(process.resourceUsage().maxRSS / 1024);
  let pages = 0;
  let peakMB = 0;
  const neighbourhoodPdf = await timed(3, async () => {
    const doc = reportDocument(buildNeighbourhoodReport(context, 1)!, definitions.say);
    const pdf = await renderReportPdf(doc, await renderCharts(doc, definitions));
    pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    peakMB ||= Math.round(process.resourceUsage().maxRSS / 1024);
  });
  const peakAfterThreeMB = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`reports: neighbourhood report PDF with ${streets} street sections (${pages} pages): ${neighbourhoodPdf} ms, peak rss ${peakMB} MB for one (${peakBeforeMB} MB before it, ${peakAfterThreeMB} MB after three in a row) (targets < 10 s, < 500 MB)`);
  console.log(JSON.stringify({ bench: 'reports', what: 'neighbourhood-pdf', streets, ms: neighbourhoodPdf, peakMB }));

  const streetHtml = await timed(20, async () => {
    const doc = reportDocument(buildStreetReport(context, 2)!, definitions.say);
    return renderReportHtml(doc, await renderCharts(doc, definitions), viewsDir, definitions.say);
  });
  console.log(`reports: street report HTML (model, 3 charts, page): ${streetHtml} ms (target < 100 ms)`);
  console.log(JSON.stringify({ bench: 'reports', what: 'street-html', ms: streetHtml }));

  const streetPdf = await timed(10, async () => {
    const doc = reportDocument(buildStreetReport(context, 2)!, definitions.say);
    return renderReportPdf(doc, await renderCharts(doc, definitions));
  });
  console.log(`reports: street report PDF: ${streetPdf} ms (target < 300 ms)`);
  console.log(JSON.stringify({ bench: 'reports', what: 'street-pdf', ms: streetPdf }));
}
