// Service worker registration, on the browser's own API: workbox-window would add 2.3 KB gzip
// to the start-up code for the few events used here. Updates are prompt-style: a waiting worker
// is announced and only activated when the user asks, because reloading under someone typing a
// note would lose their place. The worker (src/sw/sw.ts) is built to /sw.js by vite-plugin-pwa.

export interface PwaCallbacks {
  onNeedRefresh: () => void;
  onOfflineReady: () => void;
}

const CHECK_EVERY_MS = 60 * 60_000;
const BASE = import.meta.env.BASE_URL;

/** Returns the function that activates the waiting worker and reloads. */
export function registerServiceWorker(cb: PwaCallbacks): () => Promise<void> {
  const sw = navigator.serviceWorker;
  const watched = new WeakSet<ServiceWorker>();
  // A worker that finishes installing while a page is controlled is an update: it waits for the
  // user. Without a controller it is the first install: the app now works offline.
  const watch = (worker: ServiceWorker | null) => {
    if (!worker || watched.has(worker)) return;
    watched.add(worker);
    worker.addEventListener('statechange', () => {
      if (worker.state !== 'installed') return;
      if (sw.controller) cb.onNeedRefresh();
      else cb.onOfflineReady();
    });
  };
  const registered = sw.register(`${BASE}sw.js`, { scope: BASE }).then((registration) => {
    // An update an earlier visit installed is still waiting.
    if (registration.waiting && sw.controller) cb.onNeedRefresh();
    // The first install may already be under way when the promise settles.
    watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
    // Update checks only when online: offline they fail and only add noise.
    const check = () => {
      if (navigator.onLine && !registration.installing) registration.update().catch(() => {});
    };
    setInterval(check, CHECK_EVERY_MS);
    addEventListener('online', check);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') check();
    });
    return registration;
  });
  registered.catch(() => {}); // no worker (a private window, say): the app still runs online
  return async () => {
    // The new worker takes over once told to skip waiting (src/sw/sw.ts); the page reloads
    // then, so that it never asks the new worker for files of the old version.
    sw.addEventListener('controllerchange', () => location.reload(), { once: true });
    (await registered).waiting?.postMessage({ type: 'SKIP_WAITING' });
  };
}
