import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Problem } from '../../../src/domain/errors';
import { inspectBatch, recordAsSent } from '../../../src/domain/sync-inspection';
import { contentHash, syncRecordSchema } from '../../../src/domain/sync-record';
import { loadInstruments } from '../../../src/instruments/load-instruments';
import { randomAnswerDocument } from '../../../src/synthetic/answer-documents';
import { seededRandom } from '../../../src/synthetic/generate-study';

const instruments = loadInstruments(path.resolve(import.meta.dirname, '../../../surveys'));
const instrumentOf = (id: string, version: number) => instruments.get(id, version);
const contactladder = instruments.get('contactladder', 1)!;

const interview = (overrides: Record<string, unknown> = {}) => ({
  kind: 'interview', id: 'interview-0001', studyId: 1, addressId: 7, instrumentId: 'contactladder', instrumentVersion: 1,
  startedAt: '2026-03-03T18:10:00.000Z', endedAt: '2026-03-03T18:34:00.000Z', appVersion: 'test-1',
  answers: randomAnswerDocument(contactladder, seededRandom(3)), ...overrides,
});
const visit = { kind: 'visit', id: 'visit-0001', studyId: 1, addressId: 7, visitedAt: '2026-03-03T18:05:00.000Z', outcome: 'not-home' };

describe('inspecting a sync batch', () => {
  it('reads the JSON text, and hashes each record as the tablet sent it (and as read, for records stored before)', () => {
    const record = interview();
    const batch = inspectBatch(JSON.stringify({ deviceId: 'tablet-0001', records: [visit, record] }), instrumentOf);
    expect(batch.deviceId).toBe('tablet-0001');
    expect(batch.inspected.length + batch.malformed.length).toBe(2);
    expect(batch.malformed).toEqual([]);
    expect(batch.inspected.map(({ index, instrumentKnown, answerIssue }) => ({ index, instrumentKnown, answerIssue })))
      .toEqual([{ index: 0, instrumentKnown: true, answerIssue: undefined }, { index: 1, instrumentKnown: true, answerIssue: undefined }]);
    expect(batch.inspected[1]!.hash).toBe(contentHash(record));
    // What a server before this one stored: the fingerprint of the record as read, which the record still gives.
    expect(contentHash(recordAsSent(batch.inspected[1]!.record))).toBe(contentHash(syncRecordSchema.parse(record)));
    // The answers leave as the JSON text that is stored.
    expect(batch.inspected[1]!.record).toMatchObject({ id: 'interview-0001', answersJson: JSON.stringify(record.answers) });
    expect(batch.inspected[1]!.record).not.toHaveProperty('answers');
    // And come back as the record the tablet sent (what a conflict keeps).
    expect(recordAsSent(batch.inspected[1]!.record)).toEqual(syncRecordSchema.parse(record));
    // The same content with its keys in another order is the same record.
    const reordered = Object.fromEntries(Object.entries(record).reverse());
    expect(inspectBatch({ deviceId: 'tablet-0001', records: [reordered] }, instrumentOf).inspected[0]!.hash).toBe(batch.inspected[1]!.hash);
  });

  it('gives every record the fingerprint an earlier server took of it as read, also where it reads otherwise than sent', () => {
    const withoutComments: Record<string, unknown> = { ...interview({ id: 'interview-0004' }) };
    delete withoutComments.comments;
    const records = [visit, interview({ id: 'interview-0005', comments: {} }), withoutComments,
      interview({ id: 'interview-0006', comments: {}, followUp: { name: ' Els ', phone: '06-1' } }),
      interview({ id: 'interview-0007', comments: { 'closing-remarks': 'Fijn' }, followUp: { name: 'Els', phone: '06-1', email: 'e@x.nl' } })];
    const batch = inspectBatch({ deviceId: 'tablet-0001', records }, instrumentOf);
    expect(batch.malformed).toEqual([]);
    batch.inspected.forEach((entry, index) => {
      expect(entry.hash).toBe(contentHash(records[index]));
      expect(contentHash(recordAsSent(entry.record))).toBe(contentHash(syncRecordSchema.parse(records[index])));
    });
    expect(batch.inspected.map((entry) => entry.hash === contentHash(recordAsSent(entry.record)))).toEqual([true, true, false, false, true]);
  });

  it('marks a record with a wrong shape, answer or instrument, and keeps the others', () => {
    const outOfScale = interview({ id: 'interview-0002', answers: { ...interview().answers, 'knock-for-help': { actual: 9, desired: 3, importance: 3 } } });
    const batch = inspectBatch({ deviceId: 'tablet-0001', records: [{ kind: 'visit', id: 'x' }, outOfScale, interview({ id: 'interview-0003', instrumentVersion: 7 }), visit] }, instrumentOf);
    expect(batch.malformed).toEqual([{ index: 0, id: 'x', reason: 'invalidId', field: 'id' }]);
    expect(batch.inspected.map(({ index, record, instrumentKnown, answerIssue }) => [index, record.id, instrumentKnown, answerIssue])).toEqual([
      [1, 'interview-0002', true, { field: 'answers.knock-for-help.actual', reason: 'outOfScale' }],
      [2, 'interview-0003', false, undefined],
      [3, 'visit-0001', true, undefined],
    ]);
  });

  it('refuses a batch that is not JSON, has no device id or holds too many records', () => {
    const problemOf = (body: unknown) => {
      try {
        inspectBatch(body, instrumentOf);
      } catch (error) {
        return error instanceof Problem ? error.code : error;
      }
      return 'accepted';
    };
    expect(problemOf('{"deviceId": "tablet-0001", "records": [')).toBe('malformedRequest');
    expect(problemOf(undefined)).toBe('invalidInput');
    expect(problemOf({ records: [] })).toBe('invalidInput');
    expect(problemOf({ deviceId: 'tablet-0001', records: Array.from({ length: 101 }, () => visit) })).toBe('batchTooLarge');
    expect(problemOf({ deviceId: 'tablet-0001', records: Array.from({ length: 100 }, () => visit) })).toBe('accepted');
  });
});
