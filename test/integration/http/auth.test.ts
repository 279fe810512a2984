import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../src/http/app';
import { extensionDelayMs, sessionLifetimeMs } from '../../../src/http/session';
import { createAccount } from '../../../src/services/accounts';
import { buildTestApp, openTestDatabase, testPassword } from '../../helpers/test-app';

describe('POST /login', () => {
  it('logs a coordinator in and sends them to the studies', async () => {
    const { app, db } = await buildTestApp();
    await createAccount(db, { username: 'marieke', displayName: 'Marieke', role: 'coordinator', password: testPassword });
    const response = await request(app).post('/login').type('form').send({ username: 'marieke', password: testPassword }).expect(303);
    expect(response.headers.location).toBe('/studies');
    const cookie = response.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/buurtladder_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('sends an interviewer to the field app', async () => {
    const { app, db } = await buildTestApp();
    await createAccount(db, { username: 'jan', displayName: 'Jan', role: 'interviewer', password: testPassword });
    const response = await request(app).post('/login').type('form').send({ username: 'jan', password: testPassword }).expect(303);
    expect(response.headers.location).toBe('/field/');
  });

  it('refuses a wrong password with a Dutch message and no session', async () => {
    const { app, db } = await buildTestApp();
    await createAccount(db, { username: 'marieke', displayName: 'Marieke', role: 'coordinator', password: testPassword });
    const response = await request(app).post('/login').type('form').send({ username: 'marieke', password: 'verkeerd wachtwoord' }).expect(401);
    expect(response.text).toContain('Gebruikersnaam of wachtwoord klopt niet.');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('checks at most six of 200 guesses sent at once, and then makes the account wait', { timeout: 30_000 }, async () => {
    const { app, db } = await buildTestApp();
    await createAccount(db, { username: 'marieke', displayName: 'Marieke', role: 'coordinator', password: testPassword });
    const guesses = Array.from({ length: 200 }, (_, index) => (index === 199 ? testPassword : `gok ${index}`));
    const answers = await Promise.all(guesses.map((password) => request(app).post('/login').type('form').send({ username: 'marieke', password })));
    const checked = answers.filter((answer) => answer.status !== 429);
    // Five free attempts and the one that opens the first pause: every other guess is refused before its password is checked.
    expect(checked.length).toBeLessThanOrEqual(6);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(200 - checked.length);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(refused.text).toContain('Te veel mislukte inlogpogingen');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(30);
  });

  it('lets a user kept out by guesses in as soon as an admin sets a new password', { timeout: 30_000 }, async () => {
    const { app, db, loginAs } = await buildTestApp();
    const user = await createAccount(db, { username: 'marieke', displayName: 'Marieke', role: 'coordinator', password: testPassword });
    for (let attempt = 0; attempt < 8; attempt++) await request(app).post('/login').type('form').send({ username: 'marieke', password: `gok ${attempt}` });
    await request(app).post('/login').type('form').send({ username: 'marieke', password: testPassword }).expect(429);
    const admin = await loginAs('admin');
    await admin.agent.post(`/accounts/${user.id}/password`).type('form').send({ _csrf: admin.csrf, password: 'een nieuw lang geheim' }).expect(200);
    await request(app).post('/login').type('form').send({ username: 'marieke', password: 'een nieuw lang geheim' }).expect(303);
  });

  it('shows the admin which account waits after failed logins, and lifts the pause in one click', { timeout: 30_000 }, async () => {
    const { app, db, loginAs } = await buildTestApp();
    const user = await createAccount(db, { username: 'marieke', displayName: 'Marieke', role: 'coordinator', password: testPassword });
    for (let attempt = 0; attempt < 8; attempt++) await request(app).post('/login').type('form').send({ username: 'marieke', password: `gok ${attempt}` });
    const admin = await loginAs('admin');
    const page = (await admin.agent.get('/accounts').expect(200)).text;
    expect(page).toContain('actief (wacht na mislukte inlogpogingen)');
    expect(page).toContain(`action="/accounts/${user.id}/release"`);
    const lifted = await admin.agent.post(`/accounts/${user.id}/release`).type('form').send({ _csrf: admin.csrf }).expect(200);
    expect(lifted.text).toContain('Account marieke kan meteen weer inloggen.');
    expect(lifted.text).not.toContain('(wacht na mislukte inlogpogingen)');
    await request(app).post('/login').type('form').send({ username: 'marieke', password: testPassword }).expect(303);
    expect(await db.all("SELECT subject FROM audit_log WHERE action = 'account.login-pause-lifted'")).toEqual([{ subject: 'marieke' }]);
  });

  it('counts failures per client address, from X-Forwarded-For only when TRUST_PROXY is set', { timeout: 30_000 }, async () => {
    const failFrom = async (app: Parameters<typeof request>[0], forwardedFor: (index: number) => string) => {
      const statuses: number[] = [];
      for (let index = 0; index < 31; index++) {
        statuses.push((await request(app).post('/login').set('X-Forwarded-For', forwardedFor(index)).type('form').send({ username: `gebruiker${index}`, password: 'fout' })).status);
      }
      return statuses;
    };
    // Without TRUST_PROXY a made-up header changes nothing: 30 failures from this address, then it waits.
    const direct = await buildTestApp();
    expect(await failFrom(direct.app, (index) => `203.0.113.${index}`)).toEqual([...Array(30).fill(401), 429]);
    // Behind a proxy every client has its own address, so one client's failures do not keep out the others.
    const proxied = await buildTestApp({ trustProxy: '1' });
    expect(await failFrom(proxied.app, (index) => `203.0.113.${index}`)).toEqual(Array(31).fill(401));
    expect(await failFrom(proxied.app, () => '198.51.100.7')).toEqual([...Array(30).fill(401), 429]);
  });

  it('does not follow a "next" that leaves the site', async () => {
    const { app, db } = await buildTestApp();
    await createAccount(db, { username: 'marieke', displayName: 'Marieke', role: 'coordinator', password: testPassword });
    const response = await request(app).post('/login').type('form').send({ username: 'marieke', password: testPassword, next: '//evil.example/' }).expect(303);
    expect(response.headers.location).toBe('/studies');
  });
});

describe('sessions', () => {
  it('survive a server restart', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'buurtladder-')), 'db.sqlite');
    const first = await buildTestApp({ db: await openTestDatabase(file) });
    const { agent } = await first.loginAs('coordinator', 'marieke');
    const cookie = (await agent.get('/api/session')).request.cookies;
    await first.db.close();

    const second = await buildTestApp({ db: await openTestDatabase(file) });
    const response = await request(second.app).get('/api/session').set('Cookie', cookie).expect(200);
    expect(response.body.user).toMatchObject({ username: 'marieke', role: 'coordinator' });
  });

  it('move their expiry 14 days ahead once a day, several in one write', async () => {
    const { db, loginAs } = await buildTestApp();
    const first = await loginAs('interviewer');
    const second = await loginAs('interviewer');
    // Both sessions were last extended 3 days ago: 11 days left.
    const elevenDays = new Date(Date.now() + 11 * 86_400_000).toISOString();
    await db.run('UPDATE sessions SET expires_at = ?', [elevenDays]);
    const before = Date.now();
    await first.agent.get('/api/session').expect(200);
    await second.agent.get('/api/session').expect(200);

    await vi.waitFor(async () => {
      const rows = await db.all<{ expires_at: string }>('SELECT expires_at FROM sessions');
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(Date.parse(row.expires_at)).toBeGreaterThanOrEqual(before + sessionLifetimeMs);
    }, { timeout: 5 * extensionDelayMs, interval: 50 });
    const [{ n }] = await db.all<{ n: number }>('SELECT count(DISTINCT expires_at) AS n FROM sessions') as [{ n: number }];
    expect(n).toBe(1);
  });

  it('are not written to while their expiry is less than a day old', async () => {
    const { db, loginAs } = await buildTestApp();
    const fresh = await loginAs('interviewer');
    const due = await loginAs('interviewer');
    const thirteenAndAHalfDays = new Date(Date.now() + 13.5 * 86_400_000).toISOString();
    const elevenDays = new Date(Date.now() + 11 * 86_400_000).toISOString();
    const [freshRow, dueRow] = await db.all<{ token_hash: string }>('SELECT token_hash FROM sessions ORDER BY rowid') as [{ token_hash: string }, { token_hash: string }];
    await db.run('UPDATE sessions SET expires_at = ? WHERE token_hash = ?', [thirteenAndAHalfDays, freshRow.token_hash]);
    await db.run('UPDATE sessions SET expires_at = ? WHERE token_hash = ?', [elevenDays, dueRow.token_hash]);
    await fresh.agent.get('/api/session').expect(200);
    await due.agent.get('/api/session').expect(200);
    // Extensions are written together: once the due session's is written, the fresh one would have been too.
    await vi.waitFor(async () => {
      const row = await db.get<{ expires_at: string }>('SELECT expires_at FROM sessions WHERE token_hash = ?', [dueRow.token_hash]);
      expect(row!.expires_at).not.toBe(elevenDays);
    }, { timeout: 5 * extensionDelayMs, interval: 50 });
    expect((await db.get<{ expires_at: string }>('SELECT expires_at FROM sessions WHERE token_hash = ?', [freshRow.token_hash]))!.expires_at).toBe(thirteenAndAHalfDays);
  });

  it('end at logout', async () => {
    const { loginAs } = await buildTestApp();
    const { agent, csrf } = await loginAs('coordinator');
    await agent.post('/logout').type('form').send({ _csrf: csrf }).expect(303);
    expect((await agent.get('/api/session')).body).toEqual({ user: null });
    await agent.get('/studies').expect(303).expect('location', '/login?next=%2Fstudies');
  });

  it('refuse a state-changing request without the CSRF token', async () => {
    const { loginAs } = await buildTestApp();
    const { agent } = await loginAs('coordinator');
    const response = await agent.post('/logout').type('form').send({}).expect(403);
    expect(response.text).toContain('Het formulier is verlopen');
  });
});

