/**
 * Reading the audit log: admins see everything, a coordinator the log of a
 * study of theirs. There is no route that changes or deletes an entry.
 */
import { Router } from 'express';
import { listAudit } from '../../storage/audit-log.js';
import { allow, requireStudy } from '../access.js';
import type { AppDeps } from '../deps.js';
import { getContext, requireUser } from '../context.js';
import { idParam } from '../parse.js';
import { auditView } from '../view-models/audit.js';

export function auditRoutes({ db }: AppDeps): Router {
  const router = Router();

  router.get('/audit', allow('admin'), async (_req, res) => {
    const { t, locale } = getContext(res);
    res.render('audit', { title: t('audit.title'), study: undefined, entries: auditView(await listAudit(db), t, locale) });
  });

  router.get('/studies/:id/audit', allow('coordinator'), async (req, res) => {
    const { t, locale } = getContext(res);
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    res.render('audit', { title: t('audit.title'), study, entries: auditView(await listAudit(db, study.id), t, locale) });
  });

  return router;
}
