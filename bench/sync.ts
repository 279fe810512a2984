/**
 * Sync under load (product.md target): 100 tablets each send a backlog of 50
 * contactladder interviews at once, over HTTP, to a server started here on a
 * temporary file database with the production durability settings (WAL,
 * synchronous FULL). Each tablet sends its backlog the way the field app does:
 * batches of 10, one after the other; all tablets at the same time. The
 * tablets run in a process of their own (as real tablets are other machines),
 * so their HTTP client does not share the server's event loop.
 * Two bursts: the first on a server just started (the target's case, with
 * code not yet optimised by the JavaScript engine), the second on the same
 * server once warm. Prints for each the throughput, request latency
 * percentiles as the tablets measured them, a check that exactly 5,000
 * interviews are stored, and what the server saw itself (its own p95, and
 * how fast it accepted the hundred connections: `watchServer`), and how
 * long, during the second burst, a coordinator waits for the fieldwork page
 * (opened again and again, 200 ms after each answer);
 * ends with one JSON line (the first burst's figures, the second's under `warm`).
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { quantileSorted } from 'simple-statistics';
import type { Instrument } from '../src/domain/instrument';
import { createApp } from '../src/http/app';
import { defaultAcceptors, listen } from '../src/http/listen';
import { Translations } from '../src/i18n/translate';
import { loadInstruments } from '../src/instruments/load-instruments';
import { loadReportDefinitions } from '../src/report-definitions/load-report-definitions';
import { importAddressFrame } from '../src/services/import-address-frame';
import { listStreets } from '../src/storage/address-frame';
import { assignStreet } from '../src/storage/assignments';
import { Database } from '../src/storage/db';
import { migrate } from '../src/storage/migrate';
import { createSession } from '../src/storage/sessions';
import { createStudy } from '../src/storage/studies';
import { createUser } from '../src/storage/users';
import { randomAnswerDocument } from '../src/synthetic/answer-documents';
import { seededRandom } from '../src/synthetic/generate-study';

const tablets = 100;
const interviewsPerTablet = 50;
// The field app's batch size (public/field/sync.js); BATCH=… tries another.
const batchSize = Number(process.env.BATCH ?? 10);
// How many descriptors accept connections (src/http/listen.ts); ACCEPTORS=1 shows a plain server.
const acceptors = Number(process.env.ACCEPTORS ?? defaultAcceptors);
/** How long the coordinator looks at the fieldwork page before opening it again. */
const thinkMs = 200;
const here = fileURLToPath(import.meta.url);
const projectDir = path.resolve(path.dirname(here), '..');

interface Tablet { cookie: string; csrf: string; records: unknown[] }
/** The coordinator who opens the fieldwork page while the tablets sync. */
interface Coordinator { cookie: string; path: string }

/**
 * A study with one street per tablet, each assigned to its own interviewer
 * with a session, and two backlogs per tablet for two bursts: 50 interviews
 * at the first 50 addresses of its street, then 50 at the next 50.
 */
async function prepare(db: Database, contactladder: Instrument): Promise<{ bursts: Tablet[][]; coordinator: Coordinator }> {
  const coordinatorId = await createUser(db, { username: 'bench-coordinator', displayName: 'Bench', role: 'coordinator', passwordHash: 'x' });
  const studyId = await db.transaction((tx) => createStudy(tx, {
    name: 'Bench', commissioner: 'Bench', area: 'Bench', fieldworkStart: '2026-01-01', fieldworkEnd: '2026-02-01',
    instruments: ['contactladder@1'], minReportSize: 10, maxVisitAttempts: 3,
  }, coordinatorId));
  const lines = ['straat;huisnummer;postcode;buurt'];
  for (let street = 0; street < tablets; street++) {
    for (let house = 1; house <= 2 * interviewsPerTablet; house++) lines.push(`Straat ${street};${house};${1000 + street}AB;Buurt ${street % 10}`);
  }
  await importAddressFrame(db, studyId, Buffer.from(lines.join('\n')));
  await createSession(db, createHash('sha256').update('bench-coordinator-session').digest('hex'), coordinatorId, 'bench-coordinator-csrf', new Date(Date.now() + 86_400_000));
  const coordinator = { cookie: 'buurtladder_session=bench-coordinator-session', path: `/studies/${studyId}/fieldwork` };
  const streets = await listStreets(db, studyId);
  const random = seededRandom(7);
  const bursts: Tablet[][] = [[], []];
  for (let index = 0; index < tablets; index++) {
    const interviewerId = await createUser(db, { username: `tablet-${index}`, displayName: `Tablet ${index}`, role: 'interviewer', passwordHash: 'x' });
    await assignStreet(db, streets[index]!.id, interviewerId);
    const token = `bench-session-${index}`;
    const csrf = `bench-csrf-${index}`;
    await createSession(db, createHash('sha256').update(token).digest('hex'), interviewerId, csrf, new Date(Date.now() + 86_400_000));
    const addresses = await db.all<{ id: number }>('SELECT id FROM addresses WHERE street_id = ? ORDER BY id', [streets[index]!.id]);
    const records = addresses.map((address, house) => ({
      kind: 'interview', id: `bench-${index}-${house}-interview`, studyId, addressId: address.id, instrumentId: 'contactladder', instrumentVersion: 1,
      startedAt: '2026-01-10T18:00:00.000Z', endedAt: '2026-01-10T18:25:00.000Z', appVersion: 'bench',
      answers: randomAnswerDocument(contactladder, random),
    }));
    bursts.forEach((burst, number) => burst.push({ cookie: `buurtladder_session=${token}`, csrf, records: records.slice(number * interviewsPerTablet, (number + 1) * interviewsPerTablet) }));
  }
  return { bursts, coordinator };
}

