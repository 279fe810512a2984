/**
 * Storing what a tablet sends, exactly once (issue 3; product.md, "Every write
 * from a tablet carries a client-generated id").
 *
 * Each record of a batch is checked on its own: its shape, that its address
 * lies on a street assigned to this interviewer in the study it names, that
 * its instrument version belongs to the study, and its answers against that
 * version. Records that pass are written in one transaction, and inside that
 * same transaction each id is looked up first:
 *
 * - unknown id: stored (`stored`);
 * - known id, same content hash: a retry, nothing changes (`already-stored`);
 * - known id, other content: kept apart and flagged (`conflict`).
 *
 * All three are acknowledgements: the tablet may clear the record. A record
 * that fails a check is `rejected` with its reason and stays on the tablet;
 * the rest of the batch is stored regardless.
 */
import { randomUUID } from 'node:crypto';
import type { User } from '../domain/account';
import { checkAnswers } from '../domain/answer-document';
import { Problem } from '../domain/errors';
import { contentHash, maxRecordsPerBatch, syncBatchSchema, syncRecordSchema, type SyncRecord } from '../domain/sync-record';
import { parseOrThrow } from '../domain/validation';
import type { InstrumentRegistry } from '../instruments/load-instruments';
import { randomToken } from '../security/passwords';
import type { Database, Queryable } from '../storage/db';
import { findAssignedAddresses, findStoredHashes, insertVisit, keepConflict, linkInterviewToAddress, type AssignedAddress } from '../storage/fieldwork';
import { insertFollowUpContact } from '../storage/follow-up-contacts';
import { insertInterview } from '../storage/interviews';
import { getStudy } from '../storage/studies';

export type RecordStatus = 'stored' | 'already-stored' | 'conflict' | 'rejected';

/** The answer for one record; `reason` is a key under `syncErrors.`, `field` the part that is wrong. */
export interface RecordOutcome {
  id: string | null;
  status: RecordStatus;
  reason?: string;
  field?: string;
}

interface CheckedRecord {
  index: number;
  record: SyncRecord;
  place: AssignedAddress;
  hash: string;
}

function readableId(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length <= 64 ? id : null;
}

/** Checks every record of the batch against the interviewer's assignments and the instruments. */
async function checkRecords(db: Queryable, instruments: InstrumentRegistry, interviewer: User, rawRecords: unknown[], outcomes: RecordOutcome[]): Promise<CheckedRecord[]> {
  const parsed: { index: number; record: SyncRecord }[] = [];
  rawRecords.forEach((raw, index) => {
    const result = syncRecordSchema.safeParse(raw);
    if (result.success) parsed.push({ index, record: result.data });
    else {
      const issue = result.error.issues[0]!;
      const reason = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'malformedRecord';
      outcomes[index] = { id: readableId(raw), status: 'rejected', reason, field: issue.path.join('.') || undefined };
    }
  });

  const places = await findAssignedAddresses(db, interviewer.id, parsed.map(({ record }) => record.addressId));
  const studies = new Map<number, Awaited<ReturnType<typeof getStudy>>>();
  for (const studyId of new Set(parsed.map(({ record }) => record.studyId))) studies.set(studyId, await getStudy(db, studyId));

  const checked: CheckedRecord[] = [];
  for (const { index, record } of parsed) {
    const reject = (reason: string, field?: string) => { outcomes[index] = { id: record.id, status: 'rejected', reason, field }; };
    const study = studies.get(record.studyId);
    const place = places.get(record.addressId);
    if (!study) { reject('unknownStudy', 'studyId'); continue; }
    if (!place || place.studyId !== study.id) { reject('addressNotAssigned', 'addressId'); continue; }
    if (record.kind === 'interview') {
      const instrument = instruments.get(record.instrumentId, record.instrumentVersion);
      const inStudy = study.instruments.some((choice) => choice.instrumentId === record.instrumentId && choice.version === record.instrumentVersion);
      if (!instrument || !inStudy) { reject('unknownInstrument', 'instrumentVersion'); continue; }
      const issue = checkAnswers(instrument, record.answers, record.comments)[0];
      if (issue) { reject(issue.reason, issue.field); continue; }
    }
    checked.push({ index, record, place, hash: contentHash(record) });
  }
  return checked;
}

/** Writes one checked record, or recognises it as a retry or a conflict. */
async function writeRecord(tx: Queryable, interviewer: User, deviceId: string, { record, place, hash }: CheckedRecord, storedHash: string | undefined): Promise<RecordStatus> {
  if (storedHash === hash) return 'already-stored';
  if (storedHash !== undefined) {
    await keepConflict(tx, { studyId: place.studyId, recordId: record.id, kind: record.kind, interviewerId: interviewer.id, deviceId, contentHash: hash, payload: record });
    return 'conflict';
  }
  if (record.kind === 'visit') {
    await insertVisit(tx, {
      id: record.id, addressId: record.addressId, interviewerId: interviewer.id, visitedAt: record.visitedAt,
      outcome: record.outcome, appointmentAt: record.appointmentAt ?? null, deviceId, contentHash: hash,
    });
    return 'stored';
  }
  await insertInterview(tx, {
    id: record.id, studyId: place.studyId, streetId: place.streetId, respondentKey: randomToken(16),
    instrumentId: record.instrumentId, instrumentVersion: record.instrumentVersion, interviewerId: interviewer.id,
    startedAt: record.startedAt, endedAt: record.endedAt, appVersion: record.appVersion,
    answers: record.answers, comments: record.comments, deviceId, contentHash: hash,
  });
  await linkInterviewToAddress(tx, record.id, record.addressId);
  if (record.followUp) {
    await insertFollowUpContact(tx, { id: randomUUID(), studyId: place.studyId, streetId: place.streetId, ...record.followUp, consentedAt: record.endedAt });
  }
  return 'stored';
}

export interface SyncAnswer {
  receivedAt: string;
  results: RecordOutcome[];
}

/** Checks and stores one batch from one device; see the file comment for what each outcome means. */
export async function syncBatch(db: Database, instruments: InstrumentRegistry, interviewer: User, body: unknown): Promise<SyncAnswer> {
  const { deviceId, records } = parseOrThrow(syncBatchSchema, body);
  if (records.length > maxRecordsPerBatch) throw new Problem('batchTooLarge', { limit: String(maxRecordsPerBatch) });
  const outcomes: RecordOutcome[] = new Array(records.length);
  const checked = await checkRecords(db, instruments, interviewer, records, outcomes);

  await db.transaction(async (tx) => {
    const stored = await findStoredHashes(tx, {
      visits: checked.filter(({ record }) => record.kind === 'visit').map(({ record }) => record.id),
      interviews: checked.filter(({ record }) => record.kind === 'interview').map(({ record }) => record.id),
    });
    for (const entry of checked) {
      const key = `${entry.record.kind}:${entry.record.id}`;
      // A savepoint per record: should the database refuse one record, the others still commit.
      await tx.exec('SAVEPOINT sync_record');
      try {
        const status = await writeRecord(tx, interviewer, deviceId, entry, stored.get(key));
        await tx.exec('RELEASE sync_record');
        if (status === 'stored') stored.set(key, entry.hash);
        outcomes[entry.index] = { id: entry.record.id, status };
      } catch (error) {
        await tx.exec('ROLLBACK TO sync_record; RELEASE sync_record');
        const message = error instanceof Error ? error.message : '';
        outcomes[entry.index] = { id: entry.record.id, status: 'rejected', reason: message.includes('UNIQUE') ? 'idTaken' : 'storageRefused' };
      }
    }
  });
  return { receivedAt: new Date().toISOString(), results: outcomes };
}
