/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/services/accounts';
import { ensureAdmin } from '../../src/services/bootstrap';
import { ensureDemoStudy } from '../../src/services/demo-study';
import { addStudyMember, getStudy } from '../../src/storage/studies';
import { launchChromium, logIn, screenshotDir, startServer } from '../helpers/browser';
import { countRows, instruments, testPassword } from '../helpers/test-app';

let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;
let studyId: number;

beforeAll(async () => {
  server = await startServer();
  await ensureAdmin(server.db, { username: 'beheer', password: testPassword });
  studyId = (await ensureDemoStudy(server.db, 'beheer', new Date(), instruments)).studyId!;
  const coordinator = await createAccount(server.db, { username: 'anna', displayName: 'Anna', role: 'coordinator', password: testPassword });
  await addStudyMember(server.db, studyId, coordinator.id);
  await createAccount(server.db, { username: 'kees', displayName: 'Kees', role: 'interviewer', password: testPassword });
  const interview = (await server.db.get<{ id: string }>("SELECT id FROM interviews WHERE study_id = ? AND instrument_id = 'contactladder' LIMIT 1", [studyId]))!.id;
  await server.db.run("INSERT OR REPLACE INTO comments (interview_id, item_id, body) VALUES (?, 'closing-remarks', 'Mevrouw Bakker op nummer 8 organiseert de straatbarbecue, bel 06-11223344.')", [interview]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function pageFor(username: string, width = 1280, height = 900): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await logIn(page, server.baseUrl, username);
  return { page, errors };
}

describe('privacy and security screens in Chromium', () => {
  it('a coordinator reviews a comment, exports the data, reads the audit log and purges the address frame', async () => {
    const { page, errors } = await pageFor('anna', 800, 1280);
    await page.goto(`${server.baseUrl}/studies/${studyId}/comments`);
    const comment = () => page.locator('article', { hasText: 'straatbarbecue' });
    expect(await comment().locator('mark.flag').allTextContents()).toEqual(['Mevrouw Bakker', 'nummer 8', '06-11223344']);
    expect(await comment().getByLabel('Tekst voor het rapport').inputValue()).toBe('[…] op […] organiseert de straatbarbecue, bel […].');
    await page.screenshot({ path: path.join(screenshotDir, 'privacy-comment-review.png'), fullPage: true });
    await comment().getByRole('button', { name: 'Goedkeuren' }).click();
    await page.waitForURL(/\/comments$/);
    expect(await comment().getByRole('heading').textContent()).toContain('goedgekeurd');

    await page.goto(`${server.baseUrl}/studies/${studyId}/exports`);
    await page.screenshot({ path: path.join(screenshotDir, 'privacy-exports.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV voor Nederlandse Excel (puntkomma)' }).first().click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFrespondent;buurt;straat;versie;/);

    await page.goto(`${server.baseUrl}/studies/${studyId}/audit`);
    expect(await page.locator('table.audit-log').textContent()).toContain('gegevens geëxporteerd');

    await page.goto(`${server.baseUrl}/studies/${studyId}/purge`);
    const name = (await getStudy(server.db, studyId))!.name;
    await page.getByLabel(/Typ ter bevestiging de naam van het onderzoek/).fill(name);
    await page.screenshot({ path: path.join(screenshotDir, 'privacy-purge.png'), fullPage: true });
    await page.getByRole('button', { name: 'Adresgegevens definitief verwijderen' }).click();
    expect(await page.getByRole('status').textContent()).toMatch(/^Verwijderd: \d+ adressen/);
    expect(await countRows(server.db, 'addresses')).toBe(0);
    expect(errors).toEqual([]);
  });

  it('an admin disables an interviewer\'s account, and the interviewer is logged out at once', async () => {
    const interviewer = await pageFor('kees');
    expect(new URL(interviewer.page.url()).pathname).toBe('/field/');
    const { page, errors } = await pageFor('beheer');
    await page.goto(`${server.baseUrl}/accounts`);
    await page.locator('tr', { hasText: 'kees' }).getByRole('button', { name: 'Blokkeren' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Account kees is geblokkeerd; het is overal uitgelogd.');
    await page.screenshot({ path: path.join(screenshotDir, 'privacy-accounts.png'), fullPage: true });
    const session = await interviewer.page.request.get(`${server.baseUrl}/api/session`);
    expect((await session.json()).user).toBeNull();
    expect(errors).toEqual([]);
  });
});
