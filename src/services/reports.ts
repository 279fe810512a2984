/**
 * Reports of a study: build the model from the stored analysis, render it as
 * HTML and PDF, and publish it. A published report is written once to the
 * data folder (reports/study-<id>/…) under its data version, so what readers
 * see never changes silently; a coordinator publishes again to show new data.
 */
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Problem } from '../domain/errors';
import type { Study } from '../domain/study';
import type { InstrumentRegistry } from '../instruments/load-instruments';
import type { ReportDefinitions } from '../report-definitions/load-report-definitions';
import { aggregateRows } from '../exports/aggregate-tables';
import { csvText, safeCommaCsv, toDutchExcelCsv } from '../exports/csv';
import { formatDayOf } from '../i18n/dates';
import { buildNeighbourhoodReport } from '../reports/neighbourhood-report';
import type { ReportContext } from '../reports/report-context';
import { reportDocument, type ReportModel } from '../reports/report-document';
import { renderCharts, renderReportHtml, withNavigation, type PreviewLinks } from '../reports/render-html';
import { renderReportPdf } from '../reports/render-pdf';
import { buildStreetReport } from '../reports/street-report';
import type { User } from '../domain/account';
import { recordAudit } from '../storage/audit-log';
import type { Database } from '../storage/db';
import { getPublishedReport, insertPublishedReport, listInterventions, studyDataVersion, withdrawPublishedReport, type PublishedReport } from '../storage/reports';
import { listStreets } from '../storage/address-frame';
import { listApprovedComments } from '../storage/comments';
import { getStudy } from '../storage/studies';
import { analyseStoredStudy, studyResponse } from './analysis';

export type ReportKind = 'street' | 'neighbourhood';

export interface ReportServiceDeps {
  db: Database;
  instruments: InstrumentRegistry;
  definitions: ReportDefinitions;
  viewsDir: string;
  dataDir: string;
}

