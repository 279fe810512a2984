/**
 * Login sessions: all SQL on the sessions table. Sessions live in the
 * database, so they survive a server restart; only the SHA-256 of the cookie
 * token is stored.
 */
import type { User } from '../domain/account.js';
import { maxParameters, slicesOf, type Queryable } from './db.js';
import { toUser } from './users.js';

export interface SessionRecord {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

export async function createSession(db: Queryable, tokenHash: string, userId: number, csrfToken: string, expiresAt: Date): Promise<void> {
  await db.run('INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)', [tokenHash, userId, csrfToken, expiresAt.toISOString()]);
}

/** The live session for a token hash: not expired, and its account not disabled. */
export async function findSession(db: Queryable, tokenHash: string, now: Date): Promise<SessionRecord | undefined> {
  const row = await db.get<{ id: number; username: string; display_name: string; role: User['role']; locale: User['locale']; disabled_at: null; csrf_token: string; expires_at: string }>(
    `SELECT u.id, u.username, u.display_name, u.role, u.locale, u.disabled_at, s.csrf_token, s.expires_at
       FROM sessions s
       JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ?
        AND s.expires_at > ?
        AND u.disabled_at IS NULL`,
    [tokenHash, now.toISOString()],
  );
  return row && { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

/** Gives these sessions a new expiry, in one statement; a session deleted meanwhile is left deleted. */
export async function extendSessions(db: Queryable, tokenHashes: readonly string[], expiresAt: Date): Promise<void> {
  for (const chunk of slicesOf(tokenHashes, maxParameters - 1)) {
    await db.run(`UPDATE sessions SET expires_at = ? WHERE token_hash IN (${chunk.map(() => '?').join(', ')})`, [expiresAt.toISOString(), ...chunk]);
  }
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
}

export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<number> {
  return (await db.run('DELETE FROM sessions WHERE expires_at <= ?', [now.toISOString()])).changes;
}
