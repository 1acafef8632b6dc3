// Shared set-up for the browser tests: each test gets its own app server (its own origin, so
// its own IndexedDB and service worker) and fails if the page asks any host but localhost or
// if the Content-Security-Policy blocks anything.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { startApp, type AppServer } from '../support/servers';

export { expect };

export const FIXTURES = new URL('../fixtures/schedules/', import.meta.url).pathname;

/** The fields of a real rC3 frab event that the hostile-input tests change. */
export interface Rc3Event {
  title: string;
  abstract: string;
  url: string;
  links: unknown;
  persons: { public_name: string }[];
}

export interface Rc3Conference {
  title: string;
  url?: string;
  days: { rooms: Record<string, Rc3Event[]> }[];
}

/**
 * The real rC3 schedule (frab JSON) with `edit` applied to its conference and to the events of
 * its first room on its first day, written to a temporary file: its path.
 */
export function rc3File(name: string, edit: (conf: Rc3Conference, events: Rc3Event[]) => void) {
  const text = readFileSync(`${FIXTURES}frab-json_pretalx_rc3-channels-2020.json`, 'utf8');
  const data = JSON.parse(text) as { schedule: { conference: Rc3Conference } };
  const conference = data.schedule.conference;
  edit(conference, Object.values(conference.days[0]!.rooms)[0]!);
  const file = join(tmpdir(), `${name}-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(data));
  return file;
}

/** What the Content-Security-Policy refused during a test (see the `csp` fixture). */
export interface Csp {
  violations: string[];
  hostileMarkup: boolean;
}

export const test = base.extend<{ app: AppServer; foreignRequests: string[]; csp: Csp }>({
  app: async ({}, use) => {
    const app = await startApp();
    await use(app);
    await app.stop();
  },
  foreignRequests: [
    async ({ context }, use) => {
      const foreign: string[] = [];
      context.on('request', (req) => {
        const { hostname, protocol } = new URL(req.url());
        if (
          (protocol === 'http:' || protocol === 'https:') &&
          hostname !== '127.0.0.1' &&
          hostname !== 'localhost'
        ) {
          foreign.push(req.url());
        }
      });
      await use(foreign);
      expect(foreign, 'requests to hosts other than the app and the test schedule host').toEqual(
        [],
      );
    },
    { auto: true },
  ],
  // The app runs under a strict Content-Security-Policy (vite.config.ts): whatever it blocks
  // is a feature broken for users, so any violation fails the test. Chromium reports each one
  // on the console of the page or worker it happened in. A test that feeds hostile markup sets
  // `csp.hostileMarkup`: Chromium then reports its inline handlers and styles even while
  // DOMPurify parses them in an inert document to remove them, and those reports are expected.
  csp: [
    async ({ context }, use) => {
      const csp: Csp = { violations: [], hostileMarkup: false };
      const watch = (text: string) => {
        if (/Content[- ]Security[- ]Policy/i.test(text)) csp.violations.push(text);
      };
      context.on('console', (msg) => watch(msg.text()));
      context.on('page', (page) => {
        page.on('pageerror', (err) => watch(err.message));
        page.on('worker', (worker) => worker.on('console', (msg) => watch(msg.text())));
      });
      await use(csp);
      const expected = /^(Executing inline event handler|Applying inline style) violates/;
      const unexpected = csp.violations.filter((v) => !(csp.hostileMarkup && expected.test(v)));
      expect(unexpected, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Waits for what the user is told once the app shell is cached. (An active worker alone is not
 * enough: Chromium reported it before the precache held every file.)
 */
export async function waitForOffline(page: Page): Promise<void> {
  await expect(page.getByText('Ready to work offline.')).toBeVisible({ timeout: 30_000 });
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

/** Opens the app and waits for the demo conference to be listed. */
export async function openApp(page: Page, app: AppServer): Promise<void> {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Your conferences' })).toBeVisible();
}

/**
 * Turns "Read slide text" off and comes back home: for tests that write slide text themselves,
 * or that count shots of one slide, which reading would stack.
 */
export async function readingOff(page: Page, app: AppServer): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  const box = page.getByRole('checkbox', { name: 'Read slide text' });
  await box.uncheck();
  await expect(box).not.toBeChecked();
  await openApp(page, app);
}

/**
 * A full disk for the writes to one IndexedDB store: puts to `store` throw QuotaExceededError,
 * where the browser reports a full disk, while the returned switch is on (`full` at first).
 * Chromium's Storage.overrideQuotaForOrigin had no effect on this build (quota unchanged).
 */
export async function fullDiskFor(
  page: Page,
  store: string,
  full = true,
): Promise<(full: boolean) => Promise<void>> {
  type Switch = { __diskFull?: boolean };
  await page.addInitScript(
    ([name, start]) => {
      const w = window as unknown as Switch;
      w.__diskFull = start;
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (
        this: IDBObjectStore,
        ...args: Parameters<typeof put>
      ) {
        if (w.__diskFull && this.name === name) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return put.apply(this, args);
      };
    },
    [store, full] as const,
  );
  return async (on) => {
    await page.evaluate((v) => ((window as unknown as Switch).__diskFull = v), on);
  };
}

export async function importFile(page: Page, app: AppServer, path: string): Promise<void> {
  await page.goto(`${app.url}#/import`);
  await page.getByLabel('Schedule file').setInputFiles(path);
}

/**
 * The width in pixels of the image an <img> shows, once decoded (a thumbnail is 320), or 0
 * while the photo's placeholder stands in for it or it cannot be decoded: for expect.poll.
 */
export function shownWidth(img: Locator): Promise<number> {
  return img.evaluate(async (el) => {
    if (!(el instanceof HTMLImageElement)) return 0;
    return el.decode().then(
      () => el.naturalWidth,
      () => 0,
    );
  });
}

/**
 * Taps the shutter `count` times as fast as the camera gives new frames. The fake camera loops
 * a short video: on a loaded machine two taps could otherwise grab the same frame, and the
 * same bytes make the same photo (photos are named by content hash). Chromium's file camera,
 * when starved, hands the same file frame over twice: two new frames apart are two pictures.
 */
export async function takePhotos(page: Page, count: number): Promise<void> {
  const shutter = page.getByRole('button', { name: 'Take photo' });
  for (let i = 0; i < count; i++) {
    await shutter.click({ noWaitAfter: true });
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const video = document.querySelector('video')!;
          video.requestVideoFrameCallback(() => video.requestVideoFrameCallback(() => resolve()));
        }),
    );
  }
}

