/** Creating accounts: validate the input, hash the password, store. */
import { accountInputSchema, type User } from '../domain/account';
import { parseOrThrow } from '../domain/validation';
import { hashPassword } from '../security/passwords';
import type { Queryable } from '../storage/db';
import { createUser, getUser } from '../storage/users';

export async function createAccount(db: Queryable, input: unknown): Promise<User> {
  const account = parseOrThrow(accountInputSchema, input);
  const id = await createUser(db, { ...account, passwordHash: await hashPassword(account.password) });
  return (await getUser(db, id))!;
}
