/**
 * The one place where SQLite constraint failures become problems from the
 * error catalogue: a UNIQUE failure is a conflict, a CHECK or NOT NULL failure
 * invalid input, a FOREIGN KEY failure a missing entity.
 */
import { Problem } from '../domain/errors.js';
import type { Queryable } from './db.js';

/** Whether the database refused a row for breaking a constraint (not a busy or full database, nor a bug). */
export function isConstraintError(error: unknown): boolean {
  return error instanceof Error && error.message.includes('SQLITE_CONSTRAINT');
}

/** Whether the refusal was a UNIQUE or PRIMARY KEY constraint: the id or key is taken. */
export function isUniqueViolation(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return isConstraintError(error) && (message.includes('UNIQUE') || message.includes('PRIMARY KEY'));
}

/**
 * Runs `write` in a savepoint of the open transaction: if it throws, only its own
 * statements are undone and the error is passed on; the transaction goes on.
 */
export async function inSavepoint<T>(tx: Queryable, write: () => Promise<T>): Promise<T> {
  await tx.exec('SAVEPOINT one_write');
  try {
    const result = await write();
    await tx.exec('RELEASE one_write');
    return result;
  } catch (error) {
    await tx.exec('ROLLBACK TO one_write; RELEASE one_write');
    throw error;
  }
}

export function translateConstraintError(error: unknown, entity: string): unknown {
  const message = error instanceof Error ? error.message : '';
  if (!message.includes('SQLITE_CONSTRAINT')) return error;
  if (message.includes('UNIQUE') || message.includes('PRIMARY KEY')) return new Problem('conflict', { entity });
  if (message.includes('FOREIGN KEY')) return new Problem('notFound', { entity });
  return new Problem('invalidInput', { fields: [{ field: entity, reason: 'invalid' }] });
}

/** Runs a write and rethrows its constraint failure as a problem. */
export async function withConstraints<T>(entity: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw translateConstraintError(error, entity);
  }
}
