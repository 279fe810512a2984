import { performance } from 'node:perf_hooks';
import { analyseStudy } from '../src/domain/analysis/analyse-study';
import { respondentTableOf } from '../src/domain/analysis/respondent-table';
import { loadInstruments } from '../src/instruments/load-instruments';
import { generateStudy, type StreetCharacter } from '../src/synthetic/generate-study';
const characters: StreetCharacter[] = ['ordinary', 'wants-mutual-help', 'ordinary', 'much-annoyance', 'quiet-content'];
const contactladder = loadInstruments('/work/main/surveys').get('contactladder', 1)!;
const respondents = Number(process.argv[2] ?? 100000); const streets = 2000; const perStreet = respondents / streets;
const study = generateStudy(contactladder, { seed: 2026, neighbourhoods: Array.from({ length: 40 }, (_, n) => ({ name: `Buurt ${n + 1}`, streets: Array.from({ length: streets / 40 }, (_, s) => ({ name: `Straat ${n + 1}-${s + 1}`, character: characters[(n + s) % characters.length]!, respondents: perStreet })) })) });
let start = performance.now();
const table = respondentTableOf(contactladder, study.respondents);
console.log('table ms', Math.round(performance.now() - start));
study.respondents.length = 0;
for (let i = 0; i < 3; i++) {
start = performance.now();
const result = analyseStudy({ instrument: contactladder, minReportSize: 10, ...study, respondents: table });
const g = globalThis as any; console.log('ms', Math.round(performance.now() - start), 'pass', Math.round(g.P1 - g.P0), 'nodes', Math.round(g.A), 'protect', Math.round(g.B), 'results', Math.round(g.C)); g.A = g.B = g.C = 0;
}
