/**
 * A study's members: its coordinators and readers. A coordinator of the study
 * (or an admin) adds an existing account by username in a role, changes a
 * member's role by adding them again, and removes a member; a reader added
 * sees the published reports at once, one removed loses them at once.
 */
import { Router, type Response } from 'express';
import type { Study } from '../../domain/study.js';
import { studyRoles } from '../../domain/study-membership.js';
import { addMember, removeMember } from '../../services/study-members.js';
import { listStudyMembers } from '../../storage/studies.js';
import { allow, requireStudy } from '../access.js';
import type { AppDeps } from '../deps.js';
import { getContext, requireUser } from '../context.js';
import { asFormErrors, type FormErrors } from '../form-errors.js';
import { formBody, idParam } from '../parse.js';

type Notice = { key: 'added' | 'removed'; username: string };

export function memberRoutes({ db }: AppDeps): Router {
  const router = Router();

  async function renderMembers(res: Response, study: Study, form: Record<string, unknown>, errors?: FormErrors, notice?: Notice) {
    const { t } = getContext(res);
    const self = requireUser(res);
    const members = (await listStudyMembers(db, study.id)).map((member) => ({
      id: member.user.id, username: member.user.username, displayName: member.user.displayName,
      role: t(`studyRoles.${member.role}`), disabled: member.user.disabled, isSelf: member.user.id === self.id,
    }));
    res.render('studies/members', {
      title: t('members.title'), study, members, form, errors,
      notice: notice && t(`members.notice.${notice.key}`, { username: notice.username }),
      roles: studyRoles.map((role) => ({ value: role, label: t(`studyRoles.${role}`), selected: (form.role ?? 'reader') === role })),
    });
  }

  router.get('/studies/:id/members', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    await renderMembers(res, study, {});
  });

  router.post('/studies/:id/members', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    const body = formBody(req.body);
    try {
      const account = await addMember(db, requireUser(res), study, body);
      await renderMembers(res, study, {}, undefined, { key: 'added', username: account.username });
    } catch (error) {
      await renderMembers(res, study, body, asFormErrors(error, res));
    }
  });

  router.post('/studies/:id/members/:userId/remove', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    try {
      const account = await removeMember(db, requireUser(res), study, idParam(req.params.userId, 'account'));
      await renderMembers(res, study, {}, undefined, { key: 'removed', username: account.username });
    } catch (error) {
      await renderMembers(res, study, {}, asFormErrors(error, res));
    }
  });

  return router;
}
