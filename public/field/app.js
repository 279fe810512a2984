// The field app's entry: keeps the on-device data, the screens and the sync
// status together. It syncs when it opens, when the connection returns, every
// half minute while open, after every new record and on demand.
import { formatTime, h, t } from './dom.js';
import { runInterview } from './interview.js';
import { countWaiting, getAll, getValue, setValue, transact } from './store.js';
import { refreshBundle, serverState, syncNow } from './sync.js';
import { addressView, loadState, outboxView, streetView, streetsView } from './views.js';

const view = document.getElementById('view');
const syncMessage = document.getElementById('sync-message');
let interviewOpen = false;
let lastRendered = null;

async function updateStatusBar() {
  // Online only when the server itself answered recently: a network without a server is no connection to send on.
  const state = !navigator.onLine ? 'offline' : serverState();
  const connection = document.getElementById('connection');
  connection.textContent = { offline: t('field.offline'), unreachable: t('field.serverUnreachable'), unknown: t('field.connecting'), reachable: t('field.online') }[state];
  connection.className = `connection ${state === 'reachable' ? 'is-online' : state === 'unknown' ? 'is-unknown' : 'is-offline'}`;
  document.getElementById('waiting-count').textContent = t('field.waiting', { count: await countWaiting() });
  const lastSync = await getValue('lastSync');
  document.getElementById('last-sync').textContent = lastSync ? t('field.lastSync', { time: formatTime(lastSync) }) : t('field.neverSynced');
}

function showSyncMessage(outcome) {
  syncMessage.replaceChildren();
  syncMessage.hidden = outcome === 'ok';
  if (outcome === 'failed') syncMessage.textContent = t('field.syncFailed');
  if (outcome === 'login') {
    syncMessage.append(t('field.loginAgain'), ' ', h('a', { href: `/login?next=${encodeURIComponent('/field/')}` }, t('field.loginLink')));
  }
}

async function sync() {
  if (!navigator.onLine) {
    // Nothing to try: the status bar already says there is no connection.
    await updateStatusBar();
    return;
  }
  const button = document.getElementById('sync-now');
  button.disabled = true;
  button.textContent = t('field.syncing');
  const outcome = await syncNow();
  button.disabled = false;
  button.textContent = t('field.syncNow');
  showSyncMessage(outcome);
  await updateStatusBar();
  if (!interviewOpen) await render();
}

async function exportOutbox() {
  const content = { exportedAt: new Date().toISOString(), outbox: await getAll('outbox'), drafts: await getAll('drafts') };
  // Rejected records exported now may be discarded afterwards (views.js, outboxView).
  await setValue('lastExport', content.exportedAt);
  const link = h('a', {
    href: URL.createObjectURL(new Blob([JSON.stringify(content, null, 2)], { type: 'application/json' })),
    download: `buurtladder-verzendlijst-${content.exportedAt.slice(0, 19).replace(/:/g, '')}.json`,
  });
  document.body.append(link);
  link.click();
  link.remove();
}

/** Removes one rejected record from the device, after it was exported and the interviewer confirmed. */
async function dismissRejected(entry) {
  if (!confirm(t('field.dismissConfirm'))) return;
  // In one transaction: only a record that is still set aside goes (a retry may have changed it meanwhile).
  await transact(['outbox'], 'readwrite', ({ outbox }) => {
    const found = outbox.get(entry.id);
    found.onsuccess = () => { if (found.result?.state === 'rejected') outbox.delete(entry.id); };
  });
  await render();
}

async function render() {
  const bundle = await getValue('bundle');
  if (!bundle) {
    view.replaceChildren(h('p', {}, t('field.noBundle')));
    return;
  }
  const state = await loadState(bundle);
  const [, route, id] = location.hash.match(/^#\/(street|address|outbox)?\/?(\d+)?/) ?? [];
  let content;
  if (route === 'street') content = streetView(state, Number(id));
  else if (route === 'address') {
    content = addressView(state, Number(id), {
      onChange: async () => { await updateStatusBar(); await render(); void sync(); },
      startInterview: (draft) => startInterview(state, draft),
    });
  } else if (route === 'outbox') content = await outboxView(state, { exportOutbox: async () => { await exportOutbox(); await render(); }, dismissRejected });
  else content = streetsView(state);
  view.replaceChildren(...content.filter(Boolean));
  // On a new screen (not a redraw after a sync), focus moves to its heading for screen readers.
  if (location.hash !== lastRendered) {
    lastRendered = location.hash;
    const heading = view.querySelector('h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }
}

function startInterview(state, draft) {
  const { address, street } = state.addresses.get(draft.addressId);
  const study = state.bundle.studies.find((candidate) => candidate.id === draft.studyId);
  const instruments = study.instruments
    .map(({ id, version }) => state.bundle.instruments.find((instrument) => instrument.id === id && instrument.version === version))
    .filter(Boolean);
  interviewOpen = true;
  runInterview(view, {
    draft, instruments, title: `${street.name} ${address.houseNumber}${address.addition ? ` ${address.addition}` : ''}`,
    onDone: async (how) => {
      interviewOpen = false;
      await updateStatusBar();
      await render();
      if (how === 'finished') {
        syncMessage.hidden = false;
        syncMessage.textContent = t('field.interviewSaved');
        void sync();
      }
    },
  });
}

async function start() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/field/sw.js', { scope: '/field/' }).catch(() => undefined);
  }
  if (navigator.storage?.persist) {
    const persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
    document.getElementById('storage-warning').hidden = persisted;
  }
  document.getElementById('sync-now').addEventListener('click', () => void sync());
  const logoutForm = document.getElementById('logout-form');
  logoutForm?.addEventListener('submit', (event) => {
    // Ask first while records are unsent; they stay on the device either way.
    event.preventDefault();
    void countWaiting().then((waiting) => {
      if (waiting === 0 || confirm(t('field.logoutWarning', { count: waiting }))) logoutForm.submit();
    });
  });
  // Leaving an interview by the browser's back button: its draft is already saved.
  window.addEventListener('hashchange', () => { interviewOpen = false; void render(); });
  window.addEventListener('online', () => void sync());
  window.addEventListener('offline', () => void updateStatusBar());
  setInterval(() => { if (navigator.onLine) void sync(); }, 30_000);

  await updateStatusBar();
  await render();
  if (navigator.onLine) {
    const refreshed = await refreshBundle();
    if (refreshed === 'login') showSyncMessage('login');
    await render();
    void sync();
  }
}

void start();