/** Every row of one of the app's IndexedDB tables, as stored. */
export function storedRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open('confnotes');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            req.result.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}

/**
 * A slide as a presentation tool draws it, as a PNG of `width` pixels (16:9), drawn by the
 * browser in a page of its own: a re-shot is the same slide at another width.
 */
export async function slidePng(
  page: Page,
  title: string,
  bullets: string[],
  width = 1280,
): Promise<Buffer> {
  const painter = await page.context().newPage();
  await painter.setViewportSize({ width, height: Math.round((width * 9) / 16) });
  const items = bullets.map((b) => `<li>${b}</li>`).join('');
  await painter.setContent(`<body style="margin:0;padding:4vw 5vw;background:#fff;color:#1b1b1b;
    font:3vw/1.5 'DejaVu Sans',sans-serif"><h1 style="font-size:5vw;margin:0 0 2vw">${title}</h1>
    <ul>${items}</ul></body>`);
  const png = await painter.screenshot();
  await painter.close();
  return png;
}

/**
 * Changes a photo's record straight in IndexedDB, as the reading queue or a sync would (its
 * text, its stack): the app sees it after a reload.
 */
export function updatePhoto(
  page: Page,
  id: string,
  changes: Record<string, unknown>,
): Promise<void> {
  return page.evaluate(
    ([id, changes]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('confnotes');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('photos', 'readwrite');
          const store = tx.objectStore('photos');
          const get = store.get(id);
          get.onsuccess = () => store.put({ ...get.result, ...changes });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [id, changes] as const,
  );
}
