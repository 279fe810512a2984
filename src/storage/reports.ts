/**
 * Storage for the reports: interventions per street, the data version of a
 * study (what a report was made from), and the published reports.
 */
import { createHash } from 'node:crypto';
import type { PublishedCounts } from '../domain/analysis/version-differencing.js';
import type { ResponseFigures } from '../domain/response-figures.js';
import type { Intervention } from '../domain/intervention.js';
import type { Queryable } from './db.js';

export type { Intervention };

export interface NewIntervention {
  studyId: number;
  streetId: number;
  kind: Intervention['kind'];
  methodId: string | null;
  heldOn: string;
  note: string;
  createdBy: number;
}

export async function insertIntervention(db: Queryable, intervention: NewIntervention): Promise<number> {
  const { lastId } = await db.run(
    'INSERT INTO interventions (study_id, street_id, kind, method_id, held_on, note, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [intervention.studyId, intervention.streetId, intervention.kind, intervention.methodId, intervention.heldOn, intervention.note, intervention.createdBy],
  );
  return lastId;
}

export async function listInterventions(db: Queryable, studyId: number): Promise<Intervention[]> {
  const rows = await db.all<{ id: number; street_id: number; kind: Intervention['kind']; method_id: string | null; held_on: string; note: string }>(
    'SELECT id, street_id, kind, method_id, held_on, note FROM interventions WHERE study_id = ? ORDER BY held_on, id', [studyId]);
  return rows.map((row) => ({ id: row.id, streetId: row.street_id, kind: row.kind, methodId: row.method_id, heldOn: row.held_on, note: row.note }));
}

/**
 * The data version of a study: a hash over its counted interviews (id and
 * content), its settings, its approved comments as reviewed and the response
 * figures per street (which survive the purge unchanged), so a report can say exactly what it was made
 * from and a new publication is needed only when that changes.
 */
export async function studyDataVersion(db: Queryable, studyId: number, response: ReadonlyMap<number, ResponseFigures>): Promise<string> {
  const hash = createHash('sha256');
  const settings = await db.get<{ min_report_size: number; updated_at: string }>('SELECT min_report_size, updated_at FROM studies WHERE id = ?', [studyId]);
  hash.update(JSON.stringify(settings ?? {}));
  const rows = await db.all<{ id: string; content_hash: string | null; status: string }>(
    'SELECT id, content_hash, status FROM interviews WHERE study_id = ? ORDER BY id', [studyId]);
  for (const row of rows) hash.update(`${row.id}:${row.content_hash ?? ''}:${row.status}\n`);
  const comments = await db.all<{ interview_id: string; item_id: string; reviewed_body: string }>(
    `SELECT c.interview_id, c.item_id, c.reviewed_body FROM comments c JOIN interviews i ON i.id = c.interview_id
      WHERE i.study_id = ? AND c.review_status = 'approved' ORDER BY c.interview_id, c.item_id`, [studyId]);
  for (const row of comments) hash.update(`comment ${row.interview_id}:${row.item_id}:${row.reviewed_body}\n`);
  for (const [streetId, figures] of [...response].sort((a, b) => a[0] - b[0])) hash.update(`response ${streetId}:${JSON.stringify(figures)}\n`);
  return hash.digest('hex').slice(0, 16);
}

export interface PublishedReport {
  id: number;
  studyId: number;
  kind: 'street' | 'neighbourhood';
  unitId: number;
  title: string;
  dataVersion: string;
  htmlFile: string;
  pdfFile: string;
  publishedAt: string;
  /** When a coordinator took it back from the readers; the row and its files stay for the audit. */
  withdrawnAt: string | null;
}

type PublishedRow = {
  id: number; study_id: number; kind: PublishedReport['kind']; unit_id: number; title: string; data_version: string;
  html_file: string; pdf_file: string; published_at: string; withdrawn_at: string | null;
};
const toPublished = (row: PublishedRow): PublishedReport => ({
  id: row.id, studyId: row.study_id, kind: row.kind, unitId: row.unit_id, title: row.title, dataVersion: row.data_version,
  htmlFile: row.html_file, pdfFile: row.pdf_file, publishedAt: row.published_at, withdrawnAt: row.withdrawn_at,
});

