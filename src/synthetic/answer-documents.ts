/**
 * Complete, valid answer documents for any instrument, drawn from a seeded
 * generator: what a tablet would send after a finished interview. Used by the
 * sync tests, the sync benchmark and the demo study.
 */
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
