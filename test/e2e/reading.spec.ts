// Reading slide text on the phone, as the user meets it in the built app with the server
// stopped: the engine and models stored once "Read slide text" is on (the default), a photo
// added to a talk read in the background, then found by a word that is only on the slide, and
// that word in the exported write-up's alt text. No request leaves the app's origin.
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import type { Photo } from '../../src/lib/model/types';
import { CHROME_ARGS, chromePath } from '../support/browser';
import { CAMERA_ARGS } from '../support/fake-camera';
import { test, expect, openApp, slidePng, storedRows, waitForOffline } from './fixtures';

test.use({
  launchOptions: { executablePath: chromePath(), args: [...CHROME_ARGS, ...CAMERA_ARGS] },
});

test('a slide added to a talk is read offline, found by a word on it, and exported as its alt text', async ({
  page,
  app,
}) => {
  test.setTimeout(150_000);
  await openApp(page, app);
  await waitForOffline(page);
  // "Read slide text" is on from the start, and its files are stored once.
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('checkbox', { name: 'Read slide text' })).toBeChecked();
  await expect(page.getByText(/^\d+ photos? read\.$/)).toBeVisible({ timeout: 60_000 });
  const png = await slidePng(page, 'Quokka telemetry pipeline', [
    'Events are batched every second',
    'Backpressure comes from the broker',
    'Dashboards read the rollups',
  ]);

  await app.stop();
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Xebicon 2019' }).click();
  await page.getByRole('link', { name: 'UX > craft' }).click();
  await page.getByRole('button', { name: 'Open camera' }).click();
  await page
    .getByLabel('Add photos')
    .setInputFiles({ name: 'quokka.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByText('1 saved')).toBeVisible();
  await page.getByRole('link', { name: 'Done' }).click();

  // Read in the background once the camera screen is closed; the photo is described by it.
  await expect
    .poll(async () => (await storedRows<Photo>(page, 'photos'))[0]?.text?.words ?? '', {
      timeout: 60_000,
    })
    .toMatch(/Backpressure comes from the broker/);
  const [stored] = await storedRows<Photo>(page, 'photos');
  expect(stored?.text?.lang).toBe('en');
  await expect(page.getByRole('img', { name: 'Slide 1', exact: true })).toHaveAccessibleDescription(
    /quokka telemetry/i,
  );

  // Search finds the talk by a word that is only on the slide, and says where.
  await page.getByRole('link', { name: '← Xebicon 2019' }).click();
  await page.getByRole('searchbox', { name: 'Search talks' }).fill('quokka');
  const hit = page.getByRole('link', { name: 'UX > craft' });
  await expect(hit).toBeVisible();
  await expect(page.getByText('on a slide')).toBeVisible();

  // The write-up carries the slide's words as the image's alt text.
  await page.getByRole('searchbox', { name: 'Search talks' }).fill('');
  await page.getByLabel('Only talks with notes or photos').check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export zip' }).click();
  const zip = await JSZip.loadAsync(readFileSync(await (await downloading).path()));
  const markdown = zip.file(/\.md$/).map((f) => f.name);
  const text = await zip.file(markdown.find((n) => !n.includes('/'))!)!.async('string');
  expect(text).toMatch(/!\[[^\]]*Quokka telemetry pipeline[^\]]*\]\(/);
});
