/**
 * The counted respondents of a study as the analysis reads them: one row per
 * respondent, one column per rating, in typed arrays (a column store).
 *
 * Why columns: a city-scale study has 100,000 respondents with some forty
 * ratings each. As objects keyed by item id that is millions of small objects
 * (several hundred MB) that every garbage collection must walk, and every
 * rating is a look-up by name. As columns it is a few MB, read by index.
 *
 * Layout (`TableLayout`, fixed by the instrument): paired items in the
 * instrument's order (the same order as the gap model's items), then the
 * single-answer questions (background, the profile's questions), then the
 * own-contribution items. Values are the answers' whole numbers 1..K, one
 * byte each; 0 stands for "don't know" or no answer, never a valid value
 * (every scale starts at 1). A value outside its scale is refused: answers
 * are checked against the instrument version before they are stored
 * (answer-document.ts), so one here means the data are corrupt.
 */
import type { AnswerDocument } from '../answer-document.js';
import type { Instrument } from '../instrument.js';
import type { PairedAnswer } from './weighted-gap.js';

/** One respondent's answers as a record: how tests and the synthetic generator write them. "Don't know" is null. */
export interface RespondentAnswers {
  key: string;
  streetId: number;
  neighbourhoodId: number;
  paired: Readonly<Record<string, PairedAnswer>>;
  background: Readonly<Record<string, number | null>>;
  /** Own-contribution answers: what the respondent does now and is willing to do. */
  contribution?: Readonly<Record<string, { now: number | null; willing: number | null }>>;
}

interface Column { id: string; max: number }

/** Which column holds which item, and the highest value each allows. */
export interface TableLayout {
  items: Column[];
  /** The importance scale's highest value; 0 when the instrument asks no importance. */
  importanceMax: number;
  questions: Column[];
  /** Questions asked only under a condition (asked-when.ts): the question's column, its condition's column, the values that ask it. */
  skips: { column: number; condition: number; values: readonly number[] }[];
  contribution: { id: string; nowMax: number; willingMax: number }[];
}

export function tableLayoutOf(instrument: Instrument): TableLayout {
  const points = (scale: string) => instrument.scales[scale]!.points.length;
  const questions = instrument.items.flatMap((item) => (item.kind === 'choice' ? [{ id: item.id, max: points(item.scale) }] : []));
  const questionColumn = (id: string) => questions.findIndex((question) => question.id === id);
  return {
    items: instrument.items.flatMap((item) => (item.kind === 'paired' ? [{ id: item.id, max: points(item.scale) }] : [])),
    importanceMax: instrument.importance === 'none' || !instrument.importanceScale ? 0 : points(instrument.importanceScale),
    questions,
    skips: instrument.items.flatMap((item) => (item.kind === 'choice' && item.askedWhen
      ? [{ column: questionColumn(item.id), condition: questionColumn(item.askedWhen.item), values: item.askedWhen.values }] : [])),
    contribution: instrument.items.flatMap((item) => (item.kind === 'contribution'
      ? [{ id: item.id, nowMax: points(item.nowScale), willingMax: points(item.willingScale) }] : [])),
  };
}

/** The finished table: row r's rating of item i is `actual[r × itemCount + i]`, and so on. */
export interface RespondentTable {
  readonly layout: TableLayout;
  readonly size: number;
  readonly streetIds: Int32Array;
  readonly neighbourhoodIds: Int32Array;
  readonly actual: Uint8Array;
  readonly desired: Uint8Array;
  readonly importance: Uint8Array;
  readonly questions: Uint8Array;
  readonly contributionNow: Uint8Array;
  readonly contributionWilling: Uint8Array;
}

/** Fills a table one respondent at a time, from a stored answer document or from a record. */
export class RespondentTableBuilder {
  private size = 0;
  private capacity = 0;
  private streetIds = new Int32Array(0);
  private neighbourhoodIds = new Int32Array(0);
  private actual = new Uint8Array(0);
  private desired = new Uint8Array(0);
  private importance = new Uint8Array(0);
  private questions = new Uint8Array(0);
  private contributionNow = new Uint8Array(0);
  private contributionWilling = new Uint8Array(0);
  private readonly itemColumn: Map<string, number>;
  private readonly questionColumn: Map<string, number>;
  private readonly contributionColumn: Map<string, number>;

