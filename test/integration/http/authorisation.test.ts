/**
 * The authorisation matrix. The table below says, for every route, who may
 * use it; the test checks that every route the app registers is in the table
 * (a new route without a rule fails here), that its guard declares exactly
 * those roles, and then sends every route a request as every kind of user and
 * checks the answer: 401 without login (or the login page, for a page),
 * 403 for a role that is not allowed or a study the user is not a member of,
 * and neither for those who may. Static files (/static, the field app's
 * scripts) are public by design and hold no data.
 */
import { createHash } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/domain/roles';
import type { Guard } from '../../../src/http/access';
import { createAccount } from '../../../src/services/accounts';
import { createReportService } from '../../../src/services/reports';
import { listStreets } from '../../../src/storage/address-frame';
import { insertInterview } from '../../../src/storage/interviews';
import { createSession } from '../../../src/storage/sessions';
import { getStudy } from '../../../src/storage/studies';
import { buildTestApp, createStudyAs, instruments, reportLanguages, projectDir, testPassword } from '../../helpers/test-app';

type Access = 'anyone' | Role[];
const everyone: Role[] = ['admin', 'coordinator', 'interviewer', 'reader'];

/** Who may use which route. Admins may also do what coordinators may (roles.ts); the table lists them explicitly. */
const matrix: Record<string, Access> = {
  'GET /': 'anyone',
  'GET /login': 'anyone',
  'POST /login': 'anyone',
  'POST /logout': everyone,
  'GET /api/session': 'anyone',
  'POST /language': 'anyone',
  'GET /accounts': ['admin'],
  'POST /accounts': ['admin'],
  'POST /accounts/:userId/status': ['admin'],
  'POST /accounts/:userId/password': ['admin'],
  'POST /accounts/:userId/release': ['admin'],
  'GET /audit': ['admin'],
  'GET /studies': ['admin', 'coordinator', 'reader'],
  'GET /studies/new': ['admin', 'coordinator'],
  'POST /studies': ['admin', 'coordinator'],
  'GET /studies/:id': ['admin', 'coordinator'],
  'GET /studies/:id/edit': ['admin', 'coordinator'],
  'POST /studies/:id': ['admin', 'coordinator'],
  'POST /studies/:id/assignments': ['admin', 'coordinator'],
  'GET /studies/:id/members': ['admin', 'coordinator'],
  'POST /studies/:id/members': ['admin', 'coordinator'],
  'POST /studies/:id/members/:userId/remove': ['admin', 'coordinator'],
  'GET /studies/:id/addresses/import': ['admin', 'coordinator'],
  'GET /studies/:id/addresses/template.csv': ['admin', 'coordinator'],
  'POST /studies/:id/addresses/import': ['admin', 'coordinator'],
  'GET /studies/:id/fieldwork': ['admin', 'coordinator'],
  'POST /studies/:id/duplicates': ['admin', 'coordinator'],
  'GET /api/studies/:id/analysis': ['admin', 'coordinator'],
  'GET /studies/:id/reports': ['admin', 'coordinator', 'reader'],
  'GET /studies/:id/reports/:kind/:unitId': ['admin', 'coordinator'],
  'GET /studies/:id/reports/:kind/:unitId/pdf': ['admin', 'coordinator'],
  'POST /studies/:id/reports/:kind/:unitId/publish': ['admin', 'coordinator'],
  'POST /studies/:id/reports/publish-all': ['admin', 'coordinator'],
  'POST /studies/:id/published/:reportId/withdraw': ['admin', 'coordinator'],
  'GET /studies/:id/published/:reportId': ['admin', 'coordinator', 'reader'],
  'GET /studies/:id/published/:reportId/pdf': ['admin', 'coordinator', 'reader'],
  'GET /studies/:id/published/:reportId/tables': ['admin', 'coordinator', 'reader'],
  'POST /studies/:id/interventions': ['admin', 'coordinator'],
  'GET /studies/:id/comments': ['admin', 'coordinator'],
  'POST /studies/:id/comments': ['admin', 'coordinator'],
  'GET /studies/:id/interviews': ['admin', 'coordinator'],
  'GET /studies/:id/interviews/:interviewId': ['admin', 'coordinator'],
  'POST /studies/:id/interviews/:interviewId/review': ['admin', 'coordinator'],
  'POST /studies/:id/interviews/approve-unflagged': ['admin', 'coordinator'],
  'GET /studies/:id/exports': ['admin', 'coordinator'],
  'GET /studies/:id/exports/tables.csv': ['admin', 'coordinator'],
  'GET /studies/:id/exports/:instrumentId/:format': ['admin', 'coordinator'],
  'GET /studies/:id/follow-ups': ['admin', 'coordinator'],
  'POST /studies/:id/follow-ups/:contactId/handled': ['admin', 'coordinator'],
  'GET /studies/:id/purge': ['admin', 'coordinator'],
  'POST /studies/:id/purge': ['admin', 'coordinator'],
  'GET /studies/:id/audit': ['admin', 'coordinator'],
  'GET /walk-list': ['interviewer'],
  'GET /api/walk-list': ['interviewer'],
  'GET /field/': ['interviewer'],
  'GET /field': ['interviewer'],
  'GET /field/sw.js': 'anyone',
  'GET /field/manifest.webmanifest': 'anyone',
  'GET /api/fieldwork': ['interviewer'],
  'POST /api/sync': ['interviewer'],
};

