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
    expect(response.headers['referrer-policy']).toBe('no-referrer');
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
