// Tap to safe (issue 13): on the capture screen, with camera frames at 1920×1080, the time from a
// click on the real shutter to the "saved" count going up on screen (the frame after the text
// changed), against a floor of the same work done bare in the same page: the same video frame
// encoded the app's way (a VideoFrame handed to a warm worker, OffscreenCanvas JPEG 0.92), one
// IndexedDB put, a text changed and its frame. The floor too starts from a tap, on a bare button
// of its own: both times begin at the click event's timestamp, so both include the browser's
// delivery of the tap to the page. In rounds (the order turned each round), at full speed and
// with the CPU slowed 4x through the DevTools protocol; each ratio is the median of the rounds'
// own ratios.
import type { Locator, Page } from '@playwright/test';
import { HD_CAMERA, cameraArgs, makeFakeCamera } from '../support/fake-camera';
import { launch, workerReady } from '../support/browser';
import type { Row } from './startup';

// 21, not 11: with 11 the 4x gate read 1.26x to 1.65x on identical code from one run to the next.
const ROUNDS = 21;
/** Rounds of the self-check, each with its shot's commit held up. */
const HELD_ROUNDS = 3;
const BUDGET = 1.5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Bench = Window & {
  __tap: number;
  __saved: Promise<number>;
  __hold: (ms: number) => Promise<void>;
  __floorArm: () => void;
  __floorRun: Promise<{ ms: number; encoded: number; put: number }>;
  __frameWorker?: Worker;
};

/** The page's side: the click's time, the count's next frame, the bare floor, a held lock. */
function instrument() {
  const w = window as unknown as Bench;
  let holdMs = 0;
  let db: IDBDatabase | undefined;
  const painted = () =>
    new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
  addEventListener(
    'click',
    (e) => {
      if (!(e.target as Element).closest?.('button.shutter')) return;
      w.__tap = e.timeStamp;
      w.__saved = new Promise((resolve) => {
        const status = document.querySelector('.status')!;
        const count = () => Number(/(\d+) saved/.exec(status.textContent ?? '')?.[1] ?? 0);
        const was = count();
        new MutationObserver((_, observer) => {
          if (count() <= was) return;
          observer.disconnect();
          void painted().then(resolve);
        }).observe(status, { subtree: true, childList: true, characterData: true });
      });
      // The self-check: a transaction of the bench's own on the photos table, started before
      // the app's handler runs, keeps the shot from committing for `holdMs`.
      if (holdMs && db) {
        const store = db.transaction('photos', 'readwrite').objectStore('photos');
        const end = performance.now() + holdMs;
        const spin = () => {
          if (performance.now() < end) store.count().onsuccess = spin;
        };
        spin();
        holdMs = 0;
      }
    },
    { capture: true },
  );
  w.__hold = (ms) =>
    new Promise((resolve) => {
      const open = indexedDB.open('confnotes');
      open.onsuccess = () => {
        [db, holdMs] = [open.result, ms];
        resolve();
      };
    });
  let floorDb: Promise<IDBDatabase> | undefined;
  let shown = 0;
  const floor = async (start: number) => {
    floorDb ??= new Promise((resolve) => {
      const open = indexedDB.open('bench-floor');
      open.onupgradeneeded = () => open.result.createObjectStore('shots');
      open.onsuccess = () => resolve(open.result);
    });
    const fdb = await floorDb;
    let text = document.getElementById('bench-floor');
    if (!text) {
      // On screen over the app, as its count is.
      text = document.body.appendChild(document.createElement('p'));
      text.id = 'bench-floor';
      text.style.cssText = 'position: fixed; top: 0; left: 0; margin: 0; background: #fff';
    }
    const video = document.querySelector('video')!;
    // The app's way: the frame handed to a worker as a VideoFrame, encoded there.
    w.__frameWorker ??= new Worker(
      URL.createObjectURL(
        new Blob(
          [
            `onmessage = async ({ data: frame }) => {
              const c = new OffscreenCanvas(frame.displayWidth, frame.displayHeight);
              c.getContext('2d').drawImage(frame, 0, 0);
              frame.close();
              postMessage(await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 }));
            };`,
          ],
          { type: 'text/javascript' },
        ),
      ),
    );
    const worker = w.__frameWorker;
    const frame = new VideoFrame(video);
    const blob = await new Promise<Blob>((resolve) => {
      worker.onmessage = (e: MessageEvent<Blob>) => resolve(e.data);
      worker.postMessage(frame, [frame]);
    });
    const encoded = performance.now();
    await new Promise((resolve) => {
      const tx = fdb.transaction('shots', 'readwrite');
      tx.objectStore('shots').put(blob, ++shown);
      tx.oncomplete = resolve;
    });
    const put = performance.now();
    text.textContent = `${shown} saved`;
    const end = await painted();
    return { ms: end - start, encoded: encoded - start, put: put - encoded };
  };
  // The floor's shutter: a bare button over the app's header, its work started by its click.
  w.__floorArm = () => {
    if (document.getElementById('bench-floor-shutter')) return;
    const button = document.body.appendChild(document.createElement('button'));
    button.id = 'bench-floor-shutter';
    button.textContent = 'floor';
    button.style.cssText =
      'position: fixed; top: 0; right: 0; z-index: 2147483647; width: 4rem; height: 3rem';
    button.addEventListener('click', (e) => (w.__floorRun = floor(e.timeStamp)));
  };
}

/**
 * A tap at a button's place, as a thumb gives: a locator's click would also run Playwright's
 * hit-target check in the page, on the measured time.
 */
