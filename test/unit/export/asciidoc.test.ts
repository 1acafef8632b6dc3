import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planExport } from '../../../src/lib/export/archive';
import { toAsciiDoc } from '../../../src/lib/export/asciidoc';
import type { ExportInput } from '../../../src/lib/export/model';
import { inspectHtml } from '../../support/html-oracle';
import { renderAdoc, renderAdocPage } from './render';
import { syntheticInput } from './synthetic';
import { xebiconInput } from './xebicon-notes';

const seed = readFileSync(
  new URL('../../fixtures/seed/xebicon-2019-notes.adoc', import.meta.url),
  'utf8',
);

function write(input: ExportInput) {
  const plan = planExport([input], []);
  return { adoc: toAsciiDoc(input, plan.docs[0]!.imageName), plan };
}

/** The document cut at its "==" and "===" headings: [heading, body lines]. */
function sections(doc: string): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const line of doc.split('\n')) {
    if (/^===? /.test(line)) out.push([line.trim(), []]);
    else out.at(-1)?.[1].push(line);
  }
  return out;
}

/** We break speaker lines with " +"; "Name - Role" is read (seed-adoc.ts) and written "Name, Role". */
const exampleBlock = (body: string[]) => {
  const open = body.indexOf('====');
  const close = body.indexOf('====', open + 1);
  return open < 0
    ? []
    : body.slice(open + 1, close).map((l) => l.replace(/ \+$/, '').replace(/^([^,]+?) - /, '$1, '));
};
const links = (body: string[]) => body.filter((l) => /^https?:\S+\[\]$/.test(l));
const images = (doc: string) =>
  [...doc.matchAll(/^(?:\.(.+)\n)?image::?\S+?_(\d+)\.jpg\[\]$/gm)].map((m) => [
    m[1],
    Number(m[2]),
  ]);
