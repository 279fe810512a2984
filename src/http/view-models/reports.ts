/**
 * The reports page as plain values: for a coordinator every unit with its
 * preview, its current publication and whether that is out of date; for
 * everyone the published reports grouped by neighbourhood; the interventions
 * with their names; the progress of a "publish all" running in the background.
 */
import type { Method } from '../../domain/recommendations/catalogue.js';
import { formatCalendarDate, formatMoment } from '../../i18n/dates.js';
import type { Locale, Translate } from '../../i18n/translate.js';
import type { PublishingJob } from '../../services/publishing-jobs.js';
import { describeProblem } from '../error-handler.js';
import type { StreetSummary } from '../../storage/address-frame.js';
import type { Intervention, PublishedReport } from '../../storage/reports.js';

export interface PublishedView {
  id: number;
  title: string;
  kind: string;
  url: string;
  pdf: string;
  tables: string;
  /** The same tables for Dutch Excel: semicolons and decimal commas. */
  tablesExcel: string;
  publishedOn: string;
  dataVersion: string;
  /** Made from other data than the study has now. */
  outdated: boolean;
  withdrawn: boolean;
}

interface Input {
  studyId: number;
  streets: readonly StreetSummary[];
  published: readonly PublishedReport[];
  /** The study's data version now; undefined for readers, who are not told of newer data. */
  currentDataVersion?: string;
  interventions: readonly Intervention[];
  methods: readonly Method[];
  job?: PublishingJob;
  t: Translate;
  locale: Locale;
}

export function reportsPage({ studyId, streets, published, currentDataVersion, interventions, methods, job, t, locale }: Input) {
  const base = `/studies/${studyId}`;
  const publishedView = (report: PublishedReport): PublishedView => ({
    id: report.id, title: report.title,
    kind: report.kind === 'street' ? t('reports.streetReport') : t('reports.neighbourhoodReport'),
    url: `${base}/published/${report.id}`, pdf: `${base}/published/${report.id}/pdf`, tables: `${base}/published/${report.id}/tables`, tablesExcel: `${base}/published/${report.id}/tables?dialect=excel-nl`,
    publishedOn: formatMoment(report.publishedAt, locale), dataVersion: report.dataVersion,
    outdated: currentDataVersion !== undefined && report.dataVersion !== currentDataVersion,
    withdrawn: report.withdrawnAt !== null,
  });
  const byUnit = new Map(published.map((report) => [`${report.kind}-${report.unitId}`, publishedView(report)]));
  const neighbourhoods = [...new Map(streets.map((street) => [street.neighbourhoodId, street.neighbourhood])).entries()].map(([id, name]) => {
    const own = streets.filter((street) => street.neighbourhoodId === id);
    const unit = (kind: 'street' | 'neighbourhood', unitId: number, unitName: string) => ({
      id: unitId, name: unitName, preview: `${base}/reports/${kind}/${unitId}`, previewPdf: `${base}/reports/${kind}/${unitId}/pdf`,
      publish: `${base}/reports/${kind}/${unitId}/publish`, published: byUnit.get(`${kind}-${unitId}`),
    });
    return {
      id, name, report: unit('neighbourhood', id, name),
      streets: own.map((street) => unit('street', street.id, street.name)),
      // What readers see, per neighbourhood: its report first, then its streets'; nothing withdrawn.
      publishedReports: [byUnit.get(`neighbourhood-${id}`), ...own.map((street) => byUnit.get(`street-${street.id}`))]
        .filter((view): view is PublishedView => view !== undefined && !view.withdrawn),
    };
  });
  const streetNames = new Map(streets.map((street) => [street.id, street.name]));
  const methodNames = new Map(methods.map((method) => [method.id, method.name]));
  const kindLabels = { method: t('reports.kind.method'), workshop: t('reports.kind.workshop'), 'street-agreements': t('reports.kind.streetAgreements') };
  return {
    neighbourhoods,
    publishedGroups: neighbourhoods.filter((neighbourhood) => neighbourhood.publishedReports.length > 0)
      .map((neighbourhood) => ({ name: neighbourhood.name, reports: neighbourhood.publishedReports })),
    methods: methods.map((method) => ({ value: method.id, label: method.name })),
    publishedCount: published.filter((report) => report.withdrawnAt === null).length,
    outdatedCount: [...byUnit.values()].filter((view) => view.outdated && !view.withdrawn).length,
    interventions: interventions.map((item) => ({
      date: formatCalendarDate(item.heldOn, locale), street: streetNames.get(item.streetId) ?? '',
      what: item.methodId ? `${kindLabels[item.kind]}: ${methodNames.get(item.methodId) ?? item.methodId}` : kindLabels[item.kind], note: item.note,
    })),
    interventionKinds: (['method', 'workshop', 'street-agreements'] as const).map((kind) => ({ value: kind, label: kindLabels[kind] })),
    job: job && {
      running: !job.finishedAt, failed: job.failed, done: job.done, total: job.total,
      reason: job.problem ? describeProblem(job.problem, t).message : undefined,
      scope: job.neighbourhoodId === undefined ? t('reports.publishAll.wholeStudy') : (streets.find((street) => street.neighbourhoodId === job.neighbourhoodId)?.neighbourhood ?? ''),
      text: t(job.failed ? 'reports.publishAll.failed' : job.finishedAt ? 'reports.publishAll.finished' : 'reports.publishAll.running', { done: job.done, total: job.total }),
    },
  };
}
