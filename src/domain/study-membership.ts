/**
 * Who belongs to a study, and in which role (product.md, "Who uses it"): a
 * coordinator manages the study, a reader sees its published reports. An
 * account's own role bounds its role in a study: a reader account can only
 * read, an interviewer is added through a street assignment, not here, and an
 * admin sees every study without being a member.
 */
import { z } from 'zod';
import type { User } from './account.js';
import { Problem } from './errors.js';

export const studyRoles = ['coordinator', 'reader'] as const;
export type StudyRole = (typeof studyRoles)[number];

export interface StudyMember {
  user: User;
  role: StudyRole;
}

export const memberInputSchema = z.object({
  username: z.string().trim().min(1, 'required').max(64, 'tooLong'),
  role: z.enum(studyRoles, { message: 'unknownRole' }),
});
export type MemberInput = z.output<typeof memberInputSchema>;

/** Refuses a study role the account cannot have; `field` names the form field that is wrong. */
export function checkStudyRole(account: User, role: StudyRole): void {
  const refuse = (reason: string, field = 'username') => { throw new Problem('invalidInput', { fields: [{ field, reason }] }); };
  if (account.disabled) refuse('accountDisabled');
  if (account.role === 'interviewer') refuse('interviewerNotMember');
  if (account.role === 'admin') refuse('adminSeesAll');
  if (account.role === 'reader' && role !== 'reader') refuse('readerOnlyReads', 'role');
}

/** What a study role may do: `manage` is the coordinator's work, `read` the published reports. */
export function studyRoleAllows(role: StudyRole, need: 'manage' | 'read'): boolean {
  return need === 'read' || role === 'coordinator';
}
