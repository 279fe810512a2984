/** The interviewer's walk list (looplijst): their assigned streets and addresses, as a page and as JSON for the tablet app. */
import { Router } from 'express';
import { listWalkList } from '../../storage/assignments';
import { allow } from '../access';
import type { AppDeps } from '../deps';
import { getContext, requireUser } from '../context';

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
