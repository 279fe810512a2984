import { describe, expect, it } from 'vitest';
import { analyseStoredStudy } from '../../../src/services/analysis';
import { listStreets } from '../../../src/storage/address-frame';
import { getAnalysisRevision, getStudy } from '../../../src/storage/studies';
import { storeInterviews } from '../../helpers/interviews';
import { buildTestApp, createStudyAs, instruments } from '../../helpers/test-app';

const csv = 'straat;huisnummer;postcode;buurt\n'
  + ['Rozenstraat', 'Merelstraat', 'Tulpstraat'].flatMap((street, s) => Array.from({ length: 20 }, (_, i) => `${street};${i + 1};${1234 + s}AB;Noord`)).join('\n') + '\n';

/** A coordinator's study with the three streets of `csv` imported, and the streets' ids by name. */
async function studyWithFrame() {
  const { db, loginAs } = await buildTestApp();
  const coordinator = await loginAs('coordinator');
  const studyId = await createStudyAs(coordinator);
  await coordinator.agent.post(`/studies/${studyId}/addresses/import`).query({ _csrf: coordinator.csrf }).attach('file', Buffer.from(csv), 'a.csv').expect(200);
  const streets = new Map((await listStreets(db, studyId)).map((street) => [street.name, street.id]));
  return { db, coordinator, studyId, streets };
}

describe('GET /api/studies/:id/analysis', () => {
  it('gives a coordinator the study\'s figures, with a small street merged into the smallest street with its own, and no address anywhere', async () => {
    const { db, coordinator, studyId, streets } = await studyWithFrame();
    await db.transaction((tx) => storeInterviews(tx, studyId, streets, [['Rozenstraat', 'wants-mutual-help', 15], ['Merelstraat', 'ordinary', 12], ['Tulpstraat', 'ordinary', 4]]));

    const response = await coordinator.agent.get(`/api/studies/${studyId}/analysis`).expect(200);
    const byName = Object.fromEntries(response.body.streets.map((street: { name: string }) => [street.name, street]));
    expect(response.body.study).toMatchObject({ kind: 'shown', n: 31, indicative: false });
    expect(byName.Rozenstraat.result).toMatchObject({ kind: 'shown', n: 15, indicative: true });
    expect(byName.Rozenstraat.result.figures.startingPoints.ranked.map((point: { dimension: string }) => point.dimension)).toEqual(['mutual-help']);
    // Tulpstraat (4) alone would be hidden, and Merelstraat with it; together they are one unit of 16.
    expect(byName.Tulpstraat).toMatchObject({ reportedAs: 'combined', result: { kind: 'shown', n: 16 } });
    expect(byName.Merelstraat).toMatchObject({ reportedAs: 'combined', result: { kind: 'shown', n: 16 } });
    expect(response.body.combinedUnits).toEqual([expect.objectContaining({ streetIds: [streets.get('Merelstraat'), streets.get('Tulpstraat')], host: streets.get('Merelstraat') })]);
    expect(response.text).not.toMatch(/1234AB|1235AB|1236AB|huisnummer/);
    // Response per street from the frame (20 addresses each, nobody visited yet) and the one street shown forms one type.
    expect(response.body.response.streets[streets.get('Rozenstraat')!]).toMatchObject({ addresses: 20, eligible: 20, notVisited: 20 });
    expect(response.body.streetTypes.types).toEqual([expect.objectContaining({ number: 1, streetIds: [streets.get('Rozenstraat')], strongestDimension: 'mutual-help' })]);
  });

  it('keeps a study\'s analysis until something it reads changes: new interviews, a set-aside duplicate, settings', async () => {
    const { db, studyId, streets } = await studyWithFrame();
    // Each change counted: the study's two instruments, then from the frame one neighbourhood and three streets.
    expect(await getAnalysisRevision(db, studyId)).toBe(6);
    await db.transaction((tx) => storeInterviews(tx, studyId, streets, [['Rozenstraat', 'ordinary', 12]]));
    const study = async () => (await getStudy(db, studyId))!;
    const analysed = async () => (await analyseStoredStudy(db, instruments, await study())).result;

    const first = await analysed();
    expect(await analysed()).toBe(first);
    expect(Object.isFrozen(first.streets[0])).toBe(true);

    const revision = await getAnalysisRevision(db, studyId);
    await db.transaction((tx) => storeInterviews(tx, studyId, streets, [['Rozenstraat', 'ordinary', 3]], 10));
    expect(await getAnalysisRevision(db, studyId)).toBe(revision! + 3);
    const more = await analysed();
    expect(more).not.toBe(first);
    expect(more.study).toMatchObject({ kind: 'shown', n: 15 });

    await db.run(`UPDATE interviews SET status = 'set-aside' WHERE id = 'interview-10-0'`);
    expect((await analysed()).study).toMatchObject({ kind: 'shown', n: 14 });

    // Visits are fieldwork, not answers: they leave the analysis as it is.
    const kept = await analysed();
    const addressId = (await db.get<{ id: number }>('SELECT id FROM addresses LIMIT 1'))!.id;
    await db.run(`INSERT INTO visits (id, address_id, visited_at, outcome) VALUES ('visit-0001', ?, '2026-03-02T10:00:00Z', 'not-home')`, [addressId]);
    expect(await analysed()).toBe(kept);

    await db.run('UPDATE studies SET min_report_size = 15 WHERE id = ?', [studyId]);
    expect((await analysed()).study).toEqual({ kind: 'suppressed', reason: 'below-minimum' });
  });

  it('is closed to interviewers, readers and other coordinators', async () => {
    const { loginAs } = await buildTestApp();
    const studyId = await createStudyAs(await loginAs('coordinator'));
    for (const role of ['interviewer', 'reader', 'coordinator'] as const) {
      const { agent } = await loginAs(role);
      await agent.get(`/api/studies/${studyId}/analysis`).expect(403);
    }
  });
});