interface RegisteredRoute { key: string; method: string; path: string; guard?: Guard }

/** Every route of the app, with the first handler of its stack (which must be its guard). */
function registeredRoutes(app: Express): RegisteredRoute[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean>; stack: { handle: unknown }[] }; handle: { stack?: Layer[] } };
  const routes: RegisteredRoute[] = [];
  const visit = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods).filter((name) => layer.route!.methods[name])) {
          const first = layer.route.stack[0]?.handle as Guard | undefined;
          routes.push({ key: `${method.toUpperCase()} ${layer.route.path}`, method: method.toUpperCase(), path: layer.route.path, guard: first && 'allowedRoles' in first ? first : undefined });
        }
      } else if (layer.handle.stack) visit(layer.handle.stack);
    }
  };
  visit((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return routes;
}

describe('the authorisation matrix', () => {
  it('has a rule for every registered route and every route\'s guard declares exactly those roles', async () => {
    const { app } = await buildTestApp();
    const routes = registeredRoutes(app);
    expect(routes.filter((route) => !route.guard).map((route) => route.key)).toEqual([]);
    expect(routes.map((route) => route.key).sort()).toEqual(Object.keys(matrix).sort());
    for (const route of routes) {
      const declared = route.guard!.allowedRoles;
      const expected = matrix[route.key]!;
      const effective = declared === 'anyone' ? 'anyone' : [...new Set([...declared, ...(declared.includes('coordinator') ? ['admin' as const] : [])])].sort();
      expect(effective, route.key).toEqual(expected === 'anyone' ? 'anyone' : [...expected].sort());
    }
  });

  // A long walk (every route as every kind of user), not a timing: it may take longer than the default five seconds.
  it('gives every kind of user exactly the answer the matrix says, on every route', { timeout: 60_000 }, async () => {
    const { app, db, deps, loginAs } = await buildTestApp();
    const coordinator = await loginAs('coordinator');
    const studyId = await createStudyAs(coordinator);
    await coordinator.agent.post(`/studies/${studyId}/addresses/import`).query({ _csrf: coordinator.csrf })
      .attach('file', Buffer.from('straat,huisnummer,postcode,buurt\nRozenstraat,1,1234AB,Noord\n'), 'a.csv').expect(200);
    const street = (await listStreets(db, studyId))[0]!;
    await insertInterview(db, {
      id: 'interview-auth-1', studyId, streetId: street.id, respondentKey: 'key-auth-1', instrumentId: 'contactladder', instrumentVersion: 1,
      interviewerId: null, startedAt: '2026-03-02T10:00:00Z', endedAt: '2026-03-02T10:25:00Z', appVersion: 'test', answers: {},
    });
    const reports = createReportService({ db, instruments, definitions: reportLanguages, viewsDir: `${projectDir}/views`, dataDir: deps.config.dataDir });
    const reportId = await reports.publish((await getStudy(db, studyId))!, 'street', street.id, coordinator.user);
    const account = async (role: Role, member: boolean) => {
      const user = await createAccount(db, { username: `${role}-${member ? 'in' : 'out'}`, displayName: role, role, password: testPassword });
      if (member) await db.run('INSERT INTO study_members (study_id, user_id, role) VALUES (?, ?, ?)', [studyId, user.id, role === 'reader' ? 'reader' : 'coordinator']);
      return user;
    };
    const target = await account('interviewer', false);
    const actors: { name: string; role?: Role; member: boolean; userId?: number }[] = [{ name: 'nobody', member: false }];
    for (const role of everyone) {
      for (const member of role === 'admin' || role === 'interviewer' ? [true] : [true, false]) {
        actors.push({ name: `${role}${member ? '' : ' (not a member)'}`, role, member, userId: (await account(role, member)).id });
      }
    }
    const params: Record<string, string> = { id: String(studyId), kind: 'street', unitId: String(street.id), reportId: String(reportId), userId: String(target.id), instrumentId: 'contactladder', format: 'codebook', contactId: 'contact-0001', interviewId: 'interview-auth-1' };

    /** A fresh session per request, so that a logout or a disabled account does not spill over to the next request. */
    let sessions = 0;
    async function send(app: Express, route: RegisteredRoute, userId?: number) {
      const url = route.path.replace(/:(\w+)/g, (_match, name: string) => params[name]!);
      let call = route.method === 'POST' ? request(app).post(url) : request(app).get(url);
      if (userId !== undefined) {
        const token = `token-${++sessions}`;
        const csrf = `csrf-${sessions}-padding-to-length`;
        await createSession(db, createHash('sha256').update(token).digest('hex'), userId, csrf, new Date(Date.now() + 3_600_000));
        call = call.set('Cookie', `buurtladder_session=${token}`).set('X-CSRF-Token', csrf);
      }
      return call.set('Accept', route.path.startsWith('/api/') ? 'application/json' : 'text/html');
    }

    const mismatches: string[] = [];
    for (const route of registeredRoutes(app)) {
      const access = matrix[route.key]!;
      for (const actor of actors) {
        const { status } = await send(app, route, actor.userId);
        let expected: string;
        if (access === 'anyone') expected = 'not 403, not 5xx';
        else if (!actor.role) expected = route.method === 'GET' && !route.path.startsWith('/api/') ? '303' : '401';
        else if (!access.includes(actor.role)) expected = '403';
        else if (route.path.includes(':id') && !actor.member) expected = '403';
        // Allowed: a page or a redirect for a GET. A POST with an empty form gets its answer after the guard: a
        // redirect, the form's own refusal (400, 409, 422), or 404 where the form names nothing that exists
        // (the member to remove, the contact to mark; the report the admin's request withdrew just before).
        else expected = route.method === 'GET' ? '2xx or 3xx' : 'not 401/403, not 5xx';
        const ok = expected === 'not 403, not 5xx' ? status !== 403 && status < 500
          : expected === '2xx or 3xx' ? status >= 200 && status < 400
            : expected === 'not 401/403, not 5xx' ? ![401, 403].includes(status) && status < 500
              : String(status) === expected;
        if (!ok) mismatches.push(`${route.key} as ${actor.name}: ${status}, expected ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses every state-changing request of a logged-in user without the session\'s CSRF token', async () => {
    const { app, db } = await buildTestApp();
    const user = await createAccount(db, { username: 'beheer', displayName: 'Beheer', role: 'admin', password: testPassword });
    const interviewer = await createAccount(db, { username: 'jan', displayName: 'Jan', role: 'interviewer', password: testPassword });
    const posts = registeredRoutes(app).filter((route) => route.method === 'POST' && matrix[route.key] !== 'anyone');
    expect(posts.length).toBeGreaterThan(10);
    for (const route of posts) {
      const who = route.path.startsWith('/api/sync') ? interviewer : user;
      const token = `csrf-walk-${route.key}`;
      await createSession(db, createHash('sha256').update(token).digest('hex'), who.id, 'the-right-token-of-this-session', new Date(Date.now() + 3_600_000));
      const url = route.path.replace(/:\w+/g, '1');
      const missing = await request(app).post(url).set('Cookie', `buurtladder_session=${token}`).set('Accept', 'application/json').send({});
      const wrong = await request(app).post(url).set('Cookie', `buurtladder_session=${token}`).set('Accept', 'application/json').set('X-CSRF-Token', 'the-wrong-token-of-this-session!').send({});
      expect([missing.status, missing.body.error?.code, wrong.status, wrong.body.error?.code], route.key).toEqual([403, 'csrfMismatch', 403, 'csrfMismatch']);
    }
  });
});
