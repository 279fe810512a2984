/**
 * The neighbourhood profile as its reader sees it: the number of answers per
 * question and a percentage, "< 5" or "afgeschermd" per answer. Read back the
 * way a reader would, no "< 5" count may follow from it.
 */
import { describe, expect, it } from 'vitest';
import type { CategoryCell } from '../../../src/domain/analysis/category-disclosure';
import { diagnose } from '../../../src/domain/recommendations/diagnosis';
import { figureFormatter } from '../../../src/reports/format';
import { buildNeighbourhoodReport, type NeighbourhoodReportModel } from '../../../src/reports/neighbourhood-report';
import { workedOut } from '../../helpers/category-derivability';
import { contactladder, syntheticReportContext } from '../../helpers/report-context';

/** A printed share read back as a reader would: up to 100 answers a whole percentage gives the count. */
function readBack(share: string, answered: number): CategoryCell {
  if (share === '< 5') return { kind: 'fewer-than', limit: 5 };
  if (share === 'afgeschermd') return { kind: 'protected' };
  const percent = Number(/^(\d+)%$/.exec(share)?.[1]);
  expect(Number.isInteger(percent), share).toBe(true);
  const counts = Array.from({ length: answered + 1 }, (_, n) => n).filter((n) => Math.round((100 * n) / answered) === percent);
  expect(counts, `${share} of ${answered}`).toHaveLength(1);
  return { kind: 'count', n: counts[0]! };
}

function derivableCounts(report: NeighbourhoodReportModel): string[] {
  return report.profile.flatMap((question) => {
    expect(question.answered).toBeLessThanOrEqual(100);
    const cells = question.rows.map((row) => readBack(row.share, question.answered));
    return workedOut(question.answered, cells).map((index) => `${question.question}: ${question.rows[index]!.label}`);
  });
}

const streets = (seed: number) => ({ seed, neighbourhoods: [{ name: 'Bloemenbuurt', streets: [
  { name: 'Rozenstraat', character: 'ordinary' as const, respondents: 20 },
  { name: 'Tulpstraat', character: 'wants-mutual-help' as const, respondents: 20 },
  { name: 'Irisstraat', character: 'much-annoyance' as const, respondents: 20 },
] }] });

describe('the neighbourhood profile', () => {
  it('does not let the answers minus the other categories give the carers of someone with dementia (57 − 47 − 8 = 2)', () => {
    const context = syntheticReportContext(streets(11), 10, (synthetic) => {
      synthetic.respondents = synthetic.respondents.map((respondent, index) => ({
        ...respondent, background: { ...respondent.background, 'gives-care': index < 47 ? 1 : index < 55 ? 3 : index < 57 ? 2 : null },
      }));
    });
    const report = buildNeighbourhoodReport(context, context.analysis.result.neighbourhoods[0]!.neighbourhoodId)!;
    const care = report.profile.find((question) => question.question.startsWith('Zorgt u onbetaald'))!;
    expect(care.answered).toBe(57);
    expect(care.rows.map((row) => row.share)).toEqual(['82%', '< 5', 'afgeschermd']);
    expect(derivableCounts(report)).toEqual([]);

    // A rationale naming the protected share would undo the protection: it says "een deel" instead.
    const neighbourhood = context.analysis.result.neighbourhoods[0]!.result;
    if (neighbourhood.kind !== 'shown') throw new Error('the neighbourhood should be shown');
    const diagnosis = diagnose(neighbourhood.figures, neighbourhood.n, contactladder);
    const say = figureFormatter(context.definitions.say);
    expect(say(diagnosis.measure('share:gives-care=3')!, 'percent')).toBe('een deel');
    expect(say(diagnosis.measure('share:gives-care=1')!, 'percent')).toBe('82%');
    // 2 + 8: with the 8 known, the sum would give the 2 back.
    expect(say(diagnosis.measure('share:gives-care=2,3')!, 'percent')).toBe('een deel');
    expect(say(diagnosis.measure('share:gives-care=2')!, 'percent')).toBe('minder dan 5 bewoners');
  });

  it('leaves no "< 5" count a reader can work out, in any question of generated neighbourhoods', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const context = syntheticReportContext(streets(seed));
      const report = buildNeighbourhoodReport(context, context.analysis.result.neighbourhoods[0]!.neighbourhoodId)!;
      expect(report.profile.length).toBeGreaterThan(5);
      expect(derivableCounts(report), `seed ${seed}`).toEqual([]);
    }
  });

  it('gives the heavily burdened carers as a share of the residents, not of the carers (6 of 60 is 10 %, not 6 of 16)', () => {
    const context = syntheticReportContext(streets(12), 10, (synthetic) => {
      synthetic.respondents = synthetic.respondents.map((respondent, index) => ({
        ...respondent, background: { ...respondent.background, 'gives-care': index < 16 ? 3 : 1, 'care-burden': index < 6 ? 4 : index < 16 ? 1 : null },
      }));
    });
    const neighbourhood = context.analysis.result.neighbourhoods[0]!.result;
    if (neighbourhood.kind !== 'shown') throw new Error('the neighbourhood should be shown');
    expect(neighbourhood.n).toBe(60);
    const diagnosis = diagnose(neighbourhood.figures, neighbourhood.n, contactladder);
    expect(diagnosis.measure('residents:care-burden=3,4')).toMatchObject({ value: 6 / 60, count: 6 });
    expect(diagnosis.measure('share:care-burden=3,4')).toMatchObject({ value: 6 / 16, count: 6 });
    const report = buildNeighbourhoodReport(context, context.analysis.result.neighbourhoods[0]!.neighbourhoodId)!;
    const sentences = report.section.kind === 'shown' ? report.section.recommendations.map((recommendation) => recommendation.rationale) : [];
    expect(sentences.find((sentence) => sentence.includes('mantelzorg die zwaar'))).toMatch(/^10% van de bewoners geeft mantelzorg die zwaar of zeer zwaar valt\./);
  });
});
