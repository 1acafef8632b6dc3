// The automatic sync runs: when the app opens, when the network comes back, when the app
// becomes visible, and when the service worker relays a Background Sync. Part of start-up, so
// it stays tiny: the sync code itself loads only if an account was set up on this device.
import { SYNC_TAG } from '../../lib/sync/tag';
import { SYNC_FLAG } from './sync-status.svelte';

export function startAutoSync(): void {
  const go = () => {
    if (!localStorage.getItem(SYNC_FLAG) || !navigator.onLine) return;
    if (document.visibilityState !== 'visible') return;
    void import('./sync.svelte').then(({ sync }) => sync.auto());
  };
  go();
  addEventListener('online', go);
  document.addEventListener('visibilitychange', go);
  navigator.serviceWorker?.addEventListener('message', (e: MessageEvent<{ type?: string }>) => {
    if (e.data?.type === SYNC_TAG) go();
  });
}
