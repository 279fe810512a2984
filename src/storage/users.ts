/** Accounts: all SQL on the users table. */
import type { User } from '../domain/account.js';
import type { Role } from '../domain/roles.js';
import { withConstraints } from './constraint-errors.js';
import type { Queryable } from './db.js';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  locale: 'nl' | 'en';
  disabled_at: string | null;
}

export const userColumns = 'id, username, display_name, role, locale, disabled_at';

export function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role, locale: row.locale, disabled: row.disabled_at !== null };
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
}

export async function createUser(db: Queryable, user: NewUser): Promise<number> {
  const result = await withConstraints('account', () => db.run(
    'INSERT INTO users (username, display_name, role, password_hash) VALUES (?, ?, ?, ?)',
    [user.username, user.displayName, user.role, user.passwordHash],
  ));
  return result.lastId;
}

export async function getUser(db: Queryable, id: number): Promise<User | undefined> {
  const row = await db.get<UserRow>(`SELECT ${userColumns} FROM users WHERE id = ?`, [id]);
  return row && toUser(row);
}

/** The user and their password hash, for checking a login. */
export async function findLogin(db: Queryable, username: string): Promise<{ user: User; passwordHash: string } | undefined> {
  const row = await db.get<UserRow & { password_hash: string }>(
    `SELECT ${userColumns}, password_hash FROM users WHERE username = ?`, [username],
  );
  return row && { user: toUser(row), passwordHash: row.password_hash };
}

export async function findUserByUsername(db: Queryable, username: string): Promise<User | undefined> {
  const row = await db.get<UserRow>(`SELECT ${userColumns} FROM users WHERE username = ?`, [username]);
  return row && toUser(row);
}

export async function listUsers(db: Queryable, role?: Role): Promise<User[]> {
  const rows = role
    ? await db.all<UserRow>(`SELECT ${userColumns} FROM users WHERE role = ? ORDER BY display_name`, [role])
    : await db.all<UserRow>(`SELECT ${userColumns} FROM users ORDER BY role, display_name`);
  return rows.map(toUser);
}

export async function countUsers(db: Queryable): Promise<number> {
  const row = await db.get<{ n: number }>('SELECT count(*) AS n FROM users');
  return row?.n ?? 0;
}

export async function setLocale(db: Queryable, userId: number, locale: 'nl' | 'en'): Promise<void> {
  await db.run('UPDATE users SET locale = ? WHERE id = ?', [locale, userId]);
}

/** Disables or enables an account. Disabling ends all its sessions at once. */
export async function setAccountDisabled(db: Queryable, userId: number, disabled: boolean): Promise<void> {
  await db.run(`UPDATE users SET disabled_at = ${disabled ? "coalesce(disabled_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))" : 'NULL'} WHERE id = ?`, [userId]);
  if (disabled) await db.run('DELETE FROM sessions WHERE user_id = ?', [userId]);
}

/** Sets a new password hash and ends the account's sessions, so an old login no longer works. */
export async function setPasswordHash(db: Queryable, userId: number, passwordHash: string): Promise<void> {
  await db.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, userId]);
  await db.run('DELETE FROM sessions WHERE user_id = ?', [userId]);
}