  /** The layout's fingerprint, which compact ratings carry (layoutFingerprint). */
  readonly fingerprint: number;

  /** `firstCapacity`: rows to make room for at first (1 for a single interview's compact ratings). */
  constructor(readonly layout: TableLayout, private readonly firstCapacity = 1024) {
    this.fingerprint = layoutFingerprint(layout);
    const columns = (list: { id: string }[]) => new Map(list.map((column, index) => [column.id, index]));
    this.itemColumn = columns(layout.items);
    this.questionColumn = columns(layout.questions);
    this.contributionColumn = columns(layout.contribution);
  }

  /** Adds an interview's stored answers; ratings of other kinds (straatladder, free text) are not the analysis's. */
  addDocument(streetId: number, neighbourhoodId: number, document: AnswerDocument): void {
    const row = this.newRow(streetId, neighbourhoodId);
    for (const itemId in document) {
      const ratings = document[itemId]!;
      const item = this.itemColumn.get(itemId);
      if (item !== undefined) {
        this.setPaired(row, item, ratings.actual ?? null, ratings.desired ?? null, ratings.importance ?? null);
        continue;
      }
      const question = this.questionColumn.get(itemId);
      if (question !== undefined) {
        this.setQuestion(row, question, ratings.answer ?? null);
        continue;
      }
      const contribution = this.contributionColumn.get(itemId);
      if (contribution !== undefined) this.setContribution(row, contribution, ratings.now ?? null, ratings.willing ?? null);
    }
    this.skipNotAsked(row);
  }

  /**
   * Adds a respondent from its stored compact ratings (compact-ratings.ts):
   * the layout's fingerprint, then one byte per column in this table's order.
   * Ratings written for another layout are refused, never read as this one's.
   */
  addCompact(streetId: number, neighbourhoodId: number, bytes: Uint8Array): void {
    const { items, questions, contribution } = this.layout;
    const width = 3 * items.length + questions.length + 2 * contribution.length;
    if (bytes.length !== 4 + width || readFingerprint(bytes) !== this.fingerprint) {
      throw new RangeError('stored compact ratings were written for another layout of this instrument version; they must be rewritten from the answer documents');
    }
    const row = this.newRow(streetId, neighbourhoodId);
    // Plain loops: 100,000 rows of about a hundred bytes, where a closure or a subarray per column costs more than the copy.
    let at = 4;
    const paired = row * items.length;
    for (let column = 0; column < items.length; column++) this.actual[paired + column] = bytes[at++]!;
    for (let column = 0; column < items.length; column++) this.desired[paired + column] = bytes[at++]!;
    for (let column = 0; column < items.length; column++) this.importance[paired + column] = bytes[at++]!;
    const question = row * questions.length;
    for (let column = 0; column < questions.length; column++) this.questions[question + column] = bytes[at++]!;
    const activity = row * contribution.length;
    for (let column = 0; column < contribution.length; column++) this.contributionNow[activity + column] = bytes[at++]!;
    for (let column = 0; column < contribution.length; column++) this.contributionWilling[activity + column] = bytes[at++]!;
  }

  /** Adds a respondent written as a record (tests, synthetic studies). */
  addRecord(respondent: RespondentAnswers): void {
    const row = this.newRow(respondent.streetId, respondent.neighbourhoodId);
    this.layout.items.forEach((item, index) => {
      const answer = respondent.paired[item.id];
      if (answer) this.setPaired(row, index, answer.actual, answer.desired, answer.importance ?? null);
    });
    this.layout.questions.forEach((question, index) => this.setQuestion(row, index, respondent.background[question.id] ?? null));
    this.layout.contribution.forEach((item, index) => {
      const answer = respondent.contribution?.[item.id];
      if (answer) this.setContribution(row, index, answer.now, answer.willing);
    });
    this.skipNotAsked(row);
  }

  /** An answer to a question its condition skipped (sent by an older bundle, or a record) counts as none (asked-when.ts). */
  private skipNotAsked(row: number): void {
    const width = this.layout.questions.length;
    for (const skip of this.layout.skips) {
      const condition = this.questions[row * width + skip.condition]!;
      if (!skip.values.includes(condition)) this.questions[row * width + skip.column] = 0;
    }
  }