/**
 * Records a publication and returns its id. Publishing a data version that was
 * published before makes that row the unit's current publication again (and
 * no longer withdrawn).
 */
export async function insertPublishedReport(db: Queryable, report: Omit<PublishedReport, 'id' | 'publishedAt' | 'withdrawnAt'> & { publishedBy: number }): Promise<number> {
  const row = await db.get<{ id: number }>(
    `INSERT INTO published_reports (study_id, kind, unit_id, title, data_version, html_file, pdf_file, published_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (study_id, kind, unit_id, data_version) DO UPDATE
       SET published_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), published_by = excluded.published_by, withdrawn_at = NULL, withdrawn_by = NULL
     RETURNING id`,
    [report.studyId, report.kind, report.unitId, report.title, report.dataVersion, report.htmlFile, report.pdfFile, report.publishedBy],
  );
  return row!.id;
}

/** SQL for "this row is its unit's current publication": the one published last. */
const isCurrent = `p.id = (SELECT q.id FROM published_reports q WHERE q.study_id = p.study_id AND q.kind = p.kind AND q.unit_id = p.unit_id
                           ORDER BY q.published_at DESC, q.id DESC LIMIT 1)`;

/**
 * The current publication of each report of a study. Readers get only those
 * not withdrawn; coordinators get the withdrawn ones too, marked.
 */
export async function listPublishedReports(db: Queryable, studyId: number, audience: 'readers' | 'coordinators' = 'readers'): Promise<PublishedReport[]> {
  const rows = await db.all<PublishedRow>(
    `SELECT * FROM published_reports p WHERE p.study_id = ? AND ${isCurrent} ${audience === 'readers' ? 'AND p.withdrawn_at IS NULL' : ''}
     ORDER BY p.kind DESC, p.title`, [studyId]);
  return rows.map(toPublished);
}

/**
 * One publication. For readers only a unit's current, not withdrawn one: an
 * older version stays for the coordinator and the audit, but a reader never
 * gets two versions to set side by side.
 */
export async function getPublishedReport(db: Queryable, studyId: number, reportId: number, audience: 'readers' | 'coordinators' = 'readers'): Promise<PublishedReport | undefined> {
  const row = await db.get<PublishedRow>(
    `SELECT * FROM published_reports p WHERE p.study_id = ? AND p.id = ? ${audience === 'readers' ? `AND ${isCurrent} AND p.withdrawn_at IS NULL` : ''}`,
    [studyId, reportId]);
  return row && toPublished(row);
}

/** Takes a unit's current publication back from its readers; returns false when it is not current or already withdrawn. */
export async function withdrawPublishedReport(db: Queryable, studyId: number, reportId: number, userId: number): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE published_reports AS p SET withdrawn_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), withdrawn_by = ?
      WHERE p.study_id = ? AND p.id = ? AND p.withdrawn_at IS NULL AND ${isCurrent}`, [userId, studyId, reportId]);
  return changes > 0;
}

/** Whether a data version's counts are recorded: it was published, and checked, before. */
export async function isPublishedVersion(db: Queryable, studyId: number, dataVersion: string): Promise<boolean> {
  return (await db.get('SELECT 1 AS found FROM published_versions WHERE study_id = ? AND data_version = ?', [studyId, dataVersion])) !== undefined;
}

/** The counts of every data version published for readers of a study before (version-differencing.ts). */
export async function listPublishedVersionCounts(db: Queryable, studyId: number): Promise<{ dataVersion: string; counts: PublishedCounts }[]> {
  const rows = await db.all<{ data_version: string; counts: string }>('SELECT data_version, counts FROM published_versions WHERE study_id = ? ORDER BY recorded_at', [studyId]);
  return rows.map((row) => ({ dataVersion: row.data_version, counts: JSON.parse(row.counts) as PublishedCounts }));
}

/** Records the counts a data version rests on, the first time it is published; later publications of it keep them. */
export async function recordPublishedVersion(db: Queryable, studyId: number, dataVersion: string, counts: PublishedCounts): Promise<void> {
  await db.run('INSERT INTO published_versions (study_id, data_version, counts) VALUES (?, ?, ?) ON CONFLICT (study_id, data_version) DO NOTHING',
    [studyId, dataVersion, JSON.stringify(counts)]);
}
