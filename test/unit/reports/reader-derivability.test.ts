/**
 * Nothing hidden can be worked out from everything a reader gets together: the
 * readers' tables and every street and neighbourhood report of a study with
 * many small streets (test/helpers/reader-derivability.ts says how).
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../src/domain/analysis/analyse-study';
import { responseFigures } from '../../../src/domain/response-figures';
import { aggregateRows } from '../../../src/exports/aggregate-tables';
import { buildNeighbourhoodReport } from '../../../src/reports/neighbourhood-report';
import { buildStreetReport } from '../../../src/reports/street-report';
import type { ReportContext } from '../../../src/reports/report-context';
import type { SyntheticStudySpec } from '../../../src/synthetic/generate-study';
import { subtractionLeaks, type CountEquation } from '../../helpers/reader-derivability';
import { contactladder, syntheticReportContext } from '../../helpers/report-context';

const minimum = 10;
const characters = ['ordinary', 'wants-mutual-help', 'much-annoyance', 'quiet-content'] as const;

/** Neighbourhoods of streets from 2 to 40 respondents, many of them under the minimum. */
function manySmallStreets(seed: number): SyntheticStudySpec {
  let street = 0;
  // The last neighbourhood is too small to be shown: the study's other neighbourhoods must not give it away.
  const sizes = [[3, 4, 12, 25, 9, 30], [14, 2, 40, 11], [8, 8, 50], [6, 19, 22, 1, 13], [5]];
  return {
    seed,
    neighbourhoods: sizes.map((streets, index) => ({
      name: `Wijk ${index + 1}`,
      streets: streets.map((respondents) => ({ name: `Straat ${++street}`, character: characters[(street + seed) % characters.length]!, respondents: respondents + ((seed * street) % 3) })),
    })),
  };
}

/** The context with each street's response as fieldwork would give it: its respondents completed, and some addresses more. */
function studyContext(seed: number): ReportContext {
  // In the first street of 20 or more, only 6 answer the mutual-help questions: a figure left out of a shown street.
  const helpItems = new Set(contactladder.items.filter((item) => item.kind === 'paired' && item.dimension === 'mutual-help').map((item) => item.id));
  const context = syntheticReportContext(manySmallStreets(seed), minimum, (synthetic) => {
    const sizes = new Map<number, number>();
    for (const respondent of synthetic.respondents) sizes.set(respondent.streetId, (sizes.get(respondent.streetId) ?? 0) + 1);
    const thin = [...sizes].find(([, size]) => size >= 20)![0];
    let answering = 0;
    synthetic.respondents = synthetic.respondents.map((respondent) => (respondent.streetId !== thin || answering++ < 6 ? respondent : {
      ...respondent, paired: Object.fromEntries(Object.entries(respondent.paired).map(([id, answer]) => [id, helpItems.has(id) ? { actual: null, desired: null, importance: null } : answer])),
    }));
  });
  const respondents = new Map<number, number>();
  for (const street of context.analysis.result.streets) respondents.set(street.streetId, street.respondents);
  const streets = new Map([...respondents].map(([streetId, completed]) => [streetId, responseFigures([
    ...Array.from({ length: completed }, () => ({ visits: 1, lastOutcome: null, ineligible: false, completed: true })),
    ...Array.from({ length: 3 + (streetId % 4) }, () => ({ visits: 2, lastOutcome: 'refused' as const, ineligible: false, completed: false })),
  ])]));
  return { ...context, analysis: { ...context.analysis, response: { ...context.analysis.response, streets } } };
}

const count = (text: string | number | null | undefined) => (typeof text === 'number' ? text : text && /^\d+$/.test(text) ? Number(text) : undefined);

