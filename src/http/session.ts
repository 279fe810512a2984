/**
 * Login sessions. The cookie holds a random token; the database holds its
 * SHA-256, the user and the session's CSRF token. A session lasts 14 days from
 * its last use, long enough for an interviewer who works offline for a week.
 */
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { User } from '../domain/account';
import { randomToken } from '../security/passwords';
import type { Database } from '../storage/db';
import { createSession, deleteSession, extendSession, findSession } from '../storage/sessions';
import { getContext } from './context';
import { readCookie, sessionCookieName, sessionCookieOptions } from './cookies';

export const sessionLifetimeMs = 14 * 24 * 60 * 60 * 1000;
const extendAfterMs = 24 * 60 * 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Middleware: finds the session of the request's cookie and puts its user in the request context. */
export function loadSession(db: Database, now: () => Date = () => new Date()) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = readCookie(req, sessionCookieName);
    if (token) {
      const tokenHash = hashToken(token);
      const session = await findSession(db.reader, tokenHash, now());
      if (session) {
        const context = getContext(res);
        context.user = session.user;
        context.csrfToken = session.csrfToken;
        context.sessionTokenHash = tokenHash;
        if (Date.parse(session.expiresAt) - now().getTime() < sessionLifetimeMs - extendAfterMs) {
          await extendSession(db, tokenHash, new Date(now().getTime() + sessionLifetimeMs));
        }
      }
    }
    next();
  };
}

export async function startSession(db: Database, res: Response, user: User, secureCookies: boolean): Promise<void> {
  const token = randomToken();
  await createSession(db, hashToken(token), user.id, randomToken(), new Date(Date.now() + sessionLifetimeMs));
  res.cookie(sessionCookieName, token, sessionCookieOptions(secureCookies, sessionLifetimeMs));
}

export async function endSession(db: Database, res: Response): Promise<void> {
  const { sessionTokenHash } = getContext(res);
  if (sessionTokenHash) await deleteSession(db, sessionTokenHash);
  res.clearCookie(sessionCookieName, { path: '/' });
}
