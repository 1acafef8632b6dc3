// Slides found in photos and straightened, as the user sees them in the built app: the camera's
// keystoned slide comes out cut and straightened in the talk and in the exported zip, while a
// gallery image that already is the whole slide stays as it was.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { sniffImage } from '../../src/lib/capture/sniff';
import type { Photo } from '../../src/lib/model/types';
import { CHROME_ARGS, chromePath } from '../support/browser';
import { CAMERA_ARGS } from '../support/fake-camera';
import { test, expect, openApp, storedRows, takePhotos, readingOff } from './fixtures';

test.use({
  launchOptions: { executablePath: chromePath(), args: [...CHROME_ARGS, ...CAMERA_ARGS] },
});

const IMAGES = new URL('../fixtures/images/', import.meta.url).pathname;

test('the exported zip holds the straightened slides, and a full-frame slide as it came', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await readingOff(page, app);
  await page.getByRole('link', { name: 'Xebicon 2019' }).click();
  await page.getByRole('link', { name: 'UX > craft' }).click();
  await page.getByRole('button', { name: 'Open camera' }).click();
  await expect(page.getByRole('button', { name: 'Take photo' })).toBeEnabled();
  await page.waitForFunction(() => (document.querySelector('video')?.videoWidth ?? 0) > 0);
  await takePhotos(page, 2);
  await expect(page.getByText('2 saved')).toBeVisible();
  // A screenshot-like image: the slide is the whole picture, so there is nothing to cut.
  await page.getByLabel('Add photos').setInputFiles(`${IMAGES}slide.png`);
  await expect(page.getByText('3 saved')).toBeVisible();
  await page.getByRole('link', { name: 'Done' }).click();
  await expect(page.getByRole('img', { name: 'Slide 3', exact: true })).toBeVisible();
  await expect(page.getByText('Processing…')).toHaveCount(0);

  const photos = (await storedRows<Photo>(page, 'photos')).sort((a, b) => a.position - b.position);
  expect(photos.map((p) => [p.cropBy, p.corners !== undefined])).toEqual([
    ['finder', true],
    ['finder', true],
    ['finder', false],
  ]);
  // The shots were the camera's 960×540 frames; the slide in them is about 640 px wide.
  for (const p of photos.slice(0, 2)) expect(p.width).toBeLessThan(700);
  const png = sniffImage(readFileSync(`${IMAGES}slide.png`))!;
  expect([photos[2]!.width, photos[2]!.height]).toEqual([png.width, png.height]);

  await page.getByRole('link', { name: '← Xebicon 2019' }).click();
  await page.getByLabel('Only talks with notes or photos').check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export zip' }).click();
  // The straightened slides' CRC-32, worked out by the image worker, checked against their bytes.
  const zip = await JSZip.loadAsync(readFileSync(await (await downloading).path()), {
    checkCRC32: true,
  });
  const archive = JSON.parse(await zip.file('confnotes.json')!.async('string')) as {
    version: number;
    photos: (Photo & { file: string })[];
  };
  expect(archive.version).toBe(3);
  for (const photo of photos) {
    const entry = archive.photos.find((p) => p.id === photo.id)!;
    expect(entry.corners).toEqual(photo.corners);
    const image = sniffImage(await zip.file(entry.file)!.async('uint8array'))!;
    expect([image.width, image.height]).toEqual([photo.width, photo.height]);
  }
});