/** Every sum a reader can form from the readers' tables and the reports of the study. */
function equationsOf(context: ReportContext): CountEquation[] {
  const result: AnalysisResult = context.analysis.result;
  const wording = context.definitions.exportWording;
  const equations: CountEquation[] = [];

  // The readers' tables: per level, unit and figure (a theme, or a statement of it) the printed n.
  const rows = aggregateRows(result, contactladder, wording);
  const printed = new Map<string, number>();
  const figures = new Set<string>();
  for (const row of rows) {
    const n = count(row[4]);
    const figure = `${row[2]} | ${row.at(-1)}`;
    if (n !== undefined) { printed.set(`${row[0]} | ${row[1]} | ${figure}`, n); figures.add(figure); }
  }
  const { levels } = wording.tables;
  const unitOf = (level: string, name: string, figure: string) => printed.get(`${level} | ${name} | ${figure}`);
  for (const figure of figures) {
    equations.push({
      what: `tables, ${figure}, study`, total: unitOf(levels.study, wording.tables.allStreets, figure),
      parts: result.neighbourhoods.map((neighbourhood) => ({ name: neighbourhood.name, n: unitOf(levels.neighbourhood, neighbourhood.name, figure), protectedBelow: Infinity })),
    });
    for (const neighbourhood of result.neighbourhoods) {
      const streets = result.streets.filter((street) => street.neighbourhoodId === neighbourhood.neighbourhoodId);
      const combinedLabel = rows.find((row) => row[0] === levels.combined && String(row[1]).includes(neighbourhood.name))?.[1];
      equations.push({
        what: `tables, ${figure}, ${neighbourhood.name}`, total: unitOf(levels.neighbourhood, neighbourhood.name, figure),
        parts: [
          ...streets.filter((street) => street.reportedAs === 'street').map((street) => ({ name: street.name, n: unitOf(levels.street, street.name, figure), protectedBelow: Infinity, hidden: street.result.kind === 'suppressed' })),
          ...(streets.some((street) => street.reportedAs === 'combined') ? [{ name: 'combined', n: combinedLabel ? unitOf(levels.combined, String(combinedLabel), figure) : undefined, protectedBelow: Infinity }] : []),
        ],
      });
    }
  }

  // The reports: each unit's n and its themes' n, the response tables, the group sizes.
  for (const neighbourhood of result.neighbourhoods) {
    const report = buildNeighbourhoodReport(context, neighbourhood.neighbourhoodId)!;
    const own = report.streets.filter((street) => !street.street.combined);
    const shownN = (section: typeof report.section) => (section.kind === 'shown' ? section.n : undefined);
    const units = [
      ...own.map((street) => ({ name: street.street.name, section: street.section })),
      ...(report.streets.some((street) => street.street.combined) ? [{ name: 'combined', section: report.combined?.section ?? { kind: 'suppressed' as const, reason: '' } }] : []),
    ];
    equations.push({ what: `reports, respondents, ${neighbourhood.name}`, total: shownN(report.section), parts: units.map((unit) => ({ name: unit.name, n: shownN(unit.section), protectedBelow: Infinity, hidden: unit.section.kind !== 'shown' })) });
    for (const dimension of contactladder.dimensions) {
      const themeN = (section: typeof report.section) => (section.kind === 'shown' ? section.dimensions.find((row) => row.id === dimension.id)?.n : undefined);
      equations.push({ what: `reports, ${dimension.id}, ${neighbourhood.name}`, total: themeN(report.section), parts: units.map((unit) => ({ name: unit.name, n: themeN(unit.section), protectedBelow: Infinity })) });
    }
    equations.push({
      what: `reports, completed interviews, ${neighbourhood.name}`, total: count(report.response?.completed),
      parts: report.responseByStreet.map((street) => {
        const own = report.streets.find((candidate) => candidate.street.name === street.name)!;
        return { name: street.name, n: count(street.response?.completed), protectedBelow: Infinity, hidden: own.street.combined || own.section.kind !== 'shown' };
      }),
    });
    // Each street report prints its own response table; it must agree with the neighbourhood's.
    for (const street of report.streets) {
      const own = buildStreetReport(context, street.street.id)!;
      expect(own.response?.completed).toBe(report.responseByStreet.find((row) => row.name === street.street.name)?.response?.completed);
    }
    for (const group of report.groups) {
      const question = contactladder.items.find((item) => item.kind === 'choice' && item.wording.nl === group.question);
      if (!question || question.kind !== 'choice') throw new Error(`no question "${group.question}"`);
      const labels = contactladder.scales[question.scale]!.points.map((point) => point.label.nl);
      equations.push({
        what: `reports, groups "${group.question}", ${neighbourhood.name}`, total: shownN(report.section),
        parts: [
          ...labels.map((label) => {
            const row = group.rows.find((candidate) => candidate.label === label);
            return { name: label, n: row && !row.nAtLeast ? count(row.n) : undefined, protectedBelow: Infinity };
          }),
          { name: 'no answer', n: undefined, protectedBelow: minimum },
        ],
      });
    }
  }
  return equations;
}

describe('everything a reader gets of a study, together', () => {
  it('forms the sums a reader can form (the checker sees the tables, the reports and the groups)', () => {
    const equations = equationsOf(studyContext(1));
    expect(equations.filter((equation) => equation.what.startsWith('tables')).length).toBeGreaterThan(40);
    expect(equations.filter((equation) => equation.what.startsWith('reports, completed')).length).toBe(5);
    // The studies hold hidden streets and combined units, or the checks below could not fail.
    const { streets } = studyContext(1).analysis.result;
    expect(streets.filter((street) => street.reportedAs === 'street' && street.result.kind === 'suppressed').length + streets.filter((street) => street.reportedAs === 'combined').length).toBeGreaterThan(4);
    // The checker finds a leak where one is made: a neighbourhood total over streets of which one is not printed.
    expect(subtractionLeaks([{ what: 'made', total: 30, parts: [{ name: 'a', n: 24, protectedBelow: Infinity }, { name: 'b', n: undefined, protectedBelow: Infinity }] }])).toEqual(['made: b = 6']);
    expect(subtractionLeaks([{ what: 'printed', total: undefined, parts: [{ name: 'a', n: 4, protectedBelow: Infinity, hidden: true }] }])).toEqual(['printed: a printed 4']);
    expect(subtractionLeaks([{ what: 'no answer', total: 60, parts: [{ name: 'a', n: 40, protectedBelow: Infinity }, { name: 'b', n: 12, protectedBelow: Infinity }, { name: 'no answer', n: undefined, protectedBelow: 10 }] }])).toEqual(['no answer: no answer = 8']);
  });

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`gives no hidden count away by subtraction (seed ${seed})`, () => {
      expect(subtractionLeaks(equationsOf(studyContext(seed)))).toEqual([]);
    });
  }
});
