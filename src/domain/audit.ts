/**
 * The audit log's vocabulary: what someone did. Every action that creates,
 * changes, publishes, exports, purges or deletes something a study depends on
 * is written to the append-only audit log (src/storage/audit-log.ts), in the
 * same transaction as the change where there is one.
 */
export const auditActions = [
  'account.created', 'account.disabled', 'account.enabled', 'account.password-reset', 'account.login-pause-lifted',
  'study.created', 'study.changed', 'address-frame.imported', 'street.assigned', 'street.unassigned',
  'duplicate.resolved', 'intervention.recorded', 'report.published', 'report.withdrawn', 'member.added', 'member.removed',
  'comment.reviewed', 'interview.reviewed', 'export.downloaded', 'follow-up.handled', 'address-frame.purged',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  /** The user who acted; undefined for the system (start-up, demo study). */
  actor?: { id: number; displayName: string };
  action: AuditAction;
  studyId?: number;
  /** What the action was about, in a few words: a street, a file, an account. */
  subject?: string;
  /** Further facts, such as a row count or a file name. */
  detail?: string;
}

export interface AuditRecord {
  id: number;
  at: string;
  actorName: string;
  action: AuditAction;
  studyId: number | null;
  subject: string;
  detail: string;
}
