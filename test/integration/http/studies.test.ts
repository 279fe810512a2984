import { describe, expect, it } from 'vitest';
import { buildTestApp, countRows, createStudyAs, studyForm } from '../../helpers/test-app';

describe('POST /studies', () => {
  it('lets a coordinator create a study with its instruments and settings', async () => {
    const { loginAs } = await buildTestApp();
    const coordinator = await loginAs('coordinator');
    const studyId = await createStudyAs(coordinator, { minReportSize: '15' });
    const page = await coordinator.agent.get(`/studies/${studyId}`).expect(200);
    expect(page.text).toContain('Buurtonderzoek Oosterpark');
    expect(page.text).toContain('Contactladder v1, Straatladder v1');
    expect(page.text).toMatch(/Minimaal aantal respondenten voor een cijfer<\/dt><dd>15/);
  });

  it('shows the form again with a Dutch message per wrong field, and stores nothing', async () => {
    const { db, loginAs } = await buildTestApp();
    const { agent, csrf } = await loginAs('coordinator');
    const response = await agent.post('/studies').type('form')
      .send({ ...studyForm({ name: '', fieldworkEnd: '2026-02-31', instruments: 'onbekend@1', minReportSize: 'tien' }), _csrf: csrf }).expect(400);
    expect(response.text).toContain('Niet alles is goed ingevuld.');
    expect(response.text).toContain('Naam van het onderzoek: Vul dit in.');
    expect(response.text).toContain('Einde veldwerk: Vul een geldige datum in (jjjj-mm-dd).');
    expect(response.text).toContain('Vragenlijsten: Deze vragenlijst bestaat niet.');
    expect(response.text).toContain('Minimaal aantal respondenten voor een cijfer: Vul een getal in.');
    expect(response.text).toContain('value="Gemeente Voorbeeldstad"');
    expect(await countRows(db, 'studies')).toBe(0);
  });

  it('says so when fieldwork ends before it starts', async () => {
    const { db, loginAs } = await buildTestApp();
    const { agent, csrf } = await loginAs('coordinator');
    const response = await agent.post('/studies').type('form').send({ ...studyForm({ fieldworkEnd: '2026-01-01' }), _csrf: csrf }).expect(400);
    expect(response.text).toContain('Einde veldwerk: Het einde ligt voor het begin van het veldwerk.');
    expect(await countRows(db, 'studies')).toBe(0);
  });

  it('answers 403 to an interviewer and a reader, and stores nothing', async () => {
    const { db, loginAs } = await buildTestApp();
    for (const role of ['interviewer', 'reader'] as const) {
      const { agent, csrf } = await loginAs(role);
      await agent.get('/studies/new').expect(403);
      const response = await agent.post('/studies').type('form').send({ ...studyForm(), _csrf: csrf }).expect(403);
      expect(response.text).toContain('U heeft geen toegang tot deze pagina.');
    }
    expect(await countRows(db, 'studies')).toBe(0);
  });
});

