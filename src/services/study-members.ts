/**
 * Giving people a study: a coordinator (or an admin) adds an existing account
 * by its username, as a coordinator or a reader of the study, changes its
 * role, or removes it. Each change and its audit entry are one transaction. A
 * study always keeps at least one coordinator member, so it never falls back
 * to the admin alone.
 */
import type { User } from '../domain/account';
import { Problem } from '../domain/errors';
import type { Study } from '../domain/study';
import { checkStudyRole, memberInputSchema } from '../domain/study-membership';
import { parseOrThrow } from '../domain/validation';
import { auditedChange } from '../storage/audit-log';
import type { Database, Queryable } from '../storage/db';
import { addStudyMember, listStudyMembers, removeStudyMember, studyRoleOf } from '../storage/studies';
import { findUserByUsername, getUser } from '../storage/users';

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
