/**
 * First start: when the database has no accounts yet, create the admin from
 * ADMIN_USERNAME / ADMIN_PASSWORD, or with a generated password that is
 * printed once (it is stored only as a hash).
 */
import { passwordSchema } from '../domain/account';
import { randomToken } from '../security/passwords';
import type { Database } from '../storage/db';
import { countUsers } from '../storage/users';
import { createAccount } from './accounts';

export interface AdminSettings {
  username: string;
  password?: string;
}

export class BootstrapError extends Error {}

/** Returns the generated password when one was made, so the caller can print it once. */
export async function ensureAdmin(db: Database, settings: AdminSettings): Promise<{ created: boolean; generatedPassword?: string }> {
  if ((await countUsers(db)) > 0) return { created: false };
  if (settings.password !== undefined && !passwordSchema.safeParse(settings.password).success) {
    throw new BootstrapError('ADMIN_PASSWORD is too weak: use at least 10 characters with at least 5 different ones');
  }
  const password = settings.password ?? randomToken(12);
  await createAccount(db, { username: settings.username, displayName: 'Beheerder', role: 'admin', password });
  return { created: true, generatedPassword: settings.password === undefined ? password : undefined };
}
