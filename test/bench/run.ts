// `npm run bench`: measures the production build in Debian's Chromium against DESIGN.md's
// budgets. Timings are compared with a floor measured in the same run, on the same page, since
// this machine is shared and noisy. Results go to stdout and .bench/results.json, by part:
// a part run again gets each row's value from the last results beside the new one ("previous"),
// and parts not run keep their rows and the date they were measured.
import type { Browser } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { launch } from '../support/browser';
import { startApp } from '../support/servers';
import { scheduleBench } from './schedule';
import { captureBench } from './capture';
import { tapToSafeBench } from './tap-to-safe';
import { exportBench } from './export';
import { startupBench, type Row } from './startup';
import { lighthouseBench } from './lighthouse';
import { readBench } from './read';
import { slideAccuracy } from './slides';
import { syncBench } from './sync';
import { validationBench } from './validation';

/** A part of the bench; `browser` launches the one it may use (none for the others). */
type Part = (url: string, browser: () => Promise<Browser>) => Promise<Row[]>;

// One line a part; `npm run bench -- startup sync` runs only those, no names runs them all.
const PARTS: Record<string, Part> = {
  startup: async (url, browser) => startupBench(await browser(), url),
  lighthouse: (url) => lighthouseBench(url),
  schedule: async (url, browser) => scheduleBench(await browser(), url),
  capture: (url) => captureBench(url),
  tap: (url) => tapToSafeBench(url),
  slides: () => slideAccuracy(),
  read: () => readBench(),
  export: async (url, browser) => exportBench(url, await browser()),
  sync: async (url, browser) => syncBench(await browser(), url),
  validation: () => validationBench(),
};

interface Stored extends Row {
  /** The row's value in the run before, when that run had a row of this name. */
  previous?: string;
}
interface Results {
  parts: Record<string, { at: string; rows: Stored[] }>;
  /** A file from before results were kept by part: its rows serve as "previous" once. */
  rows?: Stored[];
}

const RESULTS = '.bench/results.json';

/** The results file as it is now (other people may have run other parts meanwhile). */
function lastResults(): Results {
  try {
    const read = JSON.parse(readFileSync(RESULTS, 'utf8')) as Partial<Results>;
    return { parts: read.parts ?? {}, rows: read.rows };
  } catch {
    return { parts: {} };
  }
}

const asked = process.argv.slice(2);
const unknown = asked.filter((p) => !(p in PARTS));
if (unknown.length) {
  throw new Error(`no bench part ${unknown.join(', ')}; parts: ${Object.keys(PARTS).join(', ')}`);
}
const names = asked.length ? asked : Object.keys(PARTS);

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const app = await startApp();
const measured: Record<string, Row[]> = {};
try {
  for (const name of names) {
    // Each part in a browser of its own, as when run alone: the export part's 100 MB of Blobs,
    // let go as it closed, slowed the sync part after it (0.74x in that order, 0.83x to 0.90x
    // alone), and a part's figure must not depend on the parts run before it. Launched only
    // for the parts that use it: the others launch their own with the flags they need, or none,
    // and an idle browser beside them is a process more on this two-core machine.
    let browser: Promise<Browser> | undefined;
    try {
      // A part that throws fails the run with its reason, and the other parts still report.
      measured[name] = await PARTS[name]!(app.url, () => (browser ??= launch())).catch(
        (err: unknown) => [
          {
            what: `${name}: did not finish`,
            value: String(err).split('\n')[0]!,
            budget: '',
            ok: false,
          },
        ],
      );
    } finally {
      await (await browser?.catch(() => undefined))?.close();
    }
  }
} finally {
  await app.stop();
}

const { parts, rows: unsorted = [] } = lastResults();
const results: Results = { parts };
const at = new Date().toISOString();
const rows: Stored[] = [];
for (const [name, partRows] of Object.entries(measured)) {
  const before = new Map((parts[name]?.rows ?? unsorted).map((r) => [r.what, r.value]));
  const stored = partRows.map((r) => ({ ...r, previous: before.get(r.what) }));
  parts[name] = { at, rows: stored };
  rows.push(...stored);
}

const width = (key: 'what' | 'value' | 'budget') => Math.max(...rows.map((r) => r[key].length));
console.log('\nConfnotes bench\n');
for (const r of rows) {
  const previous = r.previous === undefined ? '' : `  previous ${r.previous}`;
  console.log(
    `${r.ok ? 'ok  ' : 'OVER'} ${r.what.padEnd(width('what'))}  ${r.value.padEnd(width('value'))}  budget ${r.budget.padEnd(width('budget'))}${previous}`,
  );
}
const kept = Object.entries(parts).filter(([name]) => !(name in measured));
if (kept.length) {
  console.log(`\nKept from earlier runs: ${kept.map(([n, p]) => `${n} (${p.at})`).join(', ')}`);
}
mkdirSync('.bench', { recursive: true });
// Written whole and then renamed: someone reading it meanwhile never sees half a file.
writeFileSync(`${RESULTS}.${process.pid}`, `${JSON.stringify(results, null, 2)}\n`);
renameSync(`${RESULTS}.${process.pid}`, RESULTS);
if (rows.some((r) => !r.ok)) process.exitCode = 1;
