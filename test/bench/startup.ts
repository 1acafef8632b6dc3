// Start-up JavaScript on first launch: every script the first visit loads, the demo data
// included, for an English and a French phone (the French words are loaded only for the latter).
// The count ends once the home screen shows the demo and no script has been pending across two
// idle callbacks in a row, so a script the app asks for late is counted too; the self-check
// loads a deliberate late script and fails the run if it goes uncounted.
import type { Browser, Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';

export interface Row {
  what: string;
  value: string;
  budget: string;
  ok: boolean;
}

const BUDGET_KB = 60;
const LATE_PATH = '/bench-late-check.js';
// Words that do not compress to nothing, so the late script adds a known, visible amount.
const LATE_BODY = `export const words = ${JSON.stringify(
  Array.from({ length: 400 }, (_, i) => (i * 7919).toString(36)).join(' '),
)};\n`;

const kb = (n: number) => n / 1024;

/** Script requests started and pending; `none()` resolves when none is pending. */
class Scripts {
  started = 0;
  pending = 0;
  #waiters: (() => void)[] = [];

  begin(): void {
    this.started++;
    this.pending++;
  }

  end(): void {
    if (--this.pending === 0) for (const done of this.#waiters.splice(0)) done();
  }

  none(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((r) => this.#waiters.push(r));
  }
}

/** Resolves once no script request has been pending across two idle callbacks in a row. */
async function settle(page: Page, scripts: Scripts): Promise<void> {
  let quiet = 0;
  while (quiet < 2) {
    await scripts.none();
    const before = scripts.started;
    // An idle period, a frame, and another idle period: a request the page made in the first
    // has been announced by the second.
    await page.evaluate(
      () =>
        new Promise((done) =>
          requestIdleCallback(() => requestAnimationFrame(() => requestIdleCallback(done))),
        ),
    );
    quiet = scripts.pending === 0 && scripts.started === before ? quiet + 1 : 0;
  }
}

/** Gzip bytes of each script a first launch loads, by path. */
async function firstLaunch(
  browser: Browser,
  url: string,
  locale: string,
  late = false,
): Promise<Map<string, number>> {
  // The late check's route would not see a request the service worker answers: no worker there.
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale,
    serviceWorkers: late ? 'block' : 'allow',
  });
  const page = await context.newPage();
  const sizes = new Map<string, number>();
  const reads: Promise<void>[] = [];
  const scripts = new Scripts();
  // Workers' scripts count too: the one started at launch (intl.worker.ts) is start-up JS.
  const isScript = (type: string) => type === 'script';
  page.on('request', (req) => {
    if (isScript(req.resourceType())) scripts.begin();
  });
  page.on('requestfailed', (req) => {
    if (isScript(req.resourceType())) scripts.end();
  });
  page.on('requestfinished', (req) => {
    if (!isScript(req.resourceType())) return;
    scripts.end();
    const path = new URL(req.url()).pathname;
    reads.push(
      req
        .response()
        .then((res) => res?.body())
        // A worker done and gone takes its responses with it: the same file, asked again.
        .catch(() => context.request.get(req.url()).then((res) => res.body()))
        .then((body) => void (body && sizes.set(path, gzipSync(body).length))),
    );
  });
  if (late) {
    // The deliberate late script: asked for only after the home screen is ready and idle, the
    // way a lazy import after the first render would be.
    await page.route(`**${LATE_PATH}`, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: LATE_BODY }),
    );
    // (No named functions inside: tsx would wrap them in a helper the page lacks.)
    await page.addInitScript((path) => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('main a.title')) return;
        observer.disconnect();
        requestIdleCallback(() => void import(/* @vite-ignore */ path));
      }).observe(document, { childList: true, subtree: true });
    }, LATE_PATH);
  }
  await page.goto(url);
  await page.locator('main a.title').first().waitFor();
  await settle(page, scripts);
  await Promise.all(reads);
  await context.close();
  return sizes;
}

const total = (sizes: Map<string, number>) => [...sizes.values()].reduce((a, n) => a + n, 0);

export async function startupBench(browser: Browser, url: string): Promise<Row[]> {
  const rows: Row[] = [];
  let english = 0;
  for (const locale of ['en-US', 'fr-FR']) {
    const sizes = await firstLaunch(browser, url, locale);
    const demo = [...sizes].filter(([p]) => p.includes('xebicon')).reduce((a, [, n]) => a + n, 0);
    const all = total(sizes);
    if (locale === 'en-US') english = all;
    rows.push({
      what: `initial JS, gzip, first launch with the demo (${locale})`,
      value: `${kb(all).toFixed(2)} KB (demo ${kb(demo).toFixed(1)})`,
      budget: `<= ${BUDGET_KB} KB`,
      ok: demo > 0 && kb(all) <= BUDGET_KB,
    });
    console.log(`start-up scripts, ${locale} (gzip bytes):`, Object.fromEntries(sizes));
  }
  // Self-check: the same launch with one more script, asked for late, must count it.
  const late = await firstLaunch(browser, url, 'en-US', true);
  const lateBytes = late.get(LATE_PATH) ?? 0;
  rows.push({
    what: '  self-check: a late extra script is counted',
    value: `${kb(total(late) - english).toFixed(1)} KB more (script ${kb(lateBytes).toFixed(1)})`,
    budget: 'counted',
    ok: lateBytes > 0 && total(late) - english >= lateBytes,
  });
  return rows;
}
