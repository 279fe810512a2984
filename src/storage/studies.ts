/** Studies, their instrument versions and their members: all SQL for them. */
import type { User } from '../domain/account.js';
import type { StudyMember, StudyRole } from '../domain/study-membership.js';
import { splitInstrumentChoice, type InstrumentChoice, type Study, type StudyInput } from '../domain/study.js';
import { withConstraints } from './constraint-errors.js';
import type { Queryable } from './db.js';
import { toUser, userColumns, type UserRow } from './users.js';

interface StudyRow {
  id: number;
  name: string;
  commissioner: string;
  area: string;
  fieldwork_start: string;
  fieldwork_end: string;
  min_report_size: number;
  max_visit_attempts: number;
  only_approved: number;
  is_demo: number;
  follow_up_of: number | null;
  purged_at: string | null;
  created_at: string;
  updated_at: string;
  instruments: string | null;
}

/** A study's settings as stored; the demo study and benchmarks leave `followUpOf` out. */
type NewStudy = Omit<StudyInput, 'followUpOf' | 'onlyApproved'> & { followUpOf?: number | null; onlyApproved?: boolean };

/** SQL for the instrument versions of the study whose id is in `studyIdColumn`, as "id@version,…". */
export const instrumentChoicesOf = (studyIdColumn: string) => `(SELECT group_concat(instrument_id || '@' || instrument_version, ',')
                 FROM study_instruments si WHERE si.study_id = ${studyIdColumn})`;

/** The list `instrumentChoicesOf` selects, read back in a stable order. */
export const readInstrumentChoices = (list: string | null): InstrumentChoice[] => (list ?? '').split(',').filter(Boolean).sort().map(splitInstrumentChoice);

const studySelect = `SELECT s.*, ${instrumentChoicesOf('s.id')} AS instruments FROM studies s`;

