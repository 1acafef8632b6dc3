// `npm run bench`: measures the production build in Debian's Chromium against DESIGN.md's
// budgets. Timings are compared with a floor measured in the same run, on the same page, since
// this machine is shared and noisy. Results go to stdout and .bench/results.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { launch } from '../support/browser';
import { startApp } from '../support/servers';
import { scheduleBench } from './schedule';
import { captureBench } from './capture';
import { exportBench } from './export';
import { startupBench, type Row } from './startup';
import { readBench } from './read';
import { slideAccuracy } from './slides';
import { syncBench } from './sync';
import { validationBench } from './validation';

// `npm run bench -- startup sync` runs only those parts (also: schedule, capture, slides, read, export, validation); no names runs them all.
const only = process.argv.slice(2);
const wanted = (part: string) => only.length === 0 || only.includes(part);

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const app = await startApp();
const browser = await launch();
const rows: Row[] = [];
try {
  if (wanted('startup')) rows.push(...(await startupBench(browser, app.url)));
  if (wanted('schedule')) rows.push(...(await scheduleBench(browser, app.url)));
  if (wanted('capture')) rows.push(...(await captureBench(app.url)));
  if (wanted('slides')) rows.push(...(await slideAccuracy()));
  if (wanted('read')) rows.push(...(await readBench()));
  if (wanted('export')) rows.push(...(await exportBench(browser)));
  if (wanted('sync')) rows.push(...(await syncBench(browser, app.url)));
  if (wanted('validation')) rows.push(...(await validationBench()));
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
