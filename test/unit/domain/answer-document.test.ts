import { describe, expect, it } from 'vitest';
import { checkAnswers, expectedRatings, isAnswerDocument } from '../../../src/domain/answer-document';
import type { Instrument } from '../../../src/domain/instrument';
import { randomAnswerDocument } from '../../../src/synthetic/answer-documents';
import { seededRandom } from '../../../src/synthetic/generate-study';
import { instruments } from '../../helpers/test-app';

const contactladder = instruments.get('contactladder', 1) as Instrument;
const straatladder = instruments.get('straatladder', 1) as Instrument;

describe('checkAnswers', () => {
  it('accepts a complete interview, with "don\'t know" counting as an answer', () => {
    const answers = randomAnswerDocument(contactladder, seededRandom(1), 0.3);
    expect(Object.values(answers).flatMap(Object.values)).toContain(null);
    expect(checkAnswers(contactladder, answers, {})).toEqual([]);
  });

  it('names every value outside its scale, unknown item or rating, and missing required answer', () => {
    const answers = randomAnswerDocument(contactladder, seededRandom(2), 0);
    answers['knock-for-help'] = { actual: 0, desired: 2.5, importance: 3, mood: 1 };
    answers['no-such-item'] = { answer: 1 };
    delete answers['nuisance'];
    expect(checkAnswers(contactladder, answers, { 'closing-remarks': 'x'.repeat(2001), 'knock-for-help': 'text' })).toEqual([
      { field: 'answers.knock-for-help.actual', reason: 'outOfScale' },
      { field: 'answers.knock-for-help.desired', reason: 'outOfScale' },
      { field: 'answers.knock-for-help.mood', reason: 'unknownRating' },
      { field: 'answers.no-such-item', reason: 'unknownItem' },
      { field: 'comments.closing-remarks', reason: 'textTooLong' },
      { field: 'comments.knock-for-help', reason: 'unknownItem' },
      { field: 'answers.nuisance.actual', reason: 'requiredAnswer' },
      { field: 'answers.nuisance.desired', reason: 'requiredAnswer' },
      { field: 'answers.nuisance.importance', reason: 'requiredAnswer' },
    ]);
  });

  it('asks the straatladder rungs 1..10 and the checklist as 0/1 per rung, and the checklist may be left out', () => {
    const rung = straatladder.items.find((item) => item.kind === 'rung')!;
    const checklist = straatladder.items.find((item) => item.kind === 'rung-checklist')!;
    expect(expectedRatings(rung, straatladder)).toEqual([{ rating: 'current', min: 1, max: 10 }, { rating: 'desired', min: 1, max: 10 }]);
    expect(expectedRatings(checklist, straatladder)).toHaveLength(20);
    expect(checkAnswers(straatladder, { 'street-rung': { current: 10, desired: null } }, {})).toEqual([]);
    expect(checkAnswers(straatladder, { 'street-rung': { current: 11, desired: 1 }, 'rung-checklist': { 'now-1': 2 } }, {}).map((issue) => issue.reason))
      .toEqual(['outOfScale', 'outOfScale']);
  });
});

describe('isAnswerDocument', () => {
  it('takes only objects of objects of numbers or null', () => {
    expect(isAnswerDocument({ a: { actual: 1, desired: null } })).toBe(true);
    for (const bad of [null, [], 'x', { a: [1] }, { a: { actual: '1' } }, { a: { actual: Infinity } }, { a: null }]) expect(isAnswerDocument(bad), JSON.stringify(bad)).toBe(false);
  });
});
