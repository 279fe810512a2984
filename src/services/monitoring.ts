/**
 * The coordinator's live view of fieldwork (product.md, workflow step 5):
 * progress and response per street and per interviewer, appointments due,
 * and the flags that need a look: duplicate interviews at one address,
 * interviews far shorter than usual or too fast for the questions they ask,
 * interviews outside the fieldwork period or at night, several interviews
 * ending in the same minute, visits beyond the maximum and addresses with no
 * attempt left, and records a tablet sent twice with different content.
 */
import { median } from 'simple-statistics';
import { responseFigures, shortInterviews, type ResponseFigures } from '../domain/response-figures.js';
import { atNight, outsideFieldwork, tooFast, visitLimits } from '../domain/interview-quality.js';
import type { Study } from '../domain/study.js';
import type { InstrumentRegistry } from '../instruments/load-instruments.js';
import type { Queryable } from '../storage/db.js';
import {
  countSyncConflicts, listAddressProgress, listInterviewParadata, listUnresolvedDuplicates,
  type DuplicateGroup, type InterviewParadata,
} from '../storage/monitoring.js';

export interface FieldworkMonitor {
  total: ResponseFigures;
  streets: { streetId: number; name: string; neighbourhood: string; figures: ResponseFigures }[];
  interviewers: { name: string; interviews: number; medianMinutes?: number; short: number }[];
  appointmentsDue: { address: string; at: string }[];
  duplicates: DuplicateGroup[];
  shortInterviews: InterviewParadata[];
  tooFast: InterviewParadata[];
  outsideFieldwork: InterviewParadata[];
  atNight: InterviewParadata[];
  visitsBeyondMaximum: { address: string; visits: number }[];
  noAttemptsLeft: string[];
  sameMinute: { interviewer: string; minute: string; count: number }[];
  conflicts: number;
}

/** One interview per respondent: the field app gives the instruments of one visit the same start. */
function onePerRespondent(interviews: readonly InterviewParadata[]): InterviewParadata[] {
  const seen = new Set<string>();
  return interviews.filter((interview) => {
    const key = `${interview.interviewerId}|${interview.startedAt}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Groups items by a key, keeping their order. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

export async function monitorFieldwork(db: Queryable, study: Study, instruments: InstrumentRegistry, now = new Date()): Promise<FieldworkMonitor> {
  const studyId = study.id;
  const progress = await listAddressProgress(db, studyId);
  const paradata = await listInterviewParadata(db, studyId);
  const counted = paradata.filter((interview) => interview.status === 'counted');

  const streets = [...groupBy(progress, (address) => address.streetId).values()].map((addresses) => ({
    streetId: addresses[0]!.streetId, name: addresses[0]!.streetName, neighbourhood: addresses[0]!.neighbourhood, figures: responseFigures(addresses),
  }));

  const short = shortInterviews(counted);
  const questions = (interview: InterviewParadata) => instruments.get(interview.instrumentId, interview.instrumentVersion)?.items.length ?? 0;
  const limits = visitLimits(progress, study.maxVisitAttempts);
  const addressName = (address: (typeof progress)[number]) => `${address.streetName} ${address.house} (${address.neighbourhood})`;
  // The field app gives every instrument of one interview the same start time: one start is one respondent.
  const respondents = (interviews: InterviewParadata[]) => new Set(interviews.map((interview) => interview.startedAt)).size;
  const interviewers = [...groupBy(counted, (interview) => interview.interviewer)].map(([name, interviews]) => ({
    name, interviews: respondents(interviews), medianMinutes: median(interviews.map((interview) => interview.minutes)),
    short: short.filter((interview) => interview.interviewer === name).length,
  })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  const minutes = new Map<string, { interviewer: string; minute: string; starts: Set<string> }>();
  for (const interview of counted) {
    const key = `${interview.interviewerId}|${interview.endedAt.slice(0, 16)}`;
    const entry = minutes.get(key) ?? { interviewer: interview.interviewer, minute: interview.endedAt.slice(0, 16), starts: new Set() };
    entry.starts.add(interview.startedAt);
    minutes.set(key, entry);
  }

  const soon = now.getTime() + 2 * 86_400_000;
  const appointmentsDue = progress
    .filter((address) => address.appointmentAt && !address.completed && Date.parse(address.appointmentAt) <= soon)
    .map((address) => ({ address: `${address.streetName} ${address.house} (${address.neighbourhood})`, at: address.appointmentAt! }))
    .sort((a, b) => a.at.localeCompare(b.at));

  return {
    total: responseFigures(progress), streets, interviewers, appointmentsDue,
    duplicates: await listUnresolvedDuplicates(db, studyId),
    shortInterviews: short,
    tooFast: tooFast(counted.map((interview) => ({ ...interview, questions: questions(interview) }))),
    // One line per respondent: the instruments of one visit share their start.
    outsideFieldwork: onePerRespondent(outsideFieldwork(counted, { start: study.fieldworkStart, end: study.fieldworkEnd })),
    atNight: onePerRespondent(atNight(counted)),
    visitsBeyondMaximum: limits.beyondMaximum.map((address) => ({ address: addressName(address), visits: address.visits })),
    noAttemptsLeft: limits.noAttemptsLeft.map(addressName),
    sameMinute: [...minutes.values()].filter((entry) => entry.starts.size > 1)
      .map((entry) => ({ interviewer: entry.interviewer, minute: entry.minute, count: entry.starts.size })),
    conflicts: await countSyncConflicts(db, studyId),
  };
}