/** Bullets as level and words, the seed's backticks and our escapes aside. */
const bullets = (body: string[]) =>
  body.filter((l) => /^\t*\*+ /.test(l)).map((l) => l.replace(/`/g, '').replace(/ \+$/, '').trim());
/** The seed escapes a lone "~" by hand; a lone "~" needs no escape. */
const arrows = (body: string[]) =>
  body.filter((l) => l.startsWith('-> ')).map((l) => l.replace(/ \+$/, '').replace('\\~', '~'));

describe('AsciiDoc export of the Xebicon demo with the seed notes', () => {
  const { adoc } = write(xebiconInput());
  const ours = sections(adoc);
  const theirs = sections(seed);

  it('matches the golden file', async () => {
    await expect(adoc).toMatchFileSnapshot('../../fixtures/export/xebicon-2019.adoc');
  });

  it('has the seed title, date and venue line and presentation links', () => {
    expect(adoc.startsWith('= Xebicon 2019\n')).toBe(true);
    expect(adoc).toContain('\n:imagesdir: ./images\n');
    expect(adoc).toContain('\ntoc::[]\n\nLe 28/11/2019, au palais Brogniart à Paris.\n');
    expect(ours[0]).toEqual(theirs[0]);
  });

  it('has the same headings in the same order', () => {
    expect(ours.map(([h]) => h)).toEqual(theirs.map(([h]) => h));
  });

  it('has, per talk, the same programme link and example block (type, abstract, speakers)', () => {
    ours.forEach(([heading, body], i) => {
      const [, seedBody] = theirs[i]!;
      expect(links(body), heading).toEqual(links(seedBody));
      expect(exampleBlock(body), heading).toEqual(exampleBlock(seedBody));
    });
  });

  it('shows the same photos with the same captions, numbered in document order', () => {
    const seen = images(adoc);
    expect(seen).toEqual(images(seed));
    expect(seen.map(([, n]) => n)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(adoc).toContain('image:xebicon-2019_01.jpg[]');
  });

  it('keeps the bullets, their nesting and the arrows of every Notes section', () => {
    ours.forEach(([heading, body], i) => {
      const [, seedBody] = theirs[i]!;
      expect(bullets(body), heading).toEqual(bullets(seedBody));
      expect(arrows(body), heading).toEqual(arrows(seedBody));
    });
  });

  it('has the seed opinion with its line break and bold', () => {
    const avis = ours
      .find(([h]) => h === '=== Avis')![1]
      .join('\n')
      .trim();
    expect(avis).toBe(
      theirs
        .find(([h]) => h === '=== Avis')![1]
        .join('\n')
        .trim(),
    );
  });

  it('renders with Asciidoctor without any warning, every image in the zip', () => {
    const { plan } = write(xebiconInput());
    const { messages, images: srcs } = renderAdoc(adoc);
    expect(messages).toEqual([]);
    const files = new Set(plan.images.map((i) => `./${i.file}`));
    expect(srcs).toHaveLength(22);
    expect(srcs.filter((s) => !files.has(s))).toEqual([]);
  });

  it('renders to nothing but the write-up in either safe mode (test/support/html-oracle.ts)', () => {
    for (const mode of ['secure', 'safe'] as const) {
      const page = renderAdocPage(adoc, mode);
      expect(page.messages).toEqual([]);
      expect(inspectHtml(page.html, 'asciidoc').problems).toEqual([]);
    }
  });

  it('keeps only the talks with notes when asked', () => {
    const heads = sections(write(xebiconInput(true)).adoc)
      .map(([h]) => h)
      .filter((h) => h.startsWith('== '));
    expect(heads).toEqual([
      '== Présentation',
      '== On-demand development environments with Kubernetes (talk in english)',
      '== Spark On K8S with S3? How we made it work!',
      "== Un datalake serverless sans Hadoop, oui c'est possible !",
      '== Buzz words',
      '== Divers',
    ]);
  });
});

describe('AsciiDoc export of hostile notes', () => {
  const input = syntheticInput();
  const { adoc, plan } = write(input);
  const { html, messages, images: srcs } = renderAdoc(adoc);

  it('matches the golden file', async () => {
    await expect(adoc).toMatchFileSnapshot('../../fixtures/export/cafe-conf-2024.adoc');
  });

  it('renders without warnings, with exactly the planned images', () => {
    expect(messages).toEqual([]);
    expect(srcs).toEqual(plan.images.map((i) => `./${i.file}`));
    expect(srcs).toEqual([
      './images/cafe-conf-2024_01.jpg',
      './images/cafe-conf-2024_02.png',
      './images/cafe-conf-2024_03.jpg',
      './images/cafe-conf-2024_04.webp',
    ]);
  });

  it('renders to nothing live in either safe mode (test/support/html-oracle.ts)', () => {
    for (const mode of ['secure', 'safe'] as const) {
      const page = renderAdocPage(adoc, mode);
      expect(page.messages).toEqual([]);
      const seen = inspectHtml(page.html, 'asciidoc');
      expect(seen.problems).toEqual([]);
      expect(seen.images).toEqual(plan.images.map((i) => `./${i.file}`));
    }
  });

  it('shows markup the user typed as text', () => {
    // A backslash is written "&#92;": as "{backslash}" it would escape a macro after it.
    const text = html.replace(/<br>\n/g, '\n').replace(/&#92;/g, '\\');
    for (const typed of [
      '==== not a delimiter',
      'image:evil.jpg[] and image::block.jpg[]',
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; {author} {set:foo:bar} {counter:n}',
      'term:: definition; other;; thing',
      'NOTE: not an admonition',
      '1. not a list',
      '// not a comment',
      ':attr: not an attribute',
      '[[anchor]] &lt;&lt;xref&gt;&gt; pass:[&lt;b&gt;raw&lt;/b&gt;] footnote:[no]',
      'snake_case, __init__, 2^10^, H~2~O, a_b_c, #mark# and &#43;&#43;pass&#43;&#43;',
      'back\\slash \\*not bold*, *single star, 5 * 3 = 15',
      '=== Not a heading, image:evil.jpg[]',
      'First *slide* [1]',
      '.hidden title?',
    ]) {
      expect(text).toContain(typed);
    }
    expect(html).not.toMatch(/<script|<b>|<sub>|<sup>|<mark>|admonitionblock|<ol|<dl|<table/);
  });

  it('turns the Markdown-lite into AsciiDoc: bold, links, four levels of bullets, breaks', () => {
    expect(adoc).toContain(
      'Intro with *bold*, a link link:++https://docs.example/a_b++["docs, v2 = new"]',
    );
    expect(adoc).toContain(
      '* level one\n\t** level two with link:++https://deep.example/path_(x)++[]\n\t\t*** level three\n\t\t\t**** level four (tabs)\n* back to one +\ncontinued line of one',
    );
    expect(html).toContain('<a href="https://docs.example/a_b">docs, v2 = new</a>');
    expect(html).toContain('<p>back to one<br>\ncontinued line of one</p>');
    expect(adoc).toContain('\n=== Opinion\n\nGreat *talk*, see');
  });

  it('writes the English date and venue line and headings', () => {
    expect(adoc).toContain('\nFrom 12 June 2024 to 13 June 2024, at Palais des Congrès, Lyon.\n');
    expect(adoc).toContain('* *Schedule* : https://cafe.example/schedule.json');
    expect(adoc).not.toContain('Untouched talk');
  });
});
