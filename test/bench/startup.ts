// Start-up JavaScript: every script the first visit loads until the home screen is ready,
// for an English and a French phone (the French words are loaded only for the latter).
import type { Browser } from '@playwright/test';
import { gzipSync } from 'node:zlib';

export interface Row {
  what: string;
  value: string;
  budget: string;
  ok: boolean;
}

export async function startupBench(browser: Browser, url: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const locale of ['en-US', 'fr-FR']) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale });
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    page.on('response', (res) => {
      const src = res.url();
      if (res.request().resourceType() === 'script' && !src.includes('.worker')) {
        void res.body().then((b) => scripts.set(new URL(src).pathname, gzipSync(b).length));
      }
    });
    await page.goto(url);
    await page.locator('main a.title').first().waitFor();
    await page.waitForTimeout(500);
    const kb = (n: number) => n / 1024;
    const demo = [...scripts].filter(([p]) => p.includes('xebicon')).reduce((a, [, n]) => a + n, 0);
    const code = [...scripts]
      .filter(([p]) => !p.includes('xebicon'))
      .reduce((a, [, n]) => a + n, 0);
    rows.push({
      what: `initial JS, gzip (start-up code, ${locale})`,
      value: `${kb(code).toFixed(1)} KB`,
      budget: '<= 60 KB',
      ok: kb(code) <= 60,
    });
    if (locale === 'en-US') {
      rows.push({
        what: '  + demo data, first launch only',
        value: `${kb(demo).toFixed(1)} KB`,
        budget: '(reported)',
        ok: true,
      });
    }
    console.log(`start-up scripts, ${locale} (gzip bytes):`, Object.fromEntries(scripts));
    await context.close();
  }
  return rows;
}
