/**
 * Reports of a study: build the model from the stored analysis, render it as
 * HTML and PDF, and publish it. A published report is written once to the
 * data folder (reports/study-<id>/…) under its data version, so what readers
 * see never changes silently; a coordinator publishes again to show new data.
 * Every report is written in Dutch and in English (`<name>.html` and
 * `<name>.en.html`, the same for the PDF), from the same figures; a reader
 * gets the language they chose, and the Dutch one of a report published before
 * English reports existed.
 */
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Problem } from '../domain/errors.js';
import type { Study } from '../domain/study.js';
import type { InstrumentRegistry } from '../instruments/load-instruments.js';
import type { ReportLanguages } from '../report-definitions/load-report-definitions.js';
import { locales, type Locale } from '../i18n/translate.js';
import { aggregateRows } from '../exports/aggregate-tables.js';
import { csvText, safeCommaCsv, toDutchExcelCsv } from '../exports/csv.js';
import { formatDayOf } from '../i18n/dates.js';
import { buildNeighbourhoodReport } from '../reports/neighbourhood-report.js';
import type { ReportContext } from '../reports/report-context.js';
import { reportDocument, type ReportModel } from '../reports/report-document.js';
import { renderCharts, renderReportHtml, withNavigation, type PreviewLinks } from '../reports/render-html.js';
import { renderReportPdf } from '../reports/render-pdf.js';
import { buildStreetReport } from '../reports/street-report.js';
import type { User } from '../domain/account.js';
import { recordAudit } from '../storage/audit-log.js';
import type { Database, Queryable } from '../storage/db.js';
import {
  getPublishedReport, insertPublishedReport, isPublishedVersion, listInterventions, listPublishedVersionCounts, recordPublishedVersion, studyDataVersion, withdrawPublishedReport,
  type PublishedReport,
} from '../storage/reports.js';
import { differencingRisk, publishedCounts, type DifferencingRisk } from '../domain/analysis/version-differencing.js';
import { listStreets } from '../storage/address-frame.js';
import { listApprovedComments } from '../storage/comments.js';
import { getStudy } from '../storage/studies.js';
import { analyseStoredStudy, studyResponse } from './analysis.js';

export type ReportKind = 'street' | 'neighbourhood';

export interface ReportServiceDeps {
  db: Database;
  instruments: InstrumentRegistry;
  definitions: ReportLanguages;
  viewsDir: string;
  dataDir: string;
}

