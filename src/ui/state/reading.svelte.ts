// "Read slide text" (issue 12): the setting, the one-time download of the engine and models
// into a cache of their own (the service worker answers from it offline), and the background
// queue that reads each photo, paused while the camera screen is open. Loaded after start-up
// (main.ts), so none of it weighs on the first screen.
import { liveQuery } from 'dexie';
import { appDb } from '../../lib/db/db';
import { readingCounts } from '../../lib/db/photo-reads';
import { SlideReader, type ReadPort } from '../../lib/conference/slide-reader';
import { ReadClient, readFiles } from '../../lib/read/read-client';
import { READ_CACHE } from '../../lib/read/cache';
import { isQuotaError } from '../../lib/db/errors';
import { settings } from './repos';
import { i18n } from './i18n.svelte';
import { router } from './router.svelte';

const SETTING = 'readSlides';

export type Download =
  | { state: 'checking' }
  | { state: 'downloading'; got: number }
  | { state: 'ready' }
  | { state: 'offline' }
  | { state: 'full' }
  | { state: 'failed'; message: string };

const db = appDb();

/**
 * Marks each read for the bench (npm run bench -- capture): `confnotes:reading` as it starts,
 * the `confnotes:read` measure as it ends, so a read in flight can be told apart.
 */
function timed(client: ReadClient): ReadPort {
  return {
    async read(blob, lang) {
      const start = performance.mark('confnotes:reading').startTime;
      try {
        return await client.read(blob, lang);
      } finally {
        performance.measure('confnotes:read', { start });
      }
    },
    close: () => client.close(),
  };
}

class ReadingState {
  on = $state(true);
  download = $state<Download>({ state: 'checking' });
  counts = $state({ read: 0, waiting: 0 });
  /** What the download weighs: the engine for this browser and both models. */
  readonly bytes = readFiles().reduce((sum, f) => sum + f.bytes, 0);

  // The counts follow the database (liveQuery below): a stored reading changes them, a failed
  // or dropped one does not.
  private readonly reader = new SlideReader(db, timed(new ReadClient()), () => i18n.lang);
  private started = false;
  private fetching: Promise<void> | undefined;

  /** Once, after start-up: loads the setting, stores the files if needed, starts reading. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.on = await settings.get(SETTING, true);
    addEventListener('online', () => void this.prepare());
    // Never while the camera screen is open: the shot in hand comes first. Nor are the photos
    // counted then: each shot stored would walk them all again on the main thread, mid-burst.
    let counting: { unsubscribe(): void } | undefined;
    $effect.root(() => {
      $effect(() => {
        if (router.route.name === 'camera') {
          this.reader.pause();
          counting?.unsubscribe();
          counting = undefined;
        } else {
          counting ??= this.count();
          void this.run();
        }
      });
    });
    await this.prepare();
  }

  private count() {
    return liveQuery(() => readingCounts(db)).subscribe({
      next: (c) => {
        this.counts = c;
        if (c.waiting) void this.run();
      },
      error: () => {},
    });
  }

  async setOn(on: boolean): Promise<void> {
    this.on = on;
    await settings.set(SETTING, on);
    if (on) return this.prepare();
    // Off: what was read stays; the files go, and so does the space they took.
    this.reader.pause();
    await this.reader.idle();
    if ('caches' in globalThis) await caches.delete(READ_CACHE);
    this.download = { state: 'checking' };
  }

  private async run(): Promise<void> {
    if (!this.on || this.download.state !== 'ready' || router.route.name === 'camera') return;
    await this.reader.resume();
  }

  /** Stores whatever files are missing, with progress; then reading can start. */
  private prepare(): Promise<void> {
    if (!this.on) return Promise.resolve();
    this.fetching ??= this.store().finally(() => (this.fetching = undefined));
    return this.fetching;
  }

  private async store(): Promise<void> {
    // Without Cache Storage (the dev server over plain http) the worker fetches them itself.
    if (!('caches' in globalThis)) return this.ready();
    const cache = await caches.open(READ_CACHE);
    const files = readFiles();
    const missing = [];
    for (const f of files) if (!(await cache.match(f.url))) missing.push(f);
    let got = this.bytes - missing.reduce((sum, f) => sum + f.bytes, 0);
    if (!missing.length) return this.ready();
    if (!navigator.onLine) return void (this.download = { state: 'offline' });
    try {
      for (const f of missing) {
        const response = await fetch(f.url);
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        const parts: Uint8Array<ArrayBuffer>[] = [];
        const body = response.body.getReader();
        for (let r = await body.read(); !r.done; r = await body.read()) {
          parts.push(r.value);
          got += r.value.length;
          this.download = { state: 'downloading', got };
        }
        const headers = { 'Content-Type': 'application/octet-stream' };
        await cache.put(f.url, new Response(new Blob(parts), { headers }));
      }
    } catch (e) {
      if (isQuotaError(e)) this.download = { state: 'full' };
      else if (!navigator.onLine) this.download = { state: 'offline' };
      else this.download = { state: 'failed', message: e instanceof Error ? e.message : String(e) };
      return;
    }
    return this.ready();
  }

  private ready(): void {
    this.download = { state: 'ready' };
    void this.run();
  }
}

export const reading = new ReadingState();
