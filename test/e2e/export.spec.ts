import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import Asciidoctor from '@asciidoctor/core';
import { Parser } from 'commonmark';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { test, expect, openApp, shownWidth, readingOff } from './fixtures';
import { seedPhotos } from '../support/seed-photos';

const IMAGES = new URL('../fixtures/images/', import.meta.url).pathname;

/** Each stored image's SHA-256 and the CRC-32 its row keeps, in the order of their hashes. */
function storedImages(page: Page): Promise<{ sha: string; crc: number | undefined }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('confnotes');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('photoBlobs').objectStore('photoBlobs').getAll();
          all.onsuccess = async () => {
            open.result.close();
            const rows = all.result as { blob: Blob; crc?: number }[];
            const hex = async (b: Blob) =>
              [...new Uint8Array(await crypto.subtle.digest('SHA-256', await b.arrayBuffer()))]
                .map((x) => x.toString(16).padStart(2, '0'))
                .join('');
            const out = await Promise.all(
              rows.map(async (r) => ({ sha: await hex(r.blob), crc: r.crc })),
            );
            resolve(out.sort((a, b) => a.sha.localeCompare(b.sha)));
          };
        };
      }),
  );
}

test('export a zip that reads like the write-up, then restore it in a fresh profile', async ({
  page,
  app,
  browser,
}) => {
  await openApp(page, app);
  await readingOff(page, app);
  await page.getByRole('link', { name: 'Xebicon 2019' }).click();
  const talk = 'Spark On K8S with S3? How we made it work!';
  await page.getByRole('link', { name: talk }).click();
  await page.getByRole('textbox', { name: 'Notes' }).fill('**Data post Hadoop**');
  await page.getByRole('button', { name: 'Open camera' }).click();
  await page.getByLabel('Add photos').setInputFiles([`${IMAGES}slide.jpg`, `${IMAGES}slide.png`]);
  await expect(page.getByText('2 saved')).toBeVisible();
  await page.getByRole('link', { name: 'Done' }).click();
  await page.getByLabel('Caption of Slide 2').fill('Spark sur Kubernetes');
  await page.getByLabel('Caption of Slide 2').press('Enter');
  await page.getByRole('textbox', { name: 'Notes' }).fill('- spark-submit\n  - toujours en beta');
  await page.getByRole('textbox', { name: 'Opinion' }).fill('Des infos utiles.');
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveAccessibleDescription('Saved');
  await expect(page.getByRole('textbox', { name: 'Opinion' })).toHaveAccessibleDescription('Saved');

  await page.getByRole('link', { name: '← Xebicon 2019' }).click();
  await page.getByLabel('Only talks with notes or photos').check();
  await page.getByLabel('Language of the write-up').selectOption('fr');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export zip' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('xebicon-2019.zip');
  const path = await download.path();
  // Every entry's bytes checked against the CRC-32 its header gives, most of them as stored.
  const zip = await JSZip.loadAsync(readFileSync(path), { checkCRC32: true });
  const names = Object.keys(zip.files)
    .filter((n) => !zip.files[n]!.dir)
    .sort();
  expect(names).toEqual([
    'confnotes.json',
    'images/xebicon-2019_01.jpg',
    'images/xebicon-2019_02.jpg',
    'xebicon-2019.adoc',
    'xebicon-2019.md',
  ]);

  const adoc = await zip.file('xebicon-2019.adoc')!.async('string');
  expect(adoc).toContain('= Xebicon 2019');
  expect(adoc).toContain('Le 28/11/2019, au palais Brogniart à Paris.');
  expect(adoc).toContain(`== ${talk}`);
  expect(adoc).toContain('https://xebicon.fr/programme-xebicon-2019/#event-85[]');
  // As in the seed: a bold line, photos with their caption as block title, nested bullets.
  expect(adoc).toContain(
    '=== Notes\n\n*Data post Hadoop*\n\nimage:xebicon-2019_01.jpg[]\n\n.Spark sur Kubernetes\nimage:xebicon-2019_02.jpg[]\n\n* spark-submit\n\t** toujours en beta',
  );
  expect(adoc).toContain('=== Avis\n\nDes infos utiles.');
  // Asciidoctor renders it with every image found and no warning.
  const asciidoctor = Asciidoctor();
  const logger = asciidoctor.MemoryLogger.create();
  asciidoctor.LoggerManager.setLogger(logger);
  const html = asciidoctor.convert(adoc, { safe: 'safe', standalone: false }) as string;
  expect(logger.getMessages().map((m) => m.getText())).toEqual([]);
  for (const src of html.match(/src="[^"]+"/g) ?? [])
    expect(names).toContain(src.slice(5, -1).replace(/^\.\//, ''));

  const md = await zip.file('xebicon-2019.md')!.async('string');
  const walker = new Parser().parse(md).walker();
  const images: string[] = [];
  for (let e = walker.next(); e; e = walker.next())
    if (e.entering && e.node.type === 'image') images.push(e.node.destination!);
  expect(images).toEqual(['images/xebicon-2019_01.jpg', 'images/xebicon-2019_02.jpg']);

  // The JPEG went in byte for byte as stored; restore it on a new device.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openApp(other, app);
  await expect(other.getByRole('link', { name: 'Xebicon 2019' })).toBeVisible();
  await other.getByLabel('Import zip').setInputFiles(path);
  await expect(other.getByText('Imported 1 conference and 2 photos.')).toBeVisible();
  await other.getByLabel('Import zip').setInputFiles(path);
  await expect(other.getByText('Imported 1 conference and 2 photos.')).toBeVisible();
  await other.goto(app.url);
  // The restored Xebicon replaced the fresh profile's untouched demo: one, not a twin.
  await expect(other.getByRole('link', { name: 'Xebicon 2019' })).toHaveCount(1);
  await other.getByRole('link', { name: 'Xebicon 2019' }).first().click();
  await other.getByRole('link', { name: talk }).click();
  await expect(other.getByText('Data post Hadoop')).toBeVisible();
  await expect(other.getByRole('img', { name: 'Spark sur Kubernetes' })).toBeVisible();
  // The zip carries no thumbnails: the app makes them in the background, so lists stop loading
  // whole images. Waited for where they are stored: a reload while they are being made starts
  // that work over, and on a loaded machine reloading to look could keep it from ever ending.
  const standIns = () =>
    other.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('confnotes');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('thumbs').objectStore('thumbs').getAll();
            all.onsuccess = () => {
              open.result.close();
              resolve((all.result as { standIn?: number }[]).filter((t) => t.standIn).length);
            };
          };
        }),
    );
  await expect.poll(standIns, { timeout: 60_000 }).toBe(0);
  await other.reload();
  await expect
    .poll(() => shownWidth(other.getByRole('img', { name: 'Spark sur Kubernetes' })))
    .toBe(320);
  await expect(other.getByRole('textbox', { name: 'Opinion' })).toHaveValue('Des infos utiles.');
  // Images come back byte for byte, each with the CRC-32 of its bytes beside it: the zip's.
  const inZip = await Promise.all(
    ['images/xebicon-2019_01.jpg', 'images/xebicon-2019_02.jpg'].map(async (n) => {
      const bytes = await zip.file(n)!.async('nodebuffer');
      return { sha: createHash('sha256').update(bytes).digest('hex'), crc: crc32(bytes) };
    }),
  );
  const bySha = (a: { sha: string }, b: { sha: string }) => a.sha.localeCompare(b.sha);
  inZip.sort(bySha);
  // As the app stored them on both phones: its image worker's and the import's CRC-32.
  expect(await storedImages(page)).toEqual(inZip);
  expect(await storedImages(other)).toEqual(inZip);
  await fresh.close();
});

