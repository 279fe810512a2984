/**
 * Giving a study to its readers and coordinators: add by username in a role,
 * see at once, lose at once (same session), never for an outsider; the
 * account's own role bounds its role in the study; a study keeps a coordinator.
 */
import { describe, expect, it } from 'vitest';
import { buildTestApp, createStudyAs } from '../../helpers/test-app';

async function studyOfOneCoordinator() {
  const app = await buildTestApp();
  const coordinator = await app.loginAs('coordinator', 'coordinator-anna');
  const studyId = await createStudyAs(coordinator);
  await coordinator.agent.post(`/studies/${studyId}/addresses/import`).query({ _csrf: coordinator.csrf })
    .attach('file', Buffer.from('straat,huisnummer,postcode,buurt\nRozenstraat,1,1234AB,Noord\n'), 'a.csv').expect(200);
  const addMember = (username: string, role: string) => coordinator.agent.post(`/studies/${studyId}/members`).type('form').send({ _csrf: coordinator.csrf, username, role });
  return { ...app, coordinator, studyId, addMember };
}

describe('study members', () => {
  it('lets a coordinator give a reader the study, who then sees its published reports, and take it away again at once', async () => {
    const { db, loginAs, coordinator, studyId, addMember } = await studyOfOneCoordinator();
    const reader = await loginAs('reader', 'lezer-gemeente');
    const outsider = await loginAs('reader', 'lezer-elders');
    expect((await reader.agent.get('/studies').expect(200)).text).toContain('U heeft nog geen toegang tot een onderzoek');
    await reader.agent.get(`/studies/${studyId}/reports`).expect(403);

    const added = await addMember('lezer-gemeente', 'reader').expect(200);
    expect(added.text).toContain('lezer-gemeente is lid van dit onderzoek.');
    expect(added.text).toMatch(/Test reader<\/th><td>lezer-gemeente<\/td><td>lezer<\/td>/);
    expect((await reader.agent.get('/studies').expect(200)).text).toContain('Buurtonderzoek Oosterpark');
    expect((await reader.agent.get(`/studies/${studyId}/reports`).expect(200)).text).toContain('Er zijn nog geen rapporten gepubliceerd.');

    const streetId = (await db.get<{ id: number }>('SELECT id FROM streets WHERE study_id = ?', [studyId]))!.id;
    await coordinator.agent.post(`/studies/${studyId}/reports/street/${streetId}/publish`).type('form').send({ _csrf: coordinator.csrf }).expect(303);
    const list = (await reader.agent.get(`/studies/${studyId}/reports`).expect(200)).text;
    const link = /href="(\/studies\/\d+\/published\/\d+)"/.exec(list)![1]!;
    await reader.agent.get(link).expect(200);
    // A reader of the study still cannot manage it, nor preview a report.
    await reader.agent.get(`/studies/${studyId}/reports/street/${streetId}`).expect(403);
    await outsider.agent.get(link).expect(403);
    await outsider.agent.get(`/studies/${studyId}/reports`).expect(403);

    const readerId = (await db.get<{ id: number }>("SELECT id FROM users WHERE username = 'lezer-gemeente'"))!.id;
    const removed = await coordinator.agent.post(`/studies/${studyId}/members/${readerId}/remove`).type('form').send({ _csrf: coordinator.csrf }).expect(200);
    expect(removed.text).toContain('lezer-gemeente is geen lid meer');
    // The same open session loses the study on its next request.
    await reader.agent.get(link).expect(403);
    await reader.agent.get(`/studies/${studyId}/reports`).expect(403);
    expect(await db.all('SELECT action, subject, detail FROM audit_log WHERE action LIKE ? ORDER BY id', ['member.%'])).toEqual([
      { action: 'member.added', subject: 'lezer-gemeente', detail: 'reader' },
      { action: 'member.removed', subject: 'lezer-gemeente', detail: 'reader' },
    ]);
  });

  it('adds a second coordinator who manages the study, and a coordinator account as a reader who only reads', async () => {
    const { loginAs, studyId, addMember } = await studyOfOneCoordinator();
    const colleague = await loginAs('coordinator', 'coordinator-bram');
    const onlyReading = await loginAs('coordinator', 'coordinator-cor');
    await colleague.agent.get(`/studies/${studyId}`).expect(403);
    await addMember('coordinator-bram', 'coordinator').expect(200);
    await addMember('coordinator-cor', 'reader').expect(200);
    await colleague.agent.get(`/studies/${studyId}`).expect(200);
    await colleague.agent.get(`/studies/${studyId}/members`).expect(200);
    await onlyReading.agent.get(`/studies/${studyId}`).expect(403);
    await onlyReading.agent.get(`/studies/${studyId}/exports`).expect(403);
    const page = (await onlyReading.agent.get(`/studies/${studyId}/reports`).expect(200)).text;
    expect(page).not.toContain('Voorbeeld');
    // On the list of studies, the study opens at its reports for the one who only reads it.
    expect((await onlyReading.agent.get('/studies').expect(200)).text).toContain(`href="/studies/${studyId}/reports"`);
  });

  it('says which field is wrong and changes nothing for an unknown account, a reader as coordinator, an interviewer or an admin', async () => {
    const { db, loginAs, addMember, studyId } = await studyOfOneCoordinator();
    await loginAs('reader', 'lezer-a');
    await loginAs('interviewer', 'enqueteur-a');
    await loginAs('admin', 'beheer-a');
    const before = await db.all('SELECT * FROM study_members ORDER BY user_id');
    const cases: [string, string, string][] = [
      ['niemand-bekend', 'reader', 'Er is geen account met deze gebruikersnaam.'],
      ['lezer-a', 'coordinator', 'Een lezersaccount kan alleen lezer zijn van een onderzoek.'],
      ['enqueteur-a', 'reader', 'Een enquêteur krijgt toegang via een toegewezen straat'],
      ['beheer-a', 'coordinator', 'Een beheerder ziet alle onderzoeken al.'],
      ['lezer-a', 'eigenaar', 'Kies een bestaande rol.'],
      ['', 'reader', 'Gebruikersnaam: Vul dit in.'],
    ];
    for (const [username, role, message] of cases) {
      const response = await addMember(username, role).expect(400);
      expect(response.text, `${username} as ${role}`).toContain(message);
    }
    expect(await db.all('SELECT * FROM study_members ORDER BY user_id')).toEqual(before);
    expect(await db.all("SELECT * FROM audit_log WHERE action LIKE 'member.%'")).toEqual([]);
    void studyId;
  });

  it('keeps at least one coordinator in a study', async () => {
    const { db, coordinator, studyId, addMember } = await studyOfOneCoordinator();
    const self = (await db.get<{ id: number }>("SELECT id FROM users WHERE username = 'coordinator-anna'"))!.id;
    const refused = await coordinator.agent.post(`/studies/${studyId}/members/${self}/remove`).type('form').send({ _csrf: coordinator.csrf }).expect(400);
    expect(refused.text).toContain('Een onderzoek houdt minstens één coördinator.');
    expect((await addMember('coordinator-anna', 'reader').expect(400)).text).toContain('Een onderzoek houdt minstens één coördinator.');
    expect(await db.get('SELECT role FROM study_members WHERE study_id = ? AND user_id = ?', [studyId, self])).toEqual({ role: 'coordinator' });
  });
});
