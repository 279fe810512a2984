/** The monitoring page's figures as the view shows them: rates as percentages, times in the reader's locale. */
import type { Locale } from '../../i18n/translate';
import type { FieldworkMonitor } from '../../services/monitoring';
import type { ResponseFigures } from '../../domain/response-figures';

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
    sameMinute: monitor.sameMinute.map((entry) => ({ ...entry, minute: time(`${entry.minute}:00Z`) })),
    conflicts: monitor.conflicts,
  };
}
