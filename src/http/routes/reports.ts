/**
 * Reports of a study. Coordinators see every street and neighbourhood, preview
 * a report from the current data (HTML and PDF), publish it (one report, a
 * neighbourhood's or all of them), see which publications are out of date,
 * withdraw one, and record interventions per street; readers see the current
 * publication of each report of the studies they are given, exactly as it was
 * published, and nothing older. Reports come in the language the user chose
 * (Dutch or English); the readers' tables are Dutch, like every export.
 */
import { Router, type Response } from 'express';
import { z } from 'zod';
import { Problem } from '../../domain/errors.js';
import { parseOrThrow } from '../../domain/validation.js';
import { exportFileTypes } from '../../services/exports.js';
import { createPublishingJobs } from '../../services/publishing-jobs.js';
import { createReportService, type ReportKind } from '../../services/reports.js';
import { listStreets } from '../../storage/address-frame.js';
import { listInterventions, listPublishedReports } from '../../storage/reports.js';
import { recordIntervention } from '../../services/interventions.js';
import { allow, requireStudy, requireStudyAccess } from '../access.js';
import type { AppDeps } from '../deps.js';
import { getContext, requireUser } from '../context.js';
import { formBody, idParam } from '../parse.js';
import { reportsPage } from '../view-models/reports.js';

const kindSchema = z.enum(['street', 'neighbourhood']);
const tablesQuerySchema = z.object({ dialect: z.enum(['comma', 'excel-nl'], { message: 'invalid' }).default('comma') });

function reportKind(value: unknown): ReportKind {
  const parsed = kindSchema.safeParse(value);
  if (!parsed.success) throw new Problem('notFound', { entity: 'report' });
  return parsed.data;
}

function sendPdf(res: Response, content: Buffer, name: string): void {
  res.type('application/pdf')
    .set('Content-Disposition', `inline; filename="${name.replace(/[^\w.-]+/g, '-')}.pdf"`).send(content);
}

