import { describe, expect, it } from 'vitest';
import { listStreets } from '../../../src/storage/address-frame';
import { buildTestApp, createStudyAs } from '../../helpers/test-app';

const csv = 'straat,huisnummer,toevoeging,postcode,buurt\nRozenstraat,1,,1234AB,Noord\nRozenstraat,2,,1234AB,Noord\nRozenstraat,3,B,1234AB,Noord\nTulpstraat,7,,1234AC,Noord\n';

async function studyWithFrame() {
  const context = await buildTestApp();
  const coordinator = await context.loginAs('coordinator');
  const studyId = await createStudyAs(coordinator);
  await coordinator.agent.post(`/studies/${studyId}/addresses/import`).query({ _csrf: coordinator.csrf }).attach('file', Buffer.from(csv), 'a.csv').expect(200);
  const streets = await listStreets(context.db, studyId);
  const streetId = (name: string) => streets.find((street) => street.name === name)!.id;
  return { ...context, coordinator, studyId, streetId };
}

describe('POST /studies/:id/assignments and GET /walk-list', () => {
  it('gives an interviewer the walk list of the streets assigned to them, and nothing else', async () => {
    const { loginAs, coordinator, studyId, streetId } = await studyWithFrame();
    const interviewer = await loginAs('interviewer', 'fatima');
    const other = await loginAs('interviewer', 'kees');
    await coordinator.agent.post(`/studies/${studyId}/assignments`).type('form')
      .send({ _csrf: coordinator.csrf, streetId: streetId('Rozenstraat'), interviewerId: interviewer.user.id }).expect(303);
    await coordinator.agent.post(`/studies/${studyId}/assignments`).type('form')
      .send({ _csrf: coordinator.csrf, streetId: streetId('Tulpstraat'), interviewerId: other.user.id }).expect(303);

    const walkList = await interviewer.agent.get('/api/walk-list').expect(200);
    expect(walkList.body.streets).toHaveLength(1);
    expect(walkList.body.streets[0]).toMatchObject({ name: 'Rozenstraat', neighbourhood: 'Noord', studyId });
    expect(walkList.body.streets[0].addresses.map((address: { houseNumber: number; addition: string }) => `${address.houseNumber}${address.addition}`))
      .toEqual(['1', '3B', '2']);

    const page = await interviewer.agent.get('/walk-list').expect(200);
    expect(page.text).toContain('Rozenstraat');
    expect(page.text).not.toContain('Tulpstraat');

    const coordinatorPage = await coordinator.agent.get(`/studies/${studyId}`).expect(200);
    expect(coordinatorPage.text).toContain('Test interviewer');
  });

  it('takes a street off the walk list when it is unassigned', async () => {
    const { loginAs, coordinator, studyId, streetId } = await studyWithFrame();
    const interviewer = await loginAs('interviewer');
    const assignment = { _csrf: coordinator.csrf, streetId: streetId('Rozenstraat'), interviewerId: interviewer.user.id };
    await coordinator.agent.post(`/studies/${studyId}/assignments`).type('form').send(assignment).expect(303);
    await coordinator.agent.post(`/studies/${studyId}/assignments`).type('form').send({ ...assignment, action: 'unassign' }).expect(303);
    expect((await interviewer.agent.get('/api/walk-list')).body.streets).toEqual([]);
  });

  it('refuses to assign a street to someone who is not an interviewer, or a street of another study', async () => {
    const { loginAs, coordinator, studyId, streetId } = await studyWithFrame();
    const reader = await loginAs('reader');
    const response = await coordinator.agent.post(`/studies/${studyId}/assignments`).type('form')
      .send({ _csrf: coordinator.csrf, streetId: streetId('Rozenstraat'), interviewerId: reader.user.id }).expect(400);
    expect(response.text).toContain('Kies een actieve enquêteur.');
    const otherStudy = await createStudyAs(coordinator, { name: 'Ander onderzoek' });
    const interviewer = await loginAs('interviewer');
    await coordinator.agent.post(`/studies/${otherStudy}/assignments`).type('form')
      .send({ _csrf: coordinator.csrf, streetId: streetId('Rozenstraat'), interviewerId: interviewer.user.id }).expect(404);
    expect((await interviewer.agent.get('/api/walk-list')).body.streets).toEqual([]);
  });

  it('does not let an interviewer assign streets or open study set-up', async () => {
    const { loginAs, studyId, streetId } = await studyWithFrame();
    const interviewer = await loginAs('interviewer');
    await interviewer.agent.post(`/studies/${studyId}/assignments`).type('form')
      .send({ _csrf: interviewer.csrf, streetId: streetId('Rozenstraat'), interviewerId: interviewer.user.id }).expect(403);
    await interviewer.agent.get(`/studies/${studyId}`).expect(403);
    await interviewer.agent.get('/studies').expect(403);
    expect((await interviewer.agent.get('/api/walk-list')).body.streets).toEqual([]);
  });

  it('shows a reader no walk list and no addresses', async () => {
    const { loginAs, studyId } = await studyWithFrame();
    const reader = await loginAs('reader');
    await reader.agent.get('/walk-list').expect(403);
    await reader.agent.get('/api/walk-list').expect(403);
    await reader.agent.get(`/studies/${studyId}`).expect(403);
  });
});
