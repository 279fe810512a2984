import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp, countRows, createStudyAs, testPassword } from '../../helpers/test-app';

describe('account management by an admin', () => {
  it('disables an account: its open session ends at once and it cannot log in until enabled again', async () => {
    const { app, db, loginAs } = await buildTestApp();
    const admin = await loginAs('admin');
    const interviewer = await loginAs('interviewer', 'jan');
    await interviewer.agent.get('/api/fieldwork').expect(200);

    const page = await admin.agent.post(`/accounts/${interviewer.user.id}/status`).type('form').send({ _csrf: admin.csrf, action: 'disable' }).expect(200);
    expect(page.text).toContain('Account jan is geblokkeerd; het is overal uitgelogd.');
    await interviewer.agent.get('/api/fieldwork').expect(401);
    await request(app).post('/login').type('form').send({ username: 'jan', password: testPassword }).expect(401);

    await admin.agent.post(`/accounts/${interviewer.user.id}/status`).type('form').send({ _csrf: admin.csrf, action: 'enable' }).expect(200);
    await request(app).post('/login').type('form').send({ username: 'jan', password: testPassword }).expect(303);
    expect((await db.all<{ action: string; subject: string }>('SELECT action, subject FROM audit_log ORDER BY id')).slice(-2))
      .toEqual([{ action: 'account.disabled', subject: 'jan' }, { action: 'account.enabled', subject: 'jan' }]);
  });

  it('does not let an admin disable their own account', async () => {
    const { loginAs } = await buildTestApp();
    const admin = await loginAs('admin');
    const page = await admin.agent.post(`/accounts/${admin.user.id}/status`).type('form').send({ _csrf: admin.csrf, action: 'disable' }).expect(400);
    expect(page.text).toContain('U kunt uw eigen account niet blokkeren.');
    await admin.agent.get('/accounts').expect(200);
  });

  it('sets a new password: the old one and the old sessions stop working, the new one works', async () => {
    const { app, loginAs } = await buildTestApp();
    const admin = await loginAs('admin');
    const coordinator = await loginAs('coordinator', 'marieke');
    await admin.agent.post(`/accounts/${coordinator.user.id}/password`).type('form').send({ _csrf: admin.csrf, password: 'nieuw en sterk 2026' }).expect(200);
    await coordinator.agent.get('/studies').expect(303).expect('Location', /^\/login/);
    await request(app).post('/login').type('form').send({ username: 'marieke', password: testPassword }).expect(401);
    await request(app).post('/login').type('form').send({ username: 'marieke', password: 'nieuw en sterk 2026' }).expect(303);
  });

  it('refuses a weak password with the reason and changes nothing', async () => {
    const { app, db, loginAs } = await buildTestApp();
    const admin = await loginAs('admin');
    const coordinator = await loginAs('coordinator', 'marieke');
    const before = await countRows(db, 'audit_log');
    const short = await admin.agent.post(`/accounts/${coordinator.user.id}/password`).type('form').send({ _csrf: admin.csrf, password: 'kort' }).expect(400);
    expect(short.text).toContain('Het wachtwoord moet minstens 10 tekens hebben.');
    const withName = await admin.agent.post(`/accounts/${coordinator.user.id}/password`).type('form').send({ _csrf: admin.csrf, password: 'marieke-2026-!' }).expect(400);
    expect(withName.text).toContain('Het wachtwoord mag de gebruikersnaam niet bevatten.');
    const created = await admin.agent.post('/accounts').type('form').send({ _csrf: admin.csrf, username: 'piet', displayName: 'Piet', role: 'reader', password: 'aaaaaaaaaaaa' }).expect(400);
    expect(created.text).toContain('Het wachtwoord moet minstens 5 verschillende tekens bevatten.');
    for (const common of ['1234567890', 'qwertyuiop', 'Wachtwoord', 'password12']) {
      const page = await admin.agent.post(`/accounts/${coordinator.user.id}/password`).type('form').send({ _csrf: admin.csrf, password: common }).expect(400);
      expect(page.text, common).toContain('Dit wachtwoord staat op de lijst van meest gebruikte wachtwoorden; kies een ander.');
    }
    const withProduct = await admin.agent.post(`/accounts/${coordinator.user.id}/password`).type('form').send({ _csrf: admin.csrf, password: 'buurtladder-2026' }).expect(400);
    expect(withProduct.text).toContain('Het wachtwoord mag de naam Buurtladder niet bevatten.');
    expect(await countRows(db, 'audit_log')).toBe(before);
    await coordinator.agent.get('/studies').expect(200);
    await request(app).post('/login').type('form').send({ username: 'marieke', password: testPassword }).expect(303);
  });
});

describe('the audit log', () => {
  it('records who created, changed and imported what in a study, for its coordinator and the admins', async () => {
    const { db, loginAs } = await buildTestApp();
    const coordinator = await loginAs('coordinator');
    const studyId = await createStudyAs(coordinator);
    await coordinator.agent.post(`/studies/${studyId}/addresses/import`).query({ _csrf: coordinator.csrf })
      .attach('file', Buffer.from('straat,huisnummer,postcode,buurt\nRozenstraat,1,1234AB,Noord\n'), 'a.csv').expect(200);
    const page = await coordinator.agent.get(`/studies/${studyId}/audit`).expect(200);
    expect(page.text).toContain('onderzoek aangemaakt');
    expect(page.text).toContain('adresbestand geïmporteerd');
    expect(page.text).toContain('1 addresses');

    const other = await loginAs('coordinator');
    await other.agent.get(`/studies/${studyId}/audit`).expect(403);
    const admin = await loginAs('admin');
    expect((await admin.agent.get('/audit').expect(200)).text).toContain('onderzoek aangemaakt');
    expect(await db.all('SELECT action FROM audit_log WHERE study_id = ? ORDER BY id', [studyId]))
      .toEqual([{ action: 'study.created' }, { action: 'address-frame.imported' }]);
  });

  it('cannot be changed or deleted, not even with SQL', async () => {
    const { db, loginAs } = await buildTestApp();
    await createStudyAs(await loginAs('coordinator'));
    await expect(db.run("UPDATE audit_log SET actor_name = 'iemand anders'")).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect(await countRows(db, 'audit_log')).toBe(1);
  });
});