export function createReportService({ db, instruments, definitions, viewsDir, dataDir }: ReportServiceDeps) {
  /** The report context in each language: one analysis, the words and the date of each language. */
  async function contexts(study: Study, now = new Date()): Promise<Record<Locale, ReportContext>> {
    const analysis = await analyseStoredStudy(db, instruments, study);
    const instrument = instruments.get(analysis.result.instrument.id, analysis.result.instrument.version)!;
    const previous = study.followUpOf === null ? undefined : await getStudy(db, study.followUpOf);
    const previousStreets = previous ? new Map((await listStreets(db, previous.id)).map((street) => [street.id, street])) : new Map();
    const previousInterventions = previous ? (await listInterventions(db, previous.id)).flatMap((intervention) => {
      const street = previousStreets.get(intervention.streetId);
      return street ? [{ ...intervention, streetName: street.name, neighbourhood: street.neighbourhood }] : [];
    }) : [];
    const comments = (await listApprovedComments(db, study.id)).map((comment) => ({ neighbourhoodId: comment.neighbourhoodId, text: comment.reviewedBody ?? '' }));
    const dataVersion = await studyDataVersion(db, study.id, analysis.response.streets);
    const inLanguage = (language: Locale): ReportContext => ({
      analysis, instrument, definitions: definitions[language], previousInterventions, comments,
      instruments: study.instruments.flatMap((choice) => instruments.get(choice.instrumentId, choice.version) ?? []),
      header: { studyName: study.name, commissioner: study.commissioner, area: study.area, isDemo: study.isDemo, language, generatedOn: formatDayOf(now, language), dataVersion },
    });
    return { nl: inLanguage('nl'), en: inLanguage('en') };
  }

  async function context(study: Study, language: Locale = 'nl', now = new Date()): Promise<ReportContext> {
    return (await contexts(study, now))[language];
  }

  async function model(study: Study, kind: ReportKind, unitId: number, language: Locale = 'nl', now?: Date): Promise<ReportModel> {
    return modelFrom(await context(study, language, now), kind, unitId);
  }

  function modelFrom(reportContext: ReportContext, kind: ReportKind, unitId: number): ReportModel {
    const built = kind === 'street' ? buildStreetReport(reportContext, unitId) : buildNeighbourhoodReport(reportContext, unitId);
    if (!built) throw new Problem('notFound', { entity: kind === 'street' ? 'street' : 'neighbourhood' });
    return built;
  }

  async function html(report: ReportModel, preview?: PreviewLinks): Promise<string> {
    const words = definitions[report.header.language];
    const doc = reportDocument(report, words.say);
    return renderReportHtml(doc, await renderCharts(doc, words), viewsDir, words.say, preview);
  }

  async function pdf(report: ReportModel): Promise<Buffer> {
    const words = definitions[report.header.language];
    const doc = reportDocument(report, words.say);
    return renderReportPdf(doc, await renderCharts(doc, words));
  }

  /** The file of a published report in a language: Dutch is the stored name, English adds ".en". */
  const inLanguageFile = (file: string, language: Locale) => (language === 'nl' ? file : file.replace(/\.(html|pdf)$/, `.${language}.$1`));

  /**
   * The unit a cell of the published counts is about, by its own name: a street, a
   * neighbourhood or the study, and for a group cell the group ("Rozenstraat, Hoe oud bent u?: 75 of ouder").
   */
  function subjectOf(risk: DifferencingRisk, context: ReportContext, study: Study): string {
    const { result } = context.analysis;
    const street = /(?:^|:)street:(\d+)/.exec(risk.cell);
    const neighbourhood = /(?:neighbourhood|combined):(\d+)/.exec(risk.cell);
    const unit = street ? result.streets.find((candidate) => candidate.streetId === Number(street[1]))?.name
      : neighbourhood ? result.neighbourhoods.find((candidate) => candidate.neighbourhoodId === Number(neighbourhood[1]))?.name : undefined;
    const group = /:group:([a-z0-9-]+)=(\d+)/.exec(risk.cell);
    const question = group && context.instrument.items.find((item) => item.id === group[1]);
    if (!question || question.kind !== 'choice') return unit ?? study.name;
    const label = context.instrument.scales[question.scale]?.points[Number(group![2]) - 1]?.label[context.header.language] ?? group![2];
    return `${unit ?? study.name}, ${question.wording[context.header.language]}: ${label}`;
  }

  /**
   * Refuses a data version whose counts differ from a version published before by
   * more than nothing and less than the minimum (version-differencing.ts), and
   * records the counts of one that passes. A version already recorded passed before.
   */
  async function checkAcrossVersions(db: Queryable, study: Study, dataVersion: string, context: ReportContext, record: boolean): Promise<void> {
    // Publishing all reports of a version checks it once: the later reports find it recorded and read no counts.
    if (await isPublishedVersion(db, study.id, dataVersion)) return;
    const earlier = await listPublishedVersionCounts(db, study.id);
    const counts = publishedCounts(context.analysis.result);
    for (const version of earlier) {
      const risk = differencingRisk(version.counts, counts, study.minReportSize);
      if (risk) throw new Problem('publicationDifferencing', { subject: subjectOf(risk, context, study), limit: String(study.minReportSize) });
    }
    if (record) await recordPublishedVersion(db, study.id, dataVersion, counts);
  }

  /**
   * Renders the report from the current data and stores HTML, PDF and its
   * aggregate tables (CSV, for readers) under its data version. Publishing a
   * version that is already published keeps its files as they are (only the
   * publication is recorded again): a published report never changes.
   */
  async function publish(study: Study, kind: ReportKind, unitId: number, publisher: User, reportContexts?: Record<Locale, ReportContext>): Promise<number> {
    reportContexts ??= await contexts(study);
    const report = modelFrom(reportContexts.nl, kind, unitId);
    await checkAcrossVersions(db, study, report.header.dataVersion, reportContexts.nl, false);
    const folder = path.join(dataDir, 'reports', `study-${study.id}`);
    await mkdir(folder, { recursive: true });
    const base = `${kind}-${unitId}-${report.header.dataVersion}`;
    const files = [...locales.flatMap((language) => [inLanguageFile(`${base}.html`, language), inLanguageFile(`${base}.pdf`, language)]), `${base}.csv`];
    const written = await Promise.all(files.map((file) => access(path.join(folder, file)).then(() => true, () => false)));
    if (!written.every(Boolean)) {
      for (const language of locales) {
        const words = definitions[language];
        const doc = reportDocument(language === 'nl' ? report : modelFrom(reportContexts[language], kind, unitId), words.say);
        const charts = await renderCharts(doc, words);
        await writeFile(path.join(folder, inLanguageFile(`${base}.html`, language)), await renderReportHtml(doc, charts, viewsDir, words.say));
        await writeFile(path.join(folder, inLanguageFile(`${base}.pdf`, language)), await renderReportPdf(doc, charts));
      }
      // The readers' tables are in Dutch only, like the other exports (exports.json).
      const { exportWording } = definitions.nl;
      const tables = aggregateRows(reportContexts.nl.analysis.result, reportContexts.nl.instrument, exportWording, kind === 'street' ? { streetId: unitId } : { neighbourhoodId: unitId });
      await writeFile(path.join(folder, `${base}.csv`), await csvText(exportWording.tables.columns, tables));
    }
    return db.transaction(async (tx) => {
      await checkAcrossVersions(tx, study, report.header.dataVersion, reportContexts.nl, true);
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
    study: Study, reportId: number, format: 'html' | 'pdf' | 'csv' | 'csv-excel-nl', audience: 'readers' | 'coordinators', language: Locale = 'nl',
  ): Promise<{ report: PublishedReport; content: Buffer }> {
    const report = await getPublishedReport(db, study.id, reportId, audience);
    if (!report) throw new Problem('notFound', { entity: 'report' });
    const file = format === 'html' ? report.htmlFile : format === 'pdf' ? report.pdfFile : report.htmlFile.replace(/\.html$/, '.csv');
    const read = (name: string) => readFile(path.join(dataDir, 'reports', name)).catch(() => undefined);
    // A report published before English reports existed has only its Dutch files: the reader gets those.
    const inLanguage = format === 'html' || format === 'pdf' ? await read(inLanguageFile(file, language)) : undefined;
    const content = inLanguage ?? await read(file);
    const pageLanguage: Locale = inLanguage ? language : 'nl';
    if (!content) throw new Problem('notFound', { entity: 'report' });
    // The tables for Dutch Excel are the stored file in another dialect: the same cells, semicolons and decimal commas.
    if (format === 'csv-excel-nl') return { report, content: Buffer.from(toDutchExcelCsv(content.toString('utf8')), 'utf8') };
    if (format === 'csv') return { report, content: Buffer.from(safeCommaCsv(content.toString('utf8')), 'utf8') };
    if (format !== 'html') return { report, content };
    // The page as stored, with the links around it: back to the study's reports, the PDF and the tables.
    const base = `/studies/${study.id}/published/${report.id}`;
    const page = await withNavigation(content.toString('utf8'), { back: `/studies/${study.id}/reports`, pdf: `${base}/pdf`, tables: `${base}/tables` }, viewsDir, definitions[pageLanguage].say);
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
    const reportContexts = await contexts(study);
    let done = 0;
    options.onProgress?.(done, units.length);
    for (const [kind, unitId] of units) {
      await publish(study, kind, unitId, publisher, reportContexts);
      options.onProgress?.(++done, units.length);
    }
    return units.length;
  }

  return { contexts, context, model, html, pdf, publish, unitsOf, publishAll, published, withdraw, currentDataVersion };
}

export type ReportService = ReturnType<typeof createReportService>;
