// Capture on 12 MP (4032×3024) JPEGs in the built app: the time from the shutter to the 1920 px
// photo committed, with the slide finder off and with the slide found and straightened, each
// against the floor of the same file picked the same way and read into memory, then
// createImageBitmap resize + OffscreenCanvas.convertToBlob in a warm worker in the same page, a
// round at a time (the order turned each round); the same
// with the CPU slowed 4x; browser-image-compression on the same files; stored sizes; and the
// longest main-thread task during a 10-shot burst from the camera, with a trace of it.
import type { Browser, Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { CAMERA_ARGS, makeFakeCamera } from '../support/fake-camera';
import { launch, workerReady } from '../support/browser';

const SHOTS = 7;
/**
 * Twins of the shots (the same bytes are stored once): a set for the pass with the slide finder
 * off, and some for the pass with the CPU slowed 4x.
 */
const TWINS = SHOTS;
const SLOWED = 3;
// One more twin: the shot whose commit the bench holds up, to check the gate can fail.
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Photo-like 12 MP JPEGs: smooth shapes, text and sensor-like noise, each one different. */
async function makePhotos(page: Page): Promise<string[]> {
  mkdirSync('.bench', { recursive: true });
  const paths: string[] = [];
  for (let n = 0; n < SHOTS + TWINS + SLOWED + 1; n++) {
    const path = `.bench/photo-12mp-${n}.jpg`;
    paths.push(path);
    // The drawing below is deterministic: a file made by an earlier run is the same file.
    if (existsSync(path)) continue;
    // A twin draws the same picture with its noise shifted: the same work, new bytes.
    const b64 = await page.evaluate(
      async ([seed, twin]) => {
        const w = 4032;
        const h = 3024;
        // The slide as projected (16:9), then seen from a seat: keystoned in a dim room.
        const sw = 3000;
        const sh = 1688;
        const slide = new OffscreenCanvas(sw, sh);
        const sc = slide.getContext('2d')!;
        sc.fillStyle = '#f4f1e8';
        sc.fillRect(0, 0, sw, sh);
        sc.fillStyle = '#1d3557';
        sc.font = 'bold 160px sans-serif';
        sc.fillText(`Slide ${seed + 1}: the data pipeline`, 120, 240);
        sc.font = '90px sans-serif';
        for (let i = 0; i < 8; i++)
          sc.fillText(`• point ${i + 1} of a real talk, seed ${seed}`, 160, 480 + i * 150);
        const c = new OffscreenCanvas(w, h);
        const g = c.getContext('2d')!;
        const grad = g.createLinearGradient(0, 0, w, h);
        grad.addColorStop(0, '#20242c');
        grad.addColorStop(1, '#5a6372');
        g.fillStyle = grad;
        g.fillRect(0, 0, w, h);
        for (let x = 0; x < sw; x++) {
          const t = x / sw;
          const tall = 1900 - 280 * t;
          g.drawImage(slide, x, 0, 1, sh, 520 + t * 3000, 1380 - tall / 2 + 60 * t, 1.6, tall);
        }
        const img = g.getImageData(0, 0, w, h);
        let x = seed * 7919 + 1 + twin;
        for (let i = 0; i < img.data.length; i += 4) {
          x = (x * 1103515245 + 12345) & 0x7fffffff;
          const d = (x % 17) - 8;
          img.data[i] = img.data[i]! + d;
          img.data[i + 1] = img.data[i + 1]! + d;
          img.data[i + 2] = img.data[i + 2]! + d;
        }
        g.putImageData(img, 0, 0);
        const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let s = '';
        for (let i = 0; i < bytes.length; i += 0x8000)
          s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(s);
      },
      [n % SHOTS, Math.floor(n / SHOTS)] as const,
    );
    writeFileSync(path, Buffer.from(b64, 'base64'));
  }
  return paths;
}

const blobScript = `window.__blob = (b64) =>
  new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/jpeg' });`;

/**
 * The floor's time on one file: picked through a file input as the app's "Add photos" is, read
 * into memory (the app reads a picked file once, to check it before storing), then a resized
 * decode and a JPEG encode in a warm worker. Timed from the input's change event, where the
 * app's stopwatch starts too.
 */
async function floorOn(page: Page, path: string): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __floor?: Worker; __floorMs?: Promise<number> };
    const code = `onmessage = async (e) => {
      const bmp = await createImageBitmap(e.data, { resizeWidth: 1920, resizeHeight: 1440, resizeQuality: 'high' });
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      c.getContext('2d').drawImage(bmp, 0, 0);
      bmp.close();
      const out = await c.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
      postMessage(out.size);
    };`;
    // One worker for the whole run, started on the first call: like the app's, it is warm.
    w.__floor ??= new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    const worker = w.__floor;
    let input = document.querySelector<HTMLInputElement>('#bench-floor');
    if (!input) {
      input = document.createElement('input');
      input.type = 'file';
      input.id = 'bench-floor';
      input.hidden = true;
      document.body.append(input);
    }
    // The same file picked again fires no change event unless the choice was cleared.
    input.value = '';
    const picked = input;
    w.__floorMs = new Promise<number>((resolve) => {
      picked.addEventListener(
        'change',
        () => {
          const t = performance.now();
          void picked.files![0]!.arrayBuffer().then((bytes) => {
            worker.onmessage = () => resolve(performance.now() - t);
            worker.postMessage(new Blob([bytes], { type: 'image/jpeg' }));
          });
        },
        { once: true },
      );
    });
  });
  await page.setInputFiles('#bench-floor', path);
  return page.evaluate(() => (window as unknown as { __floorMs: Promise<number> }).__floorMs);
}

