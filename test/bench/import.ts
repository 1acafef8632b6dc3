// Schedule import of FOSDEM 2026 (883 talks, 2.7 MB of XML) in the built app, from picking the
// file on the import screen to the first day's list shown, against the floor of the page's own
// DOMParser reading the same bytes, each the first work of a fresh page opened on the import
// screen; at full speed and with the CPU slowed 4x through the DevTools protocol (the floor's
// page slowed the same way). That slows the page but not the parser's worker: Chromium answers
// "Operation is only supported for pages, not workers" when a worker's target is asked. The parts come from the marks ImportService leaves
// (read, parse and check in the worker, store) and the render after.
import { workerReady } from '../support/browser';
import type { Browser, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareTalks, groupByDay } from '../../src/lib/schedule/agenda';
import { toTalkFields } from '../../src/lib/schedule/materialise';
import { parseSchedule } from '../../src/lib/schedule/parse';
import type { Row } from './startup';

const FILE = fileURLToPath(
  new URL('../fixtures/schedules/pentabarf-xml_fosdem2026.xml', import.meta.url),
);
const ROUNDS = 5;
const BUDGET = 10;
const RATES = [1, 4];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** What the list must show: the conference, its count, and the first talk of its first day. */
function expected() {
  const parsed = parseSchedule(new Uint8Array(readFileSync(FILE)));
  const zone = parsed.conference.timeZone!;
  const talks = toTalkFields(parsed.talks, zone).map((t, i) => ({
    ...t,
    id: String(i),
    conferenceId: 'c',
  }));
  const first = groupByDay(talks.sort(compareTalks), zone)[0]!.talks[0]!;
  return { title: parsed.conference.title, count: `${talks.length} talks`, first: first.title };
}

interface Timing {
  total: number;
  parts: Record<string, number>;
}

/**
 * Arms a stopwatch in the page: it starts on the file input's change event and stops at the
 * first frame that shows the list. `stallMs` stalls the page that long from the pick on (the
 * gate's self-check).
 */
function arm(page: Page, want: ReturnType<typeof expected>, stallMs: number): Promise<void> {
  return page.evaluate(
    ({ want, stallMs }) => {
      const w = window as unknown as { importShown: Promise<{ t0: number; t1: number }> };
      w.importShown = new Promise((resolve) => {
        // No named inner functions: tsx would wrap them in a helper the page does not have.
        addEventListener(
          'change',
          async () => {
            const t0 = performance.now();
            // A task of its own, so that the app has taken the file before the stall.
            if (stallMs)
              setTimeout(() => {
                while (performance.now() - t0 < stallMs);
              });
            for (;;) {
              await new Promise(requestAnimationFrame);
              if (
                document.querySelector('h1')?.textContent?.trim() === want.title &&
                [...document.querySelectorAll('main p')].some(
                  (p) => p.textContent?.trim() === want.count,
                ) &&
                [...document.querySelectorAll('main a')].some(
                  (a) => a.textContent?.trim() === want.first,
                )
              )
                return resolve({ t0, t1: performance.now() });
            }
          },
          { capture: true, once: true },
        );
      });
    },
    { want, stallMs },
  );
}

async function importOnce(page: Page, want: ReturnType<typeof expected>, stallMs = 0) {
  await arm(page, want, stallMs);
  await page.getByLabel('Schedule file').setInputFiles(FILE);
  const { t0, t1 } = await page.evaluate(
    () => (window as unknown as { importShown: Promise<{ t0: number; t1: number }> }).importShown,
  );
  const marks = await page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('confnotes:import:'))
        .map((m) => [m.name.slice('confnotes:import:'.length), m.startTime]),
    ),
  );
  // Each part runs from the mark before it; the render runs from the write to the list shown.
  const steps: [string, number | undefined][] = [
    ['read', marks.read],
    ['parse', marks.parsed],
    ['store', marks.stored],
    ['render', t1],
  ];
  const parts: Record<string, number> = {};
  let from = t0;
  for (const [name, at] of steps) {
    if (at === undefined) continue;
    parts[name] = at - from;
    from = at;
  }
  return { total: t1 - t0, parts } satisfies Timing;
}

/** The floor: the page's DOMParser on the same bytes, decoded as the app decodes them. */
function floorOnce(page: Page, events: number): Promise<number> {
  return page.evaluate((events) => {
    const bytes = (window as unknown as { floorBytes: Uint8Array }).floorBytes;
    const s = performance.now();
    const doc = new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'application/xml');
    if (doc.getElementsByTagName('event').length !== events) throw new Error('floor parse failed');
    return performance.now() - s;
  }, events);
}

async function openImport(browser: Browser, url: string, rate: number, xml: string) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${url}#/import`);
  await page.getByLabel('Schedule file').waitFor();
  await workerReady(page);
  await page.evaluate((xml) => {
    (window as unknown as { floorBytes: Uint8Array }).floorBytes = new TextEncoder().encode(xml);
  }, xml);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { page, close: () => context.close() };
}

export async function importBench(browser: Browser, url: string): Promise<Row[]> {
  const xml = readFileSync(FILE, 'utf8');
  const events = xml.match(/<event\s/g)!.length;
  const want = expected();
  const rows: Row[] = [];
  for (const rate of RATES) {
    /** `work` as the first thing done in a fresh page on the import screen. */
    const inFreshPage = async <T>(work: (page: Page) => Promise<T>): Promise<T> => {
      const { page, close } = await openImport(browser, url, rate, xml);
      try {
        return await work(page);
      } finally {
        await close();
      }
    };
    const imports: Timing[] = [];
    const floors: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Each in a fresh page of its own, as a user's one import is: sharing a page, whichever
      // went second ran warm (the floor took 160 ms after an import and 260 ms before one), so
      // the rounds' ratios split in two. In turns first, and interleaved.
      const floorRun = async () =>
        floors.push(await inFreshPage((page) => floorOnce(page, events)));
      if (round % 2) await floorRun();
      imports.push(await inFreshPage((page) => importOnce(page, want)));
      if (!(round % 2)) await floorRun();
      console.error(
        `import ${rate}x round ${round + 1}: ${imports.at(-1)!.total.toFixed(0)} ms, floor ${floors.at(-1)!.toFixed(0)} ms`,
      );
    }
    const floor = median(floors);
    const total = median(imports.map((i) => i.total));
    // Each round's own ratio, then their median: a burst of load from another process on this
    // shared machine skews one round, not the result.
    const ratio = median(imports.map((i, round) => i.total / floors[round]!));

    // The gate's self-check: an import whose page stalls for the whole budget right after the
    // pick must fail it, or the stopwatch does not cover what it claims to.
    const stalled = await inFreshPage((page) => importOnce(page, want, BUDGET * floor));
    if (stalled.total / floor <= BUDGET)
      throw new Error(`import bench at ${rate}x: a stalled import passed the gate`);

    const slowed = rate === 1 ? '' : `, page CPU ${rate}x slower`;
    rows.push({
      what: `FOSDEM 2026 import, file to list shown${slowed}`,
      value: `${total.toFixed(0)} ms (floor ${floor.toFixed(0)} ms, ${ratio.toFixed(1)}x)`,
      budget: `<= ${BUDGET}x floor`,
      ok: ratio <= BUDGET,
    });
    const names = Object.keys(imports[0]!.parts);
    rows.push({
      what: `  its parts, median${slowed}`,
      value: names
        .map((n) => `${n} ${median(imports.map((i) => i.parts[n] ?? 0)).toFixed(0)}`)
        .join(', '),
      budget: '(reported, ms)',
      ok: true,
    });
  }
  return rows;
}
