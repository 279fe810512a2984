/**
 * First start: when the database has no accounts yet, create the admin from
 * ADMIN_USERNAME / ADMIN_PASSWORD, or with a generated password that is
 * printed once (it is stored only as a hash).
 */
import { passwordContainsUsername, passwordSchema } from '../domain/account.js';
import { randomToken } from '../security/passwords.js';
import type { Database } from '../storage/db.js';
import { countUsers } from '../storage/users.js';
import { createAccount } from './accounts.js';

export interface AdminSettings {
  username: string;
  password?: string;
}

export class BootstrapError extends Error {}

/** The rule a refused ADMIN_PASSWORD breaks, for the start-up message (the operator's console is in English). */
const passwordRules: Record<string, string> = {
  passwordTooShort: 'it must be at least 10 characters long',
  tooLong: 'it must be at most 200 characters long',
  passwordTooSimple: 'it must contain at least 5 different characters',
  passwordTooCommon: 'it is one of the most common passwords',
  passwordContainsProduct: 'it must not contain the name Buurtladder',
  passwordContainsUsername: 'it must not contain ADMIN_USERNAME',
};

/** Returns the generated password when one was made, so the caller can print it once. */
export async function ensureAdmin(db: Database, settings: AdminSettings): Promise<{ created: boolean; generatedPassword?: string }> {
  if ((await countUsers(db)) > 0) return { created: false };
  if (settings.password !== undefined) {
    const broken = passwordSchema.safeParse(settings.password).error?.issues[0]?.message
      ?? (passwordContainsUsername(settings.password, settings.username) ? 'passwordContainsUsername' : undefined);
    if (broken) throw new BootstrapError(`ADMIN_PASSWORD is refused: ${passwordRules[broken] ?? broken}`);
  }
  const password = settings.password ?? randomToken(12);
  await createAccount(db, { username: settings.username, displayName: 'Beheerder', role: 'admin', password });
  return { created: true, generatedPassword: settings.password === undefined ? password : undefined };
}
