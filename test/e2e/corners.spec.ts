// The corner editor (issue 11) on the production build: a corner dragged by touch and one
// moved by the arrow keys straighten the photo; the corners are there again after a reload
// with the server stopped; "No crop" brings the whole photo back; the editor fits a 320 px
// and a 360 px screen in English and French, dark and light.
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp, waitForOffline, readingOff } from './fixtures';

const IMAGES = new URL('../fixtures/images/', import.meta.url).pathname;
/** slide.jpg is 640 × 480. */
const WHOLE_ASPECT = 640 / 480;
/** Set to a folder to keep screenshots of the editor there (e.g. /tmp/shots-corners). */
const SHOTS = process.env.CORNER_SHOTS;

// Touch events reach the page only in a context that has a touch screen.
test.use({ hasTouch: true });

const CORNERS = [
  'Top-left corner',
  'Top-right corner',
  'Bottom-right corner',
  'Bottom-left corner',
];

/**
 * Turns "Keep originals" on (so "No crop" can bring the whole photo back), then adds slide.jpg
 * to "UX > craft" from the gallery and waits until it is processed: its list item.
 */
async function addPhoto(page: Page): Promise<Locator> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Keep originals (uses much more space)').check();
  await page.goBack();
  await page.getByRole('link', { name: 'Xebicon 2019' }).click();
  await page.getByRole('link', { name: 'UX > craft' }).click();
  await page.getByRole('button', { name: 'Open camera' }).click();
  await page.getByLabel('Add photos').setInputFiles(`${IMAGES}slide.jpg`);
  await expect(page.getByText('1 saved')).toBeVisible();
  await page.getByRole('link', { name: 'Done' }).click();
  const item = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('img', { name: /^(Slide|Diapositive) 1$/ }) });
  await expect(item.getByRole('button', { name: 'Adjust corners' })).toBeVisible();
  return item;
}

/** Width over height of the thumbnail the list shows, once decoded; 0 while there is none. */
function aspect(item: Locator): Promise<number> {
  return item.getByRole('img', { name: 'Slide 1', exact: true }).evaluate(async (el) => {
    if (!(el instanceof HTMLImageElement)) return 0;
    await el.decode().catch(() => undefined);
    return el.naturalHeight ? el.naturalWidth / el.naturalHeight : 0;
  });
}

/** Where a handle says its corner is: "12.5% from the left, 30% from the top". */
function where(handle: Locator): Promise<string> {
  return handle.evaluate((el) => {
    const id = el.getAttribute('aria-describedby');
    return (id && document.getElementById(id)?.textContent) || '';
  });
}

/** The percentages in `where`'s words. */
function percents(text: string): [number, number] {
  const m = /^([\d.]+)% from the left, ([\d.]+)% from the top$/.exec(text);
  if (!m) throw new Error(`not a corner position: ${text}`);
  return [Number(m[1]), Number(m[2])];
}

/** The centre of each handle in pixels from the image's top-left corner. */
async function handleSpots(dialog: Locator): Promise<{ x: number; y: number }[]> {
  const image = (await dialog.getByRole('img').boundingBox())!;
  const spots = [];
  for (const name of CORNERS) {
    const b = (await dialog.getByRole('button', { name }).boundingBox())!;
    spots.push({ x: b.x + b.width / 2 - image.x, y: b.y + b.height / 2 - image.y });
  }
  return spots;
}

/**
 * A one-finger drag through Chromium's touch input (the page gets touch pointer events); the
 * finger stays down until the returned function lifts it.
 */
async function touchDrag(page: Page, handle: Locator, dx: number, dy: number) {
  const b = (await handle.boundingBox())!;
  const x = b.x + b.width / 2;
  const y = b.y + b.height / 2;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 8; i++) {
    const touchPoints = [{ x: x + (dx * i) / 8, y: y + (dy * i) / 8 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints });
  }
  return async () => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  };
}

async function openEditor(page: Page, item: Locator): Promise<Locator> {
  await item.getByRole('button', { name: 'Adjust corners' }).click();
  const dialog = page.getByRole('dialog', { name: 'Adjust corners' });
  await expect(dialog.getByRole('button', { name: 'Top-left corner' })).toBeVisible();
  return dialog;
}