/** Runs the tablets in a child process and collects each request's latency. */
function runTablets(plan: string): Promise<{ latencies: number[]; failures: number; totalMs: number; pageLatencies: number[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, here, 'tablets', plan], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(readFileSync(`${plan}.out`, 'utf8'))) : reject(new Error(`tablets exited with ${code}`))));
  });
}

/**
 * A tablet's connection to the server: HTTP/1.1 over one kept-alive socket,
 * a request at a time, written as bytes prepared beforehand. A load
 * generator's HTTP client of its own, like wrk's: Node's client cost the
 * tablets a quarter of a core, taken from the server they measure.
 */
class TabletConnection {
  private readonly socket: Socket;
  private received: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (answer: { status: number; body: string }) => void; reject: (error: Error) => void } | undefined;

  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.on('error', (error) => this.waiting?.reject(error));
    this.socket.on('close', () => this.waiting?.reject(new Error('the server closed the connection before answering')));
  }

  /** Sends one whole request; resolves with the status and body of its answer. */
  send(request: Buffer): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(request);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
    const headEnd = this.received.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = this.received.subarray(0, headEnd).toString('latin1');
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) { this.waiting?.reject(new Error(`answer without Content-Length: ${head.split('\r\n')[0]}`)); return; }
    const end = headEnd + 4 + Number(length[1]);
    if (this.received.length < end) return;
    const answer = { status: Number(head.slice(9, 12)), body: this.received.subarray(headEnd + 4, end).toString('utf8') };
    this.received = this.received.subarray(end);
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve(answer);
  }
}

/** A POST /api/sync as the bytes a tablet sends. */
function syncRequest(url: URL, tablet: Tablet, body: string): Buffer {
  const head = [
    `POST ${url.pathname} HTTP/1.1`, `Host: ${url.host}`, `Cookie: ${tablet.cookie}`, `X-CSRF-Token: ${tablet.csrf}`,
    'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`, '', '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body, 'utf8')]);
}

/**
 * The tablets: each sends its backlog in batches, one after the other; all at
 * the same time. Real tablets are other machines: here they share the
 * server's two cores, so they do as little as they can while the clock
 * runs: the requests are written out beforehand, and each tablet connects
 * when its first request is due and keeps its connection (TabletConnection).
 */
async function sendAsTablets(plan: string): Promise<void> {
  const { url, devices, coordinator } = JSON.parse(readFileSync(plan, 'utf8')) as { url: string; devices: Tablet[]; coordinator?: Coordinator };
  const target = new URL(url);
  const backlogs = devices.map((tablet, index) => {
    const requests: Buffer[] = [];
    for (let start = 0; start < tablet.records.length; start += batchSize) {
      requests.push(syncRequest(target, tablet, JSON.stringify({ deviceId: `bench-device-${index}`, records: tablet.records.slice(start, start + batchSize) })));
    }
    return requests;
  });
  const latencies: number[] = [];
  let failures = 0;
  const sendBacklog = async (requests: Buffer[]) => {
    const began = performance.now();
    const connection = new TabletConnection(Number(target.port));
    for (const [number, request] of requests.entries()) {
      // The first request's latency includes connecting, as a tablet coming back online does.
      const sent = number === 0 ? began : performance.now();
      const { status, body } = await connection.send(request);
      latencies.push(performance.now() - sent);
      if (status !== 200 || (JSON.parse(body) as { results: { status: string }[] }).results.some((result) => result.status !== 'stored')) failures++;
    }
    connection.close();
  };
  const pageLatencies: number[] = [];
  let syncing = true;
  const openPages = async () => {
    if (!coordinator) return;
    const page = Buffer.from([`GET ${coordinator.path} HTTP/1.1`, `Host: ${target.host}`, `Cookie: ${coordinator.cookie}`, '', ''].join('\r\n'), 'latin1');
    const connection = new TabletConnection(Number(target.port));
    while (syncing) {
      const sent = performance.now();
      const { status } = await connection.send(page);
      if (status !== 200) failures++;
      pageLatencies.push(performance.now() - sent);
      // A moment to look at the page before the next click.
      await new Promise((resolve) => setTimeout(resolve, thinkMs));
    }
    connection.close();
  };
  const began = performance.now();
  const pages = openPages();
  await Promise.all(backlogs.map(sendBacklog));
  const totalMs = performance.now() - began;
  syncing = false;
  await pages;
  writeFileSync(`${plan}.out`, JSON.stringify({ latencies, failures, totalMs, pageLatencies }));
}

