/**
 * What a coordinator watches during fieldwork: per address its visits and
 * whether it was interviewed, interviews with their paradata, and the
 * duplicates and sync conflicts to resolve. Fieldwork side: these queries
 * join addresses and are meaningless after the frame is purged.
 */
import type { AddressFieldwork } from '../domain/response-figures.js';
import type { VisitOutcome } from '../domain/sync-record.js';
import type { Queryable } from './db.js';

export interface AddressProgress extends AddressFieldwork {
  addressId: number;
  streetId: number;
  streetName: string;
  neighbourhood: string;
  /** House number and addition, e.g. "12 a". */
  house: string;
  appointmentAt: string | null;
  interviewerIds: number[];
}

export async function listAddressProgress(db: Queryable, studyId: number): Promise<AddressProgress[]> {
  const rows = await db.all<{
    address_id: number; street_id: number; street: string; neighbourhood: string; house_number: number; addition: string; visits: number; last_outcome: VisitOutcome | null;
    last_appointment: string | null; ineligible: number; completed: number; interviewers: string | null;
  }>(
    `WITH ranked AS (
       SELECT v.address_id, v.outcome, v.appointment_at, v.interviewer_id,
              row_number() OVER (PARTITION BY v.address_id ORDER BY v.visited_at DESC, v.id DESC) AS recency
         FROM visits v JOIN addresses a ON a.id = v.address_id WHERE a.study_id = ?1
     ), per_address AS (
       SELECT address_id, count(*) AS visits,
              max(CASE WHEN recency = 1 THEN outcome END) AS last_outcome,
              max(CASE WHEN recency = 1 THEN appointment_at END) AS last_appointment,
              max(outcome = 'ineligible') AS ineligible,
              group_concat(DISTINCT interviewer_id) AS interviewers
         FROM ranked GROUP BY address_id
     )
     SELECT a.id AS address_id, s.id AS street_id, s.name AS street, n.name AS neighbourhood, a.house_number, a.addition,
            coalesce(p.visits, 0) AS visits, p.last_outcome, p.last_appointment, coalesce(p.ineligible, 0) AS ineligible,
            EXISTS (SELECT 1 FROM interview_addresses ia JOIN interviews i ON i.id = ia.interview_id
                     WHERE ia.address_id = a.id AND i.status = 'counted') AS completed,
            p.interviewers
       FROM addresses a JOIN streets s ON s.id = a.street_id JOIN neighbourhoods n ON n.id = s.neighbourhood_id
       LEFT JOIN per_address p ON p.address_id = a.id
      WHERE a.study_id = ?1
      ORDER BY n.name, s.name, a.house_number, a.addition`,
    [studyId],
  );
  return rows.map((row) => ({
    addressId: row.address_id, streetId: row.street_id, streetName: row.street, neighbourhood: row.neighbourhood,
    house: `${row.house_number}${row.addition ? ` ${row.addition}` : ''}`, visits: row.visits, lastOutcome: row.last_outcome, ineligible: row.ineligible === 1, completed: row.completed === 1,
    appointmentAt: row.last_outcome === 'appointment' ? row.last_appointment : null,
    interviewerIds: (row.interviewers ?? '').split(',').filter(Boolean).map(Number),
  }));
}

export interface InterviewParadata {
  id: string;
  instrumentId: string;
  instrumentVersion: number;
  interviewerId: number | null;
  interviewer: string;
  streetName: string;
  startedAt: string;
  endedAt: string;
  minutes: number;
  status: 'counted' | 'set-aside';
}

export async function listInterviewParadata(db: Queryable, studyId: number): Promise<InterviewParadata[]> {
  const rows = await db.all<{ id: string; instrument_id: string; instrument_version: number; interviewer_id: number | null; interviewer: string | null; street: string; started_at: string; ended_at: string; status: 'counted' | 'set-aside' }>(
    `SELECT i.id, i.instrument_id, i.instrument_version, i.interviewer_id, u.display_name AS interviewer, s.name AS street, i.started_at, i.ended_at, i.status
       FROM interviews i JOIN streets s ON s.id = i.street_id LEFT JOIN users u ON u.id = i.interviewer_id
      WHERE i.study_id = ? ORDER BY i.started_at`,
    [studyId],
  );
  return rows.map((row) => ({
    id: row.id, instrumentId: row.instrument_id, instrumentVersion: row.instrument_version, interviewerId: row.interviewer_id, interviewer: row.interviewer ?? '—', streetName: row.street,
    startedAt: row.started_at, endedAt: row.ended_at, minutes: (Date.parse(row.ended_at) - Date.parse(row.started_at)) / 60_000, status: row.status,
  }));
}

export interface DuplicateGroup {
  addressId: number;
  address: string;
  instrumentId: string;
  interviews: { id: string; interviewer: string; endedAt: string }[];
}

