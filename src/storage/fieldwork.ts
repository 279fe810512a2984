/**
 * The fieldwork side of the data: door visits, where each interview was held,
 * and the records a sync could not store because their id was taken. All of
 * it names addresses and is purged with the address frame; none of it is read
 * by the analysis.
 */
import type { InstrumentChoice } from '../domain/study.js';
import type { VisitOutcome } from '../domain/sync-record.js';
import { insertRows, maxParameters, slicesOf, type Queryable } from './db.js';
import { instrumentChoicesOf, readInstrumentChoices } from './studies.js';

export interface NewVisit {
  id: string;
  addressId: number;
  interviewerId: number;
  visitedAt: string;
  outcome: VisitOutcome;
  appointmentAt: string | null;
  deviceId: string;
  contentHash: string;
}

export async function insertVisits(tx: Queryable, visits: readonly NewVisit[]): Promise<void> {
  await insertRows(tx, 'visits', ['id', 'address_id', 'interviewer_id', 'visited_at', 'outcome', 'appointment_at', 'device_id', 'content_hash'],
    visits.map((visit) => [visit.id, visit.addressId, visit.interviewerId, visit.visitedAt, visit.outcome, visit.appointmentAt, visit.deviceId, visit.contentHash]));
}

/** Records where each interview was held (fieldwork side, purged with the frame). */
export async function linkInterviewsToAddresses(tx: Queryable, links: readonly { interviewId: string; addressId: number }[]): Promise<void> {
  await insertRows(tx, 'interview_addresses', ['interview_id', 'address_id'], links.map((link) => [link.interviewId, link.addressId]));
}

/** The content hashes already stored under these ids, per kind of record. */
export async function findStoredHashes(db: Queryable, ids: { visits: string[]; interviews: string[] }): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const [table, list] of [['visits', ids.visits], ['interviews', ids.interviews]] as const) {
    // One statement for a whole group commit.
    for (const chunk of slicesOf(list, maxParameters)) {
      const rows = await db.all<{ id: string; content_hash: string }>(
        `SELECT id, content_hash FROM ${table} WHERE id IN (${chunk.map(() => '?').join(', ')})`, chunk,
      );
      for (const row of rows) hashes.set(`${table === 'visits' ? 'visit' : 'interview'}:${row.id}`, row.content_hash);
    }
  }
  return hashes;
}

export interface SyncConflict {
  studyId: number;
  recordId: string;
  kind: 'visit' | 'interview';
  interviewerId: number;
  deviceId: string;
  contentHash: string;
  payload: unknown;
}

/** Keeps a record whose id was already used for other content. Sending it again changes nothing. */
export async function keepConflict(tx: Queryable, conflict: SyncConflict): Promise<void> {
  await tx.run(
    `INSERT OR IGNORE INTO sync_conflicts (study_id, record_id, kind, interviewer_id, device_id, content_hash, payload)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [conflict.studyId, conflict.recordId, conflict.kind, conflict.interviewerId, conflict.deviceId, conflict.contentHash, JSON.stringify(conflict.payload)],
  );
}

export interface AssignedAddress {
  addressId: number;
  streetId: number;
  studyId: number;
  /** The instrument versions of the address's study. */
  studyInstruments: InstrumentChoice[];
}

/** Of these addresses, the ones on streets assigned to the interviewer, with their street and study. */
export async function findAssignedAddresses(db: Queryable, interviewerId: number, addressIds: number[]): Promise<Map<number, AssignedAddress>> {
  const found = new Map<number, AssignedAddress>();
  const unique = [...new Set(addressIds)];
  for (const chunk of slicesOf(unique, maxParameters - 1)) {
    const rows = await db.all<{ address_id: number; street_id: number; study_id: number; instruments: string | null }>(
      `SELECT a.id AS address_id, a.street_id, a.study_id,
              ${instrumentChoicesOf('a.study_id')} AS instruments
         FROM addresses a JOIN assignments x ON x.street_id = a.street_id AND x.interviewer_id = ?
        WHERE a.id IN (${chunk.map(() => '?').join(', ')})`,
      [interviewerId, ...chunk],
    );
    for (const row of rows) {
      found.set(row.address_id, {
        addressId: row.address_id, streetId: row.street_id, studyId: row.study_id,
        studyInstruments: readInstrumentChoices(row.instruments),
      });
    }
  }
  return found;
}

export interface VisitSummary {
  id: string;
  addressId: number;
  visitedAt: string;
  outcome: VisitOutcome;
  appointmentAt: string | null;
}

/** Every visit on the interviewer's assigned streets, by anyone, oldest first. */
export async function listVisitsOnAssignedStreets(db: Queryable, interviewerId: number): Promise<VisitSummary[]> {
  const rows = await db.all<{ id: string; address_id: number; visited_at: string; outcome: VisitOutcome; appointment_at: string | null }>(
    `SELECT v.id, v.address_id, v.visited_at, v.outcome, v.appointment_at
       FROM visits v JOIN addresses a ON a.id = v.address_id JOIN assignments x ON x.street_id = a.street_id
      WHERE x.interviewer_id = ? ORDER BY v.visited_at, v.id`,
    [interviewerId],
  );
  return rows.map((row) => ({ id: row.id, addressId: row.address_id, visitedAt: row.visited_at, outcome: row.outcome, appointmentAt: row.appointment_at }));
}

/** Addresses on the interviewer's assigned streets where an interview has been stored. */
export async function listInterviewedAddresses(db: Queryable, interviewerId: number): Promise<number[]> {
  const rows = await db.all<{ address_id: number }>(
    `SELECT DISTINCT ia.address_id FROM interview_addresses ia JOIN addresses a ON a.id = ia.address_id
       JOIN assignments x ON x.street_id = a.street_id WHERE x.interviewer_id = ?`,
    [interviewerId],
  );
  return rows.map((row) => row.address_id);
}
