// Service worker registration through workbox-window (via vite-plugin-pwa). Updates are
// prompt-style: a waiting worker is announced and only activated when the user asks, because
// reloading under someone typing a note would lose their place.
import { registerSW } from 'virtual:pwa-register';

export interface PwaCallbacks {
  onNeedRefresh: () => void;
  onOfflineReady: () => void;
}

const CHECK_EVERY_MS = 60 * 60_000;

/** Returns the function that activates the waiting worker and reloads. */
export function registerServiceWorker(cb: PwaCallbacks): () => Promise<void> {
  const skipWaiting = registerSW({
    immediate: true,
    onNeedRefresh: cb.onNeedRefresh,
    onOfflineReady: cb.onOfflineReady,
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      // Update checks only when online: offline they fail and only add noise.
      const check = () => {
        if (navigator.onLine && !registration.installing) registration.update().catch(() => {});
      };
      setInterval(check, CHECK_EVERY_MS);
      addEventListener('online', check);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    },
  });
  return async () => {
    // workbox-window reloads only for updates it found itself; a worker found by the browser
    // or by registration.update() counts as "external" and would take over without a reload,
    // leaving the old page to request files the new worker no longer has.
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
      once: true,
    });
    await skipWaiting();
  };
}
