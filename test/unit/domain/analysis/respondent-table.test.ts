import { describe, expect, it } from 'vitest';
import { RespondentTableBuilder, respondentTableOf, tableLayoutOf, type RespondentTable } from '../../../../src/domain/analysis/respondent-table';
import type { Instrument } from '../../../../src/domain/instrument';
import { answerDocumentOf } from '../../../../src/synthetic/answer-documents';
import { generateStudy } from '../../../../src/synthetic/generate-study';
import { instruments } from '../../../helpers/test-app';

const contactladder = instruments.get('contactladder', 1) as Instrument;
const layout = tableLayoutOf(contactladder);
const column = (list: { id: string }[], id: string) => list.findIndex((entry) => entry.id === id);

function columns(table: RespondentTable) {
  const { layout: _layout, ...rest } = table;
  return Object.fromEntries(Object.entries(rest).map(([name, value]) => [name, typeof value === 'number' ? value : [...value]]));
}

describe('respondent table', () => {
  it('lays out the paired items in the instrument\'s order, then the questions and the contribution items', () => {
    const paired = contactladder.items.filter((item) => item.kind === 'paired').map((item) => item.id);
    expect(layout.items.map((item) => item.id)).toEqual(paired);
    expect(layout.questions.map((question) => question.id)).toContain('age-class');
    expect(layout.importanceMax).toBe(5);
  });

  it('stores answers by column, 0 for "don\'t know", and ignores ratings that are not the analysis\'s', () => {
    const builder = new RespondentTableBuilder(layout);
    builder.addDocument(7, 2, {
      'knock-for-help': { actual: 2, desired: 4, importance: null },
      'age-class': { answer: 5 },
      'street-ladder': { current: 3, desired: 6 },
    });
    const table = builder.finish();
    const width = layout.items.length;
    const knock = column(layout.items, 'knock-for-help');
    expect(table.size).toBe(1);
    expect([table.streetIds[0], table.neighbourhoodIds[0]]).toEqual([7, 2]);
    expect([table.actual[knock], table.desired[knock], table.importance[knock]]).toEqual([2, 4, 0]);
    expect(table.actual.length).toBe(width);
    expect(table.actual.filter((value) => value !== 0)).toHaveLength(1);
    expect(table.questions[column(layout.questions, 'age-class')]).toBe(5);
  });

  it('reads a stored answer document exactly as the record it was made from, past its first growth', () => {
    const study = generateStudy(contactladder, { seed: 4, neighbourhoods: [{ name: 'N', streets: [{ name: 'A', character: 'ordinary', respondents: 1500 }] }] });
    const builder = new RespondentTableBuilder(layout);
    for (const respondent of study.respondents) {
      builder.addDocument(respondent.streetId, respondent.neighbourhoodId, JSON.parse(JSON.stringify(answerDocumentOf(respondent))));
    }
    const fromDocuments = builder.finish();
    expect(fromDocuments.size).toBe(1500);
    expect(columns(fromDocuments)).toEqual(columns(respondentTableOf(contactladder, study.respondents)));
  });

  it('refuses an answer outside its scale instead of counting it', () => {
    const builder = new RespondentTableBuilder(layout);
    expect(() => builder.addDocument(1, 1, { 'knock-for-help': { actual: 6, desired: 4, importance: 3 } })).toThrow(/knock-for-help.*1\.\.5/);
    expect(() => builder.addDocument(1, 1, { 'age-class': { answer: 2.5 } })).toThrow(/age-class/);
  });
});
