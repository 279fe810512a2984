/**
 * Giving people a study: a coordinator (or an admin) adds an existing account
 * by its username, as a coordinator or a reader of the study, changes its
 * role, or removes it. Each change and its audit entry are one transaction. A
 * study always keeps at least one coordinator member, so it never falls back
 * to the admin alone.
 */
import type { User } from '../domain/account.js';
import { Problem } from '../domain/errors.js';
import type { Study } from '../domain/study.js';
import { checkStudyRole, memberInputSchema } from '../domain/study-membership.js';
import { parseOrThrow } from '../domain/validation.js';
import { auditedChange } from '../storage/audit-log.js';
import type { Database, Queryable } from '../storage/db.js';
import { addStudyMember, listStudyMembers, removeStudyMember, studyRoleOf } from '../storage/studies.js';
import { findUserByUsername, getUser } from '../storage/users.js';

export async function addMember(db: Database, actor: User, study: Study, input: unknown): Promise<User> {
  const { username, role } = parseOrThrow(memberInputSchema, input);
  const account = await findUserByUsername(db, username);
  if (!account) throw new Problem('invalidInput', { fields: [{ field: 'username', reason: 'unknownAccount' }] });
  checkStudyRole(account, role);
  await auditedChange(db, async (tx) => {
    if (role === 'reader' && (await studyRoleOf(tx, study.id, account.id)) === 'coordinator') await refuseWithoutOtherCoordinator(tx, study.id, account.id);
    await addStudyMember(tx, study.id, account.id, role);
  }, () => ({ actor, action: 'member.added', studyId: study.id, subject: account.username, detail: role }));
  return account;
}

export async function removeMember(db: Database, actor: User, study: Study, userId: number): Promise<User> {
  const account = await getUser(db, userId);
  if (!account) throw new Problem('notFound', { entity: 'account' });
  await auditedChange(db, async (tx) => {
    const role = await studyRoleOf(tx, study.id, account.id);
    if (!role) throw new Problem('notFound', { entity: 'member' });
    if (role === 'coordinator') await refuseWithoutOtherCoordinator(tx, study.id, account.id);
    await removeStudyMember(tx, study.id, account.id);
    return role;
  }, (role) => ({ actor, action: 'member.removed', studyId: study.id, subject: account.username, detail: role }));
  return account;
}

async function refuseWithoutOtherCoordinator(tx: Queryable, studyId: number, userId: number): Promise<void> {
  const others = (await listStudyMembers(tx, studyId)).filter((member) => member.role === 'coordinator' && member.user.id !== userId && !member.user.disabled);
  if (others.length === 0) throw new Problem('invalidInput', { fields: [{ field: 'member', reason: 'lastCoordinator' }] });
}
