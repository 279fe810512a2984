/**
 * Injection attempts: SQL in every text field and HTML or script in names,
 * notes and comments are stored as the text they are and shown escaped.
 */
import { describe, expect, it } from 'vitest';
import { listStreets } from '../../../src/storage/address-frame';
import { buildTestApp, countRows, createStudyAs } from '../../helpers/test-app';

const sql = "x'); DROP TABLE studies; --";
const script = '<script>alert("buurt")</script>';
const image = '<img src=x onerror=alert(1)>';
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');

describe('injection attempts', () => {
  it('are stored as text and every page shows them escaped', async () => {
    const { db, loginAs } = await buildTestApp();
    const admin = await loginAs('admin');
    await admin.agent.post('/accounts').type('form').send({ _csrf: admin.csrf, username: 'jan.e', displayName: `${script} ${sql}`, role: 'interviewer', password: 'lang genoeg 123' }).expect(200);
    const interviewerId = (await db.get<{ id: number }>("SELECT id FROM users WHERE username = 'jan.e'"))!.id;

    const coordinator = await loginAs('coordinator');
    const studyId = await createStudyAs(coordinator, { name: `${script} ${sql}`, commissioner: sql, area: image });
    const street = `${image}straat`;
    const neighbourhood = `Buurt ${sql}`;
    const csv = `straat;huisnummer;postcode;buurt\n"${street}";1;1234AB;"${neighbourhood}"\n"${street}";2;1234AB;"${neighbourhood}"\n`;
    await coordinator.agent.post(`/studies/${studyId}/addresses/import`).query({ _csrf: coordinator.csrf }).attach('file', Buffer.from(csv), 'a.csv').expect(200);
    const [stored] = await listStreets(db, studyId);
    expect([stored!.name, stored!.neighbourhood]).toEqual([street, neighbourhood]);
    await coordinator.agent.post(`/studies/${studyId}/assignments`).type('form').send({ _csrf: coordinator.csrf, streetId: stored!.id, interviewerId }).expect(303);
    await coordinator.agent.post(`/studies/${studyId}/interventions`).type('form')
      .send({ _csrf: coordinator.csrf, streetId: stored!.id, kind: 'workshop', heldOn: '2026-05-01', note: `${script} ${sql}` }).expect(303);

    expect(await countRows(db, 'studies')).toBe(1);
    expect((await db.get<{ name: string }>('SELECT name FROM studies'))!.name).toBe(`${script} ${sql}`);
    const pages = [
      '/studies', `/studies/${studyId}`, `/studies/${studyId}/reports`, `/studies/${studyId}/reports/street/${stored!.id}`,
      `/studies/${studyId}/fieldwork`, `/studies/${studyId}/audit`, `/studies/${studyId}/comments`, `/studies/${studyId}/exports`,
    ];
    for (const page of pages) {
      const html = (await coordinator.agent.get(page).expect(200)).text;
      expect(html, page).not.toContain(script);
      expect(html, page).not.toContain(image);
    }
    const studyPage = (await coordinator.agent.get(`/studies/${studyId}`)).text;
    expect(studyPage).toContain(escaped(script));
    expect(studyPage).toContain(escaped(street));
    const accounts = (await admin.agent.get('/accounts').expect(200)).text;
    expect(accounts).not.toContain(script);
    expect(accounts).toContain(escaped(script));
  });
});
