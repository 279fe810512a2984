/**
 * The first stage of a sync: what can be told about a batch from its text and
 * the instruments alone, before the database is asked anything. The body is
 * parsed, its envelope checked, and each record checked on its own: its
 * shape, its answers against the instrument version it names, and its
 * content hash. Pure and without I/O, so that it can run on a thread of its
 * own (services/sync-inspector.ts) while the HTTP thread serves other tablets.
 */
import type { AnswerDocument, AnswerIssue } from './answer-document.js';
import { checkAnswers } from './answer-document.js';
import { compactRatingsOf } from './analysis/compact-ratings.js';
import { Problem } from './errors.js';
import type { Instrument } from './instrument.js';
import { contentHash, maxRecordsPerBatch, syncBatchSchema, syncRecordSchema, type InterviewRecord, type SyncRecord, type VisitRecord } from './sync-record.js';
import { parseOrThrow } from './validation.js';

/**
 * An interview as it leaves the inspection: its answers already written as
 * the JSON text that is stored. The HTTP thread, which receives it, then
 * neither rebuilds the answers as objects nor writes them out again (about a
 * tenth of its work per sync request, measured with bench/sync).
 */
export type InspectedInterview = Omit<InterviewRecord, 'answers'> & {
  answersJson: string;
  /** The answers in the respondent table's layout, stored beside the document (analysis/compact-ratings.ts). */
  ratings?: Uint8Array;
};

/** A record as the tablet sent it, answers as objects again (kept with a conflict, for the coordinator to compare). */
export function recordAsSent(record: InspectedRecord['record']): SyncRecord {
  if (record.kind === 'visit') return record;
  const { answersJson, ratings: _ratings, ...rest } = record;
  return { ...rest, answers: JSON.parse(answersJson) as AnswerDocument };
}

/** A record whose shape is right. Whether it may be stored also depends on where it was held (services/sync.ts). */
export interface InspectedRecord {
  index: number;
  record: VisitRecord | InspectedInterview;
  /**
   * The fingerprint of the record as the tablet sent it, before the schema trimmed or filled anything in.
   * (Servers before this one took it of the record as read: `contentHash(recordAsSent(record))`, services/sync.ts.)
   */
  hash: string;
  /** For an interview: false when no instrument of that id and version exists. */
  instrumentKnown: boolean;
  /** For an interview on a known instrument: the first thing wrong with its answers, if any. */
  answerIssue?: AnswerIssue;
}

/** A record refused for its shape alone; `reason` is a key under `syncErrors.`. */
export interface MalformedRecord {
  index: number;
  id: string | null;
  reason: string;
  field?: string;
}

export interface InspectedBatch {
  deviceId: string;
  /** Every record of the batch is in one of these two lists, by its index in the batch. */
  inspected: InspectedRecord[];
  malformed: MalformedRecord[];
}

function readableId(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length <= 64 ? id : null;
}

/**
 * Inspects one sync request's body: its JSON text, or the value already
 * parsed. Throws a Problem when the batch as a whole is wrong (not JSON, no
 * device id, too many records); a wrong record only marks that record.
 */
export function inspectBatch(body: unknown, instrumentOf: (id: string, version: number) => Instrument | undefined): InspectedBatch {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      throw new Problem('malformedRequest');
    }
  }
  const { deviceId, records } = parseOrThrow(syncBatchSchema, value);
  if (records.length > maxRecordsPerBatch) throw new Problem('batchTooLarge', { limit: String(maxRecordsPerBatch) });
  const inspected: InspectedRecord[] = [];
  const malformed: MalformedRecord[] = [];
  records.forEach((raw, index) => {
    const result = syncRecordSchema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const reason = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'malformedRecord';
      malformed.push({ index, id: readableId(raw), reason, field: issue.path.join('.') || undefined });
      return;
    }
    const record = result.data;
    // What the tablet sent decides whether a retry is the same record: a later change to the schema's
    // normalising (a trim, a default) must not turn retries into conflicts.
    const hash = contentHash(raw);
    if (record.kind === 'visit') {
      inspected.push({ index, record, hash, instrumentKnown: true });
      return;
    }
    const { answers, ...rest } = record;
    const instrument = instrumentOf(record.instrumentId, record.instrumentVersion);
    const answerIssue = instrument && checkAnswers(instrument, answers, record.comments)[0];
    // Built here, on the inspector thread, where the answers are already checked: the HTTP thread only stores them.
    const ratings = instrument && !answerIssue ? compactRatingsOf(instrument, answers) : undefined;
    inspected.push({
      index, record: { ...rest, answersJson: JSON.stringify(answers), ...(ratings ? { ratings } : {}) }, hash, instrumentKnown: instrument !== undefined,
      ...(answerIssue ? { answerIssue } : {}),
    });
  });
  return { deviceId, inspected, malformed };
}
