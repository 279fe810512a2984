/** Account management for admins: list accounts and create one with a role. */
import { Router, type Response } from 'express';
import { roles } from '../../domain/roles';
import { createAccount } from '../../services/accounts';
import { listUsers } from '../../storage/users';
import { allow } from '../access';
import type { AppDeps } from '../app';
import { getContext } from '../context';
import { asFormErrors, type FormErrors } from '../form-errors';
import { formBody } from '../parse';

export function accountRoutes({ db }: AppDeps): Router {
  const router = Router();

  async function renderAccounts(res: Response, form: Record<string, unknown>, errors?: FormErrors, created?: string) {
    const { t } = getContext(res);
    res.render('accounts', { title: t('accounts.title'), users: await listUsers(db), roles, form, errors, created });
  }

  router.get('/accounts', allow('admin'), async (_req, res) => {
    await renderAccounts(res, { role: 'interviewer' });
  });

  router.post('/accounts', allow('admin'), async (req, res) => {
    const body = formBody(req.body);
    try {
      const user = await createAccount(db, body);
      await renderAccounts(res, { role: user.role }, undefined, user.username);
    } catch (error) {
      await renderAccounts(res, { ...body, password: '' }, asFormErrors(error, res));
    }
  });

  return router;
}