/** browser-image-compression on one file (its own defaults aside): time and size. */
async function compressionLibOn(page: Page, path: string) {
  const bic = `data:text/javascript;base64,${readFileSync('node_modules/browser-image-compression/dist/browser-image-compression.mjs').toString('base64')}`;
  return page.evaluate(
    async ({ b64, bic }) => {
      const blob = (window as unknown as { __blob: (b64: string) => Blob }).__blob(b64);
      const mod = (await import(/* @vite-ignore */ bic)) as {
        default: (f: File, o: object) => Promise<Blob>;
      };
      const t = performance.now();
      const out = await mod.default(new File([blob], 'p.jpg', { type: 'image/jpeg' }), {
        maxWidthOrHeight: 1920,
        initialQuality: 0.8,
        useWebWorker: false,
      });
      return { ms: performance.now() - t, size: out.size };
    },
    { b64: readFileSync(path).toString('base64'), bic },
  );
}

/** The photo records as stored in IndexedDB, oldest first. */
function storedPhotos(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ width: number; size: number; createdAt: number; corners?: object }[]>(
        (resolve) => {
          const req = indexedDB.open('confnotes');
          req.onsuccess = () => {
            const all = req.result.transaction('photos').objectStore('photos').getAll();
            all.onsuccess = () => {
              req.result.close();
              resolve(
                (all.result as { createdAt: number; width: number; size: number }[]).sort(
                  (a, b) => a.createdAt - b.createdAt,
                ),
              );
            };
          };
        },
      ),
  );
}

/** Reads of slide text started and ended so far (reading.svelte.ts marks them). */
const reads = (page: Page) =>
  page.evaluate(() => ({
    started: performance.getEntriesByName('confnotes:reading').length,
    ended: performance.getEntriesByName('confnotes:read').length,
  }));

/**
 * Back on the camera screen the reading queue pauses, but a read in flight runs to its end in
 * its worker: measuring waits for it, so the floor and the app share the cores alike.
 */
