/**
 * Account management for admins: list accounts, create one with a role,
 * disable or enable one (a disabled account's sessions end at once) and set
 * a new password. Enabling an account or setting its password also lifts a
 * pause that failed logins put on it (login-throttle.ts).
 */
import { Router, type Response } from 'express';
import { roles } from '../../domain/roles.js';
import { changeAccountStatus, createAccount, resetPassword } from '../../services/accounts.js';
import { Problem } from '../../domain/errors.js';
import { auditedChange } from '../../storage/audit-log.js';
import { getUser, listUsers } from '../../storage/users.js';
import { allow } from '../access.js';
import type { RouteDeps } from '../deps.js';
import { getContext, requireUser } from '../context.js';
import { asFormErrors, type FormErrors } from '../form-errors.js';
import { formBody, idParam } from '../parse.js';

type Notice = { key: 'created' | 'disabled' | 'enabled' | 'passwordReset' | 'released'; username: string };

export function accountRoutes({ db, loginThrottle }: RouteDeps): Router {
  const router = Router();

  async function renderAccounts(res: Response, form: Record<string, unknown>, errors?: FormErrors, notice?: Notice) {
    const { t } = getContext(res);
    const users = await listUsers(db);
    // Accounts that failed logins have slowed down, so the admin can let the real user in at once.
    const slowed = (await Promise.all(users.map(async (user) => ((await loginThrottle.isSlowed(user.username)) ? [user.username] : [])))).flat();
    res.render('accounts', { title: t('accounts.title'), users, slowed, roles, form, errors, notice, self: requireUser(res) });
  }

  router.get('/accounts', allow('admin'), async (_req, res) => {
    await renderAccounts(res, { role: 'interviewer' });
  });

  router.post('/accounts', allow('admin'), async (req, res) => {
    const body = formBody(req.body);
    try {
      const user = await createAccount(db, body, requireUser(res));
      await renderAccounts(res, { role: user.role }, undefined, { key: 'created', username: user.username });
    } catch (error) {
      await renderAccounts(res, { ...body, password: '' }, asFormErrors(error, res));
    }
  });

  router.post('/accounts/:userId/status', allow('admin'), async (req, res) => {
    const disable = formBody(req.body).action === 'disable';
    try {
      const account = await changeAccountStatus(db, requireUser(res), idParam(req.params.userId, 'account'), disable);
      if (!disable) await loginThrottle.release(account.username);
      await renderAccounts(res, { role: 'interviewer' }, undefined, { key: disable ? 'disabled' : 'enabled', username: account.username });
    } catch (error) {
      await renderAccounts(res, { role: 'interviewer' }, asFormErrors(error, res));
    }
  });

  router.post('/accounts/:userId/password', allow('admin'), async (req, res) => {
    try {
      const account = await resetPassword(db, requireUser(res), idParam(req.params.userId, 'account'), formBody(req.body));
      await loginThrottle.release(account.username);
      await renderAccounts(res, { role: 'interviewer' }, undefined, { key: 'passwordReset', username: account.username });
    } catch (error) {
      await renderAccounts(res, { role: 'interviewer' }, asFormErrors(error, res));
    }
  });

  router.post('/accounts/:userId/release', allow('admin'), async (req, res) => {
    const account = await getUser(db, idParam(req.params.userId, 'account'));
    if (!account) throw new Problem('notFound', { entity: 'account' });
    await auditedChange(db, async () => loginThrottle.release(account.username), () => ({ actor: requireUser(res), action: 'account.login-pause-lifted', subject: account.username }));
    await renderAccounts(res, { role: 'interviewer' }, undefined, { key: 'released', username: account.username });
  });

  return router;
}
