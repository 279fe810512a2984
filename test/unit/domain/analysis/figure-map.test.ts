import { describe, expect, it } from 'vitest';
import { gapModelOf, scoreRespondent } from '../../../../src/domain/analysis/respondent-scores';
import { respondentTableOf } from '../../../../src/domain/analysis/respondent-table';
import { UnitAccumulator } from '../../../../src/domain/analysis/unit-summary';
import type { Instrument } from '../../../../src/domain/instrument';
import { instruments } from '../../../helpers/test-app';

const contactladder = instruments.get('contactladder', 1) as Instrument;
const model = gapModelOf(contactladder);

function figuresOf(answers: Record<string, { actual: number | null; desired: number | null; importance: number | null }>[]) {
  const table = respondentTableOf(contactladder, answers.map((paired, index) => ({ key: `r${index}`, streetId: 1, neighbourhoodId: 1, paired, background: {} })));
  const unit = new UnitAccumulator(model);
  for (let row = 0; row < table.size; row++) unit.add(scoreRespondent(table, row, model));
  return unit.toFigures();
}

describe('figure map', () => {
  // Two respondents on one item: WG (A 2 → D 4, B 5) = 0.5 and (A 4 → D 3, B 3) = −0.125.
  const figures = figuresOf([
    { 'knock-for-help': { actual: 2, desired: 4, importance: 5 }, 'lend-things': { actual: 3, desired: 3, importance: 2 } },
    { 'knock-for-help': { actual: 4, desired: 3, importance: 3 } },
  ]);

  it('reads as a map of the items that have figures, in the instrument\'s order', () => {
    expect(figures.items.size).toBe(2);
    expect([...figures.items.keys()]).toEqual(['knock-for-help', 'lend-things']);
    expect(figures.items.has('spare-key')).toBe(false);
    expect(figures.items.get('spare-key')).toBeUndefined();
    expect([...figures.items].map(([id]) => id)).toEqual([...figures.items.keys()]);
  });

  it('gives each mean with its 95% t interval, worked by hand', () => {
    const knock = figures.items.get('knock-for-help')!;
    expect(knock.n).toBe(2);
    expect(knock.weightedGap.mean).toBeCloseTo(0.1875, 12);
    // Two values: s = 0.441942, t(1; 0.975) = 12.706205, so 0.1875 ± 3.970689.
    expect(knock.weightedGap.low).toBeCloseTo(-3.7831889800545926, 6);
    expect(knock.weightedGap.high).toBeCloseTo(4.158188980054593, 6);
    // Now 2 and 4: s = √2, so 3 ± 12.706205.
    expect(knock.actual.mean).toBe(3);
    expect(knock.actual.low).toBeCloseTo(-9.706204736174698, 6);
    expect(knock.actual.high).toBeCloseTo(15.706204736174698, 6);
    expect([knock.shareWantingImprovement, knock.shareSatisfied, knock.shareWantingLess]).toEqual([0.5, 0, 0.5]);
  });

  it('gives a single answer a mean without an interval', () => {
    expect(figures.items.get('lend-things')!.actual).toEqual({ n: 1, mean: 3 });
    expect(figures.items.get('lend-things')!.shareSatisfied).toBe(1);
  });

  it('writes itself to JSON as a plain object of the same figures', () => {
    const json = JSON.parse(JSON.stringify(figures.items)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['knock-for-help', 'lend-things']);
    expect(json['lend-things']).toEqual(JSON.parse(JSON.stringify(figures.items.get('lend-things'))));
  });

  it('lists each dimension\'s weighted gap and share wanting improvement for the starting points', () => {
    const dimension = figures.dimensions.get('mutual-help')!;
    expect(figures.dimensions.needs()).toEqual([{ dimension: 'mutual-help', weightedGap: dimension.weightedGap.mean, shareWantingImprovement: dimension.shareWantingImprovement }]);
  });
});
