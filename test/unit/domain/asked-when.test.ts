/**
 * Skip logic: "Als u die zorg geeft: hoe zwaar valt u dat?" is asked only
 * after a "yes" to the care question. Not asked, it is not required, and an
 * answer to it (an older bundle's) does not count in the analysis.
 */
import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../../../src/domain/answer-document';
import { isAsked } from '../../../src/domain/asked-when';
import { instrumentSchema, type Instrument } from '../../../src/domain/instrument';
import { RespondentTableBuilder, tableLayoutOf } from '../../../src/domain/analysis/respondent-table';
import { randomAnswerDocument } from '../../../src/synthetic/answer-documents';
import { seededRandom } from '../../../src/synthetic/generate-study';
import { exportVariables, respondentRow } from '../../../src/exports/codebook';
import { instruments, reportLanguages } from '../../helpers/test-app';

// Version 2 asks the burden only after a yes (surveys/README.md); version 1 asked everyone.
const contactladder = instruments.get('contactladder', 2) as Instrument;
const careBurden = contactladder.items.find((item) => item.id === 'care-burden')!;
// gives-care: 1 "Nee", 2 "Ja, voor iemand met dementie", 3 "Ja, voor iemand anders"; null "Zeg ik liever niet".
const answering = (givesCare: number | null | undefined) => (itemId: string) => (itemId === 'gives-care' ? givesCare : undefined);

describe('a question asked only after a "yes"', () => {
  it('is asked after either "yes", not after "no", "prefer not to say" or no answer', () => {
    expect([2, 3].map((value) => isAsked(careBurden, answering(value)))).toEqual([true, true]);
    expect([1, null, undefined].map((value) => isAsked(careBurden, answering(value)))).toEqual([false, false, false]);
    expect(isAsked(contactladder.items.find((item) => item.id === 'gives-care')!, answering(1))).toBe(true);
  });

  it('is required where it is asked, and refused where it is not', () => {
    const answers = randomAnswerDocument(contactladder, seededRandom(3), 0);
    delete answers['care-burden'];
    answers['gives-care'] = { answer: 1 };
    expect(checkAnswers(contactladder, answers, {})).toEqual([]);
    answers['gives-care'] = { answer: 2 };
    expect(checkAnswers(contactladder, answers, {})).toEqual([{ field: 'answers.care-burden.answer', reason: 'requiredAnswer' }]);
    answers['care-burden'] = { answer: 3 };
    expect(checkAnswers(contactladder, answers, {})).toEqual([]);
    answers['gives-care'] = { answer: null };
    expect(checkAnswers(contactladder, answers, {})).toEqual([{ field: 'answers.care-burden', reason: 'notAsked' }]);
    // Version 1 asked everyone: its answers keep what was asked.
    const v1 = instruments.get('contactladder', 1) as Instrument;
    expect(checkAnswers(v1, { ...randomAnswerDocument(v1, seededRandom(3), 0), 'gives-care': { answer: 1 }, 'care-burden': { answer: 4 } }, {})).toEqual([]);
  });

  it('does not count an answer given where it was not asked', () => {
    const builder = new RespondentTableBuilder(tableLayoutOf(contactladder));
    builder.addDocument(1, 1, { 'gives-care': { answer: 1 }, 'care-burden': { answer: 4 } });
    builder.addDocument(1, 1, { 'gives-care': { answer: 3 }, 'care-burden': { answer: 4 } });
    builder.addDocument(1, 1, { 'gives-care': { answer: null }, 'care-burden': { answer: 3 } });
    builder.addRecord({ key: 'r', streetId: 1, neighbourhoodId: 1, paired: {}, background: { 'gives-care': 1, 'care-burden': 4 } });
    const table = builder.finish();
    const column = table.layout.questions.findIndex((question) => question.id === 'care-burden');
    const width = table.layout.questions.length;
    expect([0, 1, 2, 3].map((row) => table.questions[row * width + column])).toEqual([0, 4, 0, 0]);
  });

  it('leaves the exported value empty where the question was not asked', () => {
    const variables = exportVariables(contactladder, reportLanguages.nl.exportWording);
    const row = (givesCare: number) => respondentRow(variables, {
      respondentKey: 'r1', neighbourhood: 'Noord', street: 'Lindelaan', instrumentVersion: 1, answers: { 'gives-care': { answer: givesCare }, 'care-burden': { answer: 4 } },
    } as Parameters<typeof respondentRow>[1]);
    const at = variables.findIndex((variable) => variable.name === 'care_burden');
    expect([row(1)[at], row(2)[at]]).toEqual([null, 4]);
  });

  it('must name an earlier choice item and values on its scale, or the instrument does not load', () => {
    const withCondition = (askedWhen: unknown) => instrumentSchema.safeParse({ ...contactladder, items: contactladder.items.map((item) => (item.id === 'care-burden' ? { ...item, askedWhen } : item)) });
    expect(withCondition({ item: 'gives-care', values: [2, 3] }).success).toBe(true);
    const failures = [{ item: 'no-such-item', values: [1] }, { item: 'knock-for-help', values: [1] }, { item: 'gives-care', values: [4] }, { item: 'gives-care', values: [] }]
      .map((askedWhen) => withCondition(askedWhen).error?.issues[0]?.message);
    expect(failures).toEqual([
      'askedWhen names "no-such-item", which is not an earlier choice item',
      'askedWhen names "knock-for-help", which is not an earlier choice item',
      'askedWhen value 4 is not on the scale of "gives-care" (1..3)',
      expect.stringContaining('>=1'),
    ]);
  });
});