function toStudy(row: StudyRow): Study {
  return {
    id: row.id,
    name: row.name,
    commissioner: row.commissioner,
    area: row.area,
    fieldworkStart: row.fieldwork_start,
    fieldworkEnd: row.fieldwork_end,
    minReportSize: row.min_report_size,
    maxVisitAttempts: row.max_visit_attempts,
    onlyApproved: row.only_approved === 1,
    isDemo: row.is_demo === 1,
    followUpOf: row.follow_up_of,
    purgedAt: row.purged_at,
    instruments: readInstrumentChoices(row.instruments),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function replaceInstruments(tx: Queryable, studyId: number, choices: string[]): Promise<void> {
  await tx.run('DELETE FROM study_instruments WHERE study_id = ?', [studyId]);
  for (const { instrumentId, version } of choices.map(splitInstrumentChoice)) {
    await tx.run('INSERT INTO study_instruments (study_id, instrument_id, instrument_version) VALUES (?, ?, ?)', [studyId, instrumentId, version]);
  }
}

/** Creates a study and makes its creator a member. Run inside a transaction. */
export async function createStudy(tx: Queryable, input: NewStudy, createdBy: number, isDemo = false): Promise<number> {
  const { lastId } = await withConstraints('study', () => tx.run(
    `INSERT INTO studies (name, commissioner, area, fieldwork_start, fieldwork_end, min_report_size, max_visit_attempts, only_approved, is_demo, follow_up_of, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [input.name, input.commissioner, input.area, input.fieldworkStart, input.fieldworkEnd, input.minReportSize, input.maxVisitAttempts, input.onlyApproved ? 1 : 0, isDemo ? 1 : 0, input.followUpOf ?? null, createdBy],
  ));
  await replaceInstruments(tx, lastId, input.instruments);
  await addStudyMember(tx, lastId, createdBy);
  return lastId;
}

/**
 * Changes a study's settings. Run inside a transaction. Returns false when
 * there is no such study. Counting only approved interviews changes what the
 * analysis reads, so switching it moves the analysis revision on.
 */
export async function updateStudy(tx: Queryable, studyId: number, input: NewStudy): Promise<boolean> {
  const onlyApproved = input.onlyApproved ? 1 : 0;
  const { changes } = await withConstraints('study', () => tx.run(
    `UPDATE studies
        SET name = ?, commissioner = ?, area = ?, fieldwork_start = ?, fieldwork_end = ?,
            min_report_size = ?, max_visit_attempts = ?, follow_up_of = ?,
            analysis_revision = analysis_revision + (only_approved <> ?), only_approved = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
      WHERE id = ?`,
    [input.name, input.commissioner, input.area, input.fieldworkStart, input.fieldworkEnd, input.minReportSize, input.maxVisitAttempts, input.followUpOf ?? null, onlyApproved, onlyApproved, studyId],
  ));
  if (changes === 0) return false;
  await replaceInstruments(tx, studyId, input.instruments);
  return true;
}

export async function getStudy(db: Queryable, studyId: number): Promise<Study | undefined> {
  const row = await db.get<StudyRow>(`${studySelect} WHERE s.id = ?`, [studyId]);
  return row && toStudy(row);
}

/** The study's analysis revision: it changes with every change to what the analysis reads (0006-analysis-revision.sql). */
export async function getAnalysisRevision(db: Queryable, studyId: number): Promise<number | undefined> {
  return (await db.get<{ analysis_revision: number }>('SELECT analysis_revision FROM studies WHERE id = ?', [studyId]))?.analysis_revision;
}

/** The studies a user may open: all of them for an admin, their own for everyone else. */
export async function listStudiesFor(db: Queryable, user: User): Promise<Study[]> {
  const rows = user.role === 'admin'
    ? await db.all<StudyRow>(`${studySelect} ORDER BY s.fieldwork_start DESC, s.id DESC`)
    : await db.all<StudyRow>(
      `${studySelect} JOIN study_members m ON m.study_id = s.id WHERE m.user_id = ? ORDER BY s.fieldwork_start DESC, s.id DESC`,
      [user.id],
    );
  return rows.map(toStudy);
}

/** A user's role in a study, or undefined when they are not a member. */
export async function studyRoleOf(db: Queryable, studyId: number, userId: number): Promise<StudyRole | undefined> {
  return (await db.get<{ role: StudyRole }>('SELECT role FROM study_members WHERE study_id = ? AND user_id = ?', [studyId, userId]))?.role;
}

/** A user's role in each study they are a member of. */
export async function listStudyRolesOf(db: Queryable, userId: number): Promise<Map<number, StudyRole>> {
  const rows = await db.all<{ study_id: number; role: StudyRole }>('SELECT study_id, role FROM study_members WHERE user_id = ?', [userId]);
  return new Map(rows.map((row) => [row.study_id, row.role]));
}

/** Makes a user a member of a study in this role, or changes the role of a member. */
export async function addStudyMember(db: Queryable, studyId: number, userId: number, role: StudyRole = 'coordinator'): Promise<void> {
  await db.run('INSERT INTO study_members (study_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT (study_id, user_id) DO UPDATE SET role = excluded.role', [studyId, userId, role]);
}

/** Returns false when the user was not a member. */
export async function removeStudyMember(db: Queryable, studyId: number, userId: number): Promise<boolean> {
  return (await db.run('DELETE FROM study_members WHERE study_id = ? AND user_id = ?', [studyId, userId])).changes > 0;
}

/** The members of a study, coordinators first, each by name. */
export async function listStudyMembers(db: Queryable, studyId: number): Promise<StudyMember[]> {
  const rows = await db.all<UserRow & { member_role: StudyRole }>(
    `SELECT ${userColumns.split(', ').map((column) => `u.${column}`).join(', ')}, m.role AS member_role
       FROM study_members m JOIN users u ON u.id = m.user_id WHERE m.study_id = ?
      ORDER BY m.role = 'reader', u.display_name, u.username`, [studyId]);
  return rows.map((row) => ({ user: toUser(row), role: row.member_role }));
}

export async function findDemoStudy(db: Queryable): Promise<number | undefined> {
  return (await db.get<{ id: number }>('SELECT id FROM studies WHERE is_demo = 1 ORDER BY id LIMIT 1'))?.id;
}
