/** View-models for the study pages: plain values the views print, nothing to compute in EJS. */
import type { Study } from '../../domain/study.js';
import { formatCalendarDate } from '../../i18n/dates.js';
import type { Translate } from '../../i18n/translate.js';
import type { Locale } from '../../i18n/translate.js';
import type { InstrumentRegistry } from '../../instruments/load-instruments.js';
import type { StreetSummary } from '../../storage/address-frame.js';

export interface StudyFormValues {
  name: string;
  commissioner: string;
  area: string;
  fieldworkStart: string;
  fieldworkEnd: string;
  instruments: string[];
  minReportSize: string;
  maxVisitAttempts: string;
  onlyApproved: boolean;
  followUpOf: string;
}

export function studyFormValues(study?: Study): StudyFormValues {
  return {
    name: study?.name ?? '',
    commissioner: study?.commissioner ?? '',
    area: study?.area ?? '',
    fieldworkStart: study?.fieldworkStart ?? '',
    fieldworkEnd: study?.fieldworkEnd ?? '',
    // A new study asks the newest versions (surveys/README.md, "Versions").
    instruments: study ? study.instruments.map((choice) => `${choice.instrumentId}@${choice.version}`) : ['contactladder@2', 'straatladder@1'],
    minReportSize: String(study?.minReportSize ?? 10),
    maxVisitAttempts: String(study?.maxVisitAttempts ?? 3),
    onlyApproved: study?.onlyApproved ?? false,
    followUpOf: study?.followUpOf ? String(study.followUpOf) : '',
  };
}

/** The submitted form as values to show again next to its errors. */
export function submittedFormValues(body: Record<string, unknown>): StudyFormValues {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
  const chosen = body.instruments;
  return {
    name: text('name'), commissioner: text('commissioner'), area: text('area'),
    fieldworkStart: text('fieldworkStart'), fieldworkEnd: text('fieldworkEnd'),
    instruments: Array.isArray(chosen) ? chosen.map(String) : typeof chosen === 'string' ? [chosen] : [],
    minReportSize: text('minReportSize'), maxVisitAttempts: text('maxVisitAttempts'), onlyApproved: body.onlyApproved !== undefined, followUpOf: text('followUpOf'),
  };
}

/** The instrument versions a study can choose, labelled in the user's language. */
export function instrumentOptions(instruments: InstrumentRegistry, locale: Locale, t: Translate) {
  return instruments.list().map((instrument) => ({
    value: `${instrument.id}@${instrument.version}`,
    label: t('studies.instrumentVersion', { title: instrument.title[locale], version: instrument.version }),
    unverified: !instrument.provenance.verified,
  }));
}

export function studySummary(study: Study, instruments: InstrumentRegistry, locale: Locale) {
  return {
    id: study.id,
    name: study.name,
    commissioner: study.commissioner,
    area: study.area,
    isDemo: study.isDemo,
    period: `${formatCalendarDate(study.fieldworkStart, locale)} – ${formatCalendarDate(study.fieldworkEnd, locale)}`,
    instruments: study.instruments.map((choice) => {
      const instrument = instruments.get(choice.instrumentId, choice.version);
      return `${instrument?.title[locale] ?? choice.instrumentId} v${choice.version}`;
    }),
    minReportSize: study.minReportSize,
    maxVisitAttempts: study.maxVisitAttempts,
    onlyApproved: study.onlyApproved,
    purgedAt: study.purgedAt,
  };
}

/** Streets grouped per neighbourhood, with totals, for the study page. */
export function neighbourhoodGroups(streets: StreetSummary[]) {
  const groups = new Map<string, { name: string; addresses: number; streets: StreetSummary[] }>();
  for (const street of streets) {
    const group = groups.get(street.neighbourhood) ?? { name: street.neighbourhood, addresses: 0, streets: [] };
    group.addresses += street.addresses;
    group.streets.push(street);
    groups.set(street.neighbourhood, group);
  }
  return [...groups.values()];
}