/**
 * What the server itself sees, to tell its own work from waiting before it:
 * when each connection was accepted, and how long each request took from
 * being read to its answer being written. Node accepts one new connection
 * per descriptor per turn of its event loop, so when a hundred tablets
 * connect to a busy server at once, the last ones wait in the kernel's queue
 * before the server reads a byte of their request (src/http/listen.ts).
 */
function watchServers(servers: readonly Server[]) {
  const seen = { acceptedAt: [] as number[], handlingMs: [] as number[], reset() { seen.acceptedAt = []; seen.handlingMs = []; } };
  for (const server of servers) {
    server.on('connection', () => seen.acceptedAt.push(performance.now()));
    server.prependListener('request', (_request, response) => {
      const began = performance.now();
      response.once('finish', () => seen.handlingMs.push(performance.now() - began));
    });
  }
  return seen;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-sync-'));
  const db = await Database.open(path.join(dir, 'bench.sqlite'));
  const instruments = loadInstruments(path.join(projectDir, 'surveys'));
  const app = createApp({
    db, instruments, definitions: loadReportDefinitions(path.join(projectDir, 'reports'), instruments), translations: Translations.load(path.join(projectDir, 'locales')), projectDir,
    config: { secureCookies: false, maxUploadBytes: 10 * 1024 * 1024, dataDir: dir },
  });
  const listening = await listen(app, { port: 0, host: '127.0.0.1', acceptors });
  const seen = watchServers(listening.servers);
  try {
    await migrate(db);
    const { bursts, coordinator } = await prepare(db, instruments.get('contactladder', 1)!);
    const url = `http://127.0.0.1:${listening.port}/api/sync`;
    const figures = [];
    for (const [number, devices] of bursts.entries()) {
      const plan = path.join(dir, `tablets-${number}.json`);
      // The first burst is the target's case, the tablets alone; during the second a coordinator opens the fieldwork page.
      writeFileSync(plan, JSON.stringify({ url, devices, ...(number === 1 ? { coordinator } : {}) }));
      // From the first request sent to the last answer received, as the tablets measured it.
      seen.reset();
      const { latencies, failures, totalMs, pageLatencies } = await runTablets(plan);
      const stored = (await db.get<{ n: number }>('SELECT count(*) AS n FROM interviews'))!.n - number * tablets * interviewsPerTablet;
      const sorted = [...latencies].sort((a, b) => a - b);
      const p = (q: number) => Math.round(quantileSorted(sorted, q));
      const perSecond = Math.round(stored / (totalMs / 1000));
      console.log(`sync, ${number === 0 ? 'first burst, on a server just started' : 'second burst, on the same server now warm'}: `
        + `${tablets} tablets × ${interviewsPerTablet} interviews in batches of ${batchSize}: ${latencies.length} requests in ${Math.round(totalMs)} ms`);
      console.log(`  stored ${stored} of ${tablets * interviewsPerTablet} (${stored === tablets * interviewsPerTablet ? 'exactly once' : 'MISMATCH'}), failed requests ${failures}`);
      console.log(`  ${perSecond} interviews/s; request latency p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms (target p95 < 250 ms)`);
      const inServer = [...seen.handlingMs].sort((a, b) => a - b);
      const serverP95 = Math.round(quantileSorted(inServer, 0.95));
      const acceptedWithinMs = Math.round(seen.acceptedAt.at(-1)! - seen.acceptedAt[0]!);
      console.log(`  of which inside the server (request read to answer written): p95 ${serverP95} ms; the ${seen.acceptedAt.length} connections were accepted within ${acceptedWithinMs} ms`);
      const pagesSorted = [...pageLatencies].sort((a, b) => a - b);
      const pageP95 = pagesSorted.length > 0 ? Math.round(quantileSorted(pagesSorted, 0.95)) : undefined;
      if (pageP95 !== undefined) {
        console.log(`  meanwhile a coordinator opened the fieldwork page ${pagesSorted.length} times: p50 ${Math.round(quantileSorted(pagesSorted, 0.5))} ms, p95 ${pageP95} ms (target p95 < 1000 ms)`);
      }
      figures.push({ stored, p50ms: p(0.5), p95ms: p(0.95), p99ms: p(0.99), perSecond, serverP95ms: serverP95, acceptedWithinMs, ...(pageP95 === undefined ? {} : { coordinatorPageP95ms: pageP95 }) });
    }
    const peakMB = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(`  rss ${peakMB} MB`);
    // The first burst is the target's case; the second shows the same load on a server that has run a while.
    console.log(JSON.stringify({ bench: 'sync', tablets, interviews: tablets * interviewsPerTablet, ...figures[0], peakMB, warm: figures[1] }));
  } finally {
    await listening.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === here && process.argv[2] === 'tablets') await sendAsTablets(process.argv[3]!);
