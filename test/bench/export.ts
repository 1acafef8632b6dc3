// Export of 300 photos (about 100 MB) into the Blob the user shares or downloads, in Chromium:
// the app's zip writer (exportZip, as the export screen calls it) built for production in a
// page of its own (export-page/), on the same photo Blobs read back from IndexedDB, in
// interleaved rounds. Photos are stored with their CRC-32, so the writer reads no byte of them:
// its floor is the same Blobs concatenated into one, each after as many bytes as its header
// takes (the parts of a zip, no field worked out). Photos stored before the CRC-32 was kept
// are read once for it: that case is gated too, against the Blobs read once as one stream with
// a CRC-32 over every byte, and the bare zip. Both are set against JSZip (stored, no
// compression). The self-check runs the writer twice a round: the gate must fail it. Then,
// reported, the same 300 photos exported in the built app, from a tap on "Export zip" to the
// download, with and without their CRC-32.
import type { Browser } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { build } from 'vite';
import { seedPhotos } from '../support/seed-photos';
import { interleaved, median, medianRatio } from './rounds';
import type { Row } from './startup';

const PHOTOS = 300;
const SIZE = 330 * 1024;
const ROUNDS = 5;
const FLOOR_BUDGET = 1.25; // ours/floor time: at least 0.8x the floor's speed
const JSZIP_BUDGET = 3;

const PAGE = new URL('./export-page/', import.meta.url).pathname;
const OUT = new URL('../../.bench/export-page/', import.meta.url).pathname;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

type Run = 'floor' | 'ours' | 'readFloor' | 'oursRead' | 'slowed' | 'jszip';
type Bench = Record<Run, () => Promise<number>> & {
  prepare(count: number, size: number): Promise<number>;
  check(): Promise<number[]>;
};

/** The page built as the app is (production mode, the app's target), served from a folder. */
async function servePage() {
  await build({
    configFile: false,
    root: PAGE,
    base: './',
    logLevel: 'warn',
    build: { outDir: OUT, emptyOutDir: true, target: 'es2022' },
  });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/\/$/, '/index.html');
    readFile(join(OUT, path))
      .then((body) => res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? '' }).end(body))
      .catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/**
 * In the built app, from the test driver's tap on "Export zip" to the download starting, with
 * `PHOTOS` photos seeded with or without their CRC-32: milliseconds of each round after one.
 */
async function inTheApp(url: string, browser: Browser, crc: boolean): Promise<number[]> {
  const context = await browser.newContext({ acceptDownloads: true });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('link', { name: 'Xebicon 2019' }).waitFor();
    await page.evaluate(seedPhotos, { photos: PHOTOS, size: SIZE, crc });
    await page.reload();
    await page.getByRole('link', { name: 'Bench Conference' }).click();
    const times: number[] = [];
    for (let round = -1; round < ROUNDS; round++) {
      const downloading = page.waitForEvent('download');
      const start = performance.now();
      await page.getByRole('button', { name: 'Export zip' }).click();
      await downloading;
      if (round >= 0) times.push(performance.now() - start);
      // Its end (the photos marked as exported) before the next.
      await page.getByText(/^Exported /).waitFor();
    }
    return times;
  } finally {
    await context.close();
  }
}

export async function exportBench(url: string, browser: Browser): Promise<Row[]> {
  const page = await servePage();
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await tab.goto(page.url);
    await tab.waitForFunction(() => 'exportBench' in window);
    const call = <T>(what: keyof Bench, ...args: number[]) =>
      tab.evaluate(
        ([w, a]) => {
          const b = (window as unknown as { exportBench: Bench }).exportBench;
          return (b[w] as (...x: number[]) => Promise<T>)(...a);
        },
        [what, args] as const,
      );
    const bytes = await call<number>('prepare', PHOTOS, SIZE);
    for (const entries of await call<number[]>('check')) {
      if (entries !== PHOTOS) throw new Error(`the zip holds ${entries} entries, not ${PHOTOS}`);
    }
    // Each run starts from a collected heap: JSZip leaves about 100 MB of garbage, which
    // otherwise fell on whichever run came next (in turn, always the same one).
    const cdp = await context.newCDPSession(tab);
    const collected = async (run: Run) => (
      await cdp.send('HeapProfiler.collectGarbage'),
      call<number>(run)
    );
    const runs = ['floor', 'ours', 'readFloor', 'oursRead', 'slowed', 'jszip'] as const;
    const t = await interleaved(
      ROUNDS,
      Object.fromEntries(runs.map((r) => [r, () => collected(r)])) as Record<
        Run,
        () => Promise<number>
      >,
    );
    const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`;
    const mb = (bytes / 1024 / 1024).toFixed(0);
    const vsFloor = (ours: number[], floor: number[], what: string): Row => {
      const r = medianRatio(ours, floor);
      return {
        what,
        value: `${r.toFixed(2)}x (${ms(ours)}, floor ${ms(floor)})`,
        budget: `<= ${FLOOR_BUDGET}x (>= 0.8x its speed)`,
        ok: r <= FLOOR_BUDGET,
      };
    };
    const fasterThanJszip = medianRatio(t.jszip, t.ours);
    await context.close();
    const stored = await inTheApp(url, browser, true);
    const older = await inTheApp(url, browser, false);
    const slowed = medianRatio(t.slowed, t.floor);
    return [
      vsFloor(
        t.ours,
        t.floor,
        `export ${PHOTOS} photos (${mb} MB) to a Blob, Chromium: ours/floor time`,
      ),
      {
        what: '  against JSZip (stored), to a Blob',
        value: `${fasterThanJszip.toFixed(1)}x faster (JSZip ${ms(t.jszip)})`,
        budget: `>= ${JSZIP_BUDGET}x faster`,
        ok: fasterThanJszip >= JSZIP_BUDGET,
      },
      {
        what: '  self-check: the writer run twice, caught by the gate',
        value: `${slowed.toFixed(2)}x (${ms(t.slowed)})`,
        budget: `> ${FLOOR_BUDGET}x`,
        ok: slowed > FLOOR_BUDGET,
      },
      vsFloor(t.oursRead, t.readFloor, '  photos stored before their CRC-32 was kept: read once'),
      {
        what: '    against JSZip',
        value: `${medianRatio(t.jszip, t.oursRead).toFixed(1)}x faster`,
        budget: '(reported)',
        ok: true,
      },
      {
        what: `  in the app: tap on "Export zip" to the download, ${PHOTOS} photos`,
        value: `${ms(stored)} (${ms(older)} stored before their CRC-32 was kept)`,
        budget: '(reported)',
        ok: true,
      },
    ];
  } finally {
    await context.close();
    page.close();
  }
}
