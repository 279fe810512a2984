/**
 * Inspects one small batch on the sync inspector thread and prints how many
 * records it held. Run by test/integration/sync-inspector.test.ts from a
 * folder outside the project, as a server started from elsewhere would be.
 */
import path from 'node:path';
import { loadInstruments } from '../../src/instruments/load-instruments';
import { syncInspector } from '../../src/services/sync-inspector';

// The thread does not keep the process alive on its own; the pending answer must.
const keepAlive = setTimeout(() => undefined, 30_000);
const visit = (id: string) => ({ kind: 'visit', id, studyId: 1, addressId: 1, visitedAt: '2026-03-03T18:05:00.000Z', outcome: 'not-home' });
const inspector = syncInspector(loadInstruments(path.resolve(import.meta.dirname, '../../surveys')));
const batch = await inspector.inspect(JSON.stringify({ deviceId: 'tablet-0001', records: [visit('visit-0001'), visit('visit-0002')] }));
console.log(batch.inspected.length);
clearTimeout(keepAlive);