async function cameraAlone(page: Page) {
  await page.waitForFunction(() => (document.querySelector('video')?.videoWidth ?? 0) > 0);
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('confnotes:reading').length ===
      performance.getEntriesByName('confnotes:read').length,
    null,
    { timeout: 60_000 },
  );
}

/** Turns the slide finder on or off in Settings, and comes back to the camera. */
async function switchFinder(page: Page, on: boolean) {
  const back = page.url();
  await page.goto(new URL('#/settings', back).href);
  await page.getByLabel('Find the slide in each photo, and crop and straighten it').setChecked(on);
  await page.goto(back);
  await cameraAlone(page);
}

const TRACE = '.bench/capture-burst-trace.json';
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      functionName?: string;
      url?: string;
      cpuProfile?: {
        nodes?: {
          id: number;
          parent?: number;
          callFrame: { functionName?: string; url?: string };
        }[];
        samples?: number[];
      };
      timeDeltas?: number[];
      startTime?: number;
    };
  };
}

/**
 * The longest task on the page's main thread after the burst's mark, with the JavaScript the
 * profiler saw most in it (innermost function first, down to where it was called from).
 */
function longestTraced(json: string): string {
  const events = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mark = events.find((e) => e.name === 'bench:burst');
  if (!main || !mark) return 'no main thread or burst mark in the trace';
  const onMain = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid;
  const task = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && onMain(e) && e.ts >= mark.ts)
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  if (!task) return 'no task after the mark';
  const end = task.ts + (task.dur ?? 0);
  const inside = events.filter(
    (e) => onMain(e) && e.ph === 'X' && e !== task && e.ts >= task.ts && e.ts < end,
  );
  const parts = inside
    .filter((e) => (e.dur ?? 0) >= 5_000)
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, 4)
    .map((e) => {
      const d = e.args?.data;
      const where = d?.functionName || d?.url ? ` ${d.functionName ?? ''}@${d.url ?? ''}` : '';
      return `${e.name}${where} ${((e.dur ?? 0) / 1000).toFixed(0)} ms`;
    });
  // The CPU profile of the page's thread: samples inside the task, counted by stack.
  const nodes = new Map<number, { parent?: number; name: string }>();
  const stacks = new Map<number, number>();
  const start = events.find((e) => e.name === 'Profile' && onMain(e));
  let t = start?.args?.data?.startTime ?? 0;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.id !== start?.id || e.pid !== main.pid) continue;
    const profile = e.args?.data?.cpuProfile;
    for (const n of profile?.nodes ?? []) {
      const { functionName, url } = n.callFrame;
      nodes.set(n.id, {
        parent: n.parent,
        name: `${functionName || '(anonymous)'}@${(url ?? '').split('/').pop()}`,
      });
    }
    (profile?.samples ?? []).forEach((id, i) => {
      t += e.args?.data?.timeDeltas?.[i] ?? 0;
      if (t >= task.ts && t < end) stacks.set(id, (stacks.get(id) ?? 0) + 1);
    });
  }
  const top = [...stacks].sort((a, b) => b[1] - a[1])[0];
  const stack: string[] = [];
  for (let id = top?.[0]; id !== undefined && stack.length < 6; id = nodes.get(id)?.parent)
    stack.push(nodes.get(id)?.name ?? '?');
  const sampled = top ? `; most sampled: ${stack.join(' < ')}` : '';
  return `${((task.dur ?? 0) / 1000).toFixed(0)} ms: ${parts.join(', ')}${sampled}`;
}

const measures = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);

