/**
 * The 95% intervals of every figure of a theme, as the reports print them
 * beneath the theme table (instruments.md, "Complete figures"). The expected
 * values are worked out apart from the code: the t intervals with scipy's
 * t.ppf(0.975, 11) and the Wilson intervals with scipy's
 * binomtest(k, 12).proportion_ci(method='wilson') (numbers in the comments).
 */
import { describe, expect, it } from 'vitest';
import { buildStreetReport } from '../../../src/reports/street-report';
import { unitFigureBlocks } from '../../../src/reports/unit-blocks';
import { contactladder, syntheticReportContext } from '../../helpers/report-context';

// Twelve residents of Lindelaan, each giving the same answers to every statement of a theme.
const actual = [1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5];
const desired = [3, 3, 3, 3, 3, 4, 4, 3, 3, 4, 4, 5];
const importance = [5, 5, 4, 4, 4, 5, 5, 4, 4, 5, 5, 4];
const themeOf = new Map(contactladder.items.flatMap((item) => (item.kind === 'paired' ? [[item.id, item.dimension] as const] : [])));

const context = syntheticReportContext({ seed: 5, neighbourhoods: [{ name: 'Noord', streets: [
  { name: 'Lindelaan', character: 'ordinary', respondents: 12 }, { name: 'Eikenlaan', character: 'ordinary', respondents: 20 },
] }] }, 10, (synthetic) => {
  let index = 0;
  synthetic.respondents = synthetic.respondents.map((respondent) => {
    if (respondent.streetId !== 1) return respondent;
    const at = index++;
    return { ...respondent, paired: Object.fromEntries(Object.entries(respondent.paired).map(([id, answer]) => [id,
      ['mutual-help', 'negative-contacts'].includes(themeOf.get(id) ?? '') ? { actual: actual[at]!, desired: desired[at]!, importance: importance[at]! } : answer])) };
  });
});

function intervalRows() {
  const street = context.analysis.result.streets.find((candidate) => candidate.name === 'Lindelaan')!;
  const report = buildStreetReport(context, street.streetId)!;
  const table = unitFigureBlocks(report.section, context.definitions.say).find((block) => block.kind === 'table' && block.caption?.startsWith('De 95%-intervallen'));
  if (table?.kind !== 'table') throw new Error('the street report should print the interval table');
  return { header: table.header, rows: new Map(table.rows.map((row) => [row.cells[0], row.cells.slice(1)])) };
}

describe('the interval table of a unit', () => {
  it('gives each mean its t interval, the unweighted gap with its interval, and each share its Wilson interval', () => {
    const { header, rows } = intervalRows();
    expect(header).toEqual(['Thema', 'Nu', 'Gewenst', 'Belang', 'Kloof (ongewogen)', 'Wil meer', 'Tevreden', 'Wil minder']);
    expect(rows.get('Latente contacten en onderlinge hulp')).toEqual([
      '1,98–3,52', // 2.75 ± 0.7722: 1.97775–3.52225
      '3,07–3,93', // 3.5: 3.07163–3.92837
      '4,17–4,83', // 4.5: 4.16819–4.83181
      '+0,19 (+0,07 tot +0,31)', // (D − A)/4, mean 0.1875: 0.06777–0.30723
      '32–81%', // 7 of 12 want more: 0.31951–0.80674
      '19–68%', // 5 of 12 satisfied: 0.19326–0.68049
      '0–24%', // 0 of 12 want less: 0.00000–0.24249
    ]);
  });

  it('turns the gap and the shares to the theme\'s direction: on negative contacts, more is wanting more of the problem', () => {
    const { rows } = intervalRows();
    // The same answers on a theme of polarity −1: the gap in the theme's direction is −0.1875, and the 7 who want
    // a higher answer want more of it (the table's "Wil meer"), not improvement.
    expect(rows.get('Negatieve contacten')).toEqual(['1,98–3,52', '3,07–3,93', '4,17–4,83', '−0,19 (−0,31 tot −0,07)', '32–81%', '19–68%', '0–24%']);
  });
});
