/**
 * Purging a study's address frame after fieldwork. The coordinator confirms
 * by typing the study's name, so a stray click cannot do it; the response
 * figures are kept per street, everything else on the fieldwork side goes,
 * and the purge is written to the audit log, all in one transaction.
 */
import type { User } from '../domain/account.js';
import { Problem } from '../domain/errors.js';
import type { Study } from '../domain/study.js';
import { recordAudit } from '../storage/audit-log.js';
import type { Database } from '../storage/db.js';
import { purgeAddressFrame, type PurgeCounts } from '../storage/purge.js';
import { getStudy } from '../storage/studies.js';
import { studyResponse } from './analysis.js';

/** Whether the typed confirmation names the study (spaces around it and letter case do not matter). */
export function confirmsStudy(confirmation: unknown, study: Study): boolean {
  return typeof confirmation === 'string' && confirmation.trim().toLocaleLowerCase('nl') === study.name.trim().toLocaleLowerCase('nl');
}

export async function purgeStudyAddressFrame(db: Database, actor: User, study: Study, confirmation: unknown): Promise<PurgeCounts> {
  if (!confirmsStudy(confirmation, study)) throw new Problem('invalidInput', { fields: [{ field: 'confirmation', reason: 'confirmationMismatch' }] });
  const counts = await db.transaction(async (tx) => {
    // Checked inside the transaction: a second purge must never replace the snapshot with the empty frame's figures.
    const current = await getStudy(tx, study.id);
    if (!current || current.purgedAt !== null) throw new Problem('invalidInput', { fields: [{ field: 'confirmation', reason: 'alreadyPurged' }] });
    const counts = await purgeAddressFrame(tx, study.id, await studyResponse(tx, current));
    await recordAudit(tx, {
      actor, action: 'address-frame.purged', studyId: study.id, subject: study.name,
      detail: `${counts.addresses} addresses, ${counts.visits} visits, ${counts.followUpContacts} follow-up contacts deleted; ${counts.followUpContactsLeft} not yet handled kept`,
    });
    return counts;
  });
  // The deleted rows are zeros in the file (secure_delete, db.ts); the log that still held them is emptied.
  await db.eraseLog();
  return counts;
}
