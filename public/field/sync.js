// Sending the outbox to the server. Records go in small batches; whatever the
// server acknowledges (stored, already stored, or kept as a conflict) leaves
// the outbox for a receipt, a rejected record is set aside with its reason and
// never blocks the rest. A failed request changes nothing on the device: the
// same records, with the same ids, go again next time, and the server stores
// each id once.
import { deviceId, getAll, getValue, setValue, settle } from './store.js';

const batchSize = 10;
const bundleMaxAgeMs = 5 * 60 * 1000;
let running = null;

/** Fetches the day's bundle and keeps it on the device. Resolves to 'ok', 'login' or 'offline'. */
export async function refreshBundle() {
  try {
    const response = await fetch('/api/fieldwork', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (response.status === 401) return 'login';
    if (!response.ok) return 'offline';
    await setValue('bundle', await response.json());
    return 'ok';
  } catch {
    return 'offline';
  }
}

async function sendBatch(records, csrfToken, device) {
  const response = await fetch('/api/sync', {
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
  return 'ok';
}

/** Sends everything that waits; one sync at a time. Resolves to 'ok', 'login' or 'failed'. */
export function syncNow() {
  if (!running) {
    running = syncOnce().catch(() => 'failed').finally(() => { running = null; });
  }
  return running;
}
