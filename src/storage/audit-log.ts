/**
 * The audit log: all SQL on audit_log. There is an insert and a select and
 * nothing else; the database's triggers refuse updates and deletes.
 */
import type { AuditEntry, AuditRecord } from '../domain/audit.js';
import type { Database, Queryable } from './db.js';

export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.run(
    'INSERT INTO audit_log (actor_id, actor_name, action, study_id, subject, detail) VALUES (?, ?, ?, ?, ?, ?)',
    [entry.actor?.id ?? null, entry.actor?.displayName ?? 'Buurtladder', entry.action, entry.studyId ?? null,
      (entry.subject ?? '').slice(0, 300), (entry.detail ?? '').slice(0, 2000)],
  );
}

/**
 * Runs a change and, when `entryFor` says what it did, its audit entry, in one
 * transaction: an entry is never written for a change that did not happen,
 * nor a change made without its entry.
 */
export function auditedChange<T>(db: Database, change: (tx: Queryable) => Promise<T>, entryFor: (result: T) => AuditEntry | undefined): Promise<T> {
  return db.transaction(async (tx) => {
    const result = await change(tx);
    const entry = entryFor(result);
    if (entry) await recordAudit(tx, entry);
    return result;
  });
}

type AuditRow = { id: number; at: string; actor_name: string; action: AuditRecord['action']; study_id: number | null; subject: string; detail: string };

/** The newest entries first; of one study, or of everything when studyId is undefined. */
export async function listAudit(db: Queryable, studyId?: number, limit = 500): Promise<AuditRecord[]> {
  const rows = studyId === undefined
    ? await db.all<AuditRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?', [limit])
    : await db.all<AuditRow>('SELECT * FROM audit_log WHERE study_id = ? ORDER BY id DESC LIMIT ?', [studyId, limit]);
  return rows.map((row) => ({ id: row.id, at: row.at, actorName: row.actor_name, action: row.action, studyId: row.study_id, subject: row.subject, detail: row.detail }));
}
