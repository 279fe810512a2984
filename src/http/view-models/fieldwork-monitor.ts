/** The monitoring page's figures as the view shows them: rates as percentages, times in the reader's locale. */
import type { Locale } from '../../i18n/translate.js';
import type { FieldworkMonitor } from '../../services/monitoring.js';
import type { ResponseFigures } from '../../domain/response-figures.js';

const percent = (figures: ResponseFigures) => (figures.responseRate === undefined ? '–' : `${Math.round(figures.responseRate * 100)}%`);

export function fieldworkMonitorView(monitor: FieldworkMonitor, locale: Locale) {
  const time = (iso: string) => new Date(iso).toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  return {
    total: { ...monitor.total, rate: percent(monitor.total) },
    streets: monitor.streets.map((street) => ({ ...street, ...street.figures, rate: percent(street.figures) })),
    interviewers: monitor.interviewers.map((row) => ({ ...row, medianMinutes: row.medianMinutes === undefined ? '–' : Math.round(row.medianMinutes) })),
    appointmentsDue: monitor.appointmentsDue.map((appointment) => ({ ...appointment, at: time(appointment.at) })),
    duplicates: monitor.duplicates.map((group) => ({ ...group, interviews: group.interviews.map((interview) => ({ ...interview, endedAt: time(interview.endedAt) })) })),
    shortInterviews: monitor.shortInterviews.map((interview) => ({ ...interview, minutes: Math.round(interview.minutes), endedAt: time(interview.endedAt) })),
    // Too fast in seconds: these last seconds to a minute or two, which "0 minutes" would hide.
    tooFast: monitor.tooFast.map((interview) => ({ ...interview, seconds: Math.round(interview.minutes * 60), startedAt: time(interview.startedAt) })),
    outsideFieldwork: monitor.outsideFieldwork.map((interview) => ({ ...interview, startedAt: time(interview.startedAt) })),
    atNight: monitor.atNight.map((interview) => ({ ...interview, startedAt: time(interview.startedAt) })),
    visitsBeyondMaximum: monitor.visitsBeyondMaximum,
    noAttemptsLeft: monitor.noAttemptsLeft,
    anyFlag: monitor.duplicates.length + monitor.shortInterviews.length + monitor.tooFast.length + monitor.outsideFieldwork.length + monitor.atNight.length
      + monitor.visitsBeyondMaximum.length + monitor.noAttemptsLeft.length + monitor.sameMinute.length + monitor.conflicts > 0,
    sameMinute: monitor.sameMinute.map((entry) => ({ ...entry, minute: time(`${entry.minute}:00Z`) })),
    conflicts: monitor.conflicts,
  };
}
