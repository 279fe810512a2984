/// <reference lib="dom" />
/**
 * The interviewer's field app in real Chromium: offline from the first reload,
 * records kept through a closed page, sent exactly once when the connection
 * returns, and exactly once when the server stops in the middle of a sync.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/services/accounts';
import { importAddressFrame } from '../../src/services/import-address-frame';
import { listStreets } from '../../src/storage/address-frame';
import { assignStreet } from '../../src/storage/assignments';
import { createStudy } from '../../src/storage/studies';
import { launchChromium, logIn, screenshotDir, startServer } from '../helpers/browser';
import { countRows, studyForm, testPassword } from '../helpers/test-app';

const csv = 'straat;huisnummer;postcode;buurt\n' + Array.from({ length: 10 }, (_, i) => `Rozenstraat;${i + 1};1234AB;Bloemenbuurt`).join('\n') + '\n';

let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer();
  const coordinator = await createAccount(server.db, { username: 'marieke', displayName: 'Marieke', role: 'coordinator', password: testPassword });
  const studyId = await server.db.transaction((tx) => createStudy(tx, { ...studyForm(), instruments: ['contactladder@2', 'straatladder@1'], minReportSize: 10, maxVisitAttempts: 3 }, coordinator.id));
  await importAddressFrame(server.db, studyId, Buffer.from(csv));
  for (const username of ['fatima', 'kees']) {
    const interviewer = await createAccount(server.db, { username, displayName: username, role: 'interviewer', password: testPassword });
    await assignStreet(server.db, (await listStreets(server.db, studyId))[0]!.id, interviewer.id);
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openFieldApp(context: BrowserContext, username: string): Promise<Page> {
  const page = await context.newPage();
  await logIn(page, server.baseUrl, username);
  await page.waitForURL(/\/field\/$/);
  await page.getByRole('heading', { name: 'Mijn straten' }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  return page;
}

async function openAddress(page: Page, number: number) {
  await page.goto(`${page.url().split('#')[0]}#/street/1`);
  // The tile's name starts with its address and goes on with its status ("Adres Rozenstraat 2 · Niet bezocht").
  await page.getByRole('link', { name: new RegExp(`^Adres Rozenstraat ${number} · `) }).click();
}

/** Answers every question on each screen (the first option) and goes on, `screens` times or to the end. */
async function answerScreens(page: Page, screens = Infinity) {
  for (let done = 0; done < screens; done++) {
    const finishing = await page.getByRole('button', { name: 'Interview afronden' }).count() > 0;
    await page.evaluate(() => {
      for (const fieldset of document.querySelectorAll('fieldset')) {
        if (!fieldset.querySelector('input:checked')) (fieldset.querySelector('input[type=radio]:last-of-type') as HTMLInputElement | null)?.click();
      }
      const consentNo = [...document.querySelectorAll('label.option')].find((label) => label.textContent === 'Nee');
      (consentNo?.querySelector('input') as HTMLInputElement | undefined)?.click();
    });
    const screen = await page.locator('.interview-header .muted').textContent();
    await page.locator('form.interview-screen button[type=submit]').click();
    if (finishing) return;
    await page.waitForFunction((before) => document.querySelector('.interview-header .muted')?.textContent !== before, screen);
  }
}

const waitingCount = (page: Page) => page.locator('#waiting-count').textContent();
const waitForWaiting = (page: Page, count: number) => page.waitForFunction(
  (expected) => document.getElementById('waiting-count')?.textContent === `Wachtend op verzending: ${expected}`, count, { timeout: 20_000 });

