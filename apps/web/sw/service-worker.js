/* Palabre's service worker (built into dist/sw.js by vite.config.ts, which fills in the two
 * placeholders). After a first visit the app shell loads without a network: a member who reloads
 * offline gets the app (and the vote waiting in IndexedDB), not the browser's offline page.
 * - install: the page and the shell's scripts and style sheets go into one cache per build;
 * - pages (navigations): the network first, so a new version shows at once; offline, the cached page;
 * - /assets/*: hashed names, so the cached copy is always right; other chunks are added as fetched;
 * - the API and the live socket are never touched.
 */
const BUILD = '__PALABRE_BUILD__';
const PRECACHE = __PALABRE_PRECACHE__;
const PREFIX = 'palabre-shell-';
const CACHE = PREFIX + BUILD;
const SHELL = '/';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([SHELL, ...PRECACHE]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/socket.io/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match(SHELL)).then((page) => page || Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(request).then(
          (hit) =>
            hit ||
            fetch(request).then((response) => {
              // A chunk fetched once (an activity view, English) is there the next time offline.
              if (response.ok) cache.put(request, response.clone());
              return response;
            }),
        ),
      ),
    );
  }
});
