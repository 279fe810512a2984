/** Stores synthetic contactladder interviews (streets of known character) in a test database. */
import type { Instrument } from '../../src/domain/instrument';
import { insertInterview } from '../../src/storage/interviews';
import { answerDocumentOf } from '../../src/synthetic/answer-documents';
import { generateStudy, type StreetCharacter } from '../../src/synthetic/generate-study';
import { listStreets } from '../../src/storage/address-frame';
import { buildTestApp, createStudyAs, instruments } from './test-app';

const contactladder = instruments.get('contactladder', 1) as Instrument;

/** Stores interviews of the given characters and sizes on the named streets (name → street id). */
export async function storeInterviews(
  db: Parameters<typeof insertInterview>[0], studyId: number, streets: Map<string, number>, plan: [string, StreetCharacter, number][], seed = 9,
): Promise<void> {
  const synthetic = generateStudy(contactladder, { seed, neighbourhoods: [{ name: 'N', streets: plan.map(([name, character, respondents]) => ({ name, character, respondents })) }] });
  for (const [index, respondent] of synthetic.respondents.entries()) {
    const streetName = synthetic.streets[respondent.streetId - 1]!.name;
    const answers = answerDocumentOf(respondent);
    await insertInterview(db, {
      id: `interview-${seed}-${index}`, studyId, streetId: streets.get(streetName)!, respondentKey: `key-${seed}-${index}`, instrumentId: 'contactladder', instrumentVersion: 1,
      interviewerId: null, startedAt: '2026-03-02T10:00:00Z', endedAt: '2026-03-02T10:25:00Z', appVersion: 'test', answers,
    });
  }
}

/**
 * `copies` interviews with one generated resident's answers, all alike, on one street: every count of
 * the study then changes by 0 or by `copies` (the test of publishing across versions needs exactly that).
 */
let copiesStored = 0;
export async function storeCopies(
  db: Parameters<typeof insertInterview>[0], studyId: number, streetId: number, character: StreetCharacter, copies: number, seed: number,
): Promise<void> {
  const [respondent] = generateStudy(contactladder, { seed, neighbourhoods: [{ name: 'N', streets: [{ name: 'S', character, respondents: 1 }] }] }).respondents;
  for (let copy = 0; copy < copies; copy++) {
    await insertInterview(db, {
      id: `copy-${seed}-${++copiesStored}`, studyId, streetId, respondentKey: `copy-key-${seed}-${copiesStored}`, instrumentId: 'contactladder', instrumentVersion: 1,
      interviewerId: null, startedAt: '2026-03-02T10:00:00Z', endedAt: '2026-03-02T10:25:00Z', appVersion: 'test', answers: answerDocumentOf(respondent!),
    });
  }
}

/**
 * A coordinator's study with an address frame (the CSV) and interviews of the
 * given characters stored on its streets: the start of most report and export tests.
 */
export async function studyWithInterviews(frameCsv: string, plan: [string, StreetCharacter, number][]) {
  const app = await buildTestApp();
  const coordinator = await app.loginAs('coordinator');
  const studyId = await createStudyAs(coordinator);
  await coordinator.agent.post(`/studies/${studyId}/addresses/import`).query({ _csrf: coordinator.csrf }).attach('file', Buffer.from(frameCsv), 'a.csv').expect(200);
  const streets = new Map((await listStreets(app.db, studyId)).map((street) => [street.name, street.id]));
  await app.db.transaction((tx) => storeInterviews(tx, studyId, streets, plan));
  return { ...app, coordinator, studyId, streets };
}
