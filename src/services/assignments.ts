/**
 * Assigning a street to an interviewer, or taking it off them: the street
 * must be one of the study's, the account an active interviewer; the change
 * and its audit entry are one transaction.
 */
import type { User } from '../domain/account.js';
import { Problem } from '../domain/errors.js';
import type { Study } from '../domain/study.js';
import { getStreetStudyId } from '../storage/address-frame.js';
import { assignStreet, unassignStreet } from '../storage/assignments.js';
import { auditedChange } from '../storage/audit-log.js';
import type { Database } from '../storage/db.js';
import { getUser } from '../storage/users.js';

export async function changeAssignment(db: Database, actor: User, study: Study, change: { streetId: number; interviewerId: number; unassign: boolean }): Promise<void> {
  const interviewer = await getUser(db, change.interviewerId);
  if (!interviewer || interviewer.role !== 'interviewer' || interviewer.disabled) {
    throw new Problem('invalidInput', { fields: [{ field: 'interviewerId', reason: 'notAnInterviewer' }] });
  }
  if ((await getStreetStudyId(db, change.streetId)) !== study.id) throw new Problem('notFound', { entity: 'street' });
  await auditedChange(db, (tx) => (change.unassign ? unassignStreet : assignStreet)(tx, change.streetId, interviewer.id), () => ({
    actor, action: change.unassign ? 'street.unassigned' : 'street.assigned', studyId: study.id, subject: `street ${change.streetId}`, detail: interviewer.username,
  }));
}
