import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROME_ARGS, chromePath } from '../support/browser';
import { test, expect, openApp, waitForOffline } from './fixtures';

test('Chromium reports no installability errors', async ({ app }) => {
  // Installation is never offered in incognito, which is what a plain test context is.
  const profile = mkdtempSync(join(tmpdir(), 'confnotes-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath(),
    args: CHROME_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await openApp(page, app);
    await waitForOffline(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the manifest is complete and its images are what it says', async ({ page, app }) => {
  await openApp(page, app);

  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = (await (await page.request.get(new URL(href!, app.url).href)).json()) as Record<
    string,
    unknown
  > & {
    icons: { sizes: string; purpose?: string; src: string }[];
    screenshots: { src: string; sizes: string }[];
    shortcuts: { url: string }[];
  };
  expect(manifest).toMatchObject({
    name: expect.any(String),
    short_name: 'Confnotes',
    display: 'standalone',
    start_url: '/',
    scope: '/',
  });
  expect(manifest.description).toBeTruthy();
  expect(manifest.theme_color).toBeTruthy();
  expect(manifest.background_color).toBeTruthy();
  expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`)).toEqual(
    expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
  );
  // Every icon and screenshot is served and has the size the manifest claims.
  for (const image of [...manifest.icons, ...manifest.screenshots]) {
    const size = await page.evaluate(async (src) => {
      const bitmap = await createImageBitmap(await (await fetch(src)).blob());
      return `${bitmap.width}x${bitmap.height}`;
    }, image.src);
    expect(size).toBe(image.sizes);
  }
  expect(manifest.shortcuts.length).toBeGreaterThan(0);
});

test('the Now & Next shortcut opens the conference', async ({ page, app }) => {
  await openApp(page, app);
  await page.goto(`${app.url}#/now`);
  await expect(page.getByRole('heading', { level: 1, name: 'Xebicon 2019' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Now', exact: true })).toBeVisible();
});

test('usable at 360 px: nothing wider than the screen', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('link', { name: 'Xebicon 2019' }).click();
  await page.getByRole('link', { name: /REX Galeries Lafayette/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('REX Galeries Lafayette');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
});

test.describe('on an iPhone, where no install prompt exists', () => {
  test.use({
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  });

  test('the home screen explains Add to Home Screen', async ({ page, app }) => {
    await openApp(page, app);
    await expect(page.getByText('Add to Home Screen')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Install' })).toHaveCount(0);
  });
});
