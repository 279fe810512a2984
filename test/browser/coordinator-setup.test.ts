/// <reference lib="dom" />
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/services/accounts';
import { listStreets } from '../../src/storage/address-frame';
import { assignStreet } from '../../src/storage/assignments';
import { listStudiesFor } from '../../src/storage/studies';
import { findLogin } from '../../src/storage/users';
import { launchChromium, logIn, screenshotDir, startServer } from '../helpers/browser';
import { testPassword } from '../helpers/test-app';

const csv = '\uFEFFstraat;huisnummer;toevoeging;postcode;buurt\r\n'
  + Array.from({ length: 12 }, (_, i) => `Rozenstraat;${i + 1};;1234AB;Bloemenbuurt`).join('\r\n') + '\r\n'
  + Array.from({ length: 9 }, (_, i) => `Merelstraat;${i + 1};;1235BA;Vogelwijk`).join('\r\n') + '\r\n';

let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer();
  await createAccount(server.db, { username: 'marieke', displayName: 'Marieke de Vries', role: 'coordinator', password: testPassword });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a coordinator in Chromium on a tablet', () => {
  it('logs in, creates a study, imports an address file and sees the streets', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 1280 } });
    const consoleErrors: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });

    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel('Gebruikersnaam').fill('marieke');
    await page.getByLabel('Wachtwoord').fill(testPassword);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    // Waits for the page after the login (a Locator itself is always truthy; its element must be there).
    await page.getByRole('heading', { name: 'Onderzoeken' }).waitFor();
    await page.getByRole('link', { name: 'Nieuw onderzoek' }).click();

    await page.getByLabel('Naam van het onderzoek').fill('Buurtonderzoek Oosterpark 2026');
    await page.getByLabel('Opdrachtgever').fill('Gemeente Voorbeeldstad');
    await page.getByLabel('Gebied').fill('Oosterpark');
    await page.getByLabel('Begin veldwerk').fill('2026-03-01');
    await page.getByLabel('Einde veldwerk').fill('2026-04-15');
    await page.screenshot({ path: path.join(screenshotDir, 'study-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Opslaan' }).click();

    await page.getByRole('heading', { name: 'Buurtonderzoek Oosterpark 2026' }).waitFor();
    await page.getByRole('link', { name: 'Adresbestand importeren' }).click();
    await page.getByLabel('Adresbestand (CSV of Excel)').setInputFiles({ name: 'adressen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByText('21 adressen geïmporteerd in 2 straten en 2 buurten.').waitFor();

    await page.getByRole('link', { name: 'Bekijk de straten' }).click();
    const streets = page.locator('table.streets tbody th');
    expect(await streets.allTextContents()).toEqual(['Rozenstraat', 'Merelstraat']);
    await page.screenshot({ path: path.join(screenshotDir, 'study-streets.png'), fullPage: true });

    const smallTargets = await page.locator('button, a.button, input, select').evaluateAll((elements) => elements
      .filter((element) => (element as HTMLElement).offsetParent !== null && (element as HTMLInputElement).type !== 'hidden')
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.height < 44).length);
    expect(smallTargets).toBe(0);
    expect(consoleErrors, consoleErrors.join("\n")).toEqual([]);
    await page.close();
  });

  it('shows the rejected lines of a bad file, in Dutch', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await logIn(page, server.baseUrl, 'marieke');
    await page.getByRole('link', { name: 'Buurtonderzoek Oosterpark 2026' }).click();
    await page.getByRole('link', { name: 'Adresbestand importeren' }).click();
    const bad = 'straat;huisnummer;postcode;buurt\nLindelaan;1;1299ZZ;Bomenbuurt\nLindelaan;;1299ZZ;Bomenbuurt\nLindelaan;3;12AB;Bomenbuurt\n';
    await page.getByLabel('Adresbestand (CSV of Excel)').setInputFiles({ name: 'fout.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByText('Het adresbestand is afgewezen.').waitFor();
    const rows = await page.locator('table.line-errors tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent).join(' ')));
    expect(rows.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
      '3 Het huisnummer ontbreekt.',
      "4 Ongeldige postcode '12AB'. Een postcode is vier cijfers en twee letters, zoals 1234 AB.",
    ]);
    await page.screenshot({ path: path.join(screenshotDir, 'import-rejected.png'), fullPage: true });
    await page.close();
  });
});

describe('an interviewer in Chromium on a tablet', () => {
  it('can print the walk list of their assigned street, odd side first', async () => {
    const interviewer = await createAccount(server.db, { username: 'fatima', displayName: 'Fatima', role: 'interviewer', password: testPassword });
    const coordinator = (await findLogin(server.db, 'marieke'))!.user;
    const [study] = await listStudiesFor(server.db, coordinator);
    const rozenstraat = (await listStreets(server.db, study!.id)).find((street) => street.name === 'Rozenstraat')!;
    await assignStreet(server.db, rozenstraat.id, interviewer.id);

    const page = await browser.newPage({ viewport: { width: 800, height: 1280 } });
    await logIn(page, server.baseUrl, 'fatima');
    await page.waitForURL(/\/field\/$/);
    await page.getByRole('link', { name: 'Looplijst afdrukken' }).click();
    await page.getByRole('heading', { name: 'Mijn looplijst' }).waitFor();
    const numbers = await page.locator('.house-number').allTextContents();
    expect(numbers).toEqual(['1', '3', '5', '7', '9', '11', '2', '4', '6', '8', '10', '12']);
    expect(await page.getByText('Merelstraat').count()).toBe(0);
    await page.screenshot({ path: path.join(screenshotDir, 'walk-list.png'), fullPage: true });
    await page.close();
  });
});