test('a corrupt or foreign zip gets a clear message and changes nothing', async ({ page, app }) => {
  const dir = tmpdir();
  const foreign = new JSZip();
  foreign.file('readme.txt', 'Not a Confnotes export');
  const foreignPath = join(dir, `confnotes-${process.pid}-foreign.zip`);
  writeFileSync(foreignPath, await foreign.generateAsync({ type: 'nodebuffer' }));
  const cutPath = join(dir, `confnotes-${process.pid}-cut.zip`);
  writeFileSync(cutPath, (await foreign.generateAsync({ type: 'nodebuffer' })).subarray(0, 40));
  const notZip = join(dir, `confnotes-${process.pid}-photo.zip`);
  writeFileSync(notZip, readFileSync(`${IMAGES}slide.jpg`));

  await openApp(page, app);
  await expect(page.getByRole('link', { name: 'Xebicon 2019' })).toBeVisible();
  for (const path of [foreignPath, cutPath, notZip]) {
    await page.getByLabel('Import zip').setInputFiles(path);
    await expect(page.getByRole('alert')).toContainText('Nothing was imported.');
    // Said once: the screen adds no second reassurance to a refused zip's own words.
    await expect(page.getByRole('alert')).not.toContainText('Nothing was changed.');
  }
  await expect(page.getByRole('alert')).not.toContainText('undefined');
  await page.reload();
  await expect(page.locator('main li.card')).toHaveCount(1);
});

test('a long export can be cancelled: no file, and nothing marked as exported', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await openApp(page, app);
  // About 250 MB of photos: long enough to be stopped half-way.
  await page.evaluate(seedPhotos, { photos: 250, size: 1024 * 1024 });
  await page.reload();
  await page.getByRole('link', { name: 'Bench Conference' }).click();
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Export zip' }).click();
  const progress = page.getByRole('progressbar', { name: 'Export progress' });
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toHaveText('Export cancelled.');
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  expect(downloads).toBe(0);
  // Not one photo counts as exported: they are all still waiting to go out.
  const exported = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('confnotes');
        req.onsuccess = () => {
          const all = req.result.transaction('photos').objectStore('photos').getAll();
          all.onsuccess = () =>
            resolve((all.result as { exportedAt?: number }[]).filter((p) => p.exportedAt).length);
        };
      }),
  );
  expect(exported).toBe(0);
});
