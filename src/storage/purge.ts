/**
 * The purge of a study's address frame after fieldwork (instruments.md, Data
 * separation): all SQL for it. The answers never named an address, so
 * deleting the fieldwork side leaves every figure as it was; only the
 * response figures come from the visit log, and they are kept per street in
 * street_response_snapshots by the same transaction.
 */
import { responseFiguresFromCounts, type ResponseFigures } from '../domain/response-figures.js';
import { insertRows, type Queryable } from './db.js';

export interface PurgeCounts {
  addresses: number;
  visits: number;
  followUpContacts: number;
  /** Follow-up contacts not yet handled: they stay until a coordinator has handled them. */
  followUpContactsLeft: number;
}

/** Deletes the fieldwork side of a study and records the response snapshot. Run inside a transaction. */
export async function purgeAddressFrame(tx: Queryable, studyId: number, responses: ReadonlyMap<number, ResponseFigures>): Promise<PurgeCounts> {
  await tx.run('DELETE FROM street_response_snapshots WHERE study_id = ?', [studyId]);
  await insertRows(tx, 'street_response_snapshots',
    ['street_id', 'study_id', 'addresses', 'visits', 'ineligible', 'completed', 'refused', 'not_reached', 'not_visited'],
    [...responses].map(([streetId, f]) => [streetId, studyId, f.addresses, f.visits, f.ineligible, f.completed, f.refused, f.notReached, f.notVisited]));
  const visits = (await tx.get<{ n: number }>('SELECT count(*) AS n FROM visits v JOIN addresses a ON a.id = v.address_id WHERE a.study_id = ?', [studyId]))!.n;
  await tx.run('DELETE FROM sync_conflicts WHERE study_id = ?', [studyId]);
  // What reviewers wrote about interviews may name an address; the review states stay on the interviews.
  await tx.run('DELETE FROM interview_reviews WHERE study_id = ?', [studyId]);
  // Visits, interview_addresses and duplicate_resolutions go with their addresses (ON DELETE CASCADE).
  const addresses = (await tx.run('DELETE FROM addresses WHERE study_id = ?', [studyId])).changes;
  const followUpContacts = (await tx.run('DELETE FROM follow_up_contacts WHERE study_id = ? AND handled_at IS NOT NULL', [studyId])).changes;
  const left = (await tx.get<{ n: number }>('SELECT count(*) AS n FROM follow_up_contacts WHERE study_id = ?', [studyId]))!.n;
  await tx.run("UPDATE studies SET purged_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?", [studyId]);
  return { addresses, visits, followUpContacts, followUpContactsLeft: left };
}

type SnapshotRow = { street_id: number; addresses: number; visits: number; ineligible: number; completed: number; refused: number; not_reached: number; not_visited: number };

/** The response figures per street kept at the purge. */
export async function listResponseSnapshots(db: Queryable, studyId: number): Promise<Map<number, ResponseFigures>> {
  const rows = await db.all<SnapshotRow>('SELECT * FROM street_response_snapshots WHERE study_id = ?', [studyId]);
  return new Map(rows.map((row) => [row.street_id, responseFiguresFromCounts({
    addresses: row.addresses, visits: row.visits, ineligible: row.ineligible, completed: row.completed,
    refused: row.refused, notReached: row.not_reached, notVisited: row.not_visited,
  })]));
}