export function reportRoutes(deps: AppDeps): Router {
  const { db, definitions } = deps;
  const reports = createReportService({ db, instruments: deps.instruments, definitions, viewsDir: `${deps.projectDir}/views`, dataDir: deps.config.dataDir });
  const methodIds = definitions.nl.catalogue.methods.map((method) => method.id) as [string, ...string[]];
  const interventionSchema = z.object({
    streetId: z.coerce.number({ message: 'required' }).int().positive('required'),
    kind: z.enum(['method', 'workshop', 'street-agreements'], { message: 'required' }),
    methodId: z.preprocess((value) => (value === '' ? undefined : value), z.enum(methodIds, { message: 'unknownMethod' }).optional()),
    heldOn: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate'),
    note: z.string().trim().max(2000, 'tooLong').default(''),
  }).superRefine((value, ctx) => {
    if (value.kind === 'method' && !value.methodId) ctx.addIssue({ code: 'custom', path: ['methodId'], message: 'required' });
  });
  const jobs = createPublishingJobs(reports, deps.log ?? ((message, error) => console.error(message, error)));
  const router = Router();

  /** The study a published report belongs to, and who reads it: readers get only current publications, a coordinator of the study every version. */
  const publishedAccess = async (res: Response, studyId: unknown) => {
    const { study, manages } = await requireStudyAccess(db, requireUser(res), idParam(studyId, 'study'), 'read');
    return { study, audience: manages ? 'coordinators' as const : 'readers' as const };
  };

  router.get('/studies/:id/reports', allow('coordinator', 'reader'), async (req, res) => {
    const { study, manages: canManage } = await requireStudyAccess(db, requireUser(res), idParam(req.params.id, 'study'), 'read');
    const { t, locale } = getContext(res);
    const job = canManage ? jobs.get(study.id) : undefined;
    const page = reportsPage({
      studyId: study.id, streets: await listStreets(db, study.id), t, locale, methods: definitions[locale].catalogue.methods, job,
      published: await listPublishedReports(db, study.id, canManage ? 'coordinators' : 'readers'),
      interventions: canManage ? await listInterventions(db, study.id) : [],
      ...(canManage ? { currentDataVersion: await reports.currentDataVersion(study) } : {}),
    });
    res.render('studies/reports', {
      title: t('reports.title'), study, canManage, page,
      // While a publication runs, the page looks again every two seconds to show how far it is.
      ...(page.job?.running ? { headExtra: '<meta http-equiv="refresh" content="2">' } : {}),
    });
  });

  /** Publishes all reports of the study, or of one neighbourhood (`neighbourhoodId`), in the background. */
  router.post('/studies/:id/reports/publish-all', allow('coordinator'), async (req, res) => {
    const user = requireUser(res);
    const study = await requireStudy(db, user, idParam(req.params.id, 'study'));
    const body = formBody(req.body);
    const neighbourhoodId = body.neighbourhoodId === undefined || body.neighbourhoodId === '' ? undefined : idParam(body.neighbourhoodId, 'neighbourhood');
    if (neighbourhoodId !== undefined && !(await listStreets(db, study.id)).some((street) => street.neighbourhoodId === neighbourhoodId)) {
      throw new Problem('notFound', { entity: 'neighbourhood' });
    }
    jobs.start(study, user, neighbourhoodId);
    res.redirect(303, `/studies/${study.id}/reports#publishing`);
  });

  router.post('/studies/:id/published/:reportId/withdraw', allow('coordinator'), async (req, res) => {
    const user = requireUser(res);
    const study = await requireStudy(db, user, idParam(req.params.id, 'study'));
    await reports.withdraw(study, idParam(req.params.reportId, 'report'), user);
    res.redirect(303, `/studies/${study.id}/reports#published`);
  });

  router.get('/studies/:id/reports/:kind/:unitId', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    const kind = reportKind(req.params.kind);
    const unitId = idParam(req.params.unitId, kind);
    const model = await reports.model(study, kind, unitId, getContext(res).locale);
    const base = `/studies/${study.id}/reports/${kind}/${unitId}`;
    res.type('html').send(await reports.html(model, {
      back: `/studies/${study.id}/reports`, pdf: `${base}/pdf`, publish: `${base}/publish`, csrfToken: getContext(res).csrfToken ?? '',
    }));
  });

  router.get('/studies/:id/reports/:kind/:unitId/pdf', allow('coordinator'), async (req, res) => {
    const study = await requireStudy(db, requireUser(res), idParam(req.params.id, 'study'));
    const kind = reportKind(req.params.kind);
    const model = await reports.model(study, kind, idParam(req.params.unitId, kind), getContext(res).locale);
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
    const { study, audience } = await publishedAccess(res, req.params.id);
    const { content } = await reports.published(study, idParam(req.params.reportId, 'report'), 'html', audience, getContext(res).locale);
    res.type('html').send(content);
  });

  router.get('/studies/:id/published/:reportId/pdf', allow('coordinator', 'reader'), async (req, res) => {
    const { study, audience } = await publishedAccess(res, req.params.id);
    const { report, content } = await reports.published(study, idParam(req.params.reportId, 'report'), 'pdf', audience, getContext(res).locale);
    sendPdf(res, content, report.title);
  });

  /**
   * The aggregate tables of a published report, written when it was published: what readers may take away.
   * `?dialect=excel-nl` gives the same file for Dutch Excel (semicolon, decimal comma).
   */
  router.get('/studies/:id/published/:reportId/tables', allow('coordinator', 'reader'), async (req, res) => {
    const { study, audience } = await publishedAccess(res, req.params.id);
    const { dialect } = parseOrThrow(tablesQuerySchema, req.query);
    const { report, content } = await reports.published(study, idParam(req.params.reportId, 'report'), dialect === 'excel-nl' ? 'csv-excel-nl' : 'csv', audience);
    const name = `${report.title.replace(/[^\p{L}\d.-]+/gu, '-')}-${definitions.nl.exportWording.files.tables}${dialect === 'excel-nl' ? '-excel' : ''}.csv`;
    res.type(exportFileTypes.tables.contentType).attachment(name).send(content);
  });

  router.post('/studies/:id/interventions', allow('coordinator'), async (req, res) => {
    const user = requireUser(res);
    const study = await requireStudy(db, user, idParam(req.params.id, 'study'));
    await recordIntervention(db, user, study, parseOrThrow(interventionSchema, req.body));
    res.redirect(303, `/studies/${study.id}/reports#interventions`);
  });

  return router;
}