async function thumb(page: Page, button: Locator): Promise<void> {
  const box = (await button.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The floor, from a tap on its own button. */
async function floorTap(page: Page): Promise<{ ms: number; encoded: number; put: number }> {
  await page.evaluate(() => (window as unknown as Bench).__floorArm());
  await thumb(page, page.locator('#bench-floor-shutter'));
  return page.evaluate(() => (window as unknown as Bench).__floorRun);
}

async function tap(page: Page): Promise<{ ms: number; stored: number }> {
  const before = await page.evaluate(() => performance.getEntriesByName('confnotes:stored').length);
  await thumb(page, page.getByRole('button', { name: 'Take photo' }));
  const ms = await page.evaluate(async () => {
    const w = window as unknown as Bench;
    return (await w.__saved) - w.__tap;
  });
  // What the app measured to its commit, and then processing over, so rounds start quiet.
  const stored = await page.evaluate(
    (n) => performance.getEntriesByName('confnotes:stored')[n]!.duration,
    before,
  );
  await page.waitForFunction(
    (n) => performance.getEntriesByName('confnotes:processed').length > n,
    before,
    { timeout: 60_000, polling: 100 },
  );
  return { ms, stored };
}

/** Photo records stored, to tell a tap that caught a frame already stored (the video loops). */
const photoCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('confnotes');
        open.onsuccess = () => {
          const count = open.result.transaction('photos').objectStore('photos').count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      }),
  );

async function rounds(page: Page, n: number) {
  const out: { app: number; stored: number; floor: number; encoded: number; put: number }[] = [];
  for (let i = 0; i < n; i++) {
    const floor = () => floorTap(page);
    const first = i % 2 === 1 ? await floor() : undefined;
    const app = await tap(page);
    const f = first ?? (await floor());
    out.push({ app: app.ms, stored: app.stored, floor: f.ms, encoded: f.encoded, put: f.put });
  }
  return out;
}

export async function tapToSafeBench(url: string): Promise<Row[]> {
  await makeFakeCamera(HD_CAMERA, { width: 1920, height: 1080 });
  const browser = await launch(cameraArgs(HD_CAMERA));
  try {
    // The floor's worker comes from a blob: URL, which the app's policy rightly refuses.
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    // tsx names the functions it compiles through a helper (__name) that pages lack.
    await page.addInitScript('window.__name = (f) => f');
    await page.addInitScript(instrument);
    await page.goto(url);
    await workerReady(page);
    // "Read slide text" is on, as for users: its download is over before anything is measured.
    await page.goto(new URL('#/settings', url).href);
    await page.getByText(/^\d+ photos? read\.$/).waitFor({ timeout: 60_000 });
    await page.goto(url);
    await page.getByRole('link', { name: 'Xebicon 2019' }).click();
    await page.getByRole('link', { name: 'UX > craft' }).click();
    await page.getByRole('button', { name: 'Open camera' }).click();
    await page.waitForFunction(() => document.querySelector('video')?.videoWidth === 1920);
    await rounds(page, 1); // warm-up, not counted: the first shot starts the image worker

    const cdp = await context.newCDPSession(page);
    const measured: Row[] = [];
    for (const rate of [1, 4]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const photos = await photoCount(page);
      const rs = await rounds(page, ROUNDS);
      const repeats = ROUNDS - ((await photoCount(page)) - photos);
      const ratio = median(rs.map((r) => r.app / r.floor));
      const ms = (k: 'app' | 'stored' | 'floor' | 'encoded' | 'put') =>
        median(rs.map((r) => r[k])).toFixed(0);
      const speed = rate === 1 ? 'full speed' : `CPU slowed ${rate}x`;
      measured.push(
        {
          what: `tap to "saved" on screen, 1920x1080 frames, ${speed}`,
          value: `${ms('app')} ms, ${ratio.toFixed(2)}x floor ${ms('floor')} ms`,
          budget: `<= ${BUDGET}x floor`,
          ok: ratio <= BUDGET,
        },
        {
          what: `  of which to the shot committed; floor's grab + encode, put`,
          value: `${ms('stored')} ms; ${ms('encoded')} ms, ${ms('put')} ms (frames seen before: ${repeats})`,
          budget: '(reported)',
          ok: true,
        },
      );
      if (rate !== 1) continue;
      // The gate checks itself: shots whose commit the bench holds up for twice the floor
      // must come out over budget, by the gate's own measure (the median of rounds' ratios:
      // a single round's floor can come out slow enough to hide the hold).
      const hold = 2 * median(rs.map((r) => r.floor));
      const held: number[] = [];
      for (let i = 0; i < HELD_ROUNDS; i++) {
        await page.evaluate((ms) => (window as unknown as Bench).__hold(ms), hold);
        const [round] = await rounds(page, 1);
        held.push(round!.app / round!.floor);
      }
      const heldRatio = median(held);
      if (heldRatio <= BUDGET)
        throw new Error(
          `with its commit held up ${hold.toFixed(0)} ms, a tap measured ${heldRatio.toFixed(2)}x`,
        );
      measured.push({
        what: `  self-check: the commit held up ${hold.toFixed(0)} ms, caught by the gate`,
        value: `${heldRatio.toFixed(2)}x (${held.map((r) => r.toFixed(2)).join(', ')})`,
        budget: `> ${BUDGET}x`,
        ok: true,
      });
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return measured;
  } finally {
    await browser.close();
  }
}
