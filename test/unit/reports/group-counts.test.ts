/**
 * The n of a study-wide group in the neighbourhood report: the study's count
 * of an answer. Minus what the neighbourhoods' profiles print, it would give a
 * small count of the neighbourhoods that print none, or the count a profile
 * keeps back ("< 5", "afgeschermd"); there it reads "n ≥ 10". True counts come
 * from the generated answers.
 */
import { describe, expect, it } from 'vitest';
import { buildNeighbourhoodReport } from '../../../src/reports/neighbourhood-report';
import { reportDocument } from '../../../src/reports/report-document';
import { generateStudy } from '../../../src/synthetic/generate-study';
import { contactladder, syntheticReportContext } from '../../helpers/report-context';
import { definitions } from '../../helpers/test-app';

describe('the n of a study-wide group', () => {
  it('is printed exactly only where no small count of a neighbourhood follows from it', () => {
    let atLeast = 0;
    let exact = 0;
    for (const seed of [41, 42, 43, 44, 45, 46, 47, 48]) {
      const spec = { seed, neighbourhoods: [
        { name: 'Noord', streets: [{ name: 'A', character: 'ordinary' as const, respondents: 40 }, { name: 'B', character: 'wants-mutual-help' as const, respondents: 30 }] },
        { name: 'Zuid', streets: [{ name: 'C', character: 'ordinary' as const, respondents: 12 }] },
      ] };
      const context = syntheticReportContext(spec);
      const respondents = generateStudy(contactladder, spec).respondents;
      const report = buildNeighbourhoodReport(context, 1)!;
      for (const group of report.groups) {
        const question = contactladder.items.find((item) => item.kind === 'choice' && item.wording.nl === group.question)!;
        if (question.kind !== 'choice') continue;
        for (const row of group.rows) {
          const value = contactladder.scales[question.scale]!.points.findIndex((point) => point.label.nl === row.label) + 1;
          const trueCount = respondents.filter((respondent) => respondent.background[question.id] === value).length;
          // What the neighbourhoods' profiles print of that answer, as exact counts, and whether one keeps it back.
          const cells = context.analysis.result.neighbourhoods.map((entry) => {
            const disclosed = entry.result.kind === 'shown' ? entry.result.figures.profile?.questions.get(question.id)?.disclosed : undefined;
            return disclosed?.kind === 'shown' ? disclosed.cells[value - 1] : undefined;
          });
          const printed = cells.reduce((total, cell) => total + (cell?.kind === 'count' ? cell.n : 0), 0);
          const keptBack = cells.some((cell) => cell !== undefined && cell.kind !== 'count');
          const smallRemainder = trueCount - printed > 0 && trueCount - printed < 5;
          if (row.nAtLeast) atLeast++;
          else {
            exact++;
            expect(Number(row.n)).toBe(trueCount);
          }
          expect(row.nAtLeast === true, `${seed} ${question.id}=${value}`).toBe(smallRemainder || keptBack);
        }
      }
      const doc = reportDocument(report, definitions.say);
      expect(JSON.stringify(doc)).not.toMatch(/n = ≥/);
    }
    expect(atLeast).toBeGreaterThan(0);
    expect(exact).toBeGreaterThan(0);
  });
});
