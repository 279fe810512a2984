/**
 * Login sessions. The cookie holds a random token; the database holds its
 * SHA-256, the user and the session's CSRF token. A session lasts 14 days from
 * its last use, long enough for an interviewer who works offline for a week.
 * Its expiry moves at most once a day, written in the background (see
 * `backgroundExtensions`).
 */
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { User } from '../domain/account.js';
import { randomToken } from '../security/passwords.js';
import type { Database } from '../storage/db.js';
import { createSession, deleteSession, extendSessions, findSession } from '../storage/sessions.js';
import { getContext } from './context.js';
import { readCookie, sessionCookieName, sessionCookieOptions } from './cookies.js';

export const sessionLifetimeMs = 14 * 24 * 60 * 60 * 1000;
const extendAfterMs = 24 * 60 * 60 * 1000;
/** How long a due extension waits, so that those due together are written together. */
export const extensionDelayMs = 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Sliding expiry without a write in the request's path. A session due for a
 * new expiry is noted, and within `extensionDelayMs` all sessions noted are
 * extended in one statement. When a hundred tablets come back online at once,
 * that is one write to disk instead of a hundred, each with its own sync,
 * queued ahead of the records they came to deliver (bench/sync).
 * Should that write fail, or the server stop before it, a session keeps its
 * old expiry, still at least 13 days ahead, and its next use notes it again;
 * so the error is dropped here rather than failing a request that is done.
 */
function backgroundExtensions(db: Database, now: () => Date) {
  const due = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const writeDue = () => {
    timer = undefined;
    const tokenHashes = [...due];
    due.clear();
    extendSessions(db, tokenHashes, new Date(now().getTime() + sessionLifetimeMs)).catch(() => undefined);
  };
  return (tokenHash: string) => {
    due.add(tokenHash);
    timer ??= setTimeout(writeDue, extensionDelayMs).unref();
  };
}

/** Middleware: finds the session of the request's cookie and puts its user in the request context. */
export function loadSession(db: Database, now: () => Date = () => new Date()) {
  const extend = backgroundExtensions(db, now);
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
          extend(tokenHash);
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
