// Zip bombs through the "Import zip" input of the production build: each is refused in plain
// words, the page's memory stays bounded, nothing is imported, and the app still starts.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { craftZip, stored, zeros } from '../support/zip-craft';

const MB = 1e6;

/**
 * The highest resident memory each renderer process has had so far (VmHWM, Linux), by pid:
 * a peak, so a bomb inflated and dropped between two looks still shows.
 */
async function rendererPeaks(browser: Browser): Promise<Map<number, number>> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[];
  };
  await cdp.detach();
  const peaks = new Map<number, number>();
  for (const { type, id } of processInfo) {
    if (type !== 'renderer') continue;
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1];
    if (kb) peaks.set(id, Number(kb) * 1024);
  }
  return peaks;
}

/** The page's JS heap and ArrayBuffer memory after a garbage collection. */
async function heap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    backingStorageSize?: number;
  };
  await cdp.detach();
  return usage.usedSize + (usage.backingStorageSize ?? 0);
}

const conferences = (page: Page) => page.locator('main li.card').allInnerTexts();

test('zip bombs are refused in plain words, within bounded memory, importing nothing', async ({
  page,
  app,
  browser,
}) => {
  test.setTimeout(120_000);
  const bomb = await zeros('images/xebicon-2019_01.jpg', 200 * MB);
  const json = stored('confnotes.json', '{"format":"confnotes","version":1}');
  const files = {
    // Honest about its 200 MB: refused from the directory, before anything is inflated.
    bomb: craftZip([json, bomb]),
    // Says 1 MB: only counting the bytes as they are inflated can stop it.
    liar: craftZip([json, { ...bomb, size: MB }]),
  };
  const expected = {
    bomb: /would unpack to \d+ times its packed size/,
    liar: /"images\/xebicon-2019_01\.jpg" is larger than it says/,
  };

  await openApp(page, app);
  await expect(page.getByRole('link', { name: 'Xebicon 2019' })).toBeVisible();
  const listed = await conferences(page);
  for (const kind of ['bomb', 'liar'] as const) {
    const path = join(tmpdir(), `confnotes-${process.pid}-${kind}.zip`);
    writeFileSync(path, files[kind]);
    expect(files[kind].length).toBeLessThan(250_000);
    const heapBefore = await heap(page);
    const peaksBefore = await rendererPeaks(browser);

    await page.getByLabel('Import zip').setInputFiles(path);
    const alert = page.getByRole('alert');
    // On main the bomb was inflated whole before any word came: that may take a while.
    await expect(alert).toContainText('Nothing was imported.', { timeout: 60_000 });

    const peaksAfter = await rendererPeaks(browser);
    const rise = Math.max(
      ...[...peaksAfter].map(([pid, peak]) => peak - (peaksBefore.get(pid) ?? peak)),
    );
    expect(rise, `${kind}: how far a renderer's peak memory rose`).toBeLessThan(100 * MB);
    const heapRise = (await heap(page)) - heapBefore;
    expect(heapRise, `${kind}: what the page's JS heap kept`).toBeLessThan(50 * MB);
    await expect(alert).toContainText(expected[kind]);
    expect(await conferences(page)).toEqual(listed);

    // The app still starts and lists the same conferences (this also clears the alert, so the
    // next zip's words cannot be mistaken for these).
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Your conferences' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Xebicon 2019' })).toBeVisible();
    expect(await conferences(page)).toEqual(listed);
  }
});
