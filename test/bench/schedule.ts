// Schedule import and search, in the built app. The import of FOSDEM 2026 (883 talks) is timed
// against the browser's own XML parser on the same bytes (import.ts); search, over FOSDEM 2015's
// 551 talks plus 500 read slides and notes, is timed per keystroke (search.ts).
import { workerReady } from '../support/browser';
import type { Browser } from '@playwright/test';
import { importBench } from './import';
import { searchKeystrokes } from './search';

const FOSDEM = new URL('../fixtures/schedules/pentabarf-xml_fosdem2015.xml', import.meta.url)
  .pathname;
const ROUNDS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;

export async function scheduleBench(browser: Browser, url: string) {
  const imported = await importBench(browser, url);
  let keystrokes: number[] = [];
  let frames: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${url}#/import`);
    await page.getByLabel('Schedule file').waitFor();
    await workerReady(page);
    await page.getByLabel('Schedule file').setInputFiles(FOSDEM);
    await page.getByRole('heading', { level: 1, name: 'FOSDEM 2015' }).waitFor();
    await page.getByText('551 talks').waitFor();
    const typed = await searchKeystrokes(page);
    keystrokes = keystrokes.concat(typed.ms);
    frames = frames.concat(typed.frameMs);
    await context.close();
  }
  const key = median(keystrokes);
  const key95 = p95(keystrokes);
  return [
    ...imported,
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
