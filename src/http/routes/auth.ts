/** Logging in and out, the home page that sends each role to its work, and the language switch. */
import { Router } from 'express';
import { loginInputSchema } from '../../domain/account.js';
import { Problem } from '../../domain/errors.js';
import { isLocale } from '../../i18n/translate.js';
import { HashQueueFull, hashPassword, randomToken, verifyPassword } from '../../security/passwords.js';
import { findLogin, setLocale } from '../../storage/users.js';
import { allow, allowAnyone } from '../access.js';
import type { RouteDeps } from '../deps.js';
import { getContext } from '../context.js';
import { languageCookieName } from '../cookies.js';
import { formBody, safeReturnPath } from '../parse.js';
import { endSession, startSession } from '../session.js';

const homeByRole = { admin: '/studies', coordinator: '/studies', reader: '/studies', interviewer: '/field/' } as const;

/** A hash to check against when the username does not exist, so the answer's timing does not reveal which usernames exist. */
let unknownUserHash: Promise<string> | undefined;
const hashForUnknownUser = () => (unknownUserHash ??= hashPassword(randomToken()));

export function authRoutes({ db, config, loginThrottle: throttle }: RouteDeps): Router {
  const router = Router();

  router.get('/', allowAnyone, (_req, res) => {
    const { user } = getContext(res);
    res.redirect(303, user ? homeByRole[user.role] : '/login');
  });

  router.get('/login', allowAnyone, (req, res) => {
    res.render('login', { title: getContext(res).t('login.title'), next: safeReturnPath(req.query.next), error: undefined, username: '' });
  });

  router.post('/login', allowAnyone, async (req, res) => {
    const { t } = getContext(res);
    const body = formBody(req.body);
    const next = safeReturnPath(body.next);
    const parsed = loginInputSchema.safeParse(body);
    const username = parsed.success ? parsed.data.username : String(body.username ?? '').slice(0, 64);
    const address = req.ip ?? 'unknown';
    // Counted before the password is checked, so no number of guesses at once gets past the limit.
    const admission = await throttle.admit(username, address);
    if (!admission.admitted) {
      res.set('Retry-After', String(admission.retryAfterSeconds));
      throw new Problem('tooManyRequests');
    }
    const login = parsed.success ? await findLogin(db, username) : undefined;
    let passwordOk: boolean;
    try {
      passwordOk = parsed.success && await verifyPassword(parsed.data.password, login?.passwordHash ?? await hashForUnknownUser());
    } catch (error) {
      if (error instanceof HashQueueFull) throw new Problem('tooManyRequests');
      throw error;
    }
    if (!login || !passwordOk || login.user.disabled) {
      return res.status(401).render('login', { title: t('login.title'), next, error: t('errors.loginFailed'), username });
    }
    await throttle.succeeded(username, address);
    await startSession(db, res, login.user, config.secureCookies);
    res.redirect(303, next === '/' ? homeByRole[login.user.role] : next);
  });

  router.post('/logout', allow('admin', 'coordinator', 'interviewer', 'reader'), async (_req, res) => {
    await endSession(db, res);
    res.redirect(303, '/login');
  });

  /** Who is logged in, and the CSRF token for scripted requests (the tablet app). */
  router.get('/api/session', allowAnyone, (_req, res) => {
    const { user, csrfToken } = getContext(res);
    res.json(user ? { user, csrfToken } : { user: null });
  });

  router.post('/language', allowAnyone, async (req, res) => {
    const { locale, next } = formBody(req.body);
    if (!isLocale(locale)) throw new Problem('invalidInput', { fields: [{ field: 'locale', reason: 'invalid' }] });
    const { user } = getContext(res);
    if (user) await setLocale(db, user.id, locale);
    res.cookie(languageCookieName, locale, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/', maxAge: 365 * 86_400_000 });
    res.redirect(303, safeReturnPath(next));
  });

  return router;
}
