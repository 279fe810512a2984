/** The audit log as a table: each entry with its action in words and its time in the reader's locale. */
import type { AuditAction, AuditRecord } from '../../domain/audit.js';
import type { Locale, Translate } from '../../i18n/translate.js';

function actionLabels(t: Translate): Record<AuditAction, string> {
  return {
    'account.created': t('audit.accountCreated'), 'account.disabled': t('audit.accountDisabled'),
    'account.enabled': t('audit.accountEnabled'), 'account.password-reset': t('audit.passwordReset'), 'account.login-pause-lifted': t('audit.loginPauseLifted'),
    'study.created': t('audit.studyCreated'), 'study.changed': t('audit.studyChanged'),
    'address-frame.imported': t('audit.frameImported'), 'street.assigned': t('audit.streetAssigned'),
    'street.unassigned': t('audit.streetUnassigned'), 'duplicate.resolved': t('audit.duplicateResolved'),
    'intervention.recorded': t('audit.interventionRecorded'), 'report.published': t('audit.reportPublished'),
    'report.withdrawn': t('audit.reportWithdrawn'), 'member.added': t('audit.memberAdded'), 'member.removed': t('audit.memberRemoved'),
    'comment.reviewed': t('audit.commentReviewed'), 'interview.reviewed': t('audit.interviewReviewed'), 'export.downloaded': t('audit.exportDownloaded'),
    'follow-up.handled': t('audit.followUpHandled'),
    'address-frame.purged': t('audit.framePurged'),
  };
}

export function auditView(records: readonly AuditRecord[], t: Translate, locale: Locale) {
  const labels = actionLabels(t);
  const format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Amsterdam' });
  return records.map((record) => ({
    at: format.format(new Date(record.at)), actor: record.actorName, action: labels[record.action] ?? record.action,
    subject: record.subject, detail: record.detail, studyId: record.studyId,
  }));
}
