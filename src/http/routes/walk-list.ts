/** The interviewer's walk list (looplijst): their assigned streets and addresses, as a page and as JSON for the tablet app. */
import { Router } from 'express';
import { listWalkList } from '../../storage/assignments.js';
import { allow } from '../access.js';
import type { AppDeps } from '../deps.js';
import { getContext, requireUser } from '../context.js';

export function walkListRoutes({ db }: AppDeps): Router {
  const router = Router();

  router.get('/walk-list', allow('interviewer'), async (_req, res) => {
    const streets = await listWalkList(db, requireUser(res).id);
    res.render('walk-list', { title: getContext(res).t('walkList.title'), streets });
  });

  router.get('/api/walk-list', allow('interviewer'), async (_req, res) => {
    res.json({ streets: await listWalkList(db, requireUser(res).id) });
  });

  return router;
}
