// Export of 300 photos (about 100 MB) into the Blob the user shares or downloads, in Chromium:
// the app's zip writer (exportZip, as the export screen calls it) built for production in a
// page of its own (export-page/), against the floor of the same Blobs concatenated into one
// Blob and read once (the pass over every byte that a zip's CRC-32 needs), and against JSZip
// (stored, no compression), on the same photo Blobs read back from IndexedDB, in interleaved
// rounds. The self-check runs the writer twice a round: the gate must fail it.
import type { Browser } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { build } from 'vite';
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

type Bench = Record<'floor' | 'concat' | 'ours' | 'slowed' | 'jszip', () => Promise<number>> & {
  prepare(count: number, size: number): Promise<number>;
  check(): Promise<number>;
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

export async function exportBench(browser: Browser): Promise<Row[]> {
  const page = await servePage();
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await tab.goto(page.url);
    await tab.waitForFunction(() => 'exportBench' in window);
    const call = (what: keyof Bench, ...args: number[]) =>
      tab.evaluate(
        ([w, a]) => {
          const b = (window as unknown as { exportBench: Bench }).exportBench;
          return (b[w] as (...x: number[]) => Promise<number>)(...a);
        },
        [what, args] as const,
      );
    const bytes = await call('prepare', PHOTOS, SIZE);
    const entries = await call('check');
    if (entries !== PHOTOS) throw new Error(`the zip holds ${entries} entries, not ${PHOTOS}`);
    const t = await interleaved(ROUNDS, {
      floor: () => call('floor'),
      concat: () => call('concat'),
      ours: () => call('ours'),
      slowed: () => call('slowed'),
      jszip: () => call('jszip'),
    });
    const vsFloor = medianRatio(t.ours, t.floor);
    const slowedVsFloor = medianRatio(t.slowed, t.floor);
    const fasterThanJszip = medianRatio(t.jszip, t.ours);
    const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`;
    const mb = (bytes / 1024 / 1024).toFixed(0);
    return [
      {
        what: `export ${PHOTOS} photos (${mb} MB) to a Blob, Chromium: ours/floor time`,
        value: `${vsFloor.toFixed(2)}x (${ms(t.ours)}, floor ${ms(t.floor)})`,
        budget: `<= ${FLOOR_BUDGET}x (>= 0.8x its speed)`,
        ok: vsFloor <= FLOOR_BUDGET,
      },
      {
        what: '  against JSZip (stored), to a Blob',
        value: `${fasterThanJszip.toFixed(1)}x faster (JSZip ${ms(t.jszip)})`,
        budget: `>= ${JSZIP_BUDGET}x faster`,
        ok: fasterThanJszip >= JSZIP_BUDGET,
      },
      {
        what: '  self-check: the writer run twice, caught by the gate',
        value: `${slowedVsFloor.toFixed(2)}x (${ms(t.slowed)})`,
        budget: `> ${FLOOR_BUDGET}x`,
        ok: slowedVsFloor > FLOOR_BUDGET,
      },
      {
        what: '  the floor against JSZip',
        value: `${medianRatio(t.jszip, t.floor).toFixed(1)}x faster`,
        budget: '(reported)',
        ok: true,
      },
      {
        what: '  the Blobs concatenated, no byte read',
        value: ms(t.concat),
        budget: '(reported)',
        ok: true,
      },
    ];
  } finally {
    await context.close();
    page.close();
  }
}
