// The oracle of the escaping tests: what the HTML of a rendered export may hold. Asciidoctor and
// CommonMark turn the write-up into HTML; this scans that HTML tag by tag (no DOM library is
// installed, and a tag scanner that refuses anything it does not know is stricter than a
// parser that repairs it) and reports every element, attribute, link or image our writers do
// not mean, and the text the reader would see, to check that each field's words are there.
// Shared by the unit property tests and the browser test of a hostile export, with the two
// renderers they both run: CommonMark, and Debian's Asciidoctor (Ruby) on the command line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlRenderer, Parser } from 'commonmark';
import { isWebUrl } from '../../src/lib/export/model';
import { abstractParagraphs, parseNotes } from '../../src/lib/export/notes-lite';

export type Flavour = 'asciidoc' | 'markdown';

interface ElementRule {
  /** Attribute name to a check of its value. */
  attrs: Record<string, (value: string) => boolean>;
  /** The element has no end tag. */
  void?: boolean;
  /** Starts a new line of text (so its words do not run into the next block's). */
  block?: boolean;
}

const any = () => true;
const oneOf =
  (...values: string[]) =>
  (v: string) =>
    values.includes(v);
/** Only our own images: `images/<slug>_NN.ext`, as the zip holds them. */
const imageSrc = (v: string) =>
  /^(?:\.\/)?images\/[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v) && !v.includes('..');
/** Links may leave only for the web or mail; `#…` stays in the page (checked apart). */
export const isAllowedHref = (v: string) => /^(?:https?:\/\/|mailto:)/i.test(v);
/** What Asciidoctor keeps of a title in a section id: Ruby's word characters (\p{Word}). */
const ID = String.raw`(?:_[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}-]*)?`;
const href = (v: string) => isAllowedHref(v) || new RegExp(`^#${ID}$`, 'u').test(v);
/**
 * Ids Asciidoctor gives sections (`_title_words`, empty for a title without a word) and its
 * page parts, never one from the text.
 */
const generatedId = (v: string) =>
  new RegExp(`^${ID}$`, 'u').test(v) ||
  ['header', 'content', 'footer', 'footer-text', 'preamble', 'toc', 'toctitle'].includes(v);

const ADOC_CLASSES = [
  'paragraph',
  'sect1',
  'sect2',
  'sectionbody',
  'exampleblock',
  'content',
  'ulist',
  'title',
  'toc',
];

const RULES: Record<Flavour, Record<string, ElementRule>> = {
  asciidoc: {
    html: { attrs: { lang: oneOf('en', 'fr') }, block: true },
    head: { attrs: {}, block: true },
    meta: {
      attrs: {
        charset: oneOf('UTF-8'),
        name: oneOf('viewport', 'generator'),
        'http-equiv': oneOf('X-UA-Compatible'),
        content: any,
      },
      void: true,
    },
    title: { attrs: {}, block: true },
    body: { attrs: { class: oneOf('article') }, block: true },
    div: {
      attrs: { class: (v) => v.split(' ').every((c) => ADOC_CLASSES.includes(c)), id: generatedId },
      block: true,
    },
    h1: { attrs: {}, block: true },
    h2: { attrs: { id: generatedId }, block: true },
    h3: { attrs: { id: generatedId }, block: true },
    p: { attrs: {}, block: true },
    ul: { attrs: { class: oneOf('sectlevel1') }, block: true },
    li: { attrs: {}, block: true },
    a: { attrs: { href, class: oneOf('bare') } },
    span: { attrs: { class: oneOf('image') } },
    img: { attrs: { src: imageSrc, alt: any }, void: true },
    strong: { attrs: {} },
    br: { attrs: {}, void: true, block: true },
  },
  markdown: {
    h1: { attrs: {}, block: true },
    h2: { attrs: {}, block: true },
    h3: { attrs: {}, block: true },
    p: { attrs: {}, block: true },
    blockquote: { attrs: {}, block: true },
    ul: { attrs: {}, block: true },
    li: { attrs: {}, block: true },
    a: { attrs: { href: isAllowedHref } },
    img: { attrs: { src: imageSrc, alt: any }, void: true },
    strong: { attrs: {} },
    em: { attrs: {} },
    br: { attrs: {}, void: true, block: true },
  },
};

/** HTML's elements without an end tag, to keep count of the others. */
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));

/** Must be present, or the element means nothing safe. */
const REQUIRED: Record<string, string[]> = { a: ['href'], img: ['src', 'alt'] };

