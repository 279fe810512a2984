/**
 * CSRF protection: every state-changing request of a logged-in user must carry
 * the session's token, as the `_csrf` form field or the `X-CSRF-Token` header.
 * Runs after body parsing (including multipart uploads), so every form is
 * covered the same way.
 */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Problem } from '../domain/errors';
import { getContext } from './context';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export function verifyCsrf(req: Request, res: Response, next: NextFunction): void {
  const { csrfToken } = getContext(res);
  if (safeMethods.has(req.method) || !csrfToken) return next();
  const given = req.get('x-csrf-token') ?? (req.body as Record<string, unknown> | undefined)?._csrf;
  if (!sameToken(given, csrfToken)) throw new Problem('csrfMismatch');
  next();
}
