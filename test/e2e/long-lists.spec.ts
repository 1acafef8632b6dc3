import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp, importFile, FIXTURES } from './fixtures';

// FOSDEM 2015's first day holds 266 talks; the list lays out only the rows in sight, and each
// row says where it stands in the whole day, for a screen reader.
test.use({ timezoneId: 'Europe/Brussels', locale: 'en-GB', viewport: { width: 360, height: 740 } });

const DAY = 266;

async function openFosdem(page: Page, app: Parameters<typeof importFile>[1]) {
  await openApp(page, app);
  await importFile(page, app, `${FIXTURES}pentabarf-xml_fosdem2015.xml`);
  await expect(page.getByRole('heading', { level: 1, name: 'FOSDEM 2015' })).toBeVisible();
  await expect(page.getByText('551 talks')).toBeVisible();
  const rows = page.locator('main li[aria-setsize]');
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(DAY));
  return rows;
}

/** The row at `position` (1-based), scrolled to with the mouse wheel as a thumb would. */
async function scrollToRow(page: Page, rows: Locator, position: number): Promise<Locator> {
  const row = rows.and(page.locator(`[aria-posinset="${position}"]`));
  for (let i = 0; i < 200 && !(await row.isVisible()); i++) await page.mouse.wheel(0, 600);
  await row.scrollIntoViewIfNeeded();
  return row;
}

test('a day of 266 talks lays out only the rows in sight, and every row is reachable', async ({
  page,
  app,
}) => {
  const rows = await openFosdem(page, app);
  // The rows in sight come once the first one is measured: counted after that, not before.
  await expect.poll(() => rows.count()).toBeGreaterThan(5);
  expect(await rows.count()).toBeLessThan(60);
  await expect(rows.first()).toHaveAttribute('aria-posinset', '1');

  // The list keeps the height of all its rows, so the page scrolls to the last one.
  const last = await scrollToRow(page, rows, DAY);
  await expect(last.getByRole('link')).toBeVisible();
  expect(await rows.count()).toBeLessThan(60);
  // Back at the top, the first row is there again.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(rows.and(page.locator('[aria-posinset="1"]'))).toBeVisible();
});

test('Tab walks the talks past the rows first laid out, each named, in order', async ({
  page,
  app,
}) => {
  const rows = await openFosdem(page, app);
  const first = rows.first().getByRole('link');
  await first.focus();
  // A link and a star button a row: forty rows down the day, beyond the first screenful.
  for (let i = 0; i < 80; i++) await page.keyboard.press('Tab');
  const row = page.locator('main li[aria-setsize]:focus-within');
  await expect(row).toHaveAttribute('aria-posinset', '41');
  await expect(page.locator(':focus')).toHaveAccessibleName(/\S/);
  await expect(page.locator(':focus')).toBeInViewport();
  // Shift+Tab walks back the same way.
  for (let i = 0; i < 40; i++) await page.keyboard.press('Shift+Tab');
  await expect(row).toHaveAttribute('aria-posinset', '21');
});

test('a star far down the day, search, and Back to the list where it was, even after a reload', async ({
  page,
  app,
}) => {
  const rows = await openFosdem(page, app);
  const row = await scrollToRow(page, rows, 200);
  const title = (await row.getByRole('link').textContent())!.trim();
  await row.getByRole('button', { name: 'Star' }).click();
  await expect(row.getByRole('button', { name: 'Star' })).toHaveAttribute('aria-pressed', 'true');

  // Open the talk from where it sits on screen, then come back.
  const top = (await row.boundingBox())!.y;
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.goBack();
  const again = page.locator('main li[aria-posinset="200"]');
  await expect(again.getByRole('link')).toHaveText(title);
  await expect(again.getByRole('button', { name: 'Star' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => Math.round((await again.boundingBox())!.y)).toBe(Math.round(top));

  // A reload forgets the heights measured, and still comes back to the same row.
  await page.reload();
  await expect(again.getByRole('link')).toHaveText(title);
  await expect.poll(async () => Math.abs((await again.boundingBox())!.y - top)).toBeLessThan(2);

  // Search finds a talk of the other day too, and its star.
  await page.getByRole('searchbox', { name: 'Search talks' }).fill(title);
  const hit = page.locator('main li[aria-setsize]').filter({ hasText: title }).first();
  await expect(hit.getByRole('button', { name: 'Star' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: 'My agenda' }).click();
  await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
});
