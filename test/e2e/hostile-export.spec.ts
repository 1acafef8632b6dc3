import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { test, expect, openApp, importFile, rc3File, readingOff } from './fixtures';
import {
  abstractShown,
  asciidoctorCli,
  asciidoctorMissing,
  inspectHtml,
  missingFields,
  notesLinks,
  notesShown,
  renderMarkdown,
} from '../support/html-oracle';

const IMAGES = new URL('../fixtures/images/', import.meta.url).pathname;

// Markup that a writer escaping only after a word boundary let through (issue 9), and its kin,
// in every kind of field a schedule and a user fill: one-line fields, a many-line abstract (no
// "<" in it, or it would be read as HTML and its tags dropped), notes, a caption, an opinion.
const CONFERENCE = 'Conf {doctitle} Ximage:https://evil.example/c.png[] ((index)) (C) &copy;';
const TALK =
  'Xpass:[<img src=x onerror=alert(1)>] Wlink:javascript:alert(1)[click] Yimage://host.example/p.png[]';
const SPEAKER = 'Zanchor:x[] $$<b>dollar</b>$$ +++<i>plus</i>+++ footnote:[note] kbd:[Ctrl]';
const ABSTRACT = [
  'Plain words first.',
  '++++',
  'pass:[raw] $$dollar$$ +++plus+++',
  '++++',
  '[pass]',
  'javascript:alert(1)',
  ':imagesdir: https://evil.example/',
  'include::/etc/passwd[]',
  'ifdef::backend-html5[]',
  '[text](javascript:alert(1)) ![x](https://evil.example/x.png) data:text/html,x',
  '[ref]: vbscript:msgbox(1)',
  '[[anchor]] ((index)) (((hidden))) {set:x:y} {author}',
  '----',
  '////',
  '. not a list',
  'NOTE: not an admonition',
].join('\n');
const NOTE_1 =
  '- Xpass:[<img src=x onerror=alert(1)>] first\n====\n<<xref>> [[anchor]] <script>alert(1)</script>';
const NOTE_2 = '![x](https://evil.example/x.png) <javascript:alert(1)> &lt;b&gt;\n:toc!:\n|===';
const CAPTION = '.hidden Yimage://host.example/p.png[] <img src=x onerror=alert(1)>';
const OPINION = 'NOTE: {author} C++ **bold** [ok](https://ok.example/) \\http://x.example';
test('a hostile schedule and hostile notes export as text: Asciidoctor and CommonMark show nothing live', async ({
  page,
  app,
  csp,
}) => {
  // The talk page shows the abstract through DOMPurify, whose parsing Chromium reports.
  csp.hostileMarkup = true;
  const file = rc3File('hostile-export', (conference, events) => {
    conference.title = CONFERENCE;
    const first = events[0]!;
    first.title = TALK;
    first.abstract = ABSTRACT;
    first.persons[0]!.public_name = SPEAKER;
  });

  await openApp(page, app);
  await readingOff(page, app);
  await importFile(page, app, file);
  await expect(page.getByRole('heading', { level: 1, name: CONFERENCE })).toBeVisible();
  await page.getByRole('link', { name: TALK }).click();
  await expect(page.getByRole('heading', { level: 1, name: TALK })).toBeVisible();

  // As in export.spec.ts: a note, two photos (one captioned, one not), a note, an opinion.
  await page.getByRole('textbox', { name: 'Notes' }).fill(NOTE_1);
  await page.getByRole('button', { name: 'Open camera' }).click();
  await page.getByLabel('Add photos').setInputFiles([`${IMAGES}slide.jpg`, `${IMAGES}slide.png`]);
  await expect(page.getByText('2 saved')).toBeVisible();
  await page.getByRole('link', { name: 'Done' }).click();
  await page.getByLabel('Caption of Slide 2').fill(CAPTION);
  await page.getByLabel('Caption of Slide 2').press('Enter');
  await page.getByRole('textbox', { name: 'Notes' }).fill(NOTE_2);
  await page.getByRole('textbox', { name: 'Opinion' }).fill(OPINION);
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveAccessibleDescription('Saved');
  await expect(page.getByRole('textbox', { name: 'Opinion' })).toHaveAccessibleDescription('Saved');

  await page.getByRole('link', { name: `← ${CONFERENCE}` }).click();
  await page.getByLabel('Only talks with notes or photos').check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export zip' }).click();
  const zip = await JSZip.loadAsync(readFileSync(await (await downloading).path()));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const images = names.filter((n) => n.startsWith('images/')).sort();
  expect(images).toHaveLength(2);
  const adocName = names.find((n) => n.endsWith('.adoc'))!;
  const adoc = await zip.file(adocName)!.async('string');
  const md = await zip.file(adocName.replace(/\.adoc$/, '.md'))!.async('string');

  const meant = new Set([NOTE_1, NOTE_2, OPINION].flatMap(notesLinks));
  // Every field a reader must still find, word for word.
  const fields = [
    { name: 'conference title', shown: CONFERENCE },
    { name: 'talk title', shown: TALK },
    { name: 'speaker', shown: SPEAKER },
    { name: 'abstract', shown: abstractShown(ABSTRACT) },
    { name: 'first note', shown: notesShown(NOTE_1) },
    { name: 'second note', shown: notesShown(NOTE_2) },
    { name: 'caption', shown: CAPTION },
    { name: 'opinion', shown: notesShown(OPINION) },
  ];
  const judge = (html: string, flavour: 'asciidoc' | 'markdown', srcs: string[]) => {
    const seen = inspectHtml(html, flavour);
    expect(seen.problems, `${flavour}: nothing live`).toEqual([]);
    expect(seen.images, `${flavour}: only the zip's images`).toEqual(srcs);
    expect(
      seen.links.filter((l) => !meant.has(l) && !/^https:\/\/pretalx\.rc3\.studio\//.test(l)),
      `${flavour}: only the programme's links and those typed as links in the notes`,
    ).toEqual([]);
    expect(missingFields(seen.text, fields), `${flavour}: every field's words`).toEqual([]);
  };

  const missing = asciidoctorMissing();
  if (missing) {
    // The Markdown half still runs; .ci/run installs Asciidoctor, so CI never comes here.
    console.warn(`hostile-export: AsciiDoc not rendered: ${missing}`);
    test.info().annotations.push({ type: 'skipped', description: missing });
  } else {
    const { html, stderr } = asciidoctorCli([adoc], 'secure');
    expect(stderr, 'asciidoctor -S secure says nothing').toBe('');
    judge(
      html[0]!,
      'asciidoc',
      images.map((i) => `./${i}`),
    );
  }
  judge(renderMarkdown(md), 'markdown', images);
});
