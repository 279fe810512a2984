/**
 * Study set-up for coordinators: the list of studies, creating and editing a
 * study, its overview page with streets, and assigning streets to interviewers.
 * Readers see the list of studies they were given.
 */
import { Router, type Response } from 'express';
import type { Study } from '../../domain/study.js';
import { changeAssignment } from '../../services/assignments.js';
import { createStudyFor, editStudy } from '../../services/studies.js';
import { countAddresses, listStreets } from '../../storage/address-frame.js';
import { listStudiesFor, listStudyRolesOf } from '../../storage/studies.js';
import { listUsers } from '../../storage/users.js';
import { allow, requireStudy } from '../access.js';
import type { AppDeps } from '../deps.js';
import { getContext, requireUser } from '../context.js';
import { asFormErrors, type FormErrors } from '../form-errors.js';
import { frameCounts } from '../i18n-counts.js';
import { formBody, idParam } from '../parse.js';
import { instrumentOptions, neighbourhoodGroups, studyFormValues, studySummary, submittedFormValues, type StudyFormValues } from '../view-models/study.js';

export function studyRoutes({ db, instruments }: AppDeps): Router {
  const router = Router();

  async function renderForm(res: Response, values: StudyFormValues, study?: Study, errors?: FormErrors) {
    const { t, locale } = getContext(res);
    const earlierStudies = (await listStudiesFor(db, requireUser(res))).filter((candidate) => candidate.id !== study?.id)
      .map((candidate) => ({ value: String(candidate.id), label: `${candidate.name} (${candidate.fieldworkStart.slice(0, 4)})` }));
    res.render('studies/form', {
      title: study ? t('studies.editTitle') : t('studies.newTitle'),
      action: study ? `/studies/${study.id}` : '/studies',
      values, errors, study, instrumentOptions: instrumentOptions(instruments, locale, t), earlierStudies,
    });
  }

  router.get('/studies', allow('coordinator', 'reader'), async (_req, res) => {
    const { t, locale } = getContext(res);
    const user = requireUser(res);
    const roles = await listStudyRolesOf(db, user.id);
    const studies = (await listStudiesFor(db, user)).map((study) => ({
      ...studySummary(study, instruments, locale),
      manages: user.role === 'admin' || (user.role === 'coordinator' && roles.get(study.id) === 'coordinator'),
    }));
    res.render('studies/list', { title: t('studies.title'), studies, canCreate: user.role !== 'reader' });
  });

  router.get('/studies/new', allow('coordinator'), async (_req, res) => renderForm(res, studyFormValues()));

  router.post('/studies', allow('coordinator'), async (req, res) => {
    const body = formBody(req.body);
    try {
      const studyId = await createStudyFor(db, instruments, requireUser(res), body);
      res.redirect(303, `/studies/${studyId}`);
    } catch (error) {
      await renderForm(res, submittedFormValues(body), undefined, asFormErrors(error, res));
    }
  });

  router.get('/studies/:id', allow('coordinator'), async (req, res) => {
    const { locale, t } = getContext(res);
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    const streets = await listStreets(db, study.id);
    const neighbourhoods = neighbourhoodGroups(streets);
    const addressCount = await countAddresses(db, study.id);
    res.render('studies/show', {
      title: study.name,
      study: studySummary(study, instruments, locale),
      neighbourhoods,
      frameCounts: t('studies.frameCounts', frameCounts(t, { addresses: addressCount, streets: streets.length, neighbourhoods: neighbourhoods.length })),
      interviewers: (await listUsers(db, 'interviewer')).filter((user) => !user.disabled),
    });
  });

  router.get('/studies/:id/edit', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    await renderForm(res, studyFormValues(study), study);
  });

  router.post('/studies/:id', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    const body = formBody(req.body);
    try {
      await editStudy(db, instruments, requireUser(res), study.id, body);
      res.redirect(303, `/studies/${study.id}`);
    } catch (error) {
      await renderForm(res, submittedFormValues(body), study, asFormErrors(error, res));
    }
  });

  router.post('/studies/:id/assignments', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    const body = formBody(req.body);
    const streetId = idParam(body.streetId, 'street');
    await changeAssignment(db, requireUser(res), study, { streetId, interviewerId: idParam(body.interviewerId, 'account'), unassign: body.action === 'unassign' });
    res.redirect(303, `/studies/${study.id}#street-${streetId}`);
  });

  return router;
}