/**
 * Two or more counted interviews of one instrument at one address, not yet
 * resolved by the coordinator: never resolved, or resolved before another
 * interview there was counted.
 */
export async function listUnresolvedDuplicates(db: Queryable, studyId: number): Promise<DuplicateGroup[]> {
  const rows = await db.all<{ address_id: number; street: string; house_number: number; addition: string; instrument_id: string; id: string; interviewer: string | null; ended_at: string }>(
    `WITH counted AS (
       SELECT ia.address_id, i.instrument_id, count(*) AS n
         FROM interview_addresses ia JOIN interviews i ON i.id = ia.interview_id AND i.status = 'counted'
        WHERE i.study_id = ?
        GROUP BY ia.address_id, i.instrument_id HAVING count(*) > 1
     ), unresolved AS (
       SELECT c.address_id, c.instrument_id FROM counted c
        WHERE NOT EXISTS (SELECT 1 FROM duplicate_resolutions r
                           WHERE r.address_id = c.address_id AND r.instrument_id = c.instrument_id AND r.counted_after >= c.n)
     )
     SELECT ia.address_id, s.name AS street, a.house_number, a.addition, i.instrument_id, i.id, u.display_name AS interviewer, i.ended_at
       FROM unresolved o
       JOIN interview_addresses ia ON ia.address_id = o.address_id
       JOIN interviews i ON i.id = ia.interview_id AND i.status = 'counted' AND i.instrument_id = o.instrument_id
       JOIN addresses a ON a.id = ia.address_id JOIN streets s ON s.id = a.street_id
       LEFT JOIN users u ON u.id = i.interviewer_id
      ORDER BY s.name, a.house_number, i.instrument_id, i.ended_at`,
    [studyId],
  );
  const groups = new Map<string, DuplicateGroup>();
  for (const row of rows) {
    const key = `${row.address_id}|${row.instrument_id}`;
    if (!groups.has(key)) {
      groups.set(key, { addressId: row.address_id, address: `${row.street} ${row.house_number}${row.addition ? ` ${row.addition}` : ''}`, instrumentId: row.instrument_id, interviews: [] });
    }
    groups.get(key)!.interviews.push({ id: row.id, interviewer: row.interviewer ?? '—', endedAt: row.ended_at });
  }
  return [...groups.values()];
}

export async function countSyncConflicts(db: Queryable, studyId: number): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM sync_conflicts WHERE study_id = ?', [studyId]))!.n;
}

/**
 * A coordinator's decision on a duplicate: keep one interview (the others are
 * set aside, not deleted) or keep all as separate households. Run in a
 * transaction. The same decision sent twice (a second click, a retry) changes
 * nothing the second time and is no error; a decision on a duplicate that a
 * later interview opened again replaces the earlier one.
 */
export async function resolveDuplicate(tx: Queryable, resolution: { studyId: number; addressId: number; instrumentId: string; keepInterviewId: string | null; resolvedBy: number }): Promise<'resolved' | 'unchanged' | 'not-found'> {
  const ids = (await tx.all<{ id: string }>(
    `SELECT i.id FROM interview_addresses ia JOIN interviews i ON i.id = ia.interview_id
      WHERE ia.address_id = ? AND i.instrument_id = ? AND i.study_id = ? AND i.status = 'counted'`,
    [resolution.addressId, resolution.instrumentId, resolution.studyId],
  )).map((row) => row.id);
  const earlier = await tx.get<{ counted_after: number }>(
    `SELECT r.counted_after FROM duplicate_resolutions r JOIN addresses a ON a.id = r.address_id
      WHERE r.address_id = ? AND r.instrument_id = ? AND a.study_id = ?`,
    [resolution.addressId, resolution.instrumentId, resolution.studyId],
  );
  if (earlier && earlier.counted_after >= ids.length) return 'unchanged';
  if (ids.length < 2 || (resolution.keepInterviewId !== null && !ids.includes(resolution.keepInterviewId))) return 'not-found';
  await tx.run(
    `INSERT INTO duplicate_resolutions (address_id, instrument_id, resolution, kept_interview_id, resolved_by, counted_after) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (address_id, instrument_id) DO UPDATE SET resolution = excluded.resolution, kept_interview_id = excluded.kept_interview_id,
       resolved_by = excluded.resolved_by, counted_after = excluded.counted_after, resolved_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    [resolution.addressId, resolution.instrumentId, resolution.keepInterviewId ? 'kept-one' : 'separate-households', resolution.keepInterviewId, resolution.resolvedBy,
      resolution.keepInterviewId ? 1 : ids.length],
  );
  if (resolution.keepInterviewId) {
    const setAside = ids.filter((id) => id !== resolution.keepInterviewId);
    await tx.run(`UPDATE interviews SET status = 'set-aside' WHERE id IN (${setAside.map(() => '?').join(', ')})`, setAside);
  }
  return 'resolved';
}
