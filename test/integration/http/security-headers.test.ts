import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app';
import { createAccount } from '../../../src/services/accounts';
import { buildTestApp, testPassword } from '../../helpers/test-app';

describe('secure headers, cookies and limits', () => {
  it('send a content security policy without inline scripts, and the usual protective headers', async () => {
    const { app } = await buildTestApp();
    const response = await request(app).get('/login').expect(200);
    const policy = response.headers['content-security-policy']!;
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['referrer-policy']).toBe('same-origin');
  });

  it('mark the session cookie Secure, HttpOnly and SameSite when the server runs behind https', async () => {
    const { deps, db } = await buildTestApp();
    const app = createApp({ ...deps, config: { ...deps.config, secureCookies: true } });
    await createAccount(db, { username: 'marieke', displayName: 'Marieke', role: 'coordinator', password: testPassword });
    const response = await request(app).post('/login').type('form').send({ username: 'marieke', password: testPassword }).expect(303);
    const cookie = response.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('refuse bodies over their limit with 413 before reading them', async () => {
    const { loginAs } = await buildTestApp();
    const interviewer = await loginAs('interviewer');
    const huge = JSON.stringify({ deviceId: 'tablet-0001', records: [{ padding: 'x'.repeat(2.5 * 1024 * 1024) }] });
    const answer = await interviewer.agent.post('/api/sync').set('x-csrf-token', interviewer.csrf).set('Content-Type', 'application/json').send(huge).expect(413);
    expect(answer.body.error.code).toBe('fileTooLarge');
    const admin = await loginAs('admin');
    await admin.agent.post('/accounts').type('form').send({ _csrf: admin.csrf, displayName: 'x'.repeat(300 * 1024) }).expect(413);
  });
});

describe('requests from another site', () => {
  it('cannot log a visitor in, nor change anything, while the same site can', async () => {
    const { app, db, loginAs } = await buildTestApp();
    await createAccount(db, { username: 'marieke', displayName: 'Marieke', role: 'coordinator', password: testPassword });
    const login = (origin: string) => request(app).post('/login').set('Host', 'buurt.example').set('Origin', origin)
      .type('form').send({ username: 'marieke', password: testPassword });
    const forged = await login('https://kwaadwillend.example').expect(403);
    expect(forged.headers['set-cookie']).toBeUndefined();
    await login('null').expect(403);
    await login('https://buurt.example.kwaadwillend.example').expect(403);
    await login('http://buurt.example').expect(303);
    // Behind an https proxy the browser's origin is https while the server sees plain http: the host decides.
    await login('https://buurt.example').expect(303);
    // Browsers that send Sec-Fetch-Site are judged by it.
    await request(app).post('/login').set('Sec-Fetch-Site', 'cross-site').type('form').send({ username: 'marieke', password: testPassword }).expect(403);
    await request(app).post('/login').set('Sec-Fetch-Site', 'same-site').type('form').send({ username: 'marieke', password: testPassword }).expect(403);
    await request(app).post('/login').set('Sec-Fetch-Site', 'same-origin').set('Origin', 'null').type('form').send({ username: 'marieke', password: testPassword }).expect(303);

    const admin = await loginAs('admin');
    await admin.agent.post('/accounts').set('Origin', 'https://kwaadwillend.example').type('form')
      .send({ _csrf: admin.csrf, username: 'piet', displayName: 'Piet', role: 'reader', password: 'lang genoeg 123' }).expect(403);
    expect(await db.get("SELECT id FROM users WHERE username = 'piet'")).toBeUndefined();
  });
});
