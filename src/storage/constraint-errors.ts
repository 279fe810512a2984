/**
 * The one place where SQLite constraint failures become problems from the
 * error catalogue: a UNIQUE failure is a conflict, a CHECK or NOT NULL failure
 * invalid input, a FOREIGN KEY failure a missing entity.
 */
import { Problem } from '../domain/errors';

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
