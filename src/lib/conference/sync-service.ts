// Builds the sync engine, one way for the page and for the service worker: the account's
// storage, the browser's online flag and this app's origin (named in the CORS advice), and
// the write-up's language.
import type { Lang } from '../export/model';
import { SyncEngine, type SyncProgress } from '../sync/engine';
import type { SyncAccount, SyncStore } from '../sync/store';

export interface SyncServiceOptions {
  /** Language of the write-up; the account's (saved by the page) when not given, else English. */
  lang?: Lang;
  onProgress?: (p: SyncProgress) => void;
}

/** A sync engine for `account` over `store`, in a window or the service worker. */
export function syncEngine(
  store: SyncStore,
  account: SyncAccount,
  { lang, onProgress }: SyncServiceOptions = {},
): SyncEngine {
  return new SyncEngine(store, account, {
    lang: lang ?? account.lang ?? 'en',
    online: () => navigator.onLine,
    origin: globalThis.location.origin,
    onProgress,
  });
}
