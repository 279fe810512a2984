/**
 * The purge of the address frame after fieldwork: a page that says what will
 * go and what stays, and asks for the study's name as confirmation.
 */
import { Router, type Response } from 'express';
import type { Study } from '../../domain/study.js';
import { purgeStudyAddressFrame } from '../../services/purge.js';
import { countAddresses } from '../../storage/address-frame.js';
import type { PurgeCounts } from '../../storage/purge.js';
import { allow, requireStudy } from '../access.js';
import type { AppDeps } from '../deps.js';
import { getContext, requireUser } from '../context.js';
import { asFormErrors, type FormErrors } from '../form-errors.js';
import { formBody, idParam } from '../parse.js';

export function purgeRoutes({ db }: AppDeps): Router {
  const router = Router();

  async function renderPurge(res: Response, study: Study, errors?: FormErrors, purged?: PurgeCounts) {
    res.render('studies/purge', { title: getContext(res).t('purge.title'), study, addressCount: await countAddresses(db, study.id), errors, purged });
  }

  router.get('/studies/:id/purge', allow('coordinator'), async (req, res) => {
    await renderPurge(res, await requireStudy(db, requireUser(res), idParam(req.params.id, 'study')));
  });

  router.post('/studies/:id/purge', allow('coordinator'), async (req, res) => {
    const user = requireUser(res);
    const study = await requireStudy(db, user, idParam(req.params.id, 'study'));
    try {
      const counts = await purgeStudyAddressFrame(db, user, study, formBody(req.body).confirmation);
      await renderPurge(res, (await requireStudy(db, user, study.id)), undefined, counts);
    } catch (error) {
      await renderPurge(res, study, asFormErrors(error, res));
    }
  });

  return router;
}
