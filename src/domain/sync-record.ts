/**
 * What a tablet sends when it syncs: a batch of records from its outbox, each
 * a door visit or a completed interview with an id made on the device.
 *
 * The batch envelope is checked as a whole; each record on its own, so that
 * one bad record is rejected with its reason while the rest of the batch is
 * stored (issue 3, "Bad input"). Reasons are keys under `syncErrors.` in the
 * locale files.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isAnswerDocument, type AnswerDocument } from './answer-document.js';

/** Largest number of records in one sync request; the tablet sends smaller batches. */
export const maxRecordsPerBatch = 100;

/** Ids made on the device: a UUID or any other 8–64 URL-safe characters. */
export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'invalidId');

const timestamp = z.iso.datetime({ offset: true, message: 'invalidTimestamp' });
const positiveId = z.number().int().positive();

export const visitOutcomes = ['not-home', 'refused', 'language-barrier', 'ineligible', 'appointment', 'interview'] as const;
export type VisitOutcome = (typeof visitOutcomes)[number];

export const visitRecordSchema = z.object({
  kind: z.literal('visit'),
  id: clientIdSchema,
  studyId: positiveId,
  addressId: positiveId,
  visitedAt: timestamp,
  outcome: z.enum(visitOutcomes),
  /** Only for an appointment: when to come back. */
  appointmentAt: timestamp.optional(),
}).strict().refine((visit) => (visit.outcome === 'appointment') === (visit.appointmentAt !== undefined), {
  path: ['appointmentAt'], message: 'appointmentTime',
});

export const interviewRecordSchema = z.object({
  kind: z.literal('interview'),
  id: clientIdSchema,
  studyId: positiveId,
  addressId: positiveId,
  instrumentId: z.string().min(1).max(64),
  instrumentVersion: z.number().int().min(1),
  startedAt: timestamp,
  endedAt: timestamp,
  appVersion: z.string().min(1).max(40),
  answers: z.custom<AnswerDocument>(isAnswerDocument),
  // Keys are item ids (kebab-case). Zod leaves out a key "__proto__" without a word, so it is refused first.
  comments: z.preprocess((value, context) => {
    if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')) context.addIssue({ code: 'custom', message: 'notAnItemId', path: ['__proto__'], input: value });
    return value ?? {};
  }, z.record(z.string().max(64).regex(/^[a-z0-9][a-z0-9-]*$/, 'notAnItemId'), z.string().max(4000))),
  /** Consent for follow-up contact: stored apart from the interview, never linked to it. */
  followUp: z.object({
    name: z.string().trim().min(1).max(120),
    phone: z.string().trim().max(40).default(''),
    email: z.string().trim().max(200).default(''),
  }).strict().optional(),
}).strict().refine((interview) => Date.parse(interview.endedAt) >= Date.parse(interview.startedAt), {
  path: ['endedAt'], message: 'endsBeforeStart',
});

export const syncRecordSchema = z.discriminatedUnion('kind', [visitRecordSchema, interviewRecordSchema]);

export type VisitRecord = z.output<typeof visitRecordSchema>;
export type InterviewRecord = z.output<typeof interviewRecordSchema>;
export type SyncRecord = z.output<typeof syncRecordSchema>;

export const syncBatchSchema = z.object({
  deviceId: clientIdSchema,
  records: z.array(z.unknown()),
}).strict();

/**
 * The same JSON for the same content, whatever order the keys arrived in:
 * every object's keys in sorted order (UTF-16 code units, as Array#sort).
 * Hashes already stored depend on this exact text, so it must never change.
 *
 * Fast path: a copy of the value with its keys in that order (objects whose
 * keys already are in order are used as they are), written by the native
 * JSON.stringify. JavaScript puts integer-like keys ("7") before all others
 * whatever the insertion order, so a value with such a key is written by
 * `canonicalJsonByHand` instead, which gives the same text for any value.
 */
export function canonicalJson(value: unknown): string {
  const ordered = inKeyOrder(value);
  return ordered === integerLikeKey ? canonicalJsonByHand(value) : JSON.stringify(ordered);
}

const integerLikeKey = Symbol('integer-like key');
const arrayIndexKey = /^(?:0|[1-9][0-9]*)$/;

function inKeyOrder(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value.map(inKeyOrder);
    return items.includes(integerLikeKey) ? integerLikeKey : items;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let sorted = true;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57 && arrayIndexKey.test(key)) return integerLikeKey;
    if (index > 0 && keys[index - 1]! > key) sorted = false;
  }
  if (!sorted) keys.sort();
  // Copies have no prototype, so a key such as "__proto__" stays an ordinary key.
  let copy: Record<string, unknown> | undefined = sorted ? undefined : Object.create(null) as Record<string, unknown>;
  for (let index = 0; index < keys.length; index++) {
    const inner = record[keys[index]!];
    const ordered = inKeyOrder(inner);
    if (ordered === integerLikeKey) return integerLikeKey;
    if (ordered !== inner && !copy) {
      // A nested object had to be reordered: copy this one too, with the keys before it.
      copy = Object.create(null) as Record<string, unknown>;
      for (let before = 0; before < index; before++) copy[keys[before]!] = record[keys[before]!];
    }
    if (copy) copy[keys[index]!] = ordered;
  }
  return copy ?? record;
}

/** The canonical text written out key by key: the reference for canonicalJson, and its way for integer-like keys. */
export function canonicalJsonByHand(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJsonByHand).join(',')}]`;
  const record = value as Record<string, unknown>;
  let json = '';
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    json += `${json ? ',' : ''}${JSON.stringify(key)}:${canonicalJsonByHand(record[key])}`;
  }
  return `{${json}}`;
}

/**
 * The fingerprint that tells a retry from a conflict: SHA-256 over the
 * record's content in canonical form. A retry of the same record has the same
 * hash; another record sent under the same id has a different one.
 */
export function contentHash(record: unknown): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}
