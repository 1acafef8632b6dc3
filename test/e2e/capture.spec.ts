import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Photo } from '../../src/lib/model/types';
import { CHROME_ARGS, chromePath } from '../support/browser';
import { CAMERA_ARGS } from '../support/fake-camera';
import { readFileSync } from 'node:fs';
import {
  test,
  expect,
  openApp,
  importFile,
  takePhotos,
  storedRows,
  waitForOffline,
  FIXTURES,
  readingOff,
  fullDiskFor,
} from './fixtures';

// Chromium's fake camera plays a video of slides made by global-setup.ts.
test.use({
  timezoneId: 'Europe/Brussels',
  locale: 'en-GB',
  launchOptions: {
    executablePath: chromePath(),
    args: [...CHROME_ARGS, ...CAMERA_ARGS],
  },
});

const IMAGES = new URL('../fixtures/images/', import.meta.url).pathname;

async function openDemoTalk(page: Page, title: string) {
  await page.getByRole('link', { name: 'Xebicon 2019' }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function cameraReady(page: Page) {
  await expect(page.getByRole('button', { name: 'Take photo' })).toBeEnabled();
  await page.waitForFunction(() => (document.querySelector('video')?.videoWidth ?? 0) > 0);
}

test('a burst of 10 shots is filed under the starred talk on now, as Slide 1 to Slide 10', async ({
  page,
  app,
}) => {
  // Saturday 31 January 2015, 10:30 in Brussels: "Identity Crisis" runs 10:00–10:50 in Janson.
  await page.clock.setFixedTime(new Date('2015-01-31T09:30:00Z'));
  await openApp(page, app);
  await readingOff(page, app);
  await importFile(page, app, `${FIXTURES}pentabarf-xml_fosdem2015.xml`);
  await page.getByLabel('Conference time zone').selectOption('Europe/Brussels');
  const title = 'Identity Crisis: Are we who we say we are?';
  await page.getByRole('searchbox', { name: 'Search talks' }).fill('Identity Crisis');
  await page
    .getByRole('listitem')
    .filter({ hasText: title })
    .getByRole('button', { name: 'Star' })
    .click();

  await page.getByRole('button', { name: 'Open camera' }).click();
  await expect(page.getByText(`Next photo goes to: ${title} (starred, on now)`)).toBeVisible();
  await cameraReady(page);
  await takePhotos(page, 10);
  await expect(page.getByText('10 saved')).toBeVisible();

  await page.getByRole('link', { name: 'Done' }).click();
  await page.getByRole('searchbox', { name: 'Search talks' }).fill('Identity Crisis');
  await page.getByRole('link', { name: title }).click();
  for (let n = 1; n <= 10; n++)
    await expect(page.getByRole('img', { name: `Slide ${n}`, exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Slide 11', exact: true })).toHaveCount(0);
  // Each is a real, decodable image (thumbnails load lazily).
  for (const img of await page.locator('main img').all()) {
    await img.scrollIntoViewIfNeeded();
    await expect
      .poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth))
      .toBeGreaterThan(0);
  }
  // The camera sees a keystoned slide in a dim room (960×540 frames): each photo is the slide
  // found, cut out and straightened, no longer the whole frame.
  const stored = await storedRows<Photo>(page, 'photos');
  expect(stored).toHaveLength(10);
  for (const photo of stored) {
    expect(photo.cropBy).toBe('finder');
    expect(photo.corners).toBeDefined();
    expect(photo.width).toBeLessThan(700);
    expect(photo.width / photo.height).toBeGreaterThan(1.5);
    expect(photo.width / photo.height).toBeLessThan(2);
  }
});

test('a reload in the middle of a burst loses no confirmed shot and finishes the rest', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await readingOff(page, app);
  await openDemoTalk(page, 'UX > craft');
  await page.getByRole('button', { name: 'Open camera' }).click();
  await expect(page.getByText('Next photo goes to: UX > craft')).toBeVisible();
  await cameraReady(page);
  await takePhotos(page, 6);
  const saved = page.getByText(/^[1-9]\d* saved$/);
  await expect(saved).toBeVisible();
  const confirmed = Number((await saved.textContent())!.split(' ')[0]);
  await page.reload();

  await page.goto(app.url);
  await openDemoTalk(page, 'UX > craft');
  const photos = page.getByRole('img', { name: /^Slide \d+$/ });
  await expect.poll(() => photos.count()).toBeGreaterThanOrEqual(confirmed);
  // Shots stored but not processed before the reload are finished at start.
  await expect(page.getByText('Processing…')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('main img')).toHaveCount(await photos.count());
});

test('gallery photos are added several at once; a non-image gets a clear message', async ({
  page,
  app,
}) => {
  const notAPhoto = join(tmpdir(), `confnotes-${process.pid}-notes.jpg`);
  writeFileSync(notAPhoto, 'These are my notes, not a photo.');
  const cut = join(tmpdir(), `confnotes-${process.pid}-cut.jpg`);
  const whole = readFileSync(`${IMAGES}slide.jpg`);
  writeFileSync(cut, whole.subarray(0, whole.length / 2));

  await openApp(page, app);
  await readingOff(page, app);
  await openDemoTalk(page, 'Docker est mort, vive Docker');
  await page.getByRole('button', { name: 'Open camera' }).click();
  await page
    .getByLabel('Add photos')
    .setInputFiles([`${IMAGES}slide.jpg`, notAPhoto, `${IMAGES}slide.png`, cut]);
  await expect(page.getByText('2 saved')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(/cut\.jpg: .*damaged or incomplete/);
  await page.getByRole('link', { name: 'Done' }).click();
  await expect(page.getByRole('img', { name: 'Slide 2', exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Slide 3', exact: true })).toHaveCount(0);
});

test('the camera is released when the screen closes or the app is hidden', async ({
  page,
  app,
}) => {
  await page.addInitScript(() => {
    const streams: MediaStream[] = [];
    (window as unknown as { __streams: MediaStream[] }).__streams = streams;
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (c) => {
      const s = await original(c);
      streams.push(s);
      return s;
    };
  });
  const live = () =>
    page.evaluate(
      () =>
        (window as unknown as { __streams: MediaStream[] }).__streams
          .flatMap((s) => s.getTracks())
          .filter((t) => t.readyState === 'live').length,
    );
  await openApp(page, app);
  await openDemoTalk(page, 'UX > craft');
  await page.getByRole('button', { name: 'Open camera' }).click();
  await cameraReady(page);
  expect(await live()).toBe(1);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(live).toBe(0);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(live).toBe(1);
  await page.getByRole('link', { name: 'Done' }).click();
  await expect.poll(live).toBe(0);
});

test('a full disk says so, keeps every stored photo, and the camera works once space is freed', async ({
  page,
  app,
}) => {
  // Writes of shot bytes fail as on a full disk while `diskFull` is on.
  const diskFull = await fullDiskFor(page, 'originals', false);
  await openApp(page, app);
  await readingOff(page, app);
  await openDemoTalk(page, 'UX > craft');
  await page.getByRole('button', { name: 'Open camera' }).click();
  await cameraReady(page);
  const shutter = page.getByRole('button', { name: 'Take photo' });
  await shutter.click();
  await expect(page.getByText('1 saved')).toBeVisible();

  await diskFull(true);
  await shutter.click();
  await expect(page.getByRole('alert')).toContainText('out of storage space');
  await expect(page.getByText('1 saved')).toBeVisible();

  await diskFull(false);
  await shutter.click();
  await expect(page.getByText('2 saved')).toBeVisible();
  await page.getByRole('link', { name: 'Done' }).click();
  await expect(page.getByRole('img', { name: 'Slide 1', exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Slide 2', exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Slide 3', exact: true })).toHaveCount(0);
});

test('a shot shows at once on its talk open in another tab, before it is processed', async ({
  page,
  app,
}) => {
  // The shot is written on IndexedDB directly (src/lib/db/native-write.ts), and live lists
  // hear of it on Dexie's channel between tabs. Here the disk fills after each shot is stored,
  // so its processed image is never written: only the shot's own notice can show it.
  await fullDiskFor(page, 'photoBlobs');
  await openApp(page, app);
  await readingOff(page, app);
  const other = await page.context().newPage();
  await openApp(other, app);
  await openDemoTalk(other, 'UX > craft');
  const slides = other.getByRole('img', { name: /^Slide \d+$/ });
  await expect(slides).toHaveCount(0);

  await openDemoTalk(page, 'UX > craft');
  await page.getByRole('button', { name: 'Open camera' }).click();
  await cameraReady(page);
  await page.getByRole('button', { name: 'Take photo' }).click();
  await expect(page.getByText('1 saved')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('This photo is safe');
  await expect(other.getByRole('img', { name: 'Slide 1', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Take photo' }).click();
  await expect(page.getByText('2 saved')).toBeVisible();
  await expect(slides).toHaveCount(2);
  await expect(other.getByRole('img', { name: 'Slide 2', exact: true })).toBeVisible();
  await other.close();
});

test('images shared to the installed app are filed like captures', async ({ page, app }) => {
  await openApp(page, app);
  await waitForOffline(page);
  await readingOff(page, app);
  // What the system share sheet does: a multipart POST navigation to the manifest's action.
  const jpeg = readFileSync(`${IMAGES}slide.jpg`).toString('base64');
  const png = readFileSync(`${IMAGES}slide.png`).toString('base64');
  await page.evaluate(
    ({ jpeg, png }) => {
      const file = (b64: string, name: string, type: string) =>
        new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type });
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = '/share-target';
      form.enctype = 'multipart/form-data';
      const input = document.createElement('input');
      input.type = 'file';
      input.name = 'photos';
      input.multiple = true;
      const dt = new DataTransfer();
      dt.items.add(file(jpeg, 'IMG_0001.jpg', 'image/jpeg'));
      dt.items.add(file(png, 'Screenshot.png', 'image/png'));
      input.files = dt.files;
      form.append(input);
      document.body.append(form);
      form.submit();
    },
    { jpeg, png },
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Shared photos' })).toBeVisible();
  await expect(page.getByText('2 saved')).toBeVisible();
  await page.getByRole('link', { name: 'See where they were filed' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unsorted photos' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Slide 2', exact: true })).toBeVisible();
});

test('the manifest offers the camera shortcut and the share target', async ({ page, app }) => {
  await openApp(page, app);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = (await (await page.request.get(new URL(href!, app.url).href)).json()) as {
    shortcuts: { name: string; url: string }[];
    share_target: { action: string; method: string; params: { files: { name: string }[] } };
  };
  expect(manifest.share_target).toMatchObject({
    action: '/share-target',
    method: 'POST',
    params: { files: [{ name: 'photos' }] },
  });
  const camera = manifest.shortcuts.find((s) => s.name === 'Open camera')!;
  await page.goto(new URL(camera.url, app.url).href);
  await expect(page.getByRole('button', { name: 'Take photo' })).toBeVisible();
});

test('photos are captioned, reordered, moved to another talk and deleted with undo', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await readingOff(page, app);
  await openDemoTalk(page, 'UX > craft');
  await page.getByRole('button', { name: 'Open camera' }).click();
  await page
    .getByLabel('Add photos')
    .setInputFiles([`${IMAGES}slide.jpg`, `${IMAGES}slide.png`, `${IMAGES}slide.webp`]);
  await expect(page.getByText('3 saved')).toBeVisible();
  await page.getByRole('link', { name: 'Done' }).click();
  const alts = () =>
    page.locator('main ol img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')));
  await expect.poll(alts).toEqual(['Slide 1', 'Slide 2', 'Slide 3']);

  // A caption becomes the image's name.
  await page.getByLabel('Caption of Slide 1').fill('The data pipeline');
  await page.getByLabel('Caption of Slide 1').press('Enter');
  await expect(page.getByRole('img', { name: 'The data pipeline' })).toBeVisible();

  // Reorder: the captioned photo moves after the next one.
  await page.getByRole('button', { name: 'Move Slide 1 later' }).click();
  await expect.poll(alts).toEqual(['Slide 1', 'The data pipeline', 'Slide 3']);

  // Delete, then undo: it comes back in its place.
  await page.getByRole('button', { name: 'Delete Slide 3' }).click();
  await expect.poll(alts).toEqual(['Slide 1', 'The data pipeline']);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(alts).toEqual(['Slide 1', 'The data pipeline', 'Slide 3']);

  // Move one to another talk of the conference.
  await page
    .getByLabel('Move Slide 2 to another talk')
    .selectOption({ label: 'Docker est mort, vive Docker' });
  await expect.poll(alts).toEqual(['Slide 1', 'Slide 2']);
  await page.reload();
  await expect.poll(alts).toEqual(['Slide 1', 'Slide 2']);
  await page.getByRole('link', { name: '← Xebicon 2019' }).click();
  await page.getByRole('link', { name: 'Docker est mort, vive Docker' }).click();
  await expect(page.getByRole('img', { name: 'The data pipeline' })).toBeVisible();
});
