/**
 * Who may use what. Every route names its roles with `allow(...)`; the roles
 * are kept on the middleware so a test can walk every route (issue: the
 * authorisation matrix). Study-level access is checked by `requireStudy`.
 */
import type { NextFunction, Request, Response } from 'express';
import type { User } from '../domain/account.js';
import { Problem } from '../domain/errors.js';
import { roleAllows, type Role } from '../domain/roles.js';
import type { Study } from '../domain/study.js';
import type { Queryable } from '../storage/db.js';
import { studyRoleAllows } from '../domain/study-membership.js';
import { getStudy, studyRoleOf } from '../storage/studies.js';
import { getContext } from './context.js';

export type Guard = ((req: Request, res: Response, next: NextFunction) => void) & { allowedRoles: readonly Role[] | 'anyone' };

/** Middleware that lets through only logged-in users with one of these roles. */
export function allow(...allowedRoles: Role[]): Guard {
  const guard = (_req: Request, res: Response, next: NextFunction) => {
    const { user } = getContext(res);
    if (!user) throw new Problem('notLoggedIn');
    if (!roleAllows(user.role, allowedRoles)) throw new Problem('forbidden');
    next();
  };
  return Object.assign(guard, { allowedRoles });
}

/** Middleware for pages anyone may see, logged in or not (login, language). */
export const allowAnyone: Guard = Object.assign((_req: Request, _res: Response, next: NextFunction) => next(), { allowedRoles: 'anyone' as const });

/**
 * Loads a study the user may work on: an admin any study, others only a study
 * they are a member of, in a role that allows what the route does (`manage`,
 * the default, is a coordinator's work; `read` is seeing published reports).
 * Checked on every request, so a member removed loses access at once, open
 * sessions included. Others get `forbidden`.
 */
export async function requireStudy(db: Queryable, user: User, studyId: number, need: 'manage' | 'read' = 'manage'): Promise<Study> {
  return (await requireStudyAccess(db, user, studyId, need)).study;
}

/**
 * As `requireStudy`, and says whether the user also manages the study (an
 * admin, or a coordinator account that is a coordinator of it): pages that
 * readers see too show a coordinator more, from the one membership lookup.
 */
export async function requireStudyAccess(db: Queryable, user: User, studyId: number, need: 'manage' | 'read'): Promise<{ study: Study; manages: boolean }> {
  const study = await getStudy(db, studyId);
  if (!study) throw new Problem('notFound', { entity: 'study' });
  if (user.role === 'admin') return { study, manages: true };
  const role = await studyRoleOf(db, studyId, user.id);
  if (!role || !studyRoleAllows(role, need)) throw new Problem('forbidden');
  return { study, manages: user.role === 'coordinator' && role === 'coordinator' };
}
