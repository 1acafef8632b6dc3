// Slide text is outside data: a hostile zip or sync peer can put anything in it, and a slide can
// show markup. In the built app, photos whose text holds AsciiDoc and Markdown syntax, HTML and
// script links export with that text as each image's alt text, shown as plain words by Debian's
// Asciidoctor and by CommonMark, and carried whole in confnotes.json.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Photo } from '../../src/lib/model/types';
import { slideAlt } from '../../src/lib/export/model';
import {
  asciidoctorCli,
  asciidoctorMissing,
  inspectHtml,
  renderMarkdown,
  wordsOf,
  type Flavour,
} from '../support/html-oracle';
import { test, expect, openApp, importFile, rc3File, readingOff, storedRows } from './fixtures';

const IMAGES = new URL('../fixtures/images/', import.meta.url).pathname;

const SLIDES = [
  [
    'Kafka, Streams = "fast"] image:https://evil.example/x.png[] {imagesdir} {set:foo:bar}',
    'pass:[<img src=x onerror=alert(1)>] ++raw++ $$dollar$$ <<xref>> [[anchor]]',
    'term;; definition',
    'ask evil@example.com \\ back\\slash',
  ].join('\n'),
  [
    'a](javascript:alert(1)) ![b](https://evil.example/x.png) <script>alert(1)</script>',
    '| cell | cell |',
    '&amp; &#60; **bold** _it_ `code`',
    'word '.repeat(60),
  ].join('\n'),
];

test('hostile slide text is each image’s alt text, and nothing live, in both write-ups', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  // The texts are written below as a zip or a peer would bring them: nothing reads over them.
  await readingOff(page, app);
  await importFile(
    page,
    app,
    rc3File('hostile-slide-text', (conference, events) => {
      conference.title = 'Hostile slides';
      events[0]!.title = 'Slides under test';
    }),
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Hostile slides' })).toBeVisible();
  await page.getByRole('link', { name: 'Slides under test' }).click();
  await page.getByRole('button', { name: 'Open camera' }).click();
  await page.getByLabel('Add photos').setInputFiles([`${IMAGES}slide.jpg`, `${IMAGES}slide.png`]);
  await expect(page.getByText('2 saved')).toBeVisible();
  await page.getByRole('link', { name: 'Done' }).click();
  await expect(page.getByRole('img', { name: 'Slide 2', exact: true })).toBeVisible();

  const ids = (await storedRows<Photo>(page, 'photos')).sort((a, b) => a.position - b.position);
  await page.evaluate(
    ([order, texts]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('confnotes');
        req.onsuccess = () => {
          const tx = req.result.transaction('photos', 'readwrite');
          const store = tx.objectStore('photos');
          order.forEach((id, i) => {
            const get = store.get(id);
            get.onsuccess = () => {
              const row = get.result as Photo;
              const text = { words: texts[i]!, lang: 'en' as const };
              store.put({ ...row, text: row.imageTag ? { ...text, of: row.imageTag } : text });
            };
          });
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [ids.map((p) => p.id), SLIDES] as const,
  );

  await page.getByRole('link', { name: '← Hostile slides' }).click();
  await page.getByLabel('Only talks with notes or photos').check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export zip' }).click();
  const zip = await JSZip.loadAsync(readFileSync(await (await downloading).path()));
  const names = Object.keys(zip.files);
  const adocName = names.find((n) => n.endsWith('.adoc'))!;
  const adoc = await zip.file(adocName)!.async('string');
  const md = await zip.file(adocName.replace(/\.adoc$/, '.md'))!.async('string');
  const images = names.filter((n) => n.startsWith('images/')).sort();
  expect(images).toHaveLength(2);
  const json = JSON.parse(await zip.file('confnotes.json')!.async('string')) as {
    photos: Photo[];
  };
  expect(json.photos.sort((a, b) => a.position - b.position).map((p) => p.text?.words)).toEqual(
    SLIDES,
  );

  const judge = (html: string, flavour: Flavour, srcs: string[]) => {
    const seen = inspectHtml(html, flavour);
    expect(seen.problems, `${flavour}: nothing live`).toEqual([]);
    expect(seen.images, `${flavour}: only the zip's images`).toEqual(srcs);
    expect(seen.links, `${flavour}: no link from slide text`).toEqual(
      seen.links.filter((l) => l.startsWith('https://pretalx.rc3.studio/')),
    );
    expect(
      seen.alts.map((alt) => wordsOf(alt).join(' ')),
      `${flavour}: each image's alt is its slide's words`,
    ).toEqual(SLIDES.map((s) => wordsOf(slideAlt(s)).join(' ')));
  };
  const missing = asciidoctorMissing();
  if (missing) {
    console.warn(`hostile-slide-text: AsciiDoc not rendered: ${missing}`);
    test.info().annotations.push({ type: 'skipped', description: missing });
  } else {
    for (const mode of ['secure', 'safe'] as const) {
      const { html, stderr } = asciidoctorCli([adoc], mode);
      expect(stderr, `asciidoctor -S ${mode} says nothing`).toBe('');
      judge(
        html[0]!,
        'asciidoc',
        images.map((i) => `./${i}`),
      );
    }
  }
  judge(renderMarkdown(md), 'markdown', images);
});
