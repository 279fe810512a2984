import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instrument } from '../../../../src/domain/instrument';
import { gapModelOf, scoreRespondent } from '../../../../src/domain/analysis/respondent-scores';
import { respondentTableOf, type RespondentAnswers } from '../../../../src/domain/analysis/respondent-table';
import { findStartingPoints } from '../../../../src/domain/analysis/starting-points';
import { UnitAccumulator } from '../../../../src/domain/analysis/unit-summary';
import { instruments } from '../../../helpers/test-app';

const contactladder = instruments.get('contactladder', 1) as Instrument;
const model = gapModelOf(contactladder);
const thresholds = contactladder.thresholds!;
const mutualHelp = ['knock-for-help', 'help-when-ill', 'lend-things', 'spare-key'];

function respondent(key: string, paired: RespondentAnswers['paired']): RespondentAnswers {
  return Object.freeze({ key, streetId: 1, neighbourhoodId: 1, paired: Object.freeze(paired), background: Object.freeze({}) });
}

function summarise(respondents: RespondentAnswers[]) {
  const unit = new UnitAccumulator(model);
  const table = respondentTableOf(contactladder, respondents);
  for (let row = 0; row < table.size; row++) unit.add(scoreRespondent(table, row, model));
  return unit.toFigures();
}

/*
 * A three-respondent street, worked on paper. Mutual help has four items (K = M = 5, p = +1).
 *   r1 answers all four: A 2, D 4, B 5 each          → WG 0.5 per item, dimension WG 0.5,  n 0.5
 *   r2 answers two (half is enough): A 3, D 4, B 3    → WG 0.125 per item, dimension 0.125, n 0.25
 *   r3 answers one of four (under half): no dimension score
 *   knock-for-help: r1 0.5, r2 0.125, r3 (A 4, D 3, B 4) −0.1875 → mean 0.145833…, valid n 3
 *   dimension: mean of r1 and r2 = (0.5 + 0.125) / 2 = 0.3125, both want improvement → share 1
 */
const street = [
  respondent('r1', Object.fromEntries(mutualHelp.map((id) => [id, { actual: 2, desired: 4, importance: 5 }]))),
  respondent('r2', { 'knock-for-help': { actual: 3, desired: 4, importance: 3 }, 'help-when-ill': { actual: 3, desired: 4, importance: 3 }, 'lend-things': { actual: null, desired: 4, importance: 3 } }),
  respondent('r3', { 'knock-for-help': { actual: 4, desired: 3, importance: 4 } }),
];

describe('unit summary', () => {
  it('computes the worked three-respondent street per item', () => {
    const figures = summarise(street);
    const knock = figures.items.get('knock-for-help')!;
    expect(knock.n).toBe(3);
    expect(knock.weightedGap.mean).toBeCloseTo((0.5 + 0.125 - 0.1875) / 3, 12);
    // Worked by hand: s = 0.344223, t(2; 0.975) = 4.302653, so the mean ± t · s / √3 = 0.145833 ± 0.855098.
    expect(knock.weightedGap.n).toBe(3);
    expect(knock.weightedGap.low).toBeCloseTo(-0.7092643977065927, 6);
    expect(knock.weightedGap.high).toBeCloseTo(1.0009310643732594, 6);
    expect(knock.actual.mean).toBe(3);
    expect(knock.desired.mean).toBeCloseTo(11 / 3, 12);
    expect(knock.importance!.mean).toBe(4);
    expect([knock.shareWantingImprovement, knock.shareSatisfied, knock.shareWantingLess]).toEqual([2 / 3, 0, 1 / 3]);
  });

  it('scores a dimension only for respondents who answered at least half its items', () => {
    const dimension = summarise(street).dimensions.get('mutual-help')!;
    expect(dimension.n).toBe(2);
    expect(dimension.weightedGap.mean).toBeCloseTo(0.3125, 12);
    expect(dimension.problemAlignedGap.mean).toBeCloseTo(0.375, 12);
    expect(dimension.shareWantingImprovement).toBe(1);
  });

  it('gives no figures when everyone answers "don\'t know"', () => {
    const figures = summarise([1, 2, 3].map((i) => respondent(`r${i}`, { 'knock-for-help': { actual: null, desired: null, importance: null } })));
    expect(figures.respondents).toBe(3);
    expect(figures.items.size).toBe(0);
    expect(figures.dimensions.size).toBe(0);
  });

  it('does not depend on the order of respondents', () => {
    const arbitraryAnswer = fc.record({ actual: fc.option(fc.integer({ min: 1, max: 5 })), desired: fc.option(fc.integer({ min: 1, max: 5 })), importance: fc.option(fc.integer({ min: 1, max: 5 })) });
    const arbitraryRespondent = fc.dictionary(fc.constantFrom(...mutualHelp), arbitraryAnswer);
    fc.assert(fc.property(fc.array(arbitraryRespondent, { minLength: 1, maxLength: 20 }), (answers) => {
      const respondents = answers.map((paired, index) => respondent(`r${index}`, paired));
      const forwards = summarise(respondents).dimensions.get('mutual-help');
      const backwards = summarise([...respondents].reverse()).dimensions.get('mutual-help');
      if (!forwards || !backwards) return forwards === backwards;
      return Math.abs(forwards.weightedGap.mean - backwards.weightedGap.mean) < 1e-12 && forwards.n === backwards.n
        && forwards.shareWantingImprovement === backwards.shareWantingImprovement;
    }));
  });
});

describe('starting points', () => {
  it('names mutual help for a street that wants more of it, ranked by weighted gap', () => {
    const result = findStartingPoints(summarise(street).dimensions.needs(), thresholds);
    expect(result).toEqual({ kind: 'starting-points', ranked: [{ dimension: 'mutual-help', weightedGap: expect.closeTo(0.3125, 12), shareWantingImprovement: 1 }] });
  });

  it('finds no need where contact is low and equally little is wanted', () => {
    const quiet = [1, 2, 3].map((i) => respondent(`r${i}`, Object.fromEntries(mutualHelp.map((id) => [id, { actual: 1, desired: 1, importance: 4 }]))));
    expect(findStartingPoints(summarise(quiet).dimensions.needs(), thresholds)).toEqual({ kind: 'no-need' });
  });

  it('treats wanting less annoyance as a need on negative contacts', () => {
    const annoyed = [1, 2, 3].map((i) => respondent(`r${i}`, Object.fromEntries(
      ['live-past-each-other', 'indifferent-neighbours', 'annoyed-by-behaviour', 'nuisance', 'interference'].map((id) => [id, { actual: 5, desired: 2, importance: 5 }]),
    )));
    const result = findStartingPoints(summarise(annoyed).dimensions.needs(), thresholds);
    expect(result).toEqual({ kind: 'starting-points', ranked: [{ dimension: 'negative-contacts', weightedGap: 0.75, shareWantingImprovement: 1 }] });
  });

  it('needs both a large enough weighted gap and enough residents wanting improvement', () => {
    // One of four respondents wants much more (WG 1), three are satisfied: WG 0.25 but only 25 % want improvement.
    const few = [respondent('r1', Object.fromEntries(mutualHelp.map((id) => [id, { actual: 1, desired: 5, importance: 5 }])))]
      .concat([2, 3, 4].map((i) => respondent(`r${i}`, Object.fromEntries(mutualHelp.map((id) => [id, { actual: 3, desired: 3, importance: 5 }])))));
    expect(findStartingPoints(summarise(few).dimensions.needs(), thresholds)).toEqual({ kind: 'no-need' });
  });
});
