import { describe, expect, it } from 'vitest';
import { listStreets } from '../../../src/storage/address-frame';
import { storeInterviews } from '../../helpers/interviews';
import { buildTestApp, createStudyAs } from '../../helpers/test-app';

const csv = 'straat;huisnummer;postcode;buurt\n'
  + ['Rozenstraat', 'Merelstraat', 'Tulpstraat'].flatMap((street, s) => Array.from({ length: 20 }, (_, i) => `${street};${i + 1};${1234 + s}AB;Noord`)).join('\n') + '\n';

describe('GET /api/studies/:id/analysis', () => {
  it('gives a coordinator the study\'s figures, with small streets merged and hidden and no address anywhere', async () => {
    const { db, loginAs } = await buildTestApp();
    const coordinator = await loginAs('coordinator');
    const studyId = await createStudyAs(coordinator);
    await coordinator.agent.post(`/studies/${studyId}/addresses/import`).field('_csrf', coordinator.csrf).attach('file', Buffer.from(csv), 'a.csv').expect(200);
    const streets = new Map((await listStreets(db, studyId)).map((street) => [street.name, street.id]));
    await db.transaction((tx) => storeInterviews(tx, studyId, streets, [['Rozenstraat', 'wants-mutual-help', 15], ['Merelstraat', 'ordinary', 12], ['Tulpstraat', 'ordinary', 4]]));

    const response = await coordinator.agent.get(`/api/studies/${studyId}/analysis`).expect(200);
    const byName = Object.fromEntries(response.body.streets.map((street: { name: string }) => [street.name, street]));
    expect(response.body.study).toMatchObject({ kind: 'shown', n: 31, indicative: false });
    expect(byName.Rozenstraat.result).toMatchObject({ kind: 'shown', n: 15, indicative: true });
    expect(byName.Rozenstraat.result.figures.startingPoints.ranked.map((point: { dimension: string }) => point.dimension)).toEqual(['mutual-help']);
    expect(byName.Tulpstraat).toMatchObject({ reportedAs: 'combined', result: { kind: 'suppressed', reason: 'below-minimum' } });
    expect(byName.Merelstraat.result).toEqual({ kind: 'suppressed', reason: 'complementary' });
    expect(JSON.stringify(byName.Tulpstraat)).not.toContain('figures');
    expect(response.text).not.toMatch(/1234AB|1235AB|1236AB|huisnummer/);
    // Response per street from the frame (20 addresses each, nobody visited yet) and the one street shown forms one type.
    expect(response.body.response.streets[streets.get('Rozenstraat')!]).toMatchObject({ addresses: 20, eligible: 20, notVisited: 20 });
    expect(response.body.streetTypes.types).toEqual([expect.objectContaining({ number: 1, streetIds: [streets.get('Rozenstraat')], strongestDimension: 'mutual-help' })]);
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
