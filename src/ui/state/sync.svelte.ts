// Sync for the screens: the account, "Test connection", "Sync now" and the automatic runs,
// with progress, the last outcome and the folders' problems as derived views in plain words.
// Loaded only once an account exists (see sync-trigger.svelte.ts) or the Settings page opens.
import { appDb } from '../../lib/db/db';
import { SyncRepo, type SyncAccount } from '../../lib/db/sync-repo';
import type { SyncMeta } from '../../lib/db/types';
import type { SyncProgress, SyncReport } from '../../lib/sync/engine';
import { syncEngine } from '../../lib/conference/sync-service';
import { passing, testConnection } from '../../lib/sync/webdav';
import { SYNC_TAG } from '../../lib/sync/tag';
import { conferenceList } from './app.svelte';
import { explain, i18n, t } from './i18n.svelte';
import { plural } from './plural';
import { Live } from './live.svelte';
import { SYNC_FLAG, syncStatus } from './sync-status.svelte';

const syncRepo = new SyncRepo(appDb());

// Automatic runs wait this long after the previous one, so switching apps is not a sync each.
const AUTO_GAP_MS = 20_000;
// A change made while the app is open goes out this long after it started waiting.
const QUIET_MS = 8_000;
// The progress bar moves at most this often, twice a second: a frame drawn per image sent took
// the main thread from the uploads (a second and a half of rendering in a 300-photo sync).
const PROGRESS_MS = 500;

class SyncState {
  running = $state(false);
  progress = $state<SyncProgress>();
  report = $state<SyncReport>();
  error = $state('');
  lastRunAt = 0;
  readonly metas = new Live<SyncMeta[]>(() => syncRepo.watchMetas());
  readonly waiting = new Live<Map<string, number>>(() => syncRepo.watchWaiting());
  #run: Promise<void> | undefined;

