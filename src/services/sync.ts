/**
 * Storing what a tablet sends, exactly once (issue 3; product.md, "Every write
 * from a tablet carries a client-generated id").
 *
 * Each record of a batch is checked on its own: its shape and its answers
 * against the instrument version it names, on the inspector thread
 * (sync-inspector.ts); then, here, that its address lies on a street
 * assigned to this interviewer in the study it names and that its
 * instrument version belongs to that study. Records that pass are written
 * in one transaction (together with those of other requests that arrived
 * meanwhile: group commit), and inside that same transaction each id is
 * looked up first:
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
import type { User } from '../domain/account.js';
import { recordAsSent, type InspectedBatch, type InspectedRecord } from '../domain/sync-inspection.js';
import { contentHash } from '../domain/sync-record.js';
import type { SyncRecord } from '../domain/sync-record.js';
import type { InstrumentRegistry } from '../instruments/load-instruments.js';
import type { Database, Queryable } from '../storage/db.js';
import { inSavepoint, isConstraintError, isUniqueViolation } from '../storage/constraint-errors.js';
import {
  findAssignedAddresses, findStoredHashes, insertVisits, keepConflict, linkInterviewsToAddresses,
  type AssignedAddress, type NewVisit, type SyncConflict,
} from '../storage/fieldwork.js';
import { insertFollowUpContacts, type NewFollowUpContact } from '../storage/follow-up-contacts.js';
import { GroupCommit } from './group-commit.js';
import { syncInspector } from './sync-inspector.js';
import { insertInterviews, type NewInterview } from '../storage/interviews.js';
import { getStudy } from '../storage/studies.js';

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
  record: InspectedRecord['record'];
  place: AssignedAddress;
  hash: string;
}

/**
 * Whether a stored fingerprint is this record's: of the record as the tablet sent it, or, for a record a
 * server before this one stored, of the record as read. The second is worked out only for an id already
 * stored under another fingerprint (a retry from before the change, or a conflict), so it costs nothing else.
 */
function storedAs(storedHash: string | undefined, hash: string, record: InspectedRecord['record']): boolean {
  return storedHash === hash || (storedHash !== undefined && storedHash === contentHash(recordAsSent(record)));
}

/**
 * Checks the inspected records of a batch against the interviewer's
 * assignments and the study's instrument versions. Where a record is held
 * is checked before what it says: a record for a street not assigned to
 * this interviewer is refused as such, whatever its answers.
 */
async function checkRecords(db: Queryable, interviewer: User, batch: InspectedBatch, outcomes: RecordOutcome[]): Promise<CheckedRecord[]> {
  for (const { index, id, reason, field } of batch.malformed) outcomes[index] = { id, status: 'rejected', reason, field };

  // One query for the batch: where each address lies, if assigned to this
  // interviewer, and the instrument versions of its study.
  const places = await findAssignedAddresses(db, interviewer.id, batch.inspected.map(({ record }) => record.addressId));

  const checked: CheckedRecord[] = [];
  const unplaced: InspectedRecord[] = [];
  for (const entry of batch.inspected) {
    const { index, record, hash } = entry;
    const place = places.get(record.addressId);
    if (!place || place.studyId !== record.studyId) { unplaced.push(entry); continue; }
    if (record.kind === 'interview') {
      const inStudy = place.studyInstruments.some((choice) => choice.instrumentId === record.instrumentId && choice.version === record.instrumentVersion);
      if (!entry.instrumentKnown || !inStudy) { outcomes[index] = { id: record.id, status: 'rejected', reason: 'unknownInstrument', field: 'instrumentVersion' }; continue; }
      if (entry.answerIssue) { outcomes[index] = { id: record.id, status: 'rejected', reason: entry.answerIssue.reason, field: entry.answerIssue.field }; continue; }
    }
    checked.push({ index, record, place, hash });
  }

  if (unplaced.length > 0) await settleUnplaced(db, unplaced, outcomes);
  return checked;
}

/**
 * Records whose address is not on a street assigned to this interviewer in
 * the study they name. A retry of a record the server already has is
 * acknowledged, even when its street has since been taken off this
 * interviewer: the tablet may clear it. The others are rejected, saying
 * whether the study or the address is wrong.
 */
async function settleUnplaced(db: Queryable, unplaced: readonly InspectedRecord[], outcomes: RecordOutcome[]): Promise<void> {
  const stored = await findStoredHashes(db, idsByKind(unplaced));
  const studyExists = new Map<number, boolean>();
  for (const { record } of unplaced) {
    if (!studyExists.has(record.studyId)) studyExists.set(record.studyId, (await getStudy(db, record.studyId)) !== undefined);
  }
  for (const { index, record, hash } of unplaced) {
    outcomes[index] = storedAs(stored.get(`${record.kind}:${record.id}`), hash, record) ? { id: record.id, status: 'already-stored' }
      : studyExists.get(record.studyId) ? { id: record.id, status: 'rejected', reason: 'addressNotAssigned', field: 'addressId' }
        : { id: record.id, status: 'rejected', reason: 'unknownStudy', field: 'studyId' };
  }
}

function idsByKind(entries: readonly { record: { kind: SyncRecord['kind']; id: string } }[]) {
  return {
    visits: entries.filter(({ record }) => record.kind === 'visit').map(({ record }) => record.id),
    interviews: entries.filter(({ record }) => record.kind === 'interview').map(({ record }) => record.id),
  };
}

interface PendingWrite extends CheckedRecord {
  interviewerId: number;
  deviceId: string;
}

/**
 * What writing these records means, worked out before anything is written:
 * each record's status, and the rows the stored ones add. `stored` maps
 * "kind:id" to the content hash already in the database, and learns the
 * records planned here, so a record sent twice in one group is stored once.
 */
