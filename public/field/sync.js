// Sending the outbox to the server. Records go in small batches; whatever the
// server acknowledges (stored, already stored, or kept as a conflict) leaves
// the outbox for a receipt, a rejected record is set aside with its reason and
// never blocks the rest. A failed request changes nothing on the device: the
// same records, with the same ids, go again next time, and the server stores
// each id once.
import { deviceId, getAll, getValue, setValue, settle } from './store.js';

const batchSize = 10;
const bundleMaxAgeMs = 5 * 60 * 1000;
/** "Online" means the server answered within this time, not merely that the browser has a network. */
const answeredRecentlyMs = 2 * 60 * 1000;
let running = null;
let lastAnswerAt = 0;
let lastAttemptFailed = false;

/** A request to the server, noting whether the server answered (any HTTP answer) or could not be reached (no answer, or a 5xx from a proxy). */
async function ask(url, options) {
  try {
    const response = await fetch(url, options);
    lastAttemptFailed = response.status >= 500;
    if (!lastAttemptFailed) lastAnswerAt = Date.now();
    return response;
  } catch (error) {
    lastAttemptFailed = true;
    throw error;
  }
}

/** 'reachable' when the server answered recently and the last try did not fail, 'unreachable' after a failed try, 'unknown' before any. */
export function serverState() {
  if (lastAttemptFailed) return 'unreachable';
  return Date.now() - lastAnswerAt < answeredRecentlyMs ? 'reachable' : 'unknown';
}

/** Asks the server whether it is there (a small request), when nothing else was sent for a while. */
export async function checkServer() {
  if (Date.now() - lastAnswerAt < answeredRecentlyMs / 2 && !lastAttemptFailed) return;
  try {
    await ask('/api/session', { credentials: 'same-origin', headers: { accept: 'application/json' }, cache: 'no-store' });
  } catch {
    // Noted by ask(): the status bar says the server cannot be reached.
  }
}

/** Fetches the day's bundle and keeps it on the device. Resolves to 'ok', 'login' or 'offline'. */
export async function refreshBundle() {
  try {
    const response = await ask('/api/fieldwork', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (response.status === 401) return 'login';
    if (!response.ok) return 'offline';
    await setValue('bundle', await response.json());
    return 'ok';
  } catch {
    return 'offline';
  }
}

async function sendBatch(records, csrfToken, device) {
  const response = await ask('/api/sync', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify({ deviceId: device, records }),
  });
  if (response.status === 401) return { outcome: 'login' };
  if (response.status === 403) return { outcome: 'csrf' };
  if (!response.ok) return { outcome: 'failed' };
  return { outcome: 'ok', answer: await response.json() };
}

async function syncOnce() {
  const waiting = (await getAll('outbox')).filter((entry) => entry.state === 'waiting')
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  const bundle = await getValue('bundle');
  if (!bundle) {
    const refreshed = await refreshBundle();
    if (refreshed !== 'ok') return refreshed === 'login' ? 'login' : 'failed';
    return syncOnce();
  }
  const device = await deviceId();
  let csrfToken = bundle.csrfToken;
  for (let start = 0; start < waiting.length; start += batchSize) {
    const records = waiting.slice(start, start + batchSize).map((entry) => entry.record);
    let sent = await sendBatch(records, csrfToken, device);
    if (sent.outcome === 'csrf') {
      // The session was renewed since the bundle was fetched: fetch the new token once and retry.
      const refreshed = await refreshBundle();
      if (refreshed === 'login') return 'login';
      csrfToken = (await getValue('bundle'))?.csrfToken;
      sent = await sendBatch(records, csrfToken, device);
    }
    if (sent.outcome !== 'ok') return sent.outcome === 'login' || sent.outcome === 'csrf' ? 'login' : 'failed';
    await settle(sent.answer.results, sent.answer.receivedAt);
  }
  await setValue('lastSync', new Date().toISOString());
  // A fresh walk list after sending, or when the kept one is a few minutes old; not on every idle tick.
  if (waiting.length > 0 || Date.now() - Date.parse(bundle.fetchedAt) > bundleMaxAgeMs) await refreshBundle();
  else await checkServer();
  return 'ok';
}

/** Sends everything that waits; one sync at a time. Resolves to 'ok', 'login' or 'failed'. */
export function syncNow() {
  if (!running) {
    running = syncOnce().catch(() => 'failed').finally(() => { running = null; });
  }
  return running;
}