export interface Inspection {
  /** Everything live or unexpected; empty when the HTML is only what the writer means. */
  problems: string[];
  /** The text a reader sees in the page, entities decoded, a newline between blocks. */
  text: string;
  /** `src` of every image, in order. */
  images: string[];
  /** `alt` of every image, in the same order, entities decoded. */
  alts: string[];
  /** `href` of every link that leaves the page, in order. */
  links: string[];
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes the entities renderers write; any other named entity is reported. */
function decode(raw: string, problems: string[]): string {
  return raw.replace(
    /&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?/g,
    (whole, name: string) => {
      if (!whole.endsWith(';')) {
        problems.push(`bare "&" in HTML: ${JSON.stringify(whole)}`);
        return whole;
      }
      if (name.startsWith('#')) {
        const code = /^#[xX]/.test(name) ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
      }
      const c = NAMED[name];
      if (c === undefined) problems.push(`entity the renderer does not write: ${whole}`);
      return c ?? whole;
    },
  );
}

const ATTR = /\s*([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y;

/**
 * Scans `html` as produced by `flavour`'s renderer. Any `<` that does not open a well-formed,
 * allowed tag is a problem (renderers write text's `<` as `&lt;`), so is any element,
 * attribute or value not in the rules, any unbalanced end tag and any comment.
 */
export function inspectHtml(html: string, flavour: Flavour): Inspection {
  const rules = RULES[flavour];
  const problems: string[] = [];
  const images: string[] = [];
  const alts: string[] = [];
  const links: string[] = [];
  const stack: string[] = [];
  let text = '';
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    const chunk = html.slice(at, lt < 0 ? html.length : lt);
    if (chunk.includes('>'))
      problems.push(`stray ">" in text: ${JSON.stringify(chunk.slice(0, 80))}`);
    const shown = decode(chunk, problems);
    // The page's <title> repeats the document title: only the body counts as shown.
    if (!stack.includes('head')) text += shown;
    if (lt < 0) break;
    at = lt;
    if (html.startsWith('<!DOCTYPE html>', at) && at === 0) {
      at += '<!DOCTYPE html>'.length;
      continue;
    }
    if (html.startsWith('<!--', at)) {
      problems.push(`comment: ${JSON.stringify(html.slice(at, at + 80))}`);
      const end = html.indexOf('-->', at);
      at = end < 0 ? html.length : end + 3;
      continue;
    }
    const end = /^<\/([a-zA-Z][a-zA-Z0-9]*)\s*>/.exec(html.slice(at));
    if (end) {
      const name = end[1]!.toLowerCase();
      if (stack.at(-1) === name) stack.pop();
      else problems.push(`end tag </${name}> closes <${stack.at(-1) ?? 'nothing'}>`);
      if (rules[name]?.block) text += '\n';
      at += end[0].length;
      continue;
    }
    const open = /^<([a-zA-Z][a-zA-Z0-9]*)/.exec(html.slice(at));
    if (!open) {
      problems.push(`"<" that opens no tag: ${JSON.stringify(html.slice(at, at + 80))}`);
      text += '<';
      at++;
      continue;
    }
    const name = open[1]!.toLowerCase();
    const attrs = new Map<string, string>();
    let pos = at + open[0].length;
    for (;;) {
      ATTR.lastIndex = pos;
      const m = ATTR.exec(html);
      if (!m || m[0].trim() === '') break;
      const attr = m[1]!.toLowerCase();
      if (attrs.has(attr)) problems.push(`<${name}> repeats ${attr}`);
      attrs.set(attr, decode(m[2] ?? m[3] ?? m[4] ?? '', problems));
      pos = ATTR.lastIndex;
    }
    const close = /^\s*\/?>/.exec(html.slice(pos));
    if (!close) {
      problems.push(`malformed tag: ${JSON.stringify(html.slice(at, at + 80))}`);
      at = pos + 1;
      continue;
    }
    at = pos + close[0].length;
    const rule = rules[name];
    if (!rule) {
      problems.push(`element <${name}>: ${JSON.stringify(html.slice(lt, at).slice(0, 120))}`);
      if (!VOID.has(name)) stack.push(name);
      continue;
    }
    for (const [attr, value] of attrs) {
      const check = rule.attrs[attr];
      if (!check) problems.push(`attribute ${attr}="${value}" on <${name}>`);
      else if (!check(value)) problems.push(`<${name} ${attr}="${value}">`);
    }
    for (const attr of REQUIRED[name] ?? []) {
      if (!attrs.has(attr)) problems.push(`<${name}> without ${attr}`);
    }
    if (name === 'a' && !(attrs.get('href') ?? '#').startsWith('#')) links.push(attrs.get('href')!);
    if (name === 'img') {
      images.push(attrs.get('src') ?? '');
      alts.push(attrs.get('alt') ?? '');
    }
    if (!rule.void) stack.push(name);
    if (rule.block) text += '\n';
  }
  if (stack.length) problems.push(`unclosed: ${stack.map((s) => `<${s}>`).join(' ')}`);
  if (flavour === 'asciidoc') checkToc(html, problems);
  return { problems, text, images, alts, links };
}

/** In-page links may only be the table of contents' own, to headings that exist. */
function checkToc(html: string, problems: string[]) {
  const ids = new Set([...html.matchAll(/<h[23] id="([^"]*)"/g)].map((m) => m[1]));
  const toc = /<div id="toc" class="toc">([\s\S]*?)\n<\/div>\n/.exec(html)?.[1] ?? '';
  for (const m of html.matchAll(/<a href="#([^"]*)"/g)) {
    if (!ids.has(m[1]!)) problems.push(`link to a missing heading: #${m[1]}`);
    if (!toc.includes(m[0])) problems.push(`in-page link outside the table of contents: #${m[1]}`);
  }
}

/** The words of a text, as a reader compares them: letters and digits, marks kept. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

function containsRun(haystack: string[], needle: string[]): boolean {
  if (!needle.length) return true;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The fields whose words do not appear, in order and side by side, in the text: a field that
 * became markup loses words (a macro, an attribute entry, an index term) or gains some.
 */
export function missingFields(
  text: string,
  fields: { name: string; shown: string }[],
): { name: string; shown: string; words: string[] }[] {
  const all = wordsOf(text);
  return fields
    .map((f) => ({ ...f, words: wordsOf(f.shown) }))
    .filter((f) => !containsRun(all, f.words));
}

/** What a reader should see of notes (Markdown-lite): their words, a link by its text. */
export function notesShown(text: string): string {
  return parseNotes(text)
    .flatMap((b) => (b.kind === 'para' ? b.lines : b.items.flatMap((i) => i.lines)))
    .map((l) =>
      l
        .map((n) =>
          n.kind !== 'link'
            ? n.text
            : isWebUrl(n.url)
              ? (n.text ?? n.url)
              : n.text
                ? `${n.text} (${n.url})`
                : n.url,
        )
        .join(''),
    )
    .join('\n');
}

/** The web links notes (Markdown-lite) hold: the only ones a writer makes of them. */
export function notesLinks(text: string): string[] {
  return parseNotes(text)
    .flatMap((b) => (b.kind === 'para' ? b.lines : b.items.flatMap((i) => i.lines)))
    .flat()
    .flatMap((n) => (n.kind === 'link' && isWebUrl(n.url) ? [n.url] : []));
}

/** What a reader should see of an abstract: its lines, HTML tags aside. */
export function abstractShown(abstract: string | undefined): string {
  return abstractParagraphs(abstract).flat().join('\n');
}

/** CommonMark's HTML for a Markdown text, raw HTML let through (so the oracle sees it). */
export function renderMarkdown(md: string): string {
  return new HtmlRenderer().render(new Parser().parse(md));
}

export const ASCIIDOCTOR = '/usr/bin/asciidoctor';

/** Why the real Asciidoctor cannot run here, or undefined when it can. */
export function asciidoctorMissing(): string | undefined {
  return existsSync(ASCIIDOCTOR)
    ? undefined
    : `${ASCIIDOCTOR} is missing: install Debian's asciidoctor package (.ci/run does)`;
}

export type SafeMode = 'secure' | 'safe';

/**
 * Renders every document with one run of Debian's Asciidoctor (Ruby, a full page each, no
 * stylesheet: Asciidoctor's own CSS is not ours to check), in the given safe mode, from a
 * folder of their own. Gives each page's HTML and what Asciidoctor said on stderr.
 */
export function asciidoctorCli(docs: string[], mode: SafeMode): { html: string[]; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'confnotes-adoc-'));
  try {
    const names = docs.map((doc, i) => {
      const name = `doc-${String(i).padStart(4, '0')}`;
      writeFileSync(join(dir, `${name}.adoc`), doc);
      return name;
    });
    const run = spawnSync(
      ASCIIDOCTOR,
      [
        '-S',
        mode,
        '-a',
        'stylesheet!',
        '-a',
        'attribute-missing=warn',
        ...names.map((n) => `${n}.adoc`),
      ],
      // In a safe mode Asciidoctor writes nowhere outside its working folder (its jail).
      { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (run.error) throw run.error;
    if (run.status !== 0) throw new Error(`asciidoctor -S ${mode} failed: ${run.stderr}`);
    const stderr = run.stderr;
    return { html: names.map((n) => readFileSync(join(dir, `${n}.html`), 'utf8')), stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