  finish(): RespondentTable {
    const { layout, size } = this;
    const rows = <T extends Int32Array | Uint8Array>(column: T, width: number): T => column.subarray(0, size * width) as T;
    return {
      layout, size,
      streetIds: rows(this.streetIds, 1),
      neighbourhoodIds: rows(this.neighbourhoodIds, 1),
      actual: rows(this.actual, layout.items.length),
      desired: rows(this.desired, layout.items.length),
      importance: rows(this.importance, layout.items.length),
      questions: rows(this.questions, layout.questions.length),
      contributionNow: rows(this.contributionNow, layout.contribution.length),
      contributionWilling: rows(this.contributionWilling, layout.contribution.length),
    };
  }

  private newRow(streetId: number, neighbourhoodId: number): number {
    if (this.size === this.capacity) this.grow(Math.max(this.firstCapacity, this.capacity * 2));
    this.streetIds[this.size] = streetId;
    this.neighbourhoodIds[this.size] = neighbourhoodId;
    return this.size++;
  }

  private grow(capacity: number): void {
    const { items, questions, contribution } = this.layout;
    const grown = <T extends Int32Array | Uint8Array>(column: T, width: number, make: (length: number) => T): T => {
      const next = make(capacity * width);
      next.set(column);
      return next;
    };
    const bytes = (length: number) => new Uint8Array(length);
    this.streetIds = grown(this.streetIds, 1, (length) => new Int32Array(length));
    this.neighbourhoodIds = grown(this.neighbourhoodIds, 1, (length) => new Int32Array(length));
    this.actual = grown(this.actual, items.length, bytes);
    this.desired = grown(this.desired, items.length, bytes);
    this.importance = grown(this.importance, items.length, bytes);
    this.questions = grown(this.questions, questions.length, bytes);
    this.contributionNow = grown(this.contributionNow, contribution.length, bytes);
    this.contributionWilling = grown(this.contributionWilling, contribution.length, bytes);
    this.capacity = capacity;
  }

  private setPaired(row: number, item: number, actual: number | null, desired: number | null, importance: number | null): void {
    const { id, max } = this.layout.items[item]!;
    const at = row * this.layout.items.length + item;
    this.actual[at] = checked(actual, max, id);
    this.desired[at] = checked(desired, max, id);
    // Importance is kept only where the instrument asks it.
    if (this.layout.importanceMax > 0) this.importance[at] = checked(importance, this.layout.importanceMax, id);
  }

  private setQuestion(row: number, question: number, answer: number | null): void {
    const { id, max } = this.layout.questions[question]!;
    this.questions[row * this.layout.questions.length + question] = checked(answer, max, id);
  }

  private setContribution(row: number, item: number, now: number | null, willing: number | null): void {
    const { id, nowMax, willingMax } = this.layout.contribution[item]!;
    const at = row * this.layout.contribution.length + item;
    this.contributionNow[at] = checked(now, nowMax, id);
    this.contributionWilling[at] = checked(willing, willingMax, id);
  }
}

/**
 * A 32-bit fingerprint (FNV-1a) of everything that places a byte in a row:
 * the columns' ids and ranges in order, the importance range, the skips.
 * Compact ratings start with it, so a layout that changed is noticed.
 */
export function layoutFingerprint(layout: TableLayout): number {
  const text = JSON.stringify([layout.items, layout.importanceMax, layout.questions, layout.skips, layout.contribution]);
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The fingerprint at the start of compact ratings (little-endian). */
export function readFingerprint(bytes: Uint8Array): number {
  return (bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16) | (bytes[3]! << 24)) >>> 0;
}

/** The stored byte for an answer: 0 for none, the value itself when it lies on the scale 1..max. */
function checked(value: number | null, max: number, itemId: string): number {
  if (value === null) return 0;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new RangeError(`answer ${value} to ${itemId} is outside its scale 1..${max}`);
  return value;
}

/** A table of respondents written as records. */
export function respondentTableOf(instrument: Instrument, respondents: readonly RespondentAnswers[]): RespondentTable {
  const builder = new RespondentTableBuilder(tableLayoutOf(instrument));
  for (const respondent of respondents) builder.addRecord(respondent);
  return builder.finish();
}
