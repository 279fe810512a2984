/**
 * Reports of a study. Coordinators see every street and neighbourhood, preview
 * a report from the current data (HTML and PDF), publish it, and record
 * interventions per street; readers see the published reports of the studies
 * they are given, exactly as they were published.
 */
import { Router, type Response } from 'express';
import { z } from 'zod';
import { Problem } from '../../domain/errors';
import { parseOrThrow } from '../../domain/validation';
import { exportFileTypes } from '../../services/exports';
import { createReportService, type ReportKind } from '../../services/reports';
import { listStreets } from '../../storage/address-frame';
import { listInterventions, listPublishedReports } from '../../storage/reports';
import { recordIntervention } from '../../services/interventions';
import { allow, requireStudy } from '../access';
import type { AppDeps } from '../app';
import { getContext, requireUser } from '../context';
import { idParam } from '../parse';

const kindSchema = z.enum(['street', 'neighbourhood']);

function reportKind(value: unknown): ReportKind {
  const parsed = kindSchema.safeParse(value);
  if (!parsed.success) throw new Problem('notFound', { entity: 'report' });
  return parsed.data;
}

function sendPdf(res: Response, content: Buffer, name: string): void {
  res.set('Cache-Control', 'no-store').type('application/pdf')
    .set('Content-Disposition', `inline; filename="${name.replace(/[^\w.-]+/g, '-')}.pdf"`).send(content);
}

export function reportRoutes(deps: AppDeps): Router {
  const { db, definitions } = deps;
  const reports = createReportService({ db, instruments: deps.instruments, definitions, viewsDir: `${deps.projectDir}/views`, dataDir: deps.config.dataDir });
  const methodIds = definitions.catalogue.methods.map((method) => method.id) as [string, ...string[]];
  const interventionSchema = z.object({
    streetId: z.coerce.number({ message: 'required' }).int().positive('required'),
    kind: z.enum(['method', 'workshop', 'street-agreements'], { message: 'required' }),
    methodId: z.preprocess((value) => (value === '' ? undefined : value), z.enum(methodIds, { message: 'unknownMethod' }).optional()),
    heldOn: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate'),
    note: z.string().trim().max(2000, 'tooLong').default(''),
  }).superRefine((value, ctx) => {
    if (value.kind === 'method' && !value.methodId) ctx.addIssue({ code: 'custom', path: ['methodId'], message: 'required' });
  });
  const router = Router();

  router.get('/studies/:id/reports', allow('coordinator', 'reader'), async (req, res) => {
    const user = requireUser(res);
    const study = await requireStudy(db, user, idParam(req.params.id, 'study'));
    const { t, csrfToken } = getContext(res);
    const streets = user.role === 'reader' ? [] : await listStreets(db, study.id);
    const neighbourhoods = [...new Map(streets.map((street) => [street.neighbourhoodId, { id: street.neighbourhoodId, name: street.neighbourhood, streets: streets.filter((s) => s.neighbourhoodId === street.neighbourhoodId) }])).values()];
    res.set('Cache-Control', 'no-store').render('studies/reports', {
      title: t('reports.title'), study, neighbourhoods, canManage: user.role !== 'reader', csrfToken,
      published: await listPublishedReports(db, study.id),
      interventions: user.role === 'reader' ? [] : await listInterventions(db, study.id),
      streetNames: new Map(streets.map((street) => [street.id, street.name])),
      methods: definitions.catalogue.methods,
    });
  });

  router.get('/studies/:id/reports/:kind/:unitId', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    const kind = reportKind(req.params.kind);
    const unitId = idParam(req.params.unitId, kind);
    const model = await reports.model(study, kind, unitId);
    const base = `/studies/${study.id}/reports/${kind}/${unitId}`;
    res.set('Cache-Control', 'no-store').type('html').send(await reports.html(model, {
      back: `/studies/${study.id}/reports`, pdf: `${base}/pdf`, publish: `${base}/publish`, csrfToken: getContext(res).csrfToken ?? '',
    }));
  });

  router.get('/studies/:id/reports/:kind/:unitId/pdf', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    const kind = reportKind(req.params.kind);
    const model = await reports.model(study, kind, idParam(req.params.unitId, kind));
    sendPdf(res, await reports.pdf(model), model.title);
  });

  router.post('/studies/:id/reports/:kind/:unitId/publish', allow('coordinator'), async (req, res) => {
    const user = requireUser(res);
    const study = await requireStudy(db, user, idParam(req.params.id, 'study'));
    const kind = reportKind(req.params.kind);
    await reports.publish(study, kind, idParam(req.params.unitId, kind), user);
    res.redirect(303, `/studies/${study.id}/reports#published`);
  });

  router.get('/studies/:id/published/:reportId', allow('coordinator', 'reader'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    const { content } = await reports.published(study, idParam(req.params.reportId, 'report'), 'html');
    res.set('Cache-Control', 'no-store').type('html').send(content);
  });

  router.get('/studies/:id/published/:reportId/pdf', allow('coordinator', 'reader'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    const { report, content } = await reports.published(study, idParam(req.params.reportId, 'report'), 'pdf');
    sendPdf(res, content, report.title);
  });

  /** The aggregate tables of a published report, written when it was published: what readers may take away. */
  router.get('/studies/:id/published/:reportId/tables', allow('coordinator', 'reader'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    const { report, content } = await reports.published(study, idParam(req.params.reportId, 'report'), 'csv');
    res.set('Cache-Control', 'no-store').type(exportFileTypes.tables.contentType)
      .attachment(`${report.title.replace(/[^\p{L}\d.-]+/gu, '-')}-${definitions.exportWording.files.tables}.csv`).send(content);
  });

  router.post('/studies/:id/interventions', allow('coordinator'), async (req, res) => {
    const user = requireUser(res);
    const study = await requireStudy(db, user, idParam(req.params.id, 'study'));
    await recordIntervention(db, user, study, parseOrThrow(interventionSchema, req.body));
    res.redirect(303, `/studies/${study.id}/reports#interventions`);
  });

  return router;
}
