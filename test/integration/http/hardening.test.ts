/**
 * Inputs that used to take the server down or answer 500 (issue 19): each gets
 * a 4xx with the line or the reason and changes nothing; an upload costs the
 * server only what it keeps. Upload time and memory are measured in
 * bench/import.ts, not here.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fieldworkSetUp, interview } from '../../helpers/fieldwork';
import { buildTestApp, countRows, createStudyAs } from '../../helpers/test-app';

const header = 'straat;huisnummer;postcode;buurt\n';

async function setUp() {
  const context = await buildTestApp({ maxUploadBytes: 20 * 1024 * 1024 });
  const coordinator = await context.loginAs('coordinator');
  const studyId = await createStudyAs(coordinator);
  const upload = (content: Buffer) => coordinator.agent.post(`/studies/${studyId}/addresses/import`)
    .query({ _csrf: coordinator.csrf }).set('Accept', 'application/json').attach('file', content, 'adressen.csv');
  return { ...context, coordinator, studyId, upload };
}

describe('address files of every shape', () => {
  it('stops at 500 bad lines of a file of two million lines of ";" and stores nothing', { timeout: 30_000 }, async () => {
    const { upload, db } = await setUp();
    const response = await upload(Buffer.from(header + ';\n'.repeat(2_097_152))).expect(422);
    const lines = response.body.error.lines as { line: number; message: string }[];
    expect(lines).toHaveLength(500);
    expect(lines[0]).toMatchObject({ line: 2, message: 'Deze regel heeft 2 kolommen; dat klopt niet met de kolomnamen.' });
    expect(lines.at(-1)!.line).toBe(501);
    expect(await countRows(db, 'addresses')).toBe(0);
  });

  it('names the line that is far too long in 15 MB without a line break, in the header or after it', { timeout: 30_000 }, async () => {
    const { upload, db } = await setUp();
    const afterHeader = await upload(Buffer.from(header + 'a;'.repeat(7_500_000))).expect(422);
    expect(afterHeader.body.error.lines).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('langer dan 4096 tekens') })]);
    const inHeader = await upload(Buffer.from('straat;'.repeat(2_000_000))).expect(422);
    expect(inHeader.body.error.lines).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('langer dan 4096 tekens') })]);
    expect(await countRows(db, 'addresses')).toBe(0);
  });

  it('imports a large good file of 50,000 addresses', { timeout: 60_000 }, async () => {
    const { upload, db } = await setUp();
    const rows = Array.from({ length: 50_000 }, (_, index) => `Dorpsstraat ${index % 97};${1 + Math.floor(index / 97)};${1000 + (index % 97)}AB;Buurt ${(index % 97) % 7}`);
    const response = await upload(Buffer.from(header + rows.join('\n'))).expect(200);
    expect(response.body.imported).toEqual({ addresses: 50_000, streets: 97, neighbourhoods: 7, ignoredColumns: [] });
    expect(await countRows(db, 'addresses')).toBe(50_000);
  });

  it('answers a malformed multipart body with 400, not 500', async () => {
    const { app, coordinator, studyId } = await setUp();
    const response = await request.agent(app)
      .post(`/studies/${studyId}/addresses/import?_csrf=${encodeURIComponent(coordinator.csrf)}`)
      .set('Cookie', (await coordinator.agent.get('/api/session')).request.cookies)
      .set('Content-Type', 'multipart/form-data; boundary=XYZ')
      .send('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nstraat;huisnummer\r\n');
    expect(response.status).toBe(400);
  });
});

describe('an upload nobody may make', () => {
  it('is answered before its body is read: logged out, or to a path that does not exist', async () => {
    const { app, studyId } = await setUp();
    const server = app.listen(0);
    try {
      const { port } = server.address() as AddressInfo;
      for (const path of [`/studies/${studyId}/addresses/import`, '/does/not/exist']) {
        // A 19 MB upload of which only the first kilobyte is sent: an answer can only come before the body is read.
        const status = await new Promise<number>((resolve, reject) => {
          const request = http.request({ port, path, method: 'POST', headers: {
            'Content-Type': 'multipart/form-data; boundary=XYZ', 'Content-Length': String(19 * 1024 * 1024),
          } }, (response) => { resolve(response.statusCode!); response.resume(); request.destroy(); });
          request.on('error', reject);
          request.write(`--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${'x'.repeat(1024)}`);
        });
        expect([303, 401, 403, 404]).toContain(status);
      }
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('bodies a parser refuses', () => {
  it('answers a sync whose body does not match its Content-Encoding with 400, and a form of 600 fields too', async () => {
    const { loginAs, db } = await setUp();
    const interviewer = await loginAs('interviewer');
    const sync = await interviewer.agent.post('/api/sync').set('X-CSRF-Token', interviewer.csrf)
      .set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{"records":[]}');
    expect(sync.status).toBe(400);
    expect(sync.body.error.message).toBe('Het verzoek kon niet worden gelezen.');
    const coordinator = await loginAs('coordinator');
    const before = await countRows(db, 'studies');
    const fields = [...Array.from({ length: 600 }, (_, index) => `field${index}=x`), `_csrf=${coordinator.csrf}`].join('&');
    const form = await coordinator.agent.post('/studies').set('Content-Type', 'application/x-www-form-urlencoded').send(fields);
    expect(form.status).toBe(400);
    expect(form.text).toContain('Het verzoek kon niet worden gelezen.');
    expect(await countRows(db, 'studies')).toBe(before);
  });
});

describe('what a browser may keep', () => {
  it('keeps no copy of a page or answer that carries addresses or answers', async () => {
    const { coordinator, interviewer, studyId, app } = await fieldworkSetUp();
    for (const [who, url] of [
      [interviewer, '/walk-list'], [interviewer, '/api/walk-list'], [interviewer, '/api/fieldwork'],
      [coordinator, `/studies/${studyId}`], [coordinator, `/studies/${studyId}/fieldwork`], [coordinator, `/api/studies/${studyId}/analysis`],
    ] as const) {
      const response = await who.agent.get(url).expect(200);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    // The stylesheet carries nothing personal and may be kept for an hour.
    expect((await request(app).get('/static/app.css')).headers['cache-control']).toBe('public, max-age=3600');
  });
});

describe('a record the database refuses', () => {
  it('is rejected on its own, as a taken id when a UNIQUE constraint refused it, and the rest of the batch is stored', async () => {
    const { db, interviewer, studyId, addressId, sync } = await fieldworkSetUp();
    const batch = [0, 1, 2].map((index) => interview(studyId, addressId('Rozenstraat', 1 + index)));
    // The database refuses the second interview as a UNIQUE constraint would (a trigger raises the same error).
    await db.exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON interviews WHEN NEW.id = '${batch[1]!.id}'
      BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: interviews.respondent_key'); END`);
    const answer = await sync(interviewer, batch).expect(200);
    expect(answer.body.results.map((result: { status: string; reason?: string }) => result.reason ?? result.status)).toEqual(['stored', 'idTaken', 'stored']);
    expect(await countRows(db, 'interviews')).toBe(2);
  });

  it('fails the whole batch on an error that is no refusal, so that the tablet keeps every record to send again', async () => {
    const { db, interviewer, studyId, addressId, sync } = await fieldworkSetUp();
    const batch = [0, 1].map((index) => interview(studyId, addressId('Rozenstraat', 1 + index)));
    // An error of the database itself (an integer overflow), not a constraint: before, it was answered as one refused record.
    await db.exec(`CREATE TRIGGER break_one BEFORE INSERT ON interviews WHEN NEW.id = '${batch[1]!.id}' BEGIN SELECT abs(-9223372036854775807 - 1); END`);
    const answer = await sync(interviewer, batch);
    expect(answer.status).toBe(500);
    expect(await countRows(db, 'interviews')).toBe(0);
    await db.exec('DROP TRIGGER break_one');
    expect((await sync(interviewer, batch).expect(200)).body.results.map((result: { status: string }) => result.status)).toEqual(['stored', 'stored']);
  });
});

describe('a full disk', () => {
  it('is said as what it is, in Dutch (507), stores nothing, and the same batch is stored once there is room', async () => {
    const { db, interviewer, studyId, addressId, sync } = await fieldworkSetUp();
    const { page_count: pages } = (await db.get<{ page_count: number }>('PRAGMA page_count'))!;
    // SQLite answers SQLITE_FULL once the database may not grow: a full disk, as the server meets it.
    await db.exec(`PRAGMA max_page_count = ${pages}`);
    const batch = Array.from({ length: 20 }, (_, index) => interview(studyId, addressId('Rozenstraat', 1 + (index % 3)), { comments: { 'closing-remarks': 'Fijne straat. '.repeat(60) } }));
    const full = await sync(interviewer, batch);
    expect(full.status, JSON.stringify(full.body).slice(0, 300)).toBe(507);
    expect(full.body.error.message).toContain('de schijf is vol');
    expect(await countRows(db, 'interviews')).toBe(0);
    await db.exec('PRAGMA max_page_count = 1073741823');
    const stored = await sync(interviewer, batch).expect(200);
    expect(stored.body.results.every((result: { status: string }) => result.status === 'stored')).toBe(true);
    expect(await countRows(db, 'interviews')).toBe(20);
  });
});
