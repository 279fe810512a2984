/**
 * Quality flags on the fieldwork monitor beside the relative "far shorter
 * than usual" (response-figures.ts, shortInterviews), for what a relative rule
 * cannot see (issue: a whole batch of 3-second interviews has a median of 0):
 *
 * - too fast in absolute terms: fewer seconds than `minSecondsPerQuestion`
 *   (default 2) for each question the instrument version asks. "Weet niet"
 *   takes asking too, so the count is of questions asked, not answered;
 * - outside the fieldwork period: started on a day (Amsterdam time) before
 *   the study's first or after its last fieldwork day;
 * - at night: started between `nightFrom` (22:00) and `nightUntil` (07:00),
 *   Amsterdam time, when no interviewer knocks on doors;
 * - visits beyond the study's maximum number of attempts, and addresses
 *   that have no attempt left while they have no outcome yet;
 * - straight-lining: in a block of rated statements, (nearly) every rating —
 *   actual, desired and importance together — the same answer, which a
 *   resident who reads the statements hardly ever gives (straightLined).
 *
 * Pure: the caller passes the interviews, the addresses and the settings.
 */

import type { AnswerDocument } from './answer-document.js';
import type { Instrument } from './instrument.js';

export interface QualitySettings {
  minSecondsPerQuestion: number;
  nightFrom: number;
  nightUntil: number;
  /** Straight-lining: at least this many ratings in a block, and at least this share of them one and the same answer. */
  straightLiningMinRatings: number;
  straightLiningShare: number;
}

export const defaultQualitySettings: QualitySettings = { minSecondsPerQuestion: 2, nightFrom: 22, nightUntil: 7, straightLiningMinRatings: 12, straightLiningShare: 0.9 };

interface TimedInterview {
  startedAt: string;
  endedAt: string;
  /** How many questions the interview's instrument version asks. */
  questions: number;
}

const amsterdamParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23',
});

/** Amsterdam's day and hour per UTC hour: the offset changes only on the hour, and a study's interviews share few hours. */
const byUtcHour = new Map<string, { day: string; hour: number }>();

/** The calendar day ("2026-03-01") and the hour (0–23) of a moment in Amsterdam. */
export function amsterdamDayAndHour(moment: string): { day: string; hour: number } {
  const date = new Date(moment);
  const utcHour = date.toISOString().slice(0, 13);
  const known = byUtcHour.get(utcHour);
  if (known) return known;
  const parts = Object.fromEntries(amsterdamParts.formatToParts(date).map((part) => [part.type, part.value]));
  const found = { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
  if (byUtcHour.size > 100_000) byUtcHour.clear();
  byUtcHour.set(utcHour, found);
  return found;
}

/** Interviews that took fewer than the minimum seconds per question asked. */
export function tooFast<T extends TimedInterview>(interviews: readonly T[], settings: QualitySettings = defaultQualitySettings): T[] {
  return interviews.filter((interview) => {
    const seconds = (Date.parse(interview.endedAt) - Date.parse(interview.startedAt)) / 1000;
    return interview.questions > 0 && seconds < settings.minSecondsPerQuestion * interview.questions;
  });
}

/** Interviews started on a day outside the fieldwork period (both ends included in it). */
export function outsideFieldwork<T extends { startedAt: string }>(interviews: readonly T[], period: { start: string; end: string }): T[] {
  return interviews.filter((interview) => {
    const { day } = amsterdamDayAndHour(interview.startedAt);
    return day < period.start.slice(0, 10) || day > period.end.slice(0, 10);
  });
}

/** Interviews started at night, Amsterdam time. */
export function atNight<T extends { startedAt: string }>(interviews: readonly T[], settings: QualitySettings = defaultQualitySettings): T[] {
  return interviews.filter((interview) => {
    const { hour } = amsterdamDayAndHour(interview.startedAt);
    return settings.nightFrom > settings.nightUntil ? hour >= settings.nightFrom || hour < settings.nightUntil : hour >= settings.nightFrom && hour < settings.nightUntil;
  });
}

interface VisitedAddress {
  visits: number;
  completed: boolean;
  ineligible: boolean;
  lastOutcome: string | null;
}

/**
 * Addresses visited more often than the maximum number of attempts, and
 * addresses whose attempts are used up without an outcome (no interview, not
 * ineligible, no refusal): the walk list has nothing left to offer there.
 */
export function visitLimits<T extends VisitedAddress>(addresses: readonly T[], maxVisitAttempts: number): { beyondMaximum: T[]; noAttemptsLeft: T[] } {
  const open = (address: T) => !address.completed && !address.ineligible && address.lastOutcome !== 'refused';
  return {
    beyondMaximum: addresses.filter((address) => address.visits > maxVisitAttempts),
    noAttemptsLeft: addresses.filter((address) => address.visits === maxVisitAttempts && open(address)),
  };
}

/**
 * The blocks of rated statements (paired items) in which one answer makes up
 * at least `straightLiningShare` of the block's given ratings, counted when
 * the block has at least `straightLiningMinRatings` of them. "Weet niet" is no
 * rating. A block of statements runs both ways (negative contacts against
 * neighbourly help), so a resident who reads them rarely gives one answer
 * throughout; the share leaves room for a slip or two.
 */
export function straightLined(answers: AnswerDocument, instrument: Instrument, settings: QualitySettings = defaultQualitySettings): string[] {
  const perBlock = new Map<string, number[]>();
  for (const item of instrument.items) {
    if (item.kind !== 'paired') continue;
    const given = Object.values(answers[item.id] ?? {}).filter((value): value is number => typeof value === 'number');
    const list = perBlock.get(item.block) ?? [];
    list.push(...given);
    perBlock.set(item.block, list);
  }
  return [...perBlock].filter(([, ratings]) => {
    if (ratings.length < settings.straightLiningMinRatings) return false;
    const counts = new Map<number, number>();
    for (const value of ratings) counts.set(value, (counts.get(value) ?? 0) + 1);
    return Math.max(...counts.values()) >= settings.straightLiningShare * ratings.length;
  }).map(([block]) => block);
}
