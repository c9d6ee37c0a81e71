/* 即聘 service worker: the app shell works offline, and the last search results and the
   vacancies a person opened can be read without a network. Built by service-worker.mjs,
   which fills in VERSION and the shell's files. */
const VERSION = '__VERSION__';
const SHELL = `jipin-shell-${VERSION}`;
const ASSETS = 'jipin-assets';
const DATA = 'jipin-data'; // index.html also keeps a vacancy page's data here
const PRECACHE = __PRECACHE__;
/**
 * Reads kept for offline reading: search results, vacancy details, fairs, and the reference
 * data the pages need to show them. Not personal data: a shared phone must not keep it.
 */
const READABLE_OFFLINE =
  /^\/api\/(search\/vacancies|vacancies(\/[^/]+)?|fairs(\/[^/]+(\/vacancies)?)?|regions|vacancy-options)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('jipin-shell-') && key !== SHELL)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
  else if (READABLE_OFFLINE.test(url.pathname)) event.respondWith(data(request));
});

/** Pages: the network first; offline, the cached app shell, else the Chinese offline page. */
async function page(request) {
  try {
    return await fetch(request);
  } catch {
    const shell = await caches.match('/index.html', { cacheName: SHELL });
    return shell ?? (await caches.match('/offline.html', { cacheName: SHELL }));
  }
}

/** Hashed files never change: the cache first. */
async function asset(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(ASSETS)).put(request, response.clone());
  return response;
}

/** Public reads: the network first, a copy kept; offline, the copy, marked as such. */
async function data(request) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(DATA)).put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName: DATA });
    if (!cached) throw error;
    const headers = new Headers(cached.headers);
    headers.set('x-jipin-offline', '1');
    return new Response(cached.body, { status: cached.status, headers });
  }
}
