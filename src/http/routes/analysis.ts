/** The analysis of a study as JSON, for its coordinators (the reports build on the same result). */
import { Router } from 'express';
import { analyseStoredStudy } from '../../services/analysis.js';
import { allow, requireStudy } from '../access.js';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../context.js';
import { idParam } from '../parse.js';
import { analysisToJson } from '../view-models/analysis-json.js';

export function analysisRoutes({ db, instruments }: AppDeps): Router {
  const router = Router();

  router.get('/api/studies/:id/analysis', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    res.type('json').send(analysisToJson(await analyseStoredStudy(db, instruments, study)));
  });

  return router;
}
