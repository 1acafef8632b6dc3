// `npm run bench`: measures the production build in Debian's Chromium against DESIGN.md's
// budgets. Timings are compared with a floor measured in the same run, on the same page, since
// this machine is shared and noisy. Results go to stdout and .bench/results.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launch } from '../support/browser';
import { startApp } from '../support/servers';
import { scheduleBench } from './schedule';
import { captureBench } from './capture';
import { exportBench } from './export';

interface Row {
  what: string;
  value: string;
  budget: string;
  ok: boolean;
}

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const app = await startApp();
const browser = await launch();
const rows: Row[] = [];
try {
  // Start-up JavaScript: every script the first visit loads until the home screen is ready,
  // for an English and a French phone (the French words are loaded only for the latter).
  for (const locale of ['en-US', 'fr-FR']) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale });
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    page.on('response', (res) => {
      const url = res.url();
      if (res.request().resourceType() === 'script' && !url.includes('.worker')) {
        void res.body().then((b) => scripts.set(new URL(url).pathname, gzipSync(b).length));
      }
    });
    await page.goto(app.url);
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

  rows.push(...(await scheduleBench(browser, app.url)));
  rows.push(...(await captureBench(app.url)));
  rows.push(...(await exportBench()));
} finally {
  await browser.close();
  await app.stop();
}

const width = Math.max(...rows.map((r) => r.what.length));
console.log('\nConfnotes bench\n');
for (const r of rows)
  console.log(
    `${r.ok ? 'ok  ' : 'OVER'} ${r.what.padEnd(width)}  ${r.value.padEnd(28)} budget ${r.budget}`,
  );
mkdirSync('.bench', { recursive: true });
writeFileSync(
  '.bench/results.json',
  `${JSON.stringify({ at: new Date().toISOString(), rows }, null, 2)}\n`,
);
if (rows.some((r) => !r.ok)) process.exitCode = 1;
