/**
 * Dates and times as a Dutch reader expects them: in Amsterdam time (a report
 * made at 00:30 on 2 December says 2 December, not the UTC date before it),
 * with the month written out, in the reader's language.
 */
import type { Locale } from './translate.js';

const timeZone = 'Europe/Amsterdam';
const languageTag = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

/** The day of a moment (an ISO timestamp or a Date) in Amsterdam: "2 december 2026". */
export function formatDayOf(moment: string | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(languageTag(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(new Date(moment));
}

/** A moment with its time in Amsterdam: "2 dec 2026, 09:14". */
export function formatMoment(moment: string | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(languageTag(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(moment));
}

/** A calendar date as stored ("2026-03-01", no time of day): "1 maart 2026". */
export function formatCalendarDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(languageTag(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T12:00:00Z`));
}