  readonly #titles = $derived(
    new Map((conferenceList.current ?? []).map((c) => [c.id, c.title] as const)),
  );
  readonly #metas = $derived(this.metas.current ?? []);
  /** Changes waiting to go out, all conferences together. */
  readonly waitingCount = $derived(
    [...(this.waiting.current?.values() ?? [])].reduce((a, b) => a + b, 0),
  );
  /** Folders emptied, moved or replaced on the server: sync stopped for them and asks. */
  readonly lost = $derived(
    this.#metas.filter((m) => m.lost && !m.paused && this.#titles.has(m.conferenceId)),
  );
  readonly paused = $derived(
    this.#metas.filter((m) => m.paused && this.#titles.has(m.conferenceId)),
  );
  /** Deleted here after a sync: still on the server, and not fetched back unless asked. */
  readonly serverOnly = $derived(
    conferenceList.current
      ? this.#metas.filter((m) => m.lastSyncAt && !this.#titles.has(m.conferenceId))
      : [],
  );
  /** When any conference last synced (epoch ms), if ever. */
  readonly lastSyncAt = $derived(
    this.#metas.reduce<number | undefined>(
      (at, m) => Math.max(at ?? 0, m.lastSyncAt ?? 0) || at,
      undefined,
    ),
  );
  /** What the running sync is doing, in words. */
  readonly phase = $derived(
    this.progress?.phase === 'uploading'
      ? t('Sending photos')
      : this.progress?.phase === 'downloading'
        ? t('Receiving photos')
        : this.progress?.phase === 'saving'
          ? t('Saving notes on the server')
          : t('Checking the server'),
  );
  /** What the last run did, when it went through. */
  readonly outcome = $derived.by(() => {
    const r = this.report?.conferences;
    if (!r || this.error) return '';
    const sum = (f: (c: SyncReport['conferences'][number]) => number) =>
      r.reduce((s, c) => s + f(c), 0);
    return t('Synced {conferences}: {photos}, {changes}, {notes}.', {
      conferences: plural(
        r.filter((c) => !c.error && !c.lost).length,
        '{n} conference',
        '{n} conferences',
      ),
      photos: plural(
        sum((c) => c.uploaded),
        '{n} photo sent',
        '{n} photos sent',
      ),
      changes: plural(
        sum((c) => c.downloaded),
        '{n} change received',
        '{n} changes received',
      ),
      notes: plural(
        sum((c) => c.conflicts),
        '{n} note edited on two devices',
        '{n} notes edited on two devices',
      ),
    });
  });

  /** The conference's title, or its folder's name once it is gone from this device. */
  name(meta: SyncMeta): string {
    return this.#titles.get(meta.conferenceId) ?? meta.folder;
  }

  account(): Promise<SyncAccount | undefined> {
    return syncRepo.account();
  }

  async saveAccount(account: SyncAccount | undefined): Promise<void> {
    await syncRepo.saveAccount(account);
    if (account) localStorage.setItem(SYNC_FLAG, '1');
    else localStorage.removeItem(SYNC_FLAG);
  }

  /** Reads the folder once; a verdict in plain words, thrown as an Error when it failed. */
  async test(account: SyncAccount): Promise<string> {
    const { words, values } = await testConnection(account, {
      online: () => navigator.onLine,
      origin: location.origin,
    });
    return t(words, values);
  }

  /** "Sync now": one run at a time; a second call waits for the first. */
  now(): Promise<void> {
    this.#followChanges();
    this.#run ??= this.#sync().finally(() => (this.#run = undefined));
    return this.#run;
  }

  /** A run the app starts by itself (open, back online, visible, Background Sync). */
  auto(): Promise<void> {
    this.#followChanges();
    if (this.running || Date.now() - this.lastRunAt < AUTO_GAP_MS) return Promise.resolve();
    return this.now();
  }

  #following = false;
  #progressAt = 0;
  #progressLater: ReturnType<typeof setTimeout> | undefined;
  /** The latest progress not shown yet, which the timer under way shows. */
  #progressNext: SyncProgress | undefined;

  /**
   * Shows the run's progress, a change of phase at once, the rest at most every PROGRESS_MS.
   * Called once per image sent: in between, the latest is only kept for the timer already set.
   */
  #showProgress(p: SyncProgress): void {
    const wait = this.#progressAt + PROGRESS_MS - performance.now();
    if (wait <= 0 || p.phase !== this.progress?.phase || p.done === p.total) {
      this.#stopProgressTimer();
      this.#progressAt = performance.now();
      this.progress = p;
      return;
    }
    this.#progressNext = p;
    this.#progressLater ??= setTimeout(() => {
      this.#progressLater = undefined;
      const next = this.#progressNext;
      this.#progressNext = undefined;
      if (next) this.#showProgress(next);
    }, wait);
  }

  #stopProgressTimer(): void {
    clearTimeout(this.#progressLater);
    this.#progressLater = undefined;
    this.#progressNext = undefined;
  }
  #soon: ReturnType<typeof setTimeout> | undefined;

  /**
   * While the app is open, changes go out on their own: a sync starts a few seconds after a
   * record starts waiting (further edits of a waiting record go with it), so typing is not a
   * sync per word.
   */
  #followChanges(): void {
    if (this.#following) return;
    this.#following = true;
    let last = Infinity;
    syncRepo.watchWaiting().subscribe((counts) => {
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const grew = total > last;
      last = total;
      if (!grew) return;
      clearTimeout(this.#soon);
      this.#soon = setTimeout(() => {
        if (navigator.onLine && localStorage.getItem(SYNC_FLAG)) void this.now();
      }, QUIET_MS);
    });
  }

  async #sync(): Promise<void> {
    this.running = syncStatus.running = true;
    this.error = '';
    this.report = undefined;
    this.progress = undefined;
    this.lastRunAt = Date.now();
    try {
      const account = await syncRepo.account();
      if (!account) {
        this.error = t('Set up a WebDAV account first.');
        return;
      }
      if (account.lang !== i18n.lang) await syncRepo.saveAccount({ ...account, lang: i18n.lang });
      const engine = syncEngine(syncRepo, account, {
        lang: i18n.lang,
        onProgress: (p) => this.#showProgress(p),
      });
      const report = await engine.run();
      this.report = report;
      if (report.conferences.some((c) => c.downloaded > 0)) {
        void import('./capture.svelte').then((m) => m.makeMissingThumbnails());
      }
      if (report.error) {
        this.error = explain(report.error);
        if (passing(report.error)) await retryLater();
      }
    } catch (e) {
      this.error = explain(e);
    } finally {
      this.running = false;
      this.#stopProgressTimer();
      this.progress = undefined;
      const failed = this.report?.conferences.find((c) => c.error || c.lost);
      syncStatus.error =
        this.error || (failed ? (failed.error ? explain(failed.error) : failed.title) : '');
      syncStatus.running = false;
    }
  }

  /** After the folder vanished or was replaced: send this device's copy again, merged. */
  async reconnect(meta: SyncMeta): Promise<void> {
    await syncRepo.reconnect(meta.conferenceId);
    await this.now();
  }

  /** A conference deleted here comes back from its server folder. */
  async fetchBack(meta: SyncMeta): Promise<void> {
    await syncRepo.forgetMeta(meta.conferenceId);
    await this.now();
  }

  async pause(meta: SyncMeta, paused: boolean): Promise<void> {
    await syncRepo.saveMeta({ ...meta, paused });
  }
}

/** Background Sync is not in TypeScript's DOM library yet. */
type BackgroundSyncRegistration = ServiceWorkerRegistration & {
  sync?: { register(tag: string): Promise<void> };
};

/** Asks the browser to run sync when the network is back, even with the app closed. */
async function retryLater(): Promise<void> {
  try {
    const reg: BackgroundSyncRegistration | undefined =
      await navigator.serviceWorker?.getRegistration();
    await reg?.sync?.register(SYNC_TAG);
  } catch {
    // No Background Sync here (Safari, Firefox): the app syncs when it is next opened.
  }
}

export const sync = new SyncState();
