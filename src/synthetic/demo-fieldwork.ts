/**
 * Fieldwork for the demo study, so that a newcomer sees monitoring, analysis
 * and reports at once: per street a share of the addresses interviewed (both
 * instruments), the rest visited without an interview or not yet visited. The
 * streets have the characters of generate-study.ts, so the demo reports show
 * a street that wants more mutual help, one with much annoyance, and one
 * where nobody wants more contact (no need). A few closing remarks, two of
 * them already reviewed, show the comment review. Seeded: always the same demo.
 */
import type { Instrument } from '../domain/instrument.js';
import type { VisitOutcome } from '../domain/sync-record.js';
import { reviewComment } from '../storage/comments.js';
import type { Queryable } from '../storage/db.js';
import { insertVisits, linkInterviewsToAddresses, type NewVisit } from '../storage/fieldwork.js';
import { insertInterviews, type NewInterview } from '../storage/interviews.js';
import { answerDocumentOf, streetLadderAnswerDocument } from './answer-documents.js';
import { generateStudy, seededRandom, type StreetCharacter } from './generate-study.js';

/** Fictitious closing remarks: as said, and (for the reviewed ones) as approved for the reports. */
const demoRemarks: { body: string; reviewed?: string }[] = [
  { body: 'Sinds de burendag groeten meer mensen elkaar. Mevrouw Jansen op nummer 4 organiseerde het.', reviewed: 'Sinds de burendag groeten meer mensen elkaar. […] organiseerde het.' },
  { body: 'Ik zou best wat vaker iets voor een buur willen doen, maar weet niet wie hulp nodig heeft.', reviewed: 'Ik zou best wat vaker iets voor een buur willen doen, maar weet niet wie hulp nodig heeft.' },
  { body: 'De overlast van de scooters is erg; bel gerust 06-12345678 als u meer wilt weten.' },
];

export interface DemoStreet {
  id: number;
  name: string;
  character: StreetCharacter;
  addressIds: number[];
  /** Share of the addresses with a completed interview. */
  completed: number;
}

export async function insertDemoFieldwork(
  tx: Queryable, studyId: number, interviewerId: number, contactladder: Instrument, straatladder: Instrument, streets: readonly DemoStreet[], today: Date,
): Promise<void> {
  const random = seededRandom(2026);
  const counts = streets.map((street) => Math.round(street.addressIds.length * street.completed));
  const synthetic = generateStudy(contactladder, {
    seed: 2026, dontKnowShare: 0.02,
    neighbourhoods: [{ name: 'demo', streets: streets.map((street, index) => ({ name: street.name, character: street.character, respondents: counts[index]! })) }],
  });
  const interviews: NewInterview[] = [];
  const visits: NewVisit[] = [];
  const links: { interviewId: string; addressId: number }[] = [];
  // Door to door in the late afternoon and evening: from 15:00 UTC (16:00 or 17:00 in Amsterdam) for four and a half hours.
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const day = (daysAgo: number, minutes: number) => new Date(midnight - daysAgo * 86_400_000 + (15 * 60 + (minutes % 270)) * 60_000).toISOString();
  let respondent = 0;
  streets.forEach((street, streetIndex) => {
    street.addressIds.forEach((addressId, addressIndex) => {
      // Every visit in a minute of its own (the monitor flags interviews ending in the same minute, and counts a
      // start as one respondent): ten days, each with the streets' addresses 7 minutes apart, rounds 45 minutes apart.
      const visitedAt = day(1 + (addressIndex % 10), Math.floor(addressIndex / 10) * 45 + streetIndex * 7);
      const visit = (outcome: VisitOutcome) => visits.push({
        id: `demo-visit-${addressId}-${outcome}`, addressId, interviewerId, visitedAt, outcome, appointmentAt: null, deviceId: 'demo-tablet', contentHash: 'demo',
      });
      if (addressIndex >= counts[streetIndex]!) {
        const roll = random();
        if (roll < 0.35) visit('not-home');
        else if (roll < 0.5) visit('refused');
        else if (roll < 0.55) visit('ineligible');
        return;
      }
      const answers = synthetic.respondents[respondent++]!;
      visit('interview');
      const contactladderAnswers = answerDocumentOf(answers);
      for (const [instrument, document] of [[contactladder, contactladderAnswers], [straatladder, streetLadderAnswerDocument(straatladder, street.character, random, 0.02)]] as const) {
        const id = `demo-${instrument.id}-${addressId}`;
        interviews.push({
          id, studyId, streetId: street.id, respondentKey: `demo-${instrument.id}-${addressId}-${Math.floor(random() * 1e9)}`,
          instrumentId: instrument.id, instrumentVersion: instrument.version, interviewerId,
          startedAt: visitedAt, endedAt: new Date(Date.parse(visitedAt) + 22 * 60_000).toISOString(), appVersion: 'demo', answers: document,
        });
        links.push({ interviewId: id, addressId });
      }
    });
  });
  const contactladderInterviews = interviews.filter((interview) => interview.instrumentId === contactladder.id);
  demoRemarks.forEach((remark, index) => { contactladderInterviews[index * 31]!.comments = { 'closing-remarks': remark.body }; });
  await insertVisits(tx, visits);
  await insertInterviews(tx, interviews);
  await linkInterviewsToAddresses(tx, links);
  for (const [index, remark] of demoRemarks.entries()) {
    if (!remark.reviewed) continue;
    await reviewComment(tx, { studyId, interviewId: contactladderInterviews[index * 31]!.id, itemId: 'closing-remarks', status: 'approved', reviewedBody: remark.reviewed, reviewerId: null });
  }
}
