/**
 * One interview's answers as one document, checked against the instrument
 * version it was taken with. The tablet builds the document, the server
 * checks it with `checkAnswers` before storing it, and the analysis reads it.
 *
 * Shape: `{ [itemId]: { [rating]: value } }`, value `null` for "don't know /
 * not applicable" (recorded, never counted). The ratings per item kind:
 *
 * | kind             | ratings                                   | values                  |
 * |------------------|-------------------------------------------|-------------------------|
 * | `paired`         | `actual`, `desired`, `importance`¹        | 1..K of the item's scale |
 * | `contribution`   | `now`, `willing`                          | 1..K of each scale       |
 * | `choice`         | `answer`                                  | 1..K of the scale        |
 * | `rung`           | `current`, `desired`                      | 1..N rungs               |
 * | `rung-checklist` | `now-<rung>`, `wanted-<rung>` per rung    | 0 no, 1 yes              |
 *
 * ¹ only when the instrument asks importance per item. Free text (`text`
 * items) travels apart, as comments, because it is reviewed before use.
 */
import { isAsked } from './asked-when.js';
import type { Instrument, Item } from './instrument.js';

export type AnswerDocument = Record<string, Record<string, number | null>>;

/** A stored respondent as an export sees it: a random key, where (street, neighbourhood), never an address. */
export interface RespondentRecord {
  respondentKey: string;
  neighbourhood: string;
  street: string;
  instrumentVersion: number;
  answers: AnswerDocument;
}

/** What is wrong with one answer; `reason` is a key under `syncErrors.` in the locale files. */
export interface AnswerIssue {
  field: string;
  reason: 'unknownItem' | 'unknownRating' | 'outOfScale' | 'requiredAnswer' | 'notAsked' | 'textTooLong';
}

interface ExpectedRating {
  rating: string;
  min: number;
  max: number;
}

/** The ratings an item is answered with, and the values each allows. */
export function expectedRatings(item: Item, instrument: Instrument): ExpectedRating[] {
  const points = (scaleId: string) => instrument.scales[scaleId]?.points.length ?? 0;
  const rungs = instrument.rungs?.length ?? 0;
  switch (item.kind) {
    case 'paired': {
      const ratings = [{ rating: 'actual', min: 1, max: points(item.scale) }, { rating: 'desired', min: 1, max: points(item.scale) }];
      if (instrument.importance === 'item' && instrument.importanceScale) {
        ratings.push({ rating: 'importance', min: 1, max: points(instrument.importanceScale) });
      }
      return ratings;
    }
    case 'contribution':
      return [{ rating: 'now', min: 1, max: points(item.nowScale) }, { rating: 'willing', min: 1, max: points(item.willingScale) }];
    case 'choice':
      return [{ rating: 'answer', min: 1, max: points(item.scale) }];
    case 'rung':
      return [{ rating: 'current', min: 1, max: rungs }, { rating: 'desired', min: 1, max: rungs }];
    case 'rung-checklist':
      return Array.from({ length: rungs }, (_, index) => [
        { rating: `now-${index + 1}`, min: 0, max: 1 }, { rating: `wanted-${index + 1}`, min: 0, max: 1 },
      ]).flat();
    case 'text':
      return [];
  }
}

interface AnswerTable {
  /** Per answerable item, its ratings by name. */
  ratings: Map<string, Map<string, ExpectedRating>>;
  /** The free-text items by id. */
  textItems: Map<string, Extract<Item, { kind: 'text' }>>;
}

const answerTables = new WeakMap<Instrument, AnswerTable>();

/** What an instrument's answers may hold: worked out once per instrument, since every synced interview is checked against it. */
function answerTableOf(instrument: Instrument): AnswerTable {
  let table = answerTables.get(instrument);
  if (!table) {
    table = {
      ratings: new Map(instrument.items.filter((item) => item.kind !== 'text').map((item) => [
        item.id, new Map(expectedRatings(item, instrument).map((expected) => [expected.rating, expected])),
      ])),
      textItems: new Map(instrument.items.flatMap((item) => (item.kind === 'text' ? [[item.id, item] as const] : []))),
    };
    answerTables.set(instrument, table);
  }
  return table;
}

/** The shape of an answer document, checked without a schema library: it is checked for every synced interview. */
export function isAnswerDocument(value: unknown): value is AnswerDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const itemId in value) {
    const ratings = (value as Record<string, unknown>)[itemId];
    if (itemId.length > 64 || typeof ratings !== 'object' || ratings === null || Array.isArray(ratings)) return false;
    for (const rating in ratings) {
      const entry = (ratings as Record<string, unknown>)[rating];
      if (rating.length > 32 || !(entry === null || (typeof entry === 'number' && Number.isFinite(entry)))) return false;
    }
  }
  return true;
}

/**
 * Every problem with an interview's answers and comments: items or ratings
 * the instrument does not have, values outside their scale, required items
 * left out (a "don't know" counts as answered; a question its condition
 * skipped is not required, and an answer to it is refused), comments that are too long.
 * An empty list means the interview may be stored.
 */
export function checkAnswers(instrument: Instrument, answers: AnswerDocument, comments: Record<string, string>): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const { ratings: table, textItems } = answerTableOf(instrument);
  for (const itemId of Object.keys(answers)) {
    const allowed = table.get(itemId);
    if (!allowed) {
      issues.push({ field: `answers.${itemId}`, reason: 'unknownItem' });
      continue;
    }
    const ratings = answers[itemId]!;
    for (const rating of Object.keys(ratings)) {
      const expected = allowed.get(rating);
      const value = ratings[rating]!;
      if (!expected) issues.push({ field: `answers.${itemId}.${rating}`, reason: 'unknownRating' });
      else if (value !== null && !(Number.isInteger(value) && value >= expected.min && value <= expected.max)) {
        issues.push({ field: `answers.${itemId}.${rating}`, reason: 'outOfScale' });
      }
    }
  }
  for (const [itemId, body] of Object.entries(comments)) {
    const item = textItems.get(itemId);
    if (!item) issues.push({ field: `comments.${itemId}`, reason: 'unknownItem' });
    else if (body.length > item.maxLength) issues.push({ field: `comments.${itemId}`, reason: 'textTooLong' });
  }
  const answerTo = (itemId: string) => answers[itemId]?.answer;
  for (const item of instrument.items) {
    // A question its condition skipped (asked-when.ts) is not required, and an answer to it is refused:
    // the field app of this instrument version never asks it, so the record is not what was asked.
    if (!isAsked(item, answerTo)) {
      if (answers[item.id] !== undefined) issues.push({ field: `answers.${item.id}`, reason: 'notAsked' });
      continue;
    }
    if (!item.required) continue;
    if (item.kind === 'text') {
      if (!comments[item.id]?.trim()) issues.push({ field: `comments.${item.id}`, reason: 'requiredAnswer' });
      continue;
    }
    for (const rating of table.get(item.id)!.keys()) {
      if (answers[item.id]?.[rating] === undefined) issues.push({ field: `answers.${item.id}.${rating}`, reason: 'requiredAnswer' });
    }
  }
  return issues;
}
