/**
 * A study in fieldwork for HTTP tests: two streets, an interviewer with
 * Rozenstraat and a colleague with Tulpstraat, and builders of the records
 * a tablet sends.
 */
import type { Instrument } from '../../src/domain/instrument';
import { listStreets } from '../../src/storage/address-frame';
import { randomAnswerDocument } from '../../src/synthetic/answer-documents';
import { seededRandom } from '../../src/synthetic/generate-study';
import { buildTestApp, createStudyAs, instruments } from './test-app';

export const contactladder = instruments.get('contactladder', 1) as Instrument;
export const straatladder = instruments.get('straatladder', 1) as Instrument;
const csv = 'straat,huisnummer,postcode,buurt\nRozenstraat,1,1234AB,Noord\nRozenstraat,2,1234AB,Noord\nRozenstraat,3,1234AB,Noord\nTulpstraat,7,1234AC,Noord\n';

/** A study with two streets; the interviewer has Rozenstraat, a colleague Tulpstraat. */
export async function fieldworkSetUp(options: Parameters<typeof buildTestApp>[0] = {}) {
  const context = await buildTestApp(options);
  const coordinator = await context.loginAs('coordinator');
  const studyId = await createStudyAs(coordinator);
  await coordinator.agent.post(`/studies/${studyId}/addresses/import`).query({ _csrf: coordinator.csrf }).attach('file', Buffer.from(csv), 'a.csv').expect(200);
  const streets = await listStreets(context.db, studyId);
  const interviewer = await context.loginAs('interviewer');
  const colleague = await context.loginAs('interviewer');
  const assign = (street: string, interviewerId: number) => coordinator.agent.post(`/studies/${studyId}/assignments`).type('form')
    .send({ _csrf: coordinator.csrf, streetId: streets.find((candidate) => candidate.name === street)!.id, interviewerId }).expect(303);
  await assign('Rozenstraat', interviewer.user.id);
  await assign('Tulpstraat', colleague.user.id);
  const addresses = await context.db.all<{ id: number; street: string; house_number: number }>(
    'SELECT a.id, s.name AS street, a.house_number FROM addresses a JOIN streets s ON s.id = a.street_id ORDER BY a.id');
  const addressId = (street: string, number: number) => addresses.find((address) => address.street === street && address.house_number === number)!.id;
  const sync = (who: typeof interviewer, records: unknown[], deviceId = 'tablet-0001') =>
    who.agent.post('/api/sync').set('x-csrf-token', who.csrf).send({ deviceId, records });
  return { ...context, coordinator, interviewer, colleague, studyId, addressId, sync };
}

const random = seededRandom(42);
let counter = 0;
const nextId = (prefix: string) => `${prefix}-${String(++counter).padStart(6, '0')}`;

export function visit(studyId: number, addressId: number, overrides: Record<string, unknown> = {}) {
  return { kind: 'visit', id: nextId('visit'), studyId, addressId, visitedAt: '2026-03-03T18:05:00.000Z', outcome: 'not-home', ...overrides };
}

export function interview(studyId: number, addressId: number, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'interview', id: nextId('interview'), studyId, addressId, instrumentId: 'contactladder', instrumentVersion: 1,
    startedAt: '2026-03-03T18:10:00.000Z', endedAt: '2026-03-03T18:34:00.000Z', appVersion: 'test-1',
    answers: randomAnswerDocument(contactladder, random), comments: { 'closing-remarks': 'Fijne straat, maar weinig contact.' }, ...overrides,
  };
}

