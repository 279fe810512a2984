import { describe, expect, it } from 'vitest';
import { Problem } from '../../../src/domain/errors';
import { studyInputSchema } from '../../../src/domain/study';
import { parseOrThrow } from '../../../src/domain/validation';

const schema = studyInputSchema(['contactladder@1', 'straatladder@1']);
const valid = { name: 'Oosterpark', commissioner: 'Gemeente', area: 'Oost', fieldworkStart: '2026-03-01', fieldworkEnd: '2026-04-01', instruments: 'contactladder@1' };

function fieldErrorsOf(input: Record<string, unknown>) {
  try {
    parseOrThrow(schema, input);
  } catch (error) {
    if (error instanceof Problem) return error.details.fields;
    throw error;
  }
  throw new Error('expected invalid input');
}

describe('study input', () => {
  it('uses the defaults: minimum reporting size 10, at most 3 visit attempts', () => {
    expect(parseOrThrow(schema, valid)).toMatchObject({ minReportSize: 10, maxVisitAttempts: 3, instruments: ['contactladder@1'] });
  });

  it('names every field that is wrong, with a reason key', () => {
    expect(fieldErrorsOf({ ...valid, name: '  ', fieldworkStart: '2026-02-30', instruments: 'vragenlijst@9', minReportSize: '3', maxVisitAttempts: '2.5' })).toEqual([
      { field: 'name', reason: 'required' },
      { field: 'fieldworkStart', reason: 'invalidDate' },
      { field: 'instruments', reason: 'unknownInstrument' },
      { field: 'minReportSize', reason: 'tooSmall' },
      { field: 'maxVisitAttempts', reason: 'notAWholeNumber' },
    ]);
  });

  it('rejects a fieldwork period that ends before it starts', () => {
    expect(fieldErrorsOf({ ...valid, fieldworkEnd: '2026-02-01' })).toEqual([{ field: 'fieldworkEnd', reason: 'endBeforeStart' }]);
  });

  it('requires at least one instrument, and one version of each', () => {
    expect(fieldErrorsOf({ ...valid, instruments: undefined })).toEqual([{ field: 'instruments', reason: 'chooseInstrument' }]);
  });
});
