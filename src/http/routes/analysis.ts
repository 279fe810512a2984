/** The analysis of a study as JSON, for its coordinators (the reports build on the same result). */
import { Router } from 'express';
import { analyseStoredStudy } from '../../services/analysis';
import { allow, requireStudy } from '../access';
import type { AppDeps } from '../deps';
import { requireUser } from '../context';
import { idParam } from '../parse';
import { analysisToJson } from '../view-models/analysis-json';

export function analysisRoutes({ db, instruments }: AppDeps): Router {
  const router = Router();

  router.get('/api/studies/:id/analysis', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    res.type('json').send(analysisToJson(await analyseStoredStudy(db, instruments, study)));
  });

  return router;
}
