/**
 * Residents who agreed to be contacted again: their name and contact details
 * for the coordinator, who marks each one handled once contacted. Handled
 * contacts are deleted with the purge of the address frame.
 */
import { Router } from 'express';
import { Problem } from '../../domain/errors.js';
import { clientIdSchema } from '../../domain/sync-record.js';
import { auditedChange } from '../../storage/audit-log.js';
import { listFollowUpContacts, markFollowUpHandled } from '../../storage/follow-up-contacts.js';
import { allow, requireStudy } from '../access.js';
import type { AppDeps } from '../deps.js';
import { getContext, requireUser } from '../context.js';
import { idParam } from '../parse.js';

export function followUpRoutes({ db }: AppDeps): Router {
  const router = Router();

  router.get('/studies/:id/follow-ups', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    res.render('studies/follow-ups', { title: getContext(res).t('followUps.title'), study, contacts: await listFollowUpContacts(db, study.id) });
  });

  router.post('/studies/:id/follow-ups/:contactId/handled', allow('coordinator'), async (req, res) => {
    const user = requireUser(res);
    const study = await requireStudy(db, user, idParam(req.params.id, 'study'));
    const contactId = clientIdSchema.safeParse(req.params.contactId);
    const marked = contactId.success && await auditedChange(db, (tx) => markFollowUpHandled(tx, study.id, contactId.data),
      (changed) => (changed ? { actor: user, action: 'follow-up.handled', studyId: study.id, subject: contactId.data } : undefined));
    if (!marked) throw new Problem('notFound', { entity: 'followUpContact' });
    res.redirect(303, `/studies/${study.id}/follow-ups`);
  });

  return router;
}
