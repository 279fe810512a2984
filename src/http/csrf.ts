/**
 * CSRF protection, in two layers:
 * - every state-changing request whose browser says where it comes from
 *   (Sec-Fetch-Site or Origin) must come from this site; this also covers the
 *   forms used before there is a session (login, language), so another site
 *   cannot log a visitor into an account of its choosing;
 * - every state-changing request of a logged-in user must carry the
 *   session's token, as the `_csrf` form field or the `X-CSRF-Token` header.
 * Runs after body parsing, so every form is covered the same way; a
 * multipart form (a file upload, whose body is read later and only by its
 * own route: upload.ts) carries the token in its query string instead.
 */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Problem } from '../domain/errors.js';
import { getContext } from './context.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/**
 * Whether the browser says the request comes from this site: by
 * Sec-Fetch-Site where the browser sends it, else by the Origin header (its
 * host; the scheme may differ behind an https proxy). A request with neither
 * (not from a browser) passes; the session token still guards it.
 */
function fromThisSite(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = req.get('origin');
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
}

export function verifyCsrf(req: Request, res: Response, next: NextFunction): void {
  if (safeMethods.has(req.method)) return next();
  if (!fromThisSite(req)) throw new Problem('csrfMismatch');
  const { csrfToken } = getContext(res);
  if (!csrfToken) return next();
  const given = req.get('x-csrf-token')
    ?? (req.is('multipart/form-data') ? req.query._csrf : (req.body as Record<string, unknown> | undefined)?._csrf);
  if (!sameToken(given, csrfToken)) throw new Problem('csrfMismatch');
  next();
}
