/**
 * Browser tests run in Debian's Chromium through playwright-core (never a
 * downloaded browser), against a Buurtladder server on a loopback port.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildTestApp, projectDir } from './test-app';

export const screenshotDir = path.join(projectDir, 'test-output');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** Starts a server on an in-memory database; returns its base URL, the app's helpers and a stop function. */
export async function startServer() {
  const context = await buildTestApp();
  const server = context.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mkdirSync(screenshotDir, { recursive: true });
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { ...context, baseUrl, stop };
}
