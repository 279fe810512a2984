/**
 * Complete, valid answer documents for any instrument, drawn from a seeded
 * generator: what a tablet would send after a finished interview. Used by the
 * sync tests, the sync benchmark and the demo study.
 */
import type { RespondentAnswers } from '../domain/analysis/respondent-table';
import { expectedRatings, type AnswerDocument } from '../domain/answer-document';
import type { Instrument } from '../domain/instrument';

/** Every rating of every non-text item answered; about `dontKnowShare` of them "don't know". */
export function randomAnswerDocument(instrument: Instrument, random: () => number, dontKnowShare = 0.03): AnswerDocument {
  const document: AnswerDocument = {};
  for (const item of instrument.items) {
    const ratings = expectedRatings(item, instrument);
    if (ratings.length === 0) continue;
    document[item.id] = Object.fromEntries(ratings.map(({ rating, min, max }) => [
      rating, random() < dontKnowShare ? null : min + Math.floor(random() * (max - min + 1)),
    ]));
  }
  return document;
}

/** A generated respondent's answers (generate-study.ts) as the answer document an interview stores. */
export function answerDocumentOf(respondent: RespondentAnswers): AnswerDocument {
  return {
    ...Object.fromEntries(Object.entries(respondent.paired).map(([itemId, answer]) => [itemId, { actual: answer.actual, desired: answer.desired, importance: answer.importance ?? null }])),
    ...Object.fromEntries(Object.entries(respondent.background).map(([itemId, value]) => [itemId, { answer: value }])),
    ...Object.fromEntries(Object.entries(respondent.contribution ?? {}).map(([itemId, value]) => [itemId, { now: value.now, willing: value.willing }])),
  };
}
