// Chỉ Số's service worker: after a first visit the app opens with the network off, and a
// new release reaches its users.
//
// - Everything is relative to this file, so the page works from any path (`/chiso/`, `/`)
//   without rebuilding; the worker's scope is its own folder.
// - The page (navigations, index.html) is network first: a new release is picked up on the
//   next load; the cached copy is used when the network fails, or is slower than
//   NETWORK_MS and a copy is there.
// - Every other file has a content-hashed name (or is listed in ASSETS): cache first.
// - Each release keeps its files in a cache of its own (`chiso <scope> <release>`); a new
//   release's worker waits until the page tells it to take over ('skip-waiting': at once
//   when the page already runs that release, after the «Có phiên bản mới — tải lại» button
//   otherwise; src/ui/release.rs), then drops the older releases' caches of its scope.
//
// tools/release.mjs writes the two lines below at every build.
const RELEASE = 'dev';
const ASSETS = ['index.html'];

const SCOPE = self.registration.scope;
const PREFIX = `chiso ${SCOPE} `;
const CACHE = PREFIX + RELEASE;
// How long the page may take from the network before the cached copy is shown.
const NETWORK_MS = 4000;

self.addEventListener('install', (event) => {
  // `no-cache`: revalidated with the server, never an old copy from the HTTP cache.
  event.waitUntil(
    caches.open(CACHE).then((c) => c.addAll(ASSETS.map((a) => new Request(a, { cache: 'no-cache' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        // Older releases of this copy of the app (another copy on the same site, under
        // another path, keeps its own); 'chiso-v1' is the cache of the first worker.
        if ((key.startsWith(PREFIX) && key !== CACHE) || key === 'chiso-v1') await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  else if (event.data === 'release' && event.ports[0]) event.ports[0].postMessage(RELEASE);
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !req.url.startsWith(SCOPE)) return;
  const file = new URL(req.url).pathname.slice(new URL(SCOPE).pathname.length);
  const isPage = file === '' || file === 'index.html';
  if (isPage || req.mode === 'navigate') event.respondWith(networkFirst(req, isPage));
  else event.respondWith(cacheFirst(req));
});

// The page (or another file opened as a page, such as the offline copy's download).
async function networkFirst(req, isPage) {
  const cache = await caches.open(CACHE);
  const cached = async () =>
    (await cache.match(req, { ignoreSearch: true })) || (isPage ? cache.match('index.html') : undefined);
  // Checked with the server even where it sends no Cache-Control (`no-cache`).
  const network = fetch(new Request(req, { cache: 'no-cache' })).then(async (res) => {
    if (res.type === 'opaqueredirect') return res;
    if (!res.ok) return (await cached()) || res;
    await cache.put(req, res.clone());
    return res;
  });
  const copy = await cached();
  if (!copy) return network;
  const late = new Promise((resolve) => setTimeout(() => resolve(copy), NETWORK_MS));
  return Promise.race([network.catch(() => copy), late]);
}

async function cacheFirst(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok && res.type === 'basic') await cache.put(req, res.clone());
  return res;
}