function planWrites(entries: readonly PendingWrite[], stored: Map<string, string>) {
  const statuses: RecordStatus[] = [];
  const rows = { visits: [] as NewVisit[], interviews: [] as NewInterview[], links: [] as { interviewId: string; addressId: number }[], followUps: [] as NewFollowUpContact[], conflicts: [] as SyncConflict[] };
  for (const { record, place, hash, interviewerId, deviceId } of entries) {
    const key = `${record.kind}:${record.id}`;
    const storedHash = stored.get(key);
    if (storedAs(storedHash, hash, record)) { statuses.push('already-stored'); continue; }
    if (storedHash !== undefined) {
      rows.conflicts.push({ studyId: place.studyId, recordId: record.id, kind: record.kind, interviewerId, deviceId, contentHash: hash, payload: recordAsSent(record) });
      statuses.push('conflict');
      continue;
    }
    stored.set(key, hash);
    statuses.push('stored');
    if (record.kind === 'visit') {
      rows.visits.push({ id: record.id, addressId: record.addressId, interviewerId, visitedAt: record.visitedAt, outcome: record.outcome, appointmentAt: record.appointmentAt ?? null, deviceId, contentHash: hash });
      continue;
    }
    rows.interviews.push({
      id: record.id, studyId: place.studyId, streetId: place.streetId, respondentKey: randomUUID(),
      instrumentId: record.instrumentId, instrumentVersion: record.instrumentVersion, interviewerId,
      startedAt: record.startedAt, endedAt: record.endedAt, appVersion: record.appVersion,
      answers: record.answersJson, ...(record.ratings ? { ratings: record.ratings } : {}), comments: record.comments, deviceId, contentHash: hash,
    });
    rows.links.push({ interviewId: record.id, addressId: record.addressId });
    if (record.followUp) rows.followUps.push({ id: randomUUID(), studyId: place.studyId, streetId: place.streetId, ...record.followUp, consentedAt: record.endedAt });
  }
  return { statuses, rows };
}

async function writePlanned(tx: Queryable, rows: ReturnType<typeof planWrites>['rows']): Promise<void> {
  await insertVisits(tx, rows.visits);
  await insertInterviews(tx, rows.interviews);
  await linkInterviewsToAddresses(tx, rows.links);
  await insertFollowUpContacts(tx, rows.followUps);
  for (const conflict of rows.conflicts) await keepConflict(tx, conflict);
}

type WriteStatus = RecordStatus | 'refused' | 'id-taken';

/**
 * Writes the checked records of one or more requests in one transaction, each
 * id looked up inside it. Should the database refuse any record, that
 * transaction is rolled back and the records are written again one by one,
 * so that only the refused record is rejected. The common case thus costs as
 * few statements as possible: under load each statement waits its turn in
 * the event loop behind other requests' work.
 */
async function writeGroup(db: Database, entries: PendingWrite[]): Promise<WriteStatus[]> {
  try {
    return await db.transaction(async (tx) => {
      const { statuses, rows } = planWrites(entries, await findStoredHashes(tx, idsByKind(entries)));
      await writePlanned(tx, rows);
      return statuses;
    });
  } catch (error) {
    // Only a refused record sends the group the slow way; a busy or full database, or a bug, fails the group,
    // and its tablets keep their records to send again.
    if (!isConstraintError(error)) throw error;
    return db.transaction((tx) => writeOneByOne(tx, entries));
  }
}

/** The slow way, after a refusal: each record in a savepoint of its own. */
async function writeOneByOne(tx: Queryable, entries: PendingWrite[]): Promise<WriteStatus[]> {
  const stored = await findStoredHashes(tx, idsByKind(entries));
  const statuses: WriteStatus[] = [];
  for (const entry of entries) {
    const attempt = new Map(stored);
    try {
      const status = await inSavepoint(tx, async () => {
        const { statuses: [planned], rows } = planWrites([entry], attempt);
        await writePlanned(tx, rows);
        return planned!;
      });
      statuses.push(status);
      for (const [key, hash] of attempt) stored.set(key, hash);
    } catch (error) {
      // Only a constraint refuses one record; anything else (a full disk refuses every record alike) fails the whole group.
      if (!isConstraintError(error)) throw error;
      statuses.push(isUniqueViolation(error) ? 'id-taken' : 'refused');
    }
  }
  return statuses;
}

export interface SyncAnswer {
  receivedAt: string;
  results: RecordOutcome[];
}

/**
 * The sync service of one database. Batches that arrive together are written
 * together (group commit), each acknowledged only after its transaction committed.
 */
export function createSyncService(db: Database, instruments: InstrumentRegistry) {
  const inspector = syncInspector(instruments);
  const writer = new GroupCommit<PendingWrite, WriteStatus>((entries) => writeGroup(db, entries));

  /** Checks and stores one batch from one device; see the file comment for what each outcome means. */
  async function syncBatch(interviewer: User, body: unknown): Promise<SyncAnswer> {
    const batch = await inspector.inspect(body);
    const deviceId = batch.deviceId;
    const outcomes: RecordOutcome[] = new Array(batch.inspected.length + batch.malformed.length);
    const checked = await checkRecords(db.reader, interviewer, batch, outcomes);
    const statuses = await writer.submit(checked.map((entry) => ({ ...entry, interviewerId: interviewer.id, deviceId })));
    checked.forEach(({ index, record }, position) => {
      const status = statuses[position]!;
      outcomes[index] = status === 'refused' || status === 'id-taken'
        ? { id: record.id, status: 'rejected', reason: status === 'id-taken' ? 'idTaken' : 'storageRefused' }
        : { id: record.id, status };
    });
    return { receivedAt: new Date().toISOString(), results: outcomes };
  }

  return { syncBatch };
}
