import { reactive } from 'vue';

/**
 * What the app knows about the network: `down` when the last request could not reach the
 * server (not when the server answered with an error), `fromCache` when the page shows copies
 * the service worker kept from an earlier visit.
 */
export const network = reactive({
  down: false,
  fromCache: false,
  /** The page a person tapped whose code could not be fetched; opened again on retry. */
  pendingPath: undefined as string | undefined,
  /** Bumped on retry so the page remounts and loads again. */
  attempt: 0,
});

export const NETWORK_ERROR = '网络连接失败，请检查网络后重试';

/** When the last answer came; a request sent before it that fails late is old news. */
let lastReachedAt = 0;

export function reachedServer(response: Response): void {
  lastReachedAt = performance.now();
  network.down = false;
  if (response.headers.get('x-jipin-offline') === '1') network.fromCache = true;
  else network.fromCache = false;
}

/** `sentAt`: when the failed request left (performance.now()). */
export function couldNotReachServer(sentAt: number): void {
  if (sentAt < lastReachedAt) return;
  network.down = true;
}

/** A chunk of the app that could not be fetched (the page the person tapped, while offline). */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(
    message,
  );
}

/**
 * A first visit gets index.html with the app's code inside it (build/inline-first-load.mjs):
 * no request more on a weak signal. Once the service worker keeps that code, this cookie
 * (its file's name, apps/api/http/web-app-page.ts) asks for the plain page, whose code
 * comes from the worker instead of with every page.
 */
async function rememberCodeKept(): Promise<void> {
  const file = new URL(import.meta.url).pathname.split('/').pop() ?? '';
  if (!file.endsWith('.js') || !(await caches.match(`/assets/${file}`))) return;
  document.cookie = `jipin_code=${file}; path=/; max-age=31536000; samesite=lax`;
}

/** The service worker (built from build/sw.js) keeps the app and what was read for offline. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // When the page is idle: the worker's install fetches the app's files, which must not
  // share a weak signal, nor the start's main thread, with what the page itself needs.
  const register = () => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1000));
    idle(
      () =>
        void navigator.serviceWorker
          .register('/sw.js')
          .then(() => navigator.serviceWorker.ready)
          .then(rememberCodeKept)
          .catch(() => undefined),
      { timeout: 5000 },
    );
  };
  // index.html starts the app after its first paint: the page may have loaded already.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register);
}
