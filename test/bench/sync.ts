// Sync of 300 photos from the built app in Chromium to a real Apache mod_dav on another origin
// (through a counting proxy), against the floor of a plain loop of PUTs of the same Blobs from
// the same page to the same server, in the same run. Then a second sync with nothing changed:
// what it sends must be listings only.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { startDav } from '../support/dav-server';
import { startFaultProxy } from '../support/fault-proxy';
import type { Row } from './startup';
import { seedPhotos } from '../support/seed-photos';

const PHOTOS = 300;
const SIZE = 200 * 1024; // about the stored median (DESIGN.md: <= 250 KB)

/** The floor: the same stored Blobs PUT one after another, as a plain script would. */
function putLoop({ url, auth }: { url: string; auth: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('confnotes');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('photoBlobs').objectStore('photoBlobs').getAll();
      req.onerror = () => reject(req.error);
      req.onsuccess = async () => {
        const rows = req.result as { id: string; blob: Blob }[];
        const start = performance.now();
        for (const row of rows) {
          const res = await fetch(`${url}${row.id}.jpg`, {
            method: 'PUT',
            body: row.blob,
            headers: { Authorization: auth, 'Content-Type': 'image/jpeg' },
          });
          if (!res.ok) return reject(new Error(`PUT ${res.status}`));
        }
        resolve(performance.now() - start);
      };
    };
  });
}

/** The floor for the second device: the same images fetched one after another. */
async function getLoop({ urls, auth }: { urls: string[]; auth: string }): Promise<number> {
  const start = performance.now();
  for (const url of urls) {
    const res = await fetch(url, { headers: { Authorization: auth } });
    if (!res.ok) throw new Error(`GET ${res.status}`);
    await res.blob();
  }
  return performance.now() - start;
}

/** How many images the app's database holds. */
function countImages(): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('confnotes');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('photoBlobs').objectStore('photoBlobs').count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    };
  });
}

export async function syncBench(browser: Browser, appUrl: string): Promise<Row[]> {
  const origin = appUrl.replace(/\/$/, '');
  const dav = await startDav({ origin });
  const proxy = await startFaultProxy(dav.url, { origin, keepAlive: true });
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  try {
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.locator('main a.title').first().waitFor();
    // The account first, while only the demo (never synced) exists: what is timed below is
    // the sync itself, not the connection test that saving an account runs.
    await page.goto(`${appUrl}#/settings`);
    // "Read slide text" stores its files once: that download is over before anything is timed.
    await page.getByText(/^\d+ photos? read\.$/).waitFor({ timeout: 60_000 });
    await page.getByRole('textbox', { name: 'WebDAV URL' }).fill(proxy.url);
    await page.getByRole('textbox', { name: 'Username' }).fill(dav.user);
    await page.getByLabel('Password', { exact: true }).fill(dav.password);
    await page.getByRole('button', { name: 'Save account' }).click();
    await page.getByText(/^Synced 0 conferences/).waitFor();

    await page.evaluate(seedPhotos, { photos: PHOTOS, size: SIZE });
    const auth = `Basic ${Buffer.from(`${dav.user}:${dav.password}`).toString('base64')}`;
    await dav.request('MKCOL', 'floor/');
    const floorMs = await page.evaluate(putLoop, { url: `${proxy.url}floor/`, auth });

    const done = page.getByText(/^Synced 1 conference:/);
    const start = performance.now();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await done.waitFor({ timeout: 300_000 });
    const syncMs = performance.now() - start;
    const sent = proxy.requests.filter((r) => r.method === 'PUT' && r.path.includes('/images/'));
    if (sent.length !== PHOTOS) throw new Error(`sync sent ${sent.length} images, not ${PHOTOS}`);
    // Where the time went: before the first image, the images, and after the last one.
    const first = sent[0]!.at - start;
    const last = sent.at(-1)!.at - start;
    const phases = `${(first / 1000).toFixed(1)} s before the images, ${((last - first) / 1000).toFixed(1)} s of images, ${((syncMs - last) / 1000).toFixed(1)} s after`;

    proxy.requests.length = 0;
    await page.getByRole('button', { name: 'Sync now' }).click();
    await done.waitFor();
    const second = [...proxy.requests];
    const bytes = second.reduce((n, r) => n + r.bytesIn, 0);
    const methods = [...new Set(second.map((r) => r.method))].sort();
    const listingsOnly = second.every((r) => r.method === 'PROPFIND' || r.method === 'OPTIONS');
    console.log('second sync requests:', second);

    // A second device (another browser profile) gets it all: against a plain loop of GETs of
    // the same images from the same page. Timed from "Save account", which syncs at once.
    const laptop = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const other = await laptop.newPage();
    await other.goto(`${appUrl}#/settings`);
    await other.getByText(/^\d+ photos? read\.$/).waitFor({ timeout: 60_000 });
    await other.goto(appUrl);
    await other.locator('main a.title').first().waitFor();
    const names = readdirSync(join(dav.root, 'bench-conference', 'images'));
    const getFloorMs = await other.evaluate(getLoop, {
      urls: names.map((n) => `${proxy.url}bench-conference/images/${n}`),
      auth,
    });
    await other.goto(`${appUrl}#/settings`);
    await other.getByRole('textbox', { name: 'WebDAV URL' }).fill(proxy.url);
    await other.getByRole('textbox', { name: 'Username' }).fill(dav.user);
    await other.getByLabel('Password', { exact: true }).fill(dav.password);
    const pulledAt = performance.now();
    await other.getByRole('button', { name: 'Save account' }).click();
    await other.getByText(/^Synced 1 conference:/).waitFor({ timeout: 300_000 });
    const pullMs = performance.now() - pulledAt;
    const stored = await other.evaluate(countImages);
    await laptop.close();
    if (stored !== PHOTOS) throw new Error(`the second device stored ${stored} images`);
    const pull = getFloorMs / pullMs;
    const ratio = floorMs / syncMs;
    return [
      {
        what: `sync, first, ${PHOTOS} photos: speed vs PUT loop`,
        value: `${ratio.toFixed(2)}x (${(syncMs / 1000).toFixed(1)} s vs ${(floorMs / 1000).toFixed(1)} s)`,
        budget: '>= 0.8x',
        ok: ratio >= 0.8,
      },
      { what: '  where its time went', value: phases, budget: '(reported)', ok: true },
      {
        what: `sync to a second device, ${PHOTOS} photos: vs GET loop`,
        value: `${pull.toFixed(2)}x (${(pullMs / 1000).toFixed(1)} s vs ${(getFloorMs / 1000).toFixed(1)} s)`,
        budget: '(reported)',
        ok: true,
      },
      {
        what: 'sync, second, nothing changed: bytes sent',
        value: `${bytes} B in ${second.length} requests (${methods.join(', ')})`,
        budget: 'listings only',
        ok: listingsOnly,
      },
    ];
  } finally {
    await context.close();
    await proxy.stop();
    await dav.stop();
  }
}
