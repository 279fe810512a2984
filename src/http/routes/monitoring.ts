/** Fieldwork monitoring for a study's coordinators, and resolving duplicate interviews. */
import { Router } from 'express';
import { z } from 'zod';
import { Problem } from '../../domain/errors.js';
import { clientIdSchema } from '../../domain/sync-record.js';
import { parseOrThrow } from '../../domain/validation.js';
import { monitorFieldwork } from '../../services/monitoring.js';
import { auditedChange } from '../../storage/audit-log.js';
import { resolveDuplicate } from '../../storage/monitoring.js';
import { allow, requireStudy } from '../access.js';
import type { AppDeps } from '../deps.js';
import { getContext, requireUser } from '../context.js';
import { idParam } from '../parse.js';
import { fieldworkMonitorView } from '../view-models/fieldwork-monitor.js';

const resolutionSchema = z.object({
  addressId: z.coerce.number().int().positive(),
  instrumentId: z.string().min(1).max(64),
  /** The interview to keep, or "all" to keep every one as a separate household. */
  keep: z.union([z.literal('all'), clientIdSchema]),
});

export function monitoringRoutes({ db, instruments }: AppDeps): Router {
  const router = Router();

  router.get('/studies/:id/fieldwork', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    const { t, locale } = getContext(res);
    res.render('studies/fieldwork', { title: t('monitor.title'), study, monitor: fieldworkMonitorView(await monitorFieldwork(db.reader, study, instruments), locale) });
  });

  router.post('/studies/:id/duplicates', allow('coordinator'), async (req, res) => {
    const user = requireUser(res);
    const study = await requireStudy(db, user, idParam(req.params.id, 'study'));
    const choice = parseOrThrow(resolutionSchema, req.body);
    const outcome = await auditedChange(db, (tx) => resolveDuplicate(tx, {
      studyId: study.id, addressId: choice.addressId, instrumentId: choice.instrumentId,
      keepInterviewId: choice.keep === 'all' ? null : choice.keep, resolvedBy: user.id,
    }), (result) => (result === 'resolved'
      ? { actor: user, action: 'duplicate.resolved', studyId: study.id, subject: choice.instrumentId, detail: choice.keep === 'all' ? 'separate households' : `kept ${choice.keep}` }
      : undefined));
    if (outcome === 'not-found') throw new Problem('notFound', { entity: 'duplicate' });
    res.redirect(303, `/studies/${study.id}/fieldwork#duplicates`);
  });

  return router;
}
