/** Small parsers for route parameters and form fields at the HTTP boundary. */
import { Problem } from '../domain/errors.js';

/** A numeric id from the URL; anything else is a page that does not exist. */
export function idParam(value: unknown, entity: string): number {
  const id = typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id)) throw new Problem('notFound', { entity });
  return id;
}

/** The form body as a plain record ({} when there is none). */
export function formBody(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

/** A same-site path to return to after login; anything else goes home. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[\w\-/?=&.%]*$/.test(value) ? value : '/';
}
