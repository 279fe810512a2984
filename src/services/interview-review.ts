/**
 * The coordinator's review of completed interviews (issue 16): a queue with
 * the quality flags of each interview, new and flagged ones first; one
 * interview's answers, paradata, flags and earlier decisions; and the
 * decisions themselves — approve, reject with a reason, return to the
 * interviewer with a comment — one at a time or, for new interviews without
 * a flag, all at once. What the figures count follows from the states
 * (storage/interview-review.ts, countsInFigures).
 */
import type { AnswerDocument } from '../domain/answer-document.js';
import { atNight, outsideFieldwork, straightLined, tooFast } from '../domain/interview-quality.js';
import { shortInterviews } from '../domain/response-figures.js';
import type { Study } from '../domain/study.js';
import type { InstrumentRegistry } from '../instruments/load-instruments.js';
import type { Queryable } from '../storage/db.js';
import { listReviewableInterviews, type ReviewedInterview, type ReviewState } from '../storage/interview-review.js';

export type QualityFlag = 'tooFast' | 'short' | 'atNight' | 'outsideFieldwork' | 'straightLining';

export interface FlaggedInterview extends Omit<ReviewedInterview, 'answers'> {
  minutes: number;
  flags: QualityFlag[];
}

const stateOrder: Record<ReviewState, number> = { new: 0, returned: 1, rejected: 2, approved: 3 };

/** Every interview of the study that is not set aside, with its flags: new ones first, flagged before unflagged, then as held. */
export async function flaggedInterviews(db: Queryable, study: Study, instruments: InstrumentRegistry): Promise<FlaggedInterview[]> {
  const interviews = (await listReviewableInterviews(db, study.id)).map((interview) => ({
    ...interview, minutes: (Date.parse(interview.endedAt) - Date.parse(interview.startedAt)) / 60_000,
  }));
  const instrumentOf = (interview: ReviewedInterview) => instruments.get(interview.instrumentId, interview.instrumentVersion);
  const flagged = new Map<string, Set<QualityFlag>>(interviews.map((interview) => [interview.id, new Set()]));
  const mark = (list: readonly { id: string }[], flag: QualityFlag) => { for (const interview of list) flagged.get(interview.id)!.add(flag); };
  mark(tooFast(interviews.map((interview) => ({ ...interview, questions: instrumentOf(interview)?.items.length ?? 0 }))), 'tooFast');
  mark(shortInterviews(interviews), 'short');
  mark(atNight(interviews), 'atNight');
  mark(outsideFieldwork(interviews, { start: study.fieldworkStart, end: study.fieldworkEnd }), 'outsideFieldwork');
  mark(interviews.filter((interview) => {
    const instrument = instrumentOf(interview);
    return instrument !== undefined && straightLined(JSON.parse(interview.answers) as AnswerDocument, instrument).length > 0;
  }), 'straightLining');
  const order: QualityFlag[] = ['tooFast', 'straightLining', 'short', 'atNight', 'outsideFieldwork'];
  return interviews
    .map(({ answers: _answers, ...interview }) => ({ ...interview, flags: order.filter((flag) => flagged.get(interview.id)!.has(flag)) }))
    .sort((a, b) => stateOrder[a.state] - stateOrder[b.state] || Number(b.flags.length > 0) - Number(a.flags.length > 0) || a.startedAt.localeCompare(b.startedAt));
}
