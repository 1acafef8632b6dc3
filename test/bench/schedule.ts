// Schedule import and search on FOSDEM 2015 (551 talks), in the built app. The import floor is
// the browser's own XML parser reading the same bytes in the same page; search, over the talks
// plus 500 read slides and notes, is timed per keystroke (search.ts).
import type { Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { searchKeystrokes } from './search';

const FOSDEM = new URL('../fixtures/schedules/pentabarf-xml_fosdem2015.xml', import.meta.url)
  .pathname;
const ROUNDS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;

export async function scheduleBench(browser: Browser, url: string) {
  const imports: number[] = [];
  const floors: number[] = [];
  let keystrokes: number[] = [];
  let frames: number[] = [];
  const xml = readFileSync(FOSDEM, 'utf8');
  for (let round = 0; round < ROUNDS; round++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${url}#/import`);
    await page.getByLabel('Schedule file').waitFor();
    const t0 = Date.now();
    await page.getByLabel('Schedule file').setInputFiles(FOSDEM);
    await page.getByRole('heading', { level: 1, name: 'FOSDEM 2015' }).waitFor();
    await page.getByText('551 talks').waitFor();
    imports.push(Date.now() - t0);
    floors.push(
      await page.evaluate((text) => {
        const s = performance.now();
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        if (!doc.querySelectorAll('event').length) throw new Error('floor parse failed');
        return performance.now() - s;
      }, xml),
    );
    const typed = await searchKeystrokes(page);
    keystrokes = keystrokes.concat(typed.ms);
    frames = frames.concat(typed.frameMs);
    await context.close();
  }
  const imp = median(imports);
  const floor = median(floors);
  const key = median(keystrokes);
  const key95 = p95(keystrokes);
  return [
    {
      what: 'FOSDEM import, file to list shown',
      value: `${imp} ms (floor ${floor.toFixed(0)} ms, ${(imp / floor).toFixed(1)}x)`,
      budget: '(reported)',
      ok: true,
    },
    {
      what: 'search per keystroke to the next frame, p95',
      value: `${p95(frames).toFixed(1)} ms`,
      budget: '(reported)',
      ok: true,
    },
    {
      what: 'search per keystroke incl. 500 slides, median',
      value: `${key.toFixed(1)} ms`,
      budget: '<= 16 ms',
      ok: key <= 16,
    },
    {
      what: 'search per keystroke incl. 500 slides, p95',
      value: `${key95.toFixed(1)} ms`,
      budget: '<= 16 ms',
      ok: key95 <= 16,
    },
  ];
}
