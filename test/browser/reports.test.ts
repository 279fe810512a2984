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
  for (const [username, role] of [['anna', 'coordinator'], ['ruud', 'reader']] as const) {
    const user = await createAccount(server.db, { username, displayName: username, role, password: testPassword });
    await addStudyMember(server.db, studyId, user.id);
  }
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
  it('a coordinator previews a street report and publishes it; a reader on a tablet reads it', async () => {
    const coordinator = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const coordinatorErrors = watchConsole(coordinator);
    await logIn(coordinator, server.baseUrl, 'anna');
    await coordinator.goto(`${server.baseUrl}/studies/${studyId}/reports`);
    await coordinator.locator('li', { hasText: 'Rozenstraat' }).getByRole('link', { name: 'Voorbeeld' }).click();
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
    expect(await reader.getByRole('heading', { name: 'Aangrijpingspunten en aanbevolen methoden' }).isVisible()).toBe(true);
    expect(await reader.getByRole('heading', { name: 'Buurthulpmethoden' }).isVisible()).toBe(true);
    // Charts are server-made SVG with a text alternative; the page needs no script and does not scroll sideways.
    expect(await reader.locator('figure.chart [role="img"]').count()).toBeGreaterThanOrEqual(2);
    expect(await reader.locator('script').count()).toBe(0);
    expect(await reader.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await reader.screenshot({ path: path.join(screenshotDir, 'report-street-reader-tablet.png'), fullPage: true });
    expect(readerErrors).toEqual([]);
  });
});
