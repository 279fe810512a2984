/**
 * Fuzzing the two endpoints that take bulk input from outside: the tablets'
 * sync and the address-frame import. Random and malformed bodies, and valid
 * records with random damage, must each get a 2xx or 4xx answer, never a
 * server error; the database may change only by the records the server
 * acknowledged as stored; and the server still answers afterwards.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldworkSetUp, interview, visit } from '../../helpers/fieldwork';
import { countRows } from '../../helpers/test-app';

const damage = (record: Record<string, unknown>) => fc.oneof(
  fc.constant(record),
  fc.constantFrom(...Object.keys(record)).map((key) => { const copy = { ...record }; delete copy[key]; return copy; }),
  fc.tuple(fc.constantFrom(...Object.keys(record)), fc.anything()).map(([key, value]) => ({ ...record, [key]: value })),
  fc.tuple(fc.string(), fc.jsonValue()).map(([key, value]) => ({ ...record, [key]: value })),
);

describe('fuzzing', () => {
  it('the sync endpoint: never a server error, and only acknowledged records are stored', async () => {
    const { db, studyId, addressId, interviewer } = await fieldworkSetUp();
    const rozen = addressId('Rozenstraat', 1);
    const record = fc.oneof(
      fc.constant(null).chain(() => damage(visit(studyId, rozen))),
      fc.constant(null).chain(() => damage(interview(studyId, rozen))),
      fc.anything(),
    );
    const body = fc.oneof(
      fc.record({ deviceId: fc.oneof(fc.constant('tablet-0001'), fc.string()), records: fc.array(record, { maxLength: 8 }) }),
      fc.anything(),
    );
    let acknowledgedInAll = 0;
    let rejectedInAll = 0;
    const stored = async () => (await countRows(db, 'visits')) + (await countRows(db, 'interviews'));
    await fc.assert(fc.asyncProperty(body, async (payload) => {
      const before = await stored();
      const response = await interviewer.agent.post('/api/sync').set('x-csrf-token', interviewer.csrf).set('Content-Type', 'application/json')
        .send(JSON.stringify(payload) ?? '');
      expect([200, 400, 413]).toContain(response.status);
      const acknowledged = response.status === 200 ? (response.body.results as { status: string }[]).filter((result) => result.status === 'stored').length : 0;
      expect(await stored()).toBe(before + acknowledged);
      acknowledgedInAll += acknowledged;
      rejectedInAll += response.status === 200 ? 0 : 1;
    }), { numRuns: 80, seed: 20261126 });
    // The run exercised both sides: some records were stored, some bodies refused.
    expect(acknowledgedInAll).toBeGreaterThan(0);
    expect(rejectedInAll).toBeGreaterThan(0);

    for (const raw of ['{', '{"deviceId":', 'null', '[]', '"x"', '\u0000\u0001']) {
      const response = await interviewer.agent.post('/api/sync').set('x-csrf-token', interviewer.csrf).set('Content-Type', 'application/json').send(raw);
      expect(response.status).toBe(400);
    }
    await interviewer.agent.get('/api/fieldwork').expect(200);
  });

  it('the address-frame import: never a server error, and a rejected file changes nothing', async () => {
    const { db, studyId, coordinator } = await fieldworkSetUp();
    const goodLine = fc.tuple(fc.constantFrom('Rozenstraat', 'Nieuwe Weg', 'Kerkpad'), fc.integer({ min: 1, max: 5000 }), fc.constantFrom('1234AB', '2345 cd', '9999ZZ'), fc.constantFrom('Noord', 'Zuid'))
      .map((fields) => fields.join(';'));
    const badLine = fc.oneof(
      fc.tuple(fc.constantFrom('', '"quoted;street"', 'Rozenstraat'), fc.integer({ min: -5, max: 100_005 }), fc.constantFrom('0000AA', 'x', '1234SS'), fc.constantFrom('Noord', ''))
        .map((fields) => fields.join(';')),
      fc.string(),
    );
    const line = fc.oneof({ weight: 6, arbitrary: goodLine }, { weight: 1, arbitrary: badLine });
    const file = fc.oneof(
      fc.array(line, { minLength: 1, maxLength: 6 }).map((lines) => Buffer.from(['straat;huisnummer;postcode;buurt', ...lines].join('\n'))),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
    );
    const answers = new Set<number>();
    await fc.assert(fc.asyncProperty(file, async (bytes) => {
      const before = await countRows(db, 'addresses');
      const response = await coordinator.agent.post(`/studies/${studyId}/addresses/import`).set('Accept', 'application/json')
        .query({ _csrf: coordinator.csrf }).attach('file', bytes, 'fuzz.csv');
      expect([200, 400, 413, 422]).toContain(response.status);
      const imported = response.status === 200 ? (response.body.imported as { addresses: number }).addresses : 0;
      expect(await countRows(db, 'addresses')).toBe(before + imported);
      answers.add(response.status);
    }), { numRuns: 80, seed: 20261126 });
    expect(answers.has(200) && answers.has(422)).toBe(true);
    await coordinator.agent.get(`/studies/${studyId}`).expect(200);
  });
});