describe('GET pages without logging in', () => {
  it('redirects a page to the login, and answers an API call with 401 JSON in Dutch', async () => {
    const { app } = await buildTestApp();
    await request(app).get('/studies/new').expect(303).expect('location', '/login?next=%2Fstudies%2Fnew');
    const response = await request(app).get('/api/walk-list').expect(401);
    expect(response.body.error).toMatchObject({ code: 'notLoggedIn', message: 'U bent niet ingelogd.' });
  });

  it('shows an unknown page as a Dutch 404 without internals', async () => {
    const { app } = await buildTestApp();
    const response = await request(app).get('/bestaat-niet').expect(404);
    expect(response.text).toContain('Niet gevonden: pagina.');
  });
});

describe('POST /language', () => {
  it('switches the interface to English and remembers it for the account', async () => {
    const { loginAs } = await buildTestApp();
    const { agent, csrf } = await loginAs('coordinator');
    await agent.post('/language').type('form').send({ _csrf: csrf, locale: 'en', next: '/studies' }).expect(303).expect('location', '/studies');
    const page = await agent.get('/studies').expect(200);
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain('New study');
  });
});

describe('a server fault', () => {
  it('answers 500 with a plain Dutch message, never the SQL error or a stack trace', async () => {
    const { db, deps } = await buildTestApp();
    const logged: unknown[] = [];
    await db.close();
    const broken = createApp({ ...deps, log: (_message, error) => logged.push(error) });
    const page = await request(broken).post('/login').type('form').send({ username: 'marieke', password: testPassword }).expect(500);
    expect(page.text).toContain('Er ging iets mis aan onze kant.');
    expect(page.text).not.toMatch(/SQLITE|Error:|at .*\.ts/);
    const api = await request(broken).get('/api/walk-list').set('Cookie', 'buurtladder_session=abc').expect(500);
    expect(api.body).toEqual({ error: { code: 'internal', message: expect.stringContaining('Er ging iets mis'), fields: [], lines: [] } });
    expect(logged.length).toBeGreaterThan(0);
  });
});
