/**
 * Browser tests run in Debian's Chromium through playwright-core (never a
 * downloaded browser), against a Buurtladder server on a loopback port.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { listen } from '../../src/http/listen';
import type { Database } from '../../src/storage/db';
import { buildTestApp, projectDir, testPassword } from './test-app';

export const screenshotDir = path.join(projectDir, 'test-output');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/**
 * Starts a server on an in-memory database (or the given one, on the given
 * port: a restart); returns its base URL, the app's helpers and a stop function.
 */
export async function startServer(options: { db?: Database; port?: number } = {}) {
  const context = await buildTestApp({ db: options.db });
  const listening = await listen(context.app, { port: options.port ?? 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${listening.port}`;
  mkdirSync(screenshotDir, { recursive: true });
  const stop = () => {
    const closed = listening.close();
    listening.closeAllConnections();
    return closed;
  };
  return { ...context, baseUrl, stop };
}

/** Logs in through the login form and waits until the user's home page has loaded. */
export async function logIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(testPassword);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}