export async function captureBench(url: string) {
  await makeFakeCamera();
  const browser: Browser = await launch(CAMERA_ARGS);
  try {
    const page =
      await // The floor's worker comes from a blob: URL and browser-image-compression from a data:
      // URL, which the app's Content-Security-Policy rightly refuses; the bench lifts it for
      // its own page (the policy costs the app nothing measurable).
      (
        await browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true })
      ).newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __long: { start: number; ms: number }[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push({ start: e.startTime, ms: e.duration });
      }).observe({ type: 'longtask', buffered: false });
    });
    // tsx names the functions it compiles through a helper (__name) that pages lack.
    await page.addInitScript('window.__name = (f) => f');
    await page.addInitScript(blobScript);
    await page.goto(url);
    await workerReady(page);
    // "Read slide text" is on, as it is for users: its one-time download is over before any
    // measure starts.
    await page.goto(new URL('#/settings', url).href);
    await page.getByText(/^\d+ photos? read\.$/).waitFor({ timeout: 60_000 });
    await page.goto(url);
    const paths = await makePhotos(page);
    await page.getByRole('link', { name: 'Xebicon 2019' }).click();
    await page.getByRole('link', { name: 'UX > craft' }).click();
    await page.getByRole('button', { name: 'Open camera' }).click();
    await page.waitForFunction(() => (document.querySelector('video')?.videoWidth ?? 0) > 0);

    // The app's shot and the floor on the same file make a round; the order turns each round,
    // and each ratio is the median of the rounds' own ratios, so that load from other processes
    // on this shared machine skews a round, not the result.
    await floorOn(page, paths[0]!); // warms the floor's worker, as the app's is warm
    let shots = 0;
    const shoot = async (path: string) => {
      await page.getByLabel('Add photos').setInputFiles(path);
      await page.waitForFunction(
        (n) => performance.getEntriesByName('confnotes:processed').length >= n,
        ++shots,
        // Polled on a timer, not every frame: the app's time comes from its own measures, and
        // a check each frame is the harness's work on the page's thread (up to 40 ms a frame
        // in a trace of the burst).
        { timeout: 120_000, polling: 100 },
      );
      return page.evaluate(() => ({
        stored: performance.getEntriesByName('confnotes:stored').at(-1)!.duration,
        processed: performance.getEntriesByName('confnotes:processed').at(-1)!.duration,
      }));
    };
    const rounds = async (files: string[]) => {
      const out: { stored: number; processed: number; floor: number }[] = [];
      for (const [i, path] of files.entries()) {
        const floorFirst = i % 2 === 1;
        const before = floorFirst ? await floorOn(page, path) : 0;
        const app = await shoot(path);
        out.push({ ...app, floor: floorFirst ? before : await floorOn(page, path) });
      }
      return out;
    };
    const ratio = (rs: { processed: number; floor: number }[]) =>
      median(rs.map((r) => r.processed / r.floor));
    const straight = await rounds(paths.slice(0, SHOTS));
    const found = await storedPhotos(page);
    const cropped = found.filter((p) => p.corners).length;
    if (cropped < SHOTS) throw new Error(`the slide was found in ${cropped} of ${SHOTS} photos`);

    // The same with the CPU slowed 4x, as on a mid-range phone (DevTools throttles the page's
    // main thread; workers, the app's and the floor's alike, run at full speed).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const slowed = await rounds(paths.slice(SHOTS + TWINS, SHOTS + TWINS + SLOWED));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    // The gate checks itself: with the database held up by a transaction of the bench's own
    // (on the photos table, from just before the shot, for twice the floor), a shot must come
    // out over budget, or the measure does not wait for the commits.
    const f = median(straight.map((r) => r.floor));
    await page.evaluate(
      (ms) =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('confnotes');
          open.onsuccess = () => {
            const store = open.result.transaction('photos', 'readwrite').objectStore('photos');
            const end = performance.now() + ms;
            const spin = () => {
              if (performance.now() < end) store.count().onsuccess = spin;
              else open.result.close();
            };
            spin();
            resolve();
          };
        }),
      2 * f,
    );
    const held = (await rounds([paths[SHOTS + TWINS + SLOWED]!]))[0]!;
    if (held.processed / held.floor <= 1.15)
      throw new Error(
        `with the database held up ${(2 * f).toFixed(0)} ms, a shot measured ${(held.processed / held.floor).toFixed(2)}x the floor`,
      );

    const lib = [];
    for (const path of paths.slice(0, 3)) lib.push(await compressionLibOn(page, path));

    // The twins with the finder off, in rounds the same way.
    await switchFinder(page, false);
    const plain = await rounds(paths.slice(SHOTS, SHOTS + TWINS));
    await switchFinder(page, true);
    const sizes = (await storedPhotos(page)).filter((p) => p.width === 1920).map((p) => p.size);

    // The burst, with the reading queue at work: back on the talk, the queue reads the shots
    // above; once one is read and the next is in flight, the camera opens (the queue drops
    // that read and pauses) and ten taps on the shutter follow as fast as a thumb goes,
    // camera frames 960×540.
    await page.getByRole('link', { name: 'Done' }).click();
    // A trace of the burst, for the long task's call stack. Started before the camera opens:
    // starting V8's sampling profiler logs all the code the page has, a task of its own of a
    // second or two that the camera's opening would otherwise be blamed for.
    await browser.startTracing(page, { path: TRACE, categories: TRACE_CATEGORIES });
    await page.waitForFunction(
      () => {
        const ended = performance.getEntriesByName('confnotes:read').length;
        return ended >= 1 && performance.getEntriesByName('confnotes:reading').length > ended;
      },
      null,
      { timeout: 120_000 },
    );
    const atOpen = await reads(page);
    const openStart = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Open camera' }).click();
    await page.waitForFunction(() => (document.querySelector('video')?.videoWidth ?? 0) > 0);
    const burstStart = await page.evaluate(() => performance.mark('bench:burst').startTime);
    const readsBefore = await reads(page);
    const before = (await measures(page, 'confnotes:processed')).length;
    // Taps at the shutter's place, as a thumb does: a locator's click would also run
    // Playwright's hit-target check in the page (a pointerdown listener of 15 ms or more, seen
    // in the trace), which is the harness's work, not the app's.
    const box = (await page.getByRole('button', { name: 'Take photo' }).boundingBox())!;
    for (let i = 0; i < 10; i++)
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(
      (n) => performance.getEntriesByName('confnotes:processed').length >= n,
      before + 10,
      { timeout: 60_000, polling: 100 },
    );
    await browser.stopTracing();
    // A task is the burst's when it starts after the first frame is on screen; those before
    // belong to the camera's opening (their reports can arrive later, hence the start times).
    const longTasks = () =>
      page.evaluate(
        () => (window as unknown as { __long: { start: number; ms: number }[] }).__long,
      );
    const longestFrom = (tasks: { start: number; ms: number }[], from: number, to = Infinity) =>
      Math.max(0, ...tasks.filter((t) => t.start >= from && t.start < to).map((t) => t.ms));
    const tasks = await longTasks();
    const longest = longestFrom(tasks, burstStart);
    const opening = longestFrom(tasks, openStart, burstStart);
    const traced = longestTraced(readFileSync(TRACE, 'utf8'));
    const readsAfter = await reads(page);
    const readTimes = await measures(page, 'confnotes:read');
    // The instrument checks itself: a deliberate 80 ms task must be seen, or a 0 means nothing.
    // (From a timer: a task DevTools itself runs, as page.evaluate does, is not reported.)
    const checkFrom = await page.evaluate(() => {
      setTimeout(() => {
        const end = performance.now() + 80;
        while (performance.now() < end);
      });
      return performance.now();
    });
    await page
      .waitForFunction(
        (from) =>
          (window as unknown as { __long: { start: number }[] }).__long.some(
            (t) => t.start >= from,
          ),
        checkFrom,
        { timeout: 5_000 },
      )
      .catch(() => undefined);
    const seen = longestFrom(await longTasks(), checkFrom);
    if (seen < 70) throw new Error(`the long-task observer missed an 80 ms task (saw ${seen} ms)`);

    const size = median(sizes) / 1024;
    const ms = (rs: { processed: number }[]) => median(rs.map((r) => r.processed)).toFixed(0);
    const withFinder = ratio(straight);
    const without = ratio(plain);
    const adds = withFinder - without;
    const saved = median(straight.map((r) => r.stored / r.floor));
    const libMs = median(lib.map((l) => l.ms));
    return [
      {
        what: '12 MP shutter to 1920 px photo committed, finder off',
        value: `${ms(plain)} ms, ${without.toFixed(2)}x floor ${median(plain.map((r) => r.floor)).toFixed(0)} ms`,
        budget: '<= 1.15x floor',
        ok: without <= 1.15,
      },
      {
        what: '  the same, slide found and straightened',
        value: `${ms(straight)} ms, ${withFinder.toFixed(2)}x floor ${f.toFixed(0)} ms`,
        budget: '<= 1.65x floor',
        ok: withFinder <= 1.65,
      },
      {
        what: 'slide found + straightened, added',
        value: `${(adds * f).toFixed(0)} ms, ${adds.toFixed(2)}x floor`,
        budget: '<= 0.5x floor',
        ok: adds <= 0.5,
      },
      {
        what: '  straightened, CPU slowed 4x (main thread)',
        value: `${ms(slowed)} ms, ${ratio(slowed).toFixed(2)}x floor ${median(slowed.map((r) => r.floor)).toFixed(0)} ms`,
        budget: '(reported)',
        ok: true,
      },
      {
        what: '  shutter to stored ("Saved"), straightened pass',
        value: `${median(straight.map((r) => r.stored)).toFixed(0)} ms, ${saved.toFixed(2)}x floor`,
        budget: '(reported)',
        ok: true,
      },
      {
        what: '  self-check: database held up 2x the floor',
        value: `${held.processed.toFixed(0)} ms, ${(held.processed / held.floor).toFixed(2)}x floor`,
        budget: '> 1.15x floor',
        ok: held.processed / held.floor > 1.15,
      },
      {
        what: '  browser-image-compression, same files',
        value: `${libMs.toFixed(0)} ms, ${(libMs / f).toFixed(2)}x floor, ${(median(lib.map((l) => l.size)) / 1024).toFixed(0)} KB`,
        budget: '(reported)',
        ok: true,
      },
      {
        what: 'stored photo size, median',
        value: `${size.toFixed(0)} KB (${sizes.length} photos)`,
        budget: '<= 250 KB',
        ok: size <= 250,
      },
      {
        what: 'longest main-thread task, 10-shot burst, reading queue at work',
        // Long tasks are reported from 50 ms up: 0 means none reached 50 ms.
        value: `${longest ? `${longest.toFixed(0)} ms` : 'none of 50 ms or more'} (reads in flight as the camera opened: ${atOpen.started - atOpen.ended})`,
        budget: '<= 50 ms',
        ok: longest <= 50 && atOpen.started > atOpen.ended,
      },
      {
        what: '  longest task as the camera opened, before the burst',
        value: opening ? `${opening.toFixed(0)} ms` : 'none of 50 ms or more',
        budget: '(reported)',
        ok: true,
      },
      {
        what: '  longest task in the trace, and what it ran',
        value: `${traced} (${TRACE})`,
        budget: '(reported)',
        ok: true,
      },
      {
        what: '  reads started during the burst (queue paused)',
        value: `${readsAfter.started - readsBefore.started}`,
        budget: '0',
        ok: readsAfter.started === readsBefore.started,
      },
      {
        what: 'slide text read in the app, per 1920 px photo',
        value: `${median(readTimes).toFixed(0)} ms median of ${readTimes.length} (worker, wall time)`,
        budget: '(reported; CPU gated by -- read)',
        ok: readTimes.length > 0,
      },
    ];
  } finally {
    await browser.close();
  }
}