test('corners set by touch and by keys straighten the photo, stay after an offline reload, and "No crop" undoes them', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await waitForOffline(page);
  await readingOff(page, app);
  const item = await addPhoto(page);
  const before = await aspect(item);
  expect(before).toBeGreaterThan(0);

  // Focus moves in; Escape leaves without saving and gives focus back to the button.
  let dialog = await openEditor(page, item);
  expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
  const topLeft = dialog.getByRole('button', { name: 'Top-left corner' });
  const start = await where(topLeft);
  await topLeft.press('ArrowRight');
  expect(await where(topLeft)).not.toBe(start);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(item.getByRole('button', { name: 'Adjust corners' })).toBeFocused();
  dialog = await openEditor(page, item);
  expect(await where(dialog.getByRole('button', { name: 'Top-left corner' }))).toBe(start);

  // One finger drags the top-left corner well to the right and a little down, the magnifier
  // showing while the finger is down.
  const image = (await dialog.getByRole('img').boundingBox())!;
  const [x0, y0] = percents(await where(topLeft));
  const lift = await touchDrag(page, topLeft, image.width * 0.4, image.height * 0.1);
  await expect(dialog.locator('.lens')).toBeVisible();
  await lift();
  await expect(dialog.locator('.lens')).toHaveCount(0);
  const [x1, y1] = percents(await where(topLeft));
  // Within a pixel or so: touch points land on whole pixels.
  expect(Math.abs(x1 - x0 - 40)).toBeLessThan(1);
  expect(Math.abs(y1 - y0 - 10)).toBeLessThan(1);

  // The keys move the bottom-right corner: 1 % a press, 0.2 % with Shift; each move is said.
  const bottomRight = dialog.getByRole('button', { name: 'Bottom-right corner' });
  const [bx0, by0] = percents(await where(bottomRight));
  await bottomRight.focus();
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowUp');
  const [bx1, by1] = percents(await where(bottomRight));
  expect(bx1).toBeCloseTo(bx0 - 30, 0);
  expect(by1).toBeCloseTo(by0 - 0.6, 0);
  await expect(dialog.getByRole('status').first()).toHaveText(
    `Bottom-right corner: ${await where(bottomRight)}`,
  );
  const saved = { topLeft: await where(topLeft), bottomRight: await where(bottomRight) };
  const spots = await handleSpots(dialog);

  // Saving says it is straightening, closes, and the photo is now the narrower slide.
  await dialog.evaluate((el) => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  await dialog.getByRole('button', { name: 'Save corners' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  expect(seen.some((text) => text.includes('Straightening…'))).toBe(true);
  await expect(item.getByRole('button', { name: 'Adjust corners' })).toBeFocused();
  await expect.poll(() => aspect(item)).toBeLessThan(before * 0.85);

  // The server is stopped: the app comes from its cache and the corners from the device.
  await app.stop();
  await page.reload();
  dialog = await openEditor(page, item);
  expect(await where(dialog.getByRole('button', { name: 'Top-left corner' }))).toBe(saved.topLeft);
  expect(await where(dialog.getByRole('button', { name: 'Bottom-right corner' }))).toBe(
    saved.bottomRight,
  );
  const again = await handleSpots(dialog);
  again.forEach((spot, i) => {
    expect(spot.x).toBeCloseTo(spots[i]!.x, 0);
    expect(spot.y).toBeCloseTo(spots[i]!.y, 0);
  });

  // The original is kept: "No crop" brings back the whole photo, still offline.
  await dialog.getByRole('button', { name: 'No crop' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect.poll(() => aspect(item)).toBeCloseTo(WHOLE_ASPECT, 2);
  dialog = await openEditor(page, item);
  const whole = ['0% from the left, 0% from the top', '100% from the left, 0% from the top'];
  whole.push('100% from the left, 100% from the top', '0% from the left, 100% from the top');
  for (const [i, name] of CORNERS.entries())
    expect(await where(dialog.getByRole('button', { name }))).toBe(whole[i]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

/** No part of `a` lies on `b`. */
const apart = (a: DOMRectLike, b: DOMRectLike) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
type DOMRectLike = { x: number; y: number; width: number; height: number };

test('the editor fits a 320 px and a 360 px screen, in English and French, dark and light', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  await openApp(page, app);
  await readingOff(page, app);
  const item = await addPhoto(page);
  for (const lang of ['en', 'fr'] as const) {
    await page.evaluate((l) => localStorage.setItem('confnotes.lang', l), lang);
    await page.reload();
    const words =
      lang === 'en'
        ? { adjust: 'Adjust corners', save: 'Save corners', none: 'No crop', cancel: 'Cancel' }
        : {
            adjust: 'Ajuster les coins',
            save: 'Enregistrer les coins',
            none: 'Sans recadrage',
            cancel: 'Annuler',
          };
    for (const width of [320, 360]) {
      await page.setViewportSize({ width, height: 640 });
      await item.getByRole('button', { name: words.adjust }).click();
      const dialog = page.getByRole('dialog', { name: words.adjust });
      const handles = dialog.locator('.handle');
      await expect(handles).toHaveCount(4);
      const screen = { x: 0, y: 0, width, height: 640 };
      const actions = [words.cancel, words.none, words.save].map((name) =>
        dialog.getByRole('button', { name, exact: true }),
      );
      const boxes = [];
      for (const b of [...actions, ...(await handles.all())]) {
        const box = (await b.boundingBox())!;
        // Wholly on screen, and a thumb's width at least.
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(screen.width);
        expect(box.y + box.height).toBeLessThanOrEqual(screen.height);
        expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
        boxes.push(box);
      }
      // The buttons do not overlap each other, nor the handles.
      for (let i = 0; i < 3; i++)
        for (let j = i + 1; j < boxes.length; j++) expect(apart(boxes[i]!, boxes[j]!)).toBe(true);
      // No word of the title or the help is cut.
      for (const text of await dialog.locator('h2, header p').all())
        expect(await text.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      for (const scheme of ['dark', 'light'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        if (SHOTS)
          await page.screenshot({ path: `${SHOTS}/editor-${width}-${lang}-${scheme}.png` });
      }
      // The magnifier, with the finger on the bottom-left corner.
      const lift = await touchDrag(page, handles.nth(3), 20, -20);
      await expect(dialog.locator('.lens')).toBeVisible();
      const lens = (await dialog.locator('.lens').boundingBox())!;
      expect(lens.x).toBeGreaterThanOrEqual(0);
      expect(lens.y).toBeGreaterThanOrEqual(0);
      expect(lens.x + lens.width).toBeLessThanOrEqual(width);
      // Above the finger, which is on the bottom-left corner.
      const finger = (await handles.nth(3).boundingBox())!;
      expect(lens.y + lens.height).toBeLessThanOrEqual(finger.y + finger.height / 2);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/lens-${width}-${lang}.png` });
      await lift();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }
  }
});
