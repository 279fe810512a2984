/**
 * Background-category counts across units: a neighbourhood's printed count
 * minus the counts its street units could print must not leave 1 to 4, the
 * small streets' count. Hand-built profiles, and the printed outputs of
 * synthetic studies read back as a reader would, with the true counts taken
 * from the generated answers.
 */
import { describe, expect, it } from 'vitest';
import { protectAcrossUnits } from '../../../../src/domain/analysis/category-linking';
import type { CategoryCell } from '../../../../src/domain/analysis/category-disclosure';
import type { UnitProfile } from '../../../../src/domain/analysis/respondent-profile';
import { generateStudy } from '../../../../src/synthetic/generate-study';
import { contactladder, syntheticReportContext } from '../../../helpers/report-context';

const count = (n: number): CategoryCell => (n > 0 && n < 5 ? { kind: 'fewer-than', limit: 5 } : { kind: 'count', n });
const profile = (counts: number[]): UnitProfile => ({
  questions: new Map([['household', { answered: counts.reduce((a, b) => a + b, 0), counts, disclosed: { kind: 'shown', answered: counts.reduce((a, b) => a + b, 0), cells: counts.map(count) } }]]),
});
const cells = (unit: UnitProfile) => { const d = unit.questions.get('household')!.disclosed; return d.kind === 'shown' ? d.cells.map((cell) => cell.kind) : []; };

describe('category counts across a neighbourhood and its streets', () => {
  it('protects the smallest street count that would leave a remainder of 1 to 4', () => {
    // Living alone: neighbourhood 22, streets 11 and 8 print theirs; the small streets hold 3. Protect the 8.
    const streets = [profile([11, 9]), profile([8, 12])];
    protectAcrossUnits(profile([22, 30]), streets);
    expect(streets.map(cells)).toEqual([['count', 'count'], ['protected', 'count']]);
  });

  it('leaves counts alone whose remainder is 0 or at least 5, and a neighbourhood count that is not printed', () => {
    const exact = [profile([11, 9]), profile([11, 21])];
    protectAcrossUnits(profile([22, 30]), exact);
    expect(exact.map(cells)).toEqual([['count', 'count'], ['count', 'count']]);
    const large = [profile([11, 9]), profile([5, 21])];
    protectAcrossUnits(profile([22, 35]), large);
    expect(large.map(cells)).toEqual([['count', 'count'], ['count', 'count']]);
    const hidden = [profile([2, 9]), profile([1, 21])];
    protectAcrossUnits(profile([3, 30]), hidden);
    expect(hidden.map(cells)).toEqual([['fewer-than', 'count'], ['fewer-than', 'count']]);
  });

  it('leaves no remainder of 1 to 4 in synthetic studies, with the true counts from the generated answers', () => {
    let checked = 0;
    for (const seed of [31, 32, 33, 34, 35, 36]) {
      const spec = { seed, neighbourhoods: [{ name: 'Noord', streets: [
        { name: 'A', character: 'ordinary' as const, respondents: 30 }, { name: 'B', character: 'wants-mutual-help' as const, respondents: 22 },
        { name: 'C', character: 'ordinary' as const, respondents: 14 }, { name: 'D', character: 'ordinary' as const, respondents: 3 }, { name: 'E', character: 'ordinary' as const, respondents: 2 },
      ] }] };
      const { result } = syntheticReportContext(spec).analysis;
      const respondents = generateStudy(contactladder, spec).respondents;
      const neighbourhood = result.neighbourhoods[0]!.result;
      if (neighbourhood.kind !== 'shown') continue;
      for (const [question, { disclosed }] of neighbourhood.figures.profile!.questions) {
        if (disclosed.kind !== 'shown') continue;
        disclosed.cells.forEach((cell, index) => {
          if (cell.kind !== 'count') return;
          // What a reader adds up: each shown unit's count that its rationale could print.
          const units = [...result.streets.filter((street) => street.reportedAs === 'street').map((street) => ({ ids: [street.streetId], unit: street.result })),
            ...result.combinedUnits.map((unit) => ({ ids: unit.streetIds, unit: unit.result }))];
          let printed = 0;
          for (const { ids, unit } of units) {
            const own = unit.kind === 'shown' ? unit.figures.profile?.questions.get(question)?.disclosed : undefined;
            const unitCell = own?.kind === 'shown' ? own.cells[index] : undefined;
            if (unitCell?.kind !== 'count' || unitCell.n < 5) continue;
            const trueCount = respondents.filter((respondent) => ids.includes(respondent.streetId) && respondent.background[question] === index + 1).length;
            expect(unitCell.n).toBe(trueCount);
            printed += trueCount;
          }
          const trueTotal = respondents.filter((respondent) => respondent.background[question] === index + 1).length;
          expect(cell.n).toBe(trueTotal);
          const remainder = trueTotal - printed;
          expect(remainder > 0 && remainder < 5, `${seed} ${question}=${index + 1}: ${trueTotal} − ${printed}`).toBe(false);
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
