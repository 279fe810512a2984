/**
 * Complete, valid answer documents for any instrument, drawn from a seeded
 * generator: what a tablet would send after a finished interview. Used by the
 * sync tests, the sync benchmark and the demo study.
 */
import type { RespondentAnswers } from '../domain/analysis/respondent-table.js';
import { expectedRatings, type AnswerDocument } from '../domain/answer-document.js';
import type { Instrument } from '../domain/instrument.js';
import type { StreetCharacter } from './generate-study.js';

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

/** Where a street of each character stands on the straatladder, and how many rungs higher its residents want to be. */
const ladderOf: Record<StreetCharacter, { current: [number, number]; wantedHigher: [number, number] }> = {
  'ordinary': { current: [3, 5], wantedHigher: [0, 2] },
  'wants-mutual-help': { current: [3, 4], wantedHigher: [1, 3] },
  'quiet-content': { current: [2, 3], wantedHigher: [0, 0] },
  'much-annoyance': { current: [2, 3], wantedHigher: [1, 3] },
  'close-knit-content': { current: [6, 8], wantedHigher: [0, 0] },
  'wants-more-unimportant': { current: [2, 4], wantedHigher: [0, 1] },
};

/**
 * A straatladder interview from a street of the given character: the rung
 * now and the rung wanted (mostly the same or higher), and a checklist that
 * follows them, with now and then a rung above the current one ticked as
 * well (the non-cumulative patterns the analysis counts). Other items get
 * random answers, as in randomAnswerDocument.
 */
export function streetLadderAnswerDocument(instrument: Instrument, character: StreetCharacter, random: () => number, dontKnowShare = 0.03): AnswerDocument {
  const rungs = instrument.rungs?.length ?? 0;
  const between = ([low, high]: [number, number]) => low + Math.floor(random() * (high - low + 1));
  const current = Math.min(rungs, between(ladderOf[character].current));
  const desired = Math.min(rungs, current + between(ladderOf[character].wantedHigher));
  const skipped = random() < 0.1 ? current + 2 : 0;
  const document = randomAnswerDocument({ ...instrument, items: instrument.items.filter((item) => item.kind !== 'rung' && item.kind !== 'rung-checklist') }, random, dontKnowShare);
  for (const item of instrument.items) {
    if (item.kind === 'rung') document[item.id] = { current: random() < dontKnowShare ? null : current, desired: random() < dontKnowShare ? null : desired };
    if (item.kind === 'rung-checklist') {
      document[item.id] = Object.fromEntries(Array.from({ length: rungs }, (_, index) => [
        [`now-${index + 1}`, index + 1 <= current || index + 1 === skipped ? 1 : 0], [`wanted-${index + 1}`, index + 1 <= desired ? 1 : 0],
      ]).flat());
    }
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
