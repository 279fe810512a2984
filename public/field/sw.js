// The field app's service worker: keeps the app shell on the device so the
// app opens with no connection. The server fills in the version and the list
// of shell files (src/http/routes/fieldwork.ts); a new version replaces the
// old cache. Data never passes through here: the app keeps it in IndexedDB
// and talks to /api/ itself.
const version = '__VERSION__';
const shell = __SHELL__;
const cacheName = `buurtladder-field-${version}`;
const shellPage = '/field/';

async function fetchShellPage(cache) {
  const response = await fetch(shellPage, { credentials: 'same-origin', cache: 'no-store' });
  // A redirect means the session ended (the login page): never keep that as the app.
  if (response.ok && !response.redirected) await cache.put(shellPage, response.clone());
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    await cache.addAll(shell.filter((url) => url !== shellPage));
    await fetchShellPage(cache);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith('buurtladder-field-') && name !== cacheName) await caches.delete(name);
    await self.clients.claim();
  })());
});

/** The shell page: from the network when it answers within a few seconds, else from the device. */
async function shellResponse() {
  const cache = await caches.open(cacheName);
  const timeout = new Promise((resolve) => setTimeout(resolve, 4000));
  try {
    const response = await Promise.race([fetchShellPage(cache), timeout]);
    if (response) return response;
  } catch {
    // offline: fall through to the copy on the device
  }
  return (await cache.match(shellPage)) ?? Response.error();
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname === shellPage || (event.request.mode === 'navigate' && url.pathname.startsWith('/field/'))) {
    event.respondWith(shellResponse());
  } else if (shell.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname).then((cached) => cached ?? fetch(event.request)));
  }
});
