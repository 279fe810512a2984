/**
 * Accounts: create one (validated, password hashed), disable or enable one,
 * reset a password. Every change is written to the audit log in the same
 * transaction. An admin cannot disable their own account, so there is always
 * someone left to manage the others.
 */
import { accountInputSchema, passwordContainsUsername, passwordResetSchema, type User } from '../domain/account.js';
import { Problem } from '../domain/errors.js';
import { parseOrThrow } from '../domain/validation.js';
import { hashPassword } from '../security/passwords.js';
import { auditedChange } from '../storage/audit-log.js';
import type { Database, Queryable } from '../storage/db.js';
import { createUser, getUser, setAccountDisabled, setPasswordHash } from '../storage/users.js';

/** Creates an account; `actor` is the admin doing it (absent at start-up). */
export async function createAccount(db: Database, input: unknown, actor?: User): Promise<User> {
  const account = parseOrThrow(accountInputSchema, input);
  // Hashed before the transaction: scrypt takes a while and must not hold the database.
  const passwordHash = await hashPassword(account.password);
  const id = await auditedChange(db, (tx) => createUser(tx, { ...account, passwordHash }),
    () => (actor ? { actor, action: 'account.created', subject: account.username, detail: account.role } : undefined));
  return (await getUser(db, id))!;
}

async function requireAccount(db: Queryable, userId: number): Promise<User> {
  const user = await getUser(db, userId);
  if (!user) throw new Problem('notFound', { entity: 'account' });
  return user;
}

export async function changeAccountStatus(db: Database, actor: User, userId: number, disabled: boolean): Promise<User> {
  const account = await requireAccount(db, userId);
  if (disabled && account.id === actor.id) throw new Problem('invalidInput', { fields: [{ field: 'account', reason: 'cannotDisableSelf' }] });
  await auditedChange(db, (tx) => setAccountDisabled(tx, account.id, disabled),
    () => ({ actor, action: disabled ? 'account.disabled' : 'account.enabled', subject: account.username }));
  return account;
}

export async function resetPassword(db: Database, actor: User, userId: number, input: unknown): Promise<User> {
  const account = await requireAccount(db, userId);
  const { password } = parseOrThrow(passwordResetSchema, input);
  if (passwordContainsUsername(password, account.username)) {
    throw new Problem('invalidInput', { fields: [{ field: 'password', reason: 'passwordContainsUsername' }] });
  }
  const passwordHash = await hashPassword(password);
  await auditedChange(db, (tx) => setPasswordHash(tx, account.id, passwordHash), () => ({ actor, action: 'account.password-reset', subject: account.username }));
  return account;
}
