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
import { isAnswerDocument, type AnswerDocument } from './answer-document';

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
  comments: z.record(z.string().max(64), z.string().max(4000)).default({}),
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

/** The same JSON for the same content, whatever order the keys arrived in. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  let json = '';
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    json += `${json ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(record[key])}`;
  }
  return `{${json}}`;
}

/**
 * The fingerprint that tells a retry from a conflict: SHA-256 over the
 * record's content in canonical form. A retry of the same record has the same
 * hash; another record sent under the same id has a different one.
 */
export function contentHash(record: SyncRecord): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}
