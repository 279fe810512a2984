/** View-models for the interview review: the queue and one interview, with every answer in words. */
import type { AnswerDocument } from '../../domain/answer-document.js';
import type { Instrument } from '../../domain/instrument.js';
import { formatMoment } from '../../i18n/dates.js';
import type { Locale, Translate } from '../../i18n/translate.js';
import type { InstrumentRegistry } from '../../instruments/load-instruments.js';
import type { FlaggedInterview, QualityFlag } from '../../services/interview-review.js';
import type { ReviewEntry, ReviewedInterview, ReviewState } from '../../storage/interview-review.js';

const minutesText = (minutes: number, locale: Locale) => new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(minutes);

function instrumentName(instruments: InstrumentRegistry, id: string, version: number, locale: Locale): string {
  const instrument = instruments.get(id, version);
  return `${instrument?.title[locale] ?? id} v${version}`;
}

/** How many interviews the queue lists at once. */
export const queueRowsShown = 500;

export function reviewQueueView(interviews: readonly FlaggedInterview[], instruments: InstrumentRegistry, t: Translate, locale: Locale) {
  const counts = (state: ReviewState) => interviews.filter((interview) => interview.state === state).length;
  // Per interviewer: how many interviews, how many flagged, and how the reviews went (a pattern shows in these first).
  const perInterviewer = new Map<string, { name: string; interviews: number; flagged: number; approved: number; returned: number; rejected: number }>();
  for (const interview of interviews) {
    const row = perInterviewer.get(interview.interviewer) ?? { name: interview.interviewer, interviews: 0, flagged: 0, approved: 0, returned: 0, rejected: 0 };
    row.interviews += 1;
    if (interview.flags.length > 0) row.flagged += 1;
    if (interview.state !== 'new') row[interview.state] += 1;
    perInterviewer.set(interview.interviewer, row);
  }
  return {
    counts: { new: counts('new'), approved: counts('approved'), returned: counts('returned'), rejected: counts('rejected') },
    interviewers: [...perInterviewer.values()].sort((a, b) => b.flagged - a.flagged || a.name.localeCompare(b.name, locale)),
    unflaggedNew: interviews.filter((interview) => interview.state === 'new' && interview.flags.length === 0).length,
    // The queue's first rows (new and flagged come first); a city-scale study lists the rest after those are reviewed.
    total: interviews.length,
    rows: interviews.slice(0, queueRowsShown).map((interview) => ({
      id: interview.id,
      instrument: instrumentName(instruments, interview.instrumentId, interview.instrumentVersion, locale),
      interviewer: interview.interviewer,
      street: `${interview.streetName} (${interview.neighbourhood})`,
      started: formatMoment(interview.startedAt, locale),
      minutes: minutesText(interview.minutes, locale),
      state: t(`review.state.${interview.state}`),
      flags: interview.flags.map((flag) => t(`review.flag.${flag}`)),
    })),
  };
}

/** One answer in words: the scale's label, "weet niet" for a recorded don't-know. */
function answerRows(document: AnswerDocument, instrument: Instrument | undefined, t: Translate, locale: Locale): { question: string; answer: string }[] {
  if (!instrument) return Object.entries(document).map(([item, ratings]) => ({ question: item, answer: JSON.stringify(ratings) }));
  const label = (scale: string | undefined, value: number | null | undefined) => {
    if (value === null) return t('review.dontKnow');
    if (value === undefined) return '–';
    return instrument.scales[scale ?? '']?.points.find((point) => point.value === value)?.label[locale] ?? String(value);
  };
  return instrument.items.flatMap((item) => {
    const ratings = document[item.id];
    if (!ratings) return [];
    const parts = (list: [string, string | undefined][]) => list.filter(([rating]) => rating in ratings).map(([rating, scale]) => `${t(`review.rating.${rating}`)}: ${label(scale, ratings[rating])}`).join(' · ');
    const answer = item.kind === 'paired' ? parts([['actual', item.scale], ['desired', item.scale], ['importance', instrument.importanceScale]])
      : item.kind === 'contribution' ? parts([['now', item.nowScale], ['willing', item.willingScale]])
        : item.kind === 'choice' ? label(item.scale, ratings.answer)
          : Object.entries(ratings).map(([rating, value]) => `${rating}: ${value ?? t('review.dontKnow')}`).join(' · ');
    return [{ question: item.wording[locale], answer }];
  });
}

export function interviewDetailView(interview: ReviewedInterview, flags: readonly QualityFlag[], reviews: readonly ReviewEntry[], instruments: InstrumentRegistry, t: Translate, locale: Locale) {
  return {
    id: interview.id,
    instrument: instrumentName(instruments, interview.instrumentId, interview.instrumentVersion, locale),
    interviewer: interview.interviewer,
    street: `${interview.streetName} (${interview.neighbourhood})`,
    started: formatMoment(interview.startedAt, locale),
    ended: formatMoment(interview.endedAt, locale),
    minutes: minutesText((Date.parse(interview.endedAt) - Date.parse(interview.startedAt)) / 60_000, locale),
    state: t(`review.state.${interview.state}`),
    flags: flags.map((flag) => t(`review.flag.${flag}`)),
    answers: answerRows(JSON.parse(interview.answers) as AnswerDocument, instruments.get(interview.instrumentId, interview.instrumentVersion), t, locale),
    reviews: reviews.map((review) => ({ state: t(`review.state.${review.state}`), note: review.note, reviewer: review.reviewer, at: formatMoment(review.reviewedAt, locale) })),
  };
}
