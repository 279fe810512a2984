/**
 * Builds a Buurtladder app on a fresh in-memory SQLite database, with the real
 * instruments and locale files, and helpers to log in as any role.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { Role } from '../../src/domain/roles';
import { createApp, type AppDeps } from '../../src/http/app';
import { Translations } from '../../src/i18n/translate';
import { loadInstruments } from '../../src/instruments/load-instruments';
import { loadReportDefinitions } from '../../src/report-definitions/load-report-definitions';
import { createAccount } from '../../src/services/accounts';
import { Database } from '../../src/storage/db';
import { migrate } from '../../src/storage/migrate';

export const projectDir = path.resolve(import.meta.dirname, '../..');
export const instruments = loadInstruments(path.join(projectDir, 'surveys'));
// Strict: a page that asks for wording missing in both languages fails its test instead of printing the key.
export const translations = Translations.load(path.join(projectDir, 'locales'), { strict: true });
export const testPassword = 'correct horse battery';

export async function openTestDatabase(filename = ':memory:'): Promise<Database> {
  const db = await Database.open(filename);
  await migrate(db);
  return db;
}

/** The report definitions of both languages, as the server loads them. */
export const reportLanguages = loadReportDefinitions(path.join(projectDir, 'reports'), instruments);
/** The Dutch ones, for tests of one report. */
export const definitions = reportLanguages.nl;

export async function buildTestApp(options: { db?: Database; maxUploadBytes?: number; dataDir?: string; trustProxy?: string } = {}) {
  const db = options.db ?? await openTestDatabase();
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'buurtladder-test-'));
  const deps: AppDeps = {
    db, instruments, definitions: reportLanguages, translations, projectDir,
    config: { secureCookies: false, maxUploadBytes: options.maxUploadBytes ?? 2 * 1024 * 1024, dataDir, ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}) },
    log: () => undefined,
  };
  const app = createApp(deps);

  /** Creates an account with this role and returns a logged-in agent and its CSRF token. */
  async function loginAs(role: Role, username = `${role}-${Math.random().toString(36).slice(2, 8)}`) {
    const user = await createAccount(db, { username, displayName: `Test ${role}`, role, password: testPassword });
    const agent = request.agent(app);
    await agent.post('/login').type('form').send({ username, password: testPassword }).expect(303);
    const session = await agent.get('/api/session').expect(200);
    return { agent, user, csrf: session.body.csrfToken as string };
  }

  return { app, db, deps, loginAs };
}

export type LoggedIn = { agent: TestAgent; csrf: string };

/** A valid study form, to vary per test. */
export function studyForm(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Buurtonderzoek Oosterpark', commissioner: 'Gemeente Voorbeeldstad', area: 'Oosterpark',
    fieldworkStart: '2026-03-01', fieldworkEnd: '2026-04-15', instruments: ['contactladder@1', 'straatladder@1'],
    minReportSize: '10', maxVisitAttempts: '3', ...overrides,
  };
}

export async function createStudyAs({ agent, csrf }: LoggedIn, overrides: Record<string, unknown> = {}): Promise<number> {
  const response = await agent.post('/studies').type('form').send({ ...studyForm(overrides), _csrf: csrf }).expect(303);
  return Number(/\/studies\/(\d+)$/.exec(response.headers.location!)![1]);
}

export async function countRows(db: Database, table: string): Promise<number> {
  return (await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;
}
