/// <reference lib="dom" />
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/services/accounts';
import { ensureAdmin } from '../../src/services/bootstrap';
import { ensureDemoStudy } from '../../src/services/demo-study';
import { addStudyMember } from '../../src/storage/studies';
import { launchChromium, logIn, screenshotDir, startServer } from '../helpers/browser';
import { instruments, testPassword } from '../helpers/test-app';

let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;
let studyId: number;

beforeAll(async () => {
  server = await startServer();
  await ensureAdmin(server.db, { username: 'admin' });
  studyId = (await ensureDemoStudy(server.db, 'admin', new Date(), instruments)).studyId!;
  const anna = await createAccount(server.db, { username: 'anna', displayName: 'Anna', role: 'coordinator', password: testPassword });
  await addStudyMember(server.db, studyId, anna.id, 'coordinator');
  // Ruud has an account but not yet the study: the admin gives it to him in the test.
  await createAccount(server.db, { username: 'ruud', displayName: 'Ruud Lezer', role: 'reader', password: testPassword });
  await createAccount(server.db, { username: 'beheer', displayName: 'Beheer', role: 'admin', password: testPassword });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  return errors;
}

describe('reports in Chromium', () => {
  it('an admin gives a reader the study; a coordinator previews a street report and publishes it; the reader on a tablet reads it', async () => {
    const admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(admin, server.baseUrl, 'beheer');
    await admin.goto(`${server.baseUrl}/studies/${studyId}`);
    await admin.getByRole('link', { name: 'Leden' }).click();
    await admin.getByLabel('Gebruikersnaam').fill('ruud');
    await admin.getByLabel('Rol in dit onderzoek').selectOption('reader');
    await admin.getByRole('button', { name: 'Toevoegen' }).click();
    await expect.poll(() => admin.getByRole('status').textContent()).toContain('ruud is lid van dit onderzoek.');
    expect(await admin.getByRole('row', { name: /Ruud Lezer/ }).textContent()).toContain('lezer');
    await admin.screenshot({ path: path.join(screenshotDir, 'study-members.png'), fullPage: true });

    const coordinator = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const coordinatorErrors = watchConsole(coordinator);
    await logIn(coordinator, server.baseUrl, 'anna');
    await coordinator.goto(`${server.baseUrl}/studies/${studyId}/reports`);
    await coordinator.screenshot({ path: path.join(screenshotDir, 'reports-page-coordinator.png'), fullPage: true });
    await coordinator.getByRole('row', { name: /^Rozenstraat/ }).getByRole('link', { name: 'Voorbeeld' }).click();
    expect(await coordinator.getByRole('heading', { level: 1 }).textContent()).toBe('Straatrapport: Rozenstraat (Bloemenbuurt (demo))');
    await coordinator.screenshot({ path: path.join(screenshotDir, 'report-street-preview.png'), fullPage: true });
    await coordinator.getByRole('button', { name: 'Publiceren voor lezers' }).click();
    await coordinator.waitForURL(/\/reports#published$/);
    expect(coordinatorErrors).toEqual([]);

    const reader = await browser.newPage({ viewport: { width: 800, height: 1280 } });
    const readerErrors = watchConsole(reader);
    await logIn(reader, server.baseUrl, 'ruud');
    await reader.goto(`${server.baseUrl}/studies/${studyId}/reports`);
    expect(await reader.getByRole('link', { name: 'Voorbeeld' }).count()).toBe(0);
    await reader.getByRole('link', { name: /Straatrapport: Rozenstraat/ }).click();
    // The page after the click: wait for its heading, then look.
    await reader.getByRole('heading', { name: 'Aangrijpingspunten en aanbevolen methoden' }).waitFor();
    expect(await reader.getByRole('heading', { name: 'Buurthulpmethoden' }).isVisible()).toBe(true);
    // Charts are server-made SVG with a text alternative; the page needs no script and does not scroll sideways.
    expect(await reader.locator('figure.chart [role="img"]').count()).toBeGreaterThanOrEqual(2);
    expect(await reader.locator('script').count()).toBe(0);
    expect(await reader.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await reader.screenshot({ path: path.join(screenshotDir, 'report-street-reader-tablet.png'), fullPage: true });

    // The reader switches to English on the reports page and reads the same report in English.
    await reader.goto(`${server.baseUrl}/studies/${studyId}/reports`);
    await reader.getByRole('button', { name: 'English' }).click();
    await reader.getByRole('link', { name: /Straatrapport: Rozenstraat|Street report: Rozenstraat/ }).click();
    // The report page, not the list it came from: wait for it before reading its headings.
    await reader.waitForURL(/\/published\/\d+$/);
    await reader.getByRole('heading', { name: 'Starting points and recommended methods' }).waitFor();
    expect(await reader.getByRole('heading', { level: 1 }).textContent()).toBe('Street report: Rozenstraat (Bloemenbuurt (demo))');
    expect(await reader.getByRole('link', { name: '← All reports of this study' }).isVisible()).toBe(true);
    expect(await reader.evaluate(() => document.documentElement.lang)).toBe('en-GB');
    expect(await reader.locator('figure.chart [role="img"]').first().getAttribute('aria-label')).toMatch(/^Weighted gap per theme: /);
    await reader.screenshot({ path: path.join(screenshotDir, 'report-street-reader-english.png'), fullPage: true });
    expect(readerErrors).toEqual([]);
  });
});