export function createReportService({ db, instruments, definitions, viewsDir, dataDir }: ReportServiceDeps) {
  async function context(study: Study, now = new Date()): Promise<ReportContext> {
    const analysis = await analyseStoredStudy(db, instruments, study);
    const instrument = instruments.get(analysis.result.instrument.id, analysis.result.instrument.version)!;
    const previous = study.followUpOf === null ? undefined : await getStudy(db, study.followUpOf);
    const previousStreets = previous ? new Map((await listStreets(db, previous.id)).map((street) => [street.id, street])) : new Map();
    const previousInterventions = previous ? (await listInterventions(db, previous.id)).flatMap((intervention) => {
      const street = previousStreets.get(intervention.streetId);
      return street ? [{ ...intervention, streetName: street.name, neighbourhood: street.neighbourhood }] : [];
    }) : [];
    return {
      analysis, instrument, definitions, previousInterventions,
      comments: (await listApprovedComments(db, study.id)).map((comment) => ({ neighbourhoodId: comment.neighbourhoodId, text: comment.reviewedBody ?? '' })),
      instruments: study.instruments.flatMap((choice) => instruments.get(choice.instrumentId, choice.version) ?? []),
      header: {
        studyName: study.name, commissioner: study.commissioner, area: study.area, isDemo: study.isDemo,
        generatedOn: formatDayOf(now, 'nl'), dataVersion: await studyDataVersion(db, study.id, analysis.response.streets),
      },
    };
  }

  async function model(study: Study, kind: ReportKind, unitId: number, now?: Date): Promise<ReportModel> {
    return modelFrom(await context(study, now), kind, unitId);
  }

  function modelFrom(reportContext: ReportContext, kind: ReportKind, unitId: number): ReportModel {
    const built = kind === 'street' ? buildStreetReport(reportContext, unitId) : buildNeighbourhoodReport(reportContext, unitId);
    if (!built) throw new Problem('notFound', { entity: kind === 'street' ? 'street' : 'neighbourhood' });
    return built;
  }

  async function html(report: ReportModel, preview?: PreviewLinks): Promise<string> {
    const doc = reportDocument(report, definitions.say);
    return renderReportHtml(doc, await renderCharts(doc, definitions), viewsDir, definitions.say, preview);
  }

  async function pdf(report: ReportModel): Promise<Buffer> {
    const doc = reportDocument(report, definitions.say);
    return renderReportPdf(doc, await renderCharts(doc, definitions));
  }

  /**
   * Renders the report from the current data and stores HTML, PDF and its
   * aggregate tables (CSV, for readers) under its data version. Publishing a
   * version that is already published keeps its files as they are (only the
   * publication is recorded again): a published report never changes.
   */
  async function publish(study: Study, kind: ReportKind, unitId: number, publisher: User, reportContext?: ReportContext): Promise<number> {
    reportContext ??= await context(study);
    const report = modelFrom(reportContext, kind, unitId);
    const folder = path.join(dataDir, 'reports', `study-${study.id}`);
    await mkdir(folder, { recursive: true });
    const base = `${kind}-${unitId}-${report.header.dataVersion}`;
    const written = await Promise.all(['html', 'pdf', 'csv'].map((extension) => access(path.join(folder, `${base}.${extension}`)).then(() => true, () => false)));
    if (!written.every(Boolean)) {
      const doc = reportDocument(report, definitions.say);
      const charts = await renderCharts(doc, definitions);
      await writeFile(path.join(folder, `${base}.html`), await renderReportHtml(doc, charts, viewsDir, definitions.say));
      await writeFile(path.join(folder, `${base}.pdf`), await renderReportPdf(doc, charts));
      const tables = aggregateRows(reportContext.analysis.result, reportContext.instrument, definitions.exportWording, kind === 'street' ? { streetId: unitId } : { neighbourhoodId: unitId });
      await writeFile(path.join(folder, `${base}.csv`), await csvText(definitions.exportWording.tables.columns, tables));
    }
    return db.transaction(async (tx) => {
      const id = await insertPublishedReport(tx, {
        studyId: study.id, kind, unitId, title: report.title, dataVersion: report.header.dataVersion,
        htmlFile: path.join(`study-${study.id}`, `${base}.html`), pdfFile: path.join(`study-${study.id}`, `${base}.pdf`), publishedBy: publisher.id,
      });
      await recordAudit(tx, { actor: publisher, action: 'report.published', studyId: study.id, subject: report.title, detail: `data version ${report.header.dataVersion}` });
      return id;
    });
  }

  /**
   * A published report's HTML, PDF or aggregate tables, exactly as written
   * when it was published. Readers get only a unit's current publication, and
   * not once it is withdrawn; coordinators get every version.
   */
  async function published(
    study: Study, reportId: number, format: 'html' | 'pdf' | 'csv' | 'csv-excel-nl', audience: 'readers' | 'coordinators',
  ): Promise<{ report: PublishedReport; content: Buffer }> {
    const report = await getPublishedReport(db, study.id, reportId, audience);
    if (!report) throw new Problem('notFound', { entity: 'report' });
    const file = format === 'html' ? report.htmlFile : format === 'pdf' ? report.pdfFile : report.htmlFile.replace(/\.html$/, '.csv');
    const content = await readFile(path.join(dataDir, 'reports', file)).catch(() => undefined);
    if (!content) throw new Problem('notFound', { entity: 'report' });
    // The tables for Dutch Excel are the stored file in another dialect: the same cells, semicolons and decimal commas.
    if (format === 'csv-excel-nl') return { report, content: Buffer.from(toDutchExcelCsv(content.toString('utf8')), 'utf8') };
    if (format === 'csv') return { report, content: Buffer.from(safeCommaCsv(content.toString('utf8')), 'utf8') };
    if (format !== 'html') return { report, content };
    // The page as stored, with the links around it: back to the study's reports, the PDF and the tables.
    const base = `/studies/${study.id}/published/${report.id}`;
    const page = await withNavigation(content.toString('utf8'), { back: `/studies/${study.id}/reports`, pdf: `${base}/pdf`, tables: `${base}/tables` }, viewsDir, definitions.say);
    return { report, content: Buffer.from(page, 'utf8') };
  }

  /** Takes a report back from the readers (its files stay, for the audit). */
  async function withdraw(study: Study, reportId: number, user: User): Promise<PublishedReport> {
    const report = await getPublishedReport(db, study.id, reportId, 'coordinators');
    if (!report) throw new Problem('notFound', { entity: 'report' });
    await db.transaction(async (tx) => {
      if (!(await withdrawPublishedReport(tx, study.id, reportId, user.id))) throw new Problem('notFound', { entity: 'report' });
      await recordAudit(tx, { actor: user, action: 'report.withdrawn', studyId: study.id, subject: report.title, detail: `data version ${report.dataVersion}` });
    });
    return report;
  }

  /** The study's data version now: a published report with another one is out of date. */
  async function currentDataVersion(study: Study): Promise<string> {
    return studyDataVersion(db, study.id, await studyResponse(db, study));
  }

  /** The reports of a study, or of one neighbourhood: the neighbourhood reports first, then the streets. */
  async function unitsOf(study: Study, neighbourhoodId?: number): Promise<[ReportKind, number][]> {
    const streets = (await listStreets(db, study.id)).filter((street) => neighbourhoodId === undefined || street.neighbourhoodId === neighbourhoodId);
    return [
      ...[...new Set(streets.map((street) => street.neighbourhoodId))].map((id) => ['neighbourhood', id] as [ReportKind, number]),
      ...streets.map((street) => ['street', street.id] as [ReportKind, number]),
    ];
  }

  /**
   * Publishes every neighbourhood and street report of a study, or of one of
   * its neighbourhoods, all from one data version; `onProgress` hears after
   * each report. The demo study starts with them ready.
   */
  async function publishAll(study: Study, publisher: User, options: { neighbourhoodId?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<number> {
    const units = await unitsOf(study, options.neighbourhoodId);
    // One context for all: the analysis, response figures and data version are the same for every unit.
    const reportContext = await context(study);
    let done = 0;
    options.onProgress?.(done, units.length);
    for (const [kind, unitId] of units) {
      await publish(study, kind, unitId, publisher, reportContext);
      options.onProgress?.(++done, units.length);
    }
    return units.length;
  }

  return { context, model, html, pdf, publish, unitsOf, publishAll, published, withdraw, currentDataVersion };
}

export type ReportService = ReturnType<typeof createReportService>;