describe('POST /studies/:id', () => {
  it('lets the coordinator edit the study', async () => {
    const { loginAs } = await buildTestApp();
    const coordinator = await loginAs('coordinator');
    const studyId = await createStudyAs(coordinator);
    await coordinator.agent.post(`/studies/${studyId}`).type('form')
      .send({ ...studyForm({ name: 'Oosterpark, tweede meting', instruments: 'contactladder@1', maxVisitAttempts: '4' }), _csrf: coordinator.csrf }).expect(303);
    const page = await coordinator.agent.get(`/studies/${studyId}`).expect(200);
    expect(page.text).toContain('Oosterpark, tweede meting');
    expect(page.text).not.toContain('Straatladder v1');
  });

  it('makes a study the follow-up wave of an earlier one, and refuses itself, a loop or a study of someone else', async () => {
    const { db, loginAs } = await buildTestApp();
    const coordinator = await loginAs('coordinator');
    const first = await createStudyAs(coordinator, { name: 'Oosterpark 2024' });
    const form = (await coordinator.agent.get('/studies/new').expect(200)).text;
    expect(form).toMatch(/<option value="\d+" >Oosterpark 2024 \(2026\)<\/option>/);
    const second = await createStudyAs(coordinator, { name: 'Oosterpark 2026', followUpOf: String(first) });
    expect(await db.get('SELECT follow_up_of FROM studies WHERE id = ?', [second])).toEqual({ follow_up_of: first });

    const itself = await coordinator.agent.post(`/studies/${second}`).type('form').send({ ...studyForm({ followUpOf: String(second) }), _csrf: coordinator.csrf }).expect(400);
    expect(itself.text).toContain('Een onderzoek kan geen vervolgmeting van zichzelf zijn.');
    await coordinator.agent.post(`/studies/${first}`).type('form').send({ ...studyForm({ followUpOf: String(second) }), _csrf: coordinator.csrf }).expect(400);
    const other = await loginAs('coordinator');
    const foreign = await other.agent.post('/studies').type('form').send({ ...studyForm({ followUpOf: String(first) }), _csrf: other.csrf }).expect(400);
    expect(foreign.text).toContain('Kies een onderzoek waar u toegang toe heeft.');
    expect(await db.get('SELECT follow_up_of FROM studies WHERE id = ?', [first])).toEqual({ follow_up_of: null });
  });

  it('keeps a coordinator out of another coordinator\'s study', async () => {
    const { loginAs } = await buildTestApp();
    const owner = await loginAs('coordinator');
    const studyId = await createStudyAs(owner);
    const other = await loginAs('coordinator');
    await other.agent.get(`/studies/${studyId}`).expect(403);
    await other.agent.post(`/studies/${studyId}`).type('form').send({ ...studyForm({ name: 'Gekaapt' }), _csrf: other.csrf }).expect(403);
    expect((await other.agent.get('/studies')).text).not.toContain('Buurtonderzoek Oosterpark');
    expect((await owner.agent.get(`/studies/${studyId}`)).text).not.toContain('Gekaapt');
  });

  it('lets an admin open any study', async () => {
    const { loginAs } = await buildTestApp();
    const studyId = await createStudyAs(await loginAs('coordinator'));
    const admin = await loginAs('admin');
    await admin.agent.get(`/studies/${studyId}`).expect(200);
  });

  it('answers 404 for a study that does not exist or a malformed id', async () => {
    const { loginAs } = await buildTestApp();
    const { agent } = await loginAs('coordinator');
    await agent.get('/studies/999').expect(404);
    await agent.get('/studies/abc').expect(404);
  });
});

describe('/accounts', () => {
  it('lets an admin create an account with a role', async () => {
    const { loginAs } = await buildTestApp();
    const { agent, csrf } = await loginAs('admin');
    const response = await agent.post('/accounts').type('form')
      .send({ _csrf: csrf, username: 'fatima', displayName: 'Fatima Enquêteur', role: 'interviewer', password: 'veldwerk-2026!' }).expect(200);
    expect(response.text).toContain('Account fatima is aangemaakt.');
    expect(response.text).toContain('Fatima Enquêteur');
  });

  it('refuses a weak password and a taken username with a clear message', async () => {
    const { loginAs } = await buildTestApp();
    const { agent, csrf } = await loginAs('admin', 'beheer');
    const weak = await agent.post('/accounts').type('form').send({ _csrf: csrf, username: 'piet', displayName: 'Piet', role: 'reader', password: 'aaaaaaaaaaaa' }).expect(400);
    expect(weak.text).toContain('Het wachtwoord moet minstens 5 verschillende tekens bevatten.');
    const taken = await agent.post('/accounts').type('form').send({ _csrf: csrf, username: 'BEHEER', displayName: 'X', role: 'reader', password: 'veldwerk-2026!' }).expect(409);
    expect(taken.text).toContain('Er bestaat al een account met deze gegevens.');
  });

  it('is closed to coordinators', async () => {
    const { loginAs } = await buildTestApp();
    const { agent } = await loginAs('coordinator');
    await agent.get('/accounts').expect(403);
  });
});