describe('an interviewer with the field app in Chromium', () => {
  it('works offline, keeps everything through a closed page, and sends it exactly once when back online', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
    const consoleErrors: string[] = [];
    let page = await openFieldApp(context, 'fatima');
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Mijn straten' }).waitFor();
    expect(await page.locator('#connection').textContent()).toContain('Geen verbinding');

    await openAddress(page, 1);
    await page.getByRole('button', { name: 'Niet thuis' }).click();
    await openAddress(page, 3);
    await page.getByRole('button', { name: 'Geweigerd' }).click();
    await openAddress(page, 5);
    await page.getByLabel('Afspraak op (datum en tijd)').fill('2026-03-05T17:30');
    await page.getByRole('button', { name: 'Afspraak opslaan' }).click();
    await page.getByText(/Afspraak: /).first().waitFor();

    await openAddress(page, 7);
    await page.getByRole('button', { name: 'Interview starten' }).click();
    await page.screenshot({ path: path.join(screenshotDir, 'field-interview-intro.png') });
    await answerScreens(page, 3);
    await page.screenshot({ path: path.join(screenshotDir, 'field-interview-question.png'), fullPage: true });
    await answerScreens(page);
    await page.getByRole('heading', { name: 'Rozenstraat 7 Afgerond' }).waitFor();

    // The second interview is cut off half-way: the page closes, and it resumes where it stopped.
    await openAddress(page, 9);
    await page.getByRole('button', { name: 'Interview starten' }).click();
    await answerScreens(page, 20);
    const screenBefore = await page.locator('.interview-header .muted').textContent();
    await page.close();
    page = await context.newPage();
    await page.goto(`${server.baseUrl}/field/#/address/9`);
    await page.getByRole('button', { name: 'Onderbroken interview hervatten' }).click();
    expect(await page.locator('.interview-header .muted').textContent()).toBe(screenBefore);
    await answerScreens(page);

    await page.getByRole('heading', { name: 'Rozenstraat 9 Afgerond' }).waitFor();
    await waitForWaiting(page, 9);
    expect(await countRows(server.db, 'visits')).toBe(0);
    await page.screenshot({ path: path.join(screenshotDir, 'field-offline-outbox.png'), fullPage: true });

    await context.setOffline(false);
    await waitForWaiting(page, 0);
    expect(await countRows(server.db, 'visits')).toBe(5);
    expect(await countRows(server.db, 'interviews')).toBe(4);
    expect(await server.db.all('SELECT outcome FROM visits ORDER BY visited_at')).toEqual(
      ['not-home', 'refused', 'appointment', 'interview', 'interview'].map((outcome) => ({ outcome })));
    await page.goto(`${server.baseUrl}/field/#/outbox`);
    await page.getByRole('heading', { name: 'Ontvangstbewijzen' }).waitFor();
    expect(await page.locator('#receipt-list li').count()).toBe(9);
    await page.screenshot({ path: path.join(screenshotDir, 'field-receipts.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
    await context.close();

    // The coordinator sees the same records in the fieldwork monitor.
    const coordinatorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const coordinator = await coordinatorContext.newPage();
    await logIn(coordinator, server.baseUrl, 'marieke');
    await coordinator.getByRole('link', { name: 'Buurtonderzoek Oosterpark' }).click();
    await coordinator.getByRole('link', { name: 'Voortgang veldwerk' }).click();
    // Rozenstraat: 10 addresses, 5 visits, 2 completed, 1 refusal, 2 not reached (not home, appointment), 5 not visited: 2 / 10 = 20 %.
    const row = coordinator.locator('table.monitor tbody tr').first();
    expect(await row.locator('td').allTextContents()).toEqual(['10', '0', '5', '2', '1', '2', '5', '20%']);
    await coordinator.getByText('Afspraken (tot over twee dagen)').waitFor();
    await coordinator.screenshot({ path: path.join(screenshotDir, 'fieldwork-monitor.png'), fullPage: true });
    await coordinatorContext.close();
  });

  it('stores every record once when the server stops in the middle of a sync and comes back', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
    const page = await openFieldApp(context, 'kees');
    await context.setOffline(true);
    for (const number of [2, 4, 6, 8, 10]) {
      await openAddress(page, number);
      await page.getByRole('button', { name: 'Niet thuis' }).click();
    }
    const before = await countRows(server.db, 'visits');
    // A screen reader hears each tile's status and visits, not only its address.
    await page.goto(`${page.url().split('#')[0]}#/street/1`);
    expect(await page.getByRole('link', { name: /^Adres Rozenstraat 2 · / }).getAttribute('aria-label')).toMatch(/^Adres Rozenstraat 2 · .+ · 1 bezoek$/);

    // The first sync reaches the server and is stored, but the server stops before the tablet hears back.
    const port = Number(new URL(server.baseUrl).port);
    let intercepted = false;
    await page.route('**/api/sync', async (route) => {
      if (intercepted) return route.continue();
      intercepted = true;
      await route.fetch();
      await server.stop();
      await route.abort('connectionreset');
    });
    await context.setOffline(false);
    await page.waitForFunction(() => document.getElementById('sync-message')?.textContent?.includes('lukte niet'), undefined, { timeout: 20_000 });
    expect(await countRows(server.db, 'visits')).toBe(before + 5);
    expect(await waitingCount(page)).toBe('Wachtend op verzending: 5');
    // The tablet has a network but no server: the status says so, not "Online".
    const connection = page.locator('#connection');
    await page.waitForFunction(() => document.getElementById('connection')?.textContent?.startsWith('Server niet bereikbaar'));
    expect(await connection.getAttribute('class')).toContain('is-offline');

    server = await startServer({ db: server.db, port });
    await page.getByRole('button', { name: 'Nu verzenden' }).click();
    await waitForWaiting(page, 0);
    await page.waitForFunction(() => document.getElementById('connection')?.textContent === 'Online');
    expect(await countRows(server.db, 'visits')).toBe(before + 5);
    await context.close();
  });

  it('asks how heavy the care is only after a "yes" to giving care, and forgets the answer when the "yes" is taken back', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
    const page = await openFieldApp(context, 'kees');
    await openAddress(page, 2);
    await page.getByRole('button', { name: 'Interview starten' }).click();
    const careQuestion = page.locator('fieldset', { hasText: 'Zorgt u onbetaald' });
    for (let screen = 0; screen < 60 && await careQuestion.count() === 0; screen++) await answerScreens(page, 1);
    const burden = page.locator('fieldset[data-item="care-burden"]');
    await careQuestion.waitFor();
    // Every other question of the screen answered, the care question not yet: the burden question is not asked.
    await page.evaluate(() => {
      for (const fieldset of document.querySelectorAll('fieldset:not([data-item="gives-care"]):not([data-item="care-burden"])')) {
        if (!fieldset.querySelector('input:checked')) (fieldset.querySelector('input[type=radio]') as HTMLInputElement | null)?.click();
      }
    });
    await burden.waitFor({ state: 'hidden' });

    await careQuestion.getByLabel('Ja, voor iemand anders').check();
    await burden.waitFor({ state: 'visible' });
    await burden.getByLabel('Zwaar', { exact: true }).check();
    await page.screenshot({ path: path.join(screenshotDir, 'field-interview-skip-logic.png'), fullPage: true });

    await careQuestion.getByLabel('Nee').check();
    await burden.waitFor({ state: 'hidden' });
    expect(await burden.locator('input:checked').count()).toBe(0);
    // Not asked, so not missing: "Volgende" goes on.
    const before = await page.locator('.interview-header .muted').textContent();
    await page.locator('form.interview-screen button[type=submit]').click();
    await page.waitForFunction((text) => document.querySelector('.interview-header .muted')?.textContent !== text, before);
    // And back on the screen, the "no" stands and the burden is neither shown nor answered.
    await page.getByRole('button', { name: 'Vorige' }).click();
    await careQuestion.waitFor();
    expect(await careQuestion.getByLabel('Nee').isChecked()).toBe(true);
    expect(await burden.isHidden()).toBe(true);
    expect(await burden.locator('input:checked').count()).toBe(0);
    await context.close();
  });

  it('shows a missing answer where it is: marked, with the message inside it, in view above the buttons, and focused', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
    const page = await openFieldApp(context, 'kees');
    await openAddress(page, 3);
    await page.getByRole('button', { name: 'Interview starten' }).click();
    // On to a screen of several questions (the statements), answered except its last question.
    for (let screen = 0; screen < 20 && await page.locator('fieldset.question').count() < 4; screen++) await answerScreens(page, 1);
    const questions = page.locator('fieldset.question');
    const count = await questions.count();
    expect(count).toBeGreaterThanOrEqual(4);
    for (let index = 0; index < count - 1; index++) await questions.nth(index).locator('input[type=radio]').first().check();
    const before = await page.locator('.interview-header .muted').textContent();
    await page.locator('form.interview-screen button[type=submit]').click();

    const last = questions.nth(count - 1);
    await last.locator('.field-error').waitFor();
    expect(await page.locator('.interview-header .muted').textContent()).toBe(before);
    expect(await last.getAttribute('class')).toContain('missing');
    expect(await last.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('fieldset.question.missing').count()).toBe(1);
    expect(await last.locator('.field-error').textContent()).toBe("Kies een antwoord, of 'weet niet'.");
    // In view and not under the sticky buttons; focus on its first option, so a screen reader reads it.
    const message = (await last.locator('.field-error').boundingBox())!;
    const actions = (await page.locator('.interview-actions').boundingBox())!;
    expect(message.y).toBeGreaterThanOrEqual(0);
    expect(message.y + message.height).toBeLessThanOrEqual(actions.y);
    expect(await last.evaluate((fieldset) => fieldset.contains(document.activeElement))).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'field-missing-answer.png') });

    // No answer label runs out of its tile, upright or on its side ("Eengezinswoning", "Arbeidsongeschikt" are on this screen).
    for (const viewport of [{ width: 800, height: 1280 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(viewport);
      const overflowing = await page.evaluate(() => [...document.querySelectorAll('label.option')].flatMap((label) => {
        const tile = label.getBoundingClientRect();
        const text = label.querySelector('span')!.getBoundingClientRect();
        // Nor is a word broken inside it ("Eengezinswoni-ng"): each word lies on one line.
        const node = label.querySelector('span')!.firstChild!;
        const content = node.textContent ?? '';
        const broken = [...content.matchAll(/\S+/g)].some((word) => {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1;
        });
        return text.right > tile.right - 1 || label.scrollWidth > label.clientWidth || broken ? [label.textContent] : [];
      }));
      expect(overflowing, `${viewport.width} × ${viewport.height}`).toEqual([]);
    }
    await page.setViewportSize({ width: 800, height: 1280 });

    // Answered, the mark goes, and "Volgende" goes on.
    await last.locator('input[type=radio]').first().check();
    expect(await last.getAttribute('class')).not.toContain('missing');
    await page.locator('form.interview-screen button[type=submit]').click();
    await page.waitForFunction((text) => document.querySelector('.interview-header .muted')?.textContent !== text, before);
    // The new screen's heading has the focus, so a screen reader says where the interviewer is.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.goto(`${page.url().split('#')[0]}#/outbox`);
    await page.getByRole('heading', { name: 'Verzendlijst', level: 1 }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Verzendlijst');
    await context.close();
  });

  it('explains a rejected record in plain Dutch, names its questionnaire, and lets it go only after an export', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, acceptDownloads: true });
    const page = await openFieldApp(context, 'fatima');
    const { id: addressId, study_id: studyId } = (await server.db.get<{ id: number; study_id: number }>('SELECT id, study_id FROM addresses WHERE house_number = 9'))!;
    // An interview the server refuses: the care burden answered after "no" to giving care, nothing else answered.
    // A string, so that the test's bundler leaves the page's own module import alone.
    await page.evaluate(`(async () => {
      const store = await import('/field/store.js');
      await store.enqueue([{
        kind: 'interview', id: store.newId(), studyId: ${studyId}, addressId: ${addressId}, instrumentId: 'contactladder', instrumentVersion: 2,
        startedAt: '2026-03-03T10:00:00.000Z', endedAt: '2026-03-03T10:20:00.000Z', appVersion: 'test-1',
        answers: { 'gives-care': { answer: 1 }, 'care-burden': { answer: 3 } }, comments: {},
      }]);
    })()`);
    await page.getByRole('button', { name: 'Nu verzenden' }).click();
    await page.goto(`${page.url().split('#')[0]}#/outbox`);
    const line = page.locator('#rejected-list li');
    await line.waitFor();
    const text = (await line.textContent())!;
    expect(text).toContain('Interview Contactladder');
    expect(text).toContain('Rozenstraat 9');
    expect(text).toMatch(/beantwoord\. Het gaat om de vraag 'Wat is uw geslacht\?'\./);
    expect(text).not.toMatch(/answers\.|\.actual|\.answer\b/);
    const discard = line.getByRole('button', { name: 'Weggooien' });
    expect(await discard.isDisabled()).toBe(true);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Verzendlijst exporteren (bestand)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^buurtladder-verzendlijst-/);
    await page.waitForFunction(() => !(document.querySelector('#rejected-list button') as HTMLButtonElement | null)?.disabled);
    await page.screenshot({ path: path.join(screenshotDir, 'field-rejected-record.png'), fullPage: true });
    page.once('dialog', (dialog) => void dialog.accept());
    await line.getByRole('button', { name: 'Weggooien' }).click();
    await page.locator('#rejected-list').waitFor({ state: 'detached' });
    expect(await page.evaluate("import('/field/store.js').then((store) => store.getAll('outbox')).then((entries) => entries.length)")).toBe(0);
    await context.close();
  });
});
