// Background Sync (Chromium): the page registers the tag when a sync could not reach the server,
// and the browser fires it once the network is back, even with the app closed. A visible window
// runs the sync itself (it shows progress); otherwise the worker runs it here.
import { appDb } from '../lib/db/db';
import { SyncRepo } from '../lib/db/sync-repo';
import { syncEngine } from '../lib/conference/sync-service';
import { SYNC_TAG } from '../lib/sync/tag';
import { passing } from '../lib/sync/webdav';

declare const self: ServiceWorkerGlobalScope;

async function backgroundSync(): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window' });
  const visible = windows.filter((w) => w.visibilityState === 'visible');
  if (visible.length) {
    for (const w of visible) w.postMessage({ type: SYNC_TAG });
    return;
  }
  const repo = new SyncRepo(appDb());
  const account = await repo.account();
  if (!account) return;
  const report = await syncEngine(repo, account).run();
  // Thrown, the browser tries again later (with back-off); anything else waits for the app.
  if (report.error && passing(report.error)) {
    throw report.error;
  }
}

export function listenForBackgroundSync(): void {
  self.addEventListener('sync', (event: Event) => {
    const e = event as ExtendableEvent & { tag: string };
    if (e.tag === SYNC_TAG) e.waitUntil(backgroundSync());
  });
}
