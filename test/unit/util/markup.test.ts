// The bounds that keep marked from freezing or crashing the talk page, the plain text shown past
// them, and the whitelists that keep anything from loading. Node has no DOM, so DOMPurify's own
// work is checked in the browser (test/e2e/hostile.spec.ts).
import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_ATTR,
  ALLOWED_TAGS,
  MAX_MARKUP_CHARS,
  MAX_MARKUP_DEPTH,
  markedHtml,
  markupDepth,
  plainHtml,
  renderMarkup,
  withinBounds,
} from '../../../src/lib/util/markup';
import { FIXTURES, parsed, type FixtureName } from '../schedule/fixtures';

const quotes = (n: number) => `${'>'.repeat(n)} deep`;
const list = (n: number) =>
  Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
const divs = (n: number) => `${'<div>'.repeat(n)}x${'</div>'.repeat(n)}`;

describe('markupDepth', () => {
  const cases: [string, string, number][] = [
    ['plain words', 'Hello world', 0],
    ['three quotes', '> > > x', 3],
    ['quotes with no spaces', quotes(2000), 2000],
    ['a list in a quote (and its spaces)', '> - > - x', 5],
    ['ordered lists', '1. 2) x', 2],
    ['a thematic break', '---', 0],
    ['a starred break', '* * *', 3],
    ['an indented code line', '        code', 2],
    ['a tab', '\tcode', 1],
    ['600 nested list levels (two spaces a level)', list(600), 300],
    ['nested divs', divs(40), 40],
    ['paragraph tags that close themselves', '<p>a'.repeat(100), 0],
    ['self-closed tags', '<span/>'.repeat(100), 0],
    ['escaped tags', '&lt;div&gt;'.repeat(100), 0],
  ];
  it.each(cases)('%s', (_name, text, depth) => {
    expect(markupDepth(text)).toBe(depth);
  });
});

describe('renderMarkup', () => {
  it.each([
    ['2,000 nested >', quotes(2000)],
    ['600 nested list levels', list(600)],
    ['600 nested divs', divs(600)],
    ['text over the size cap', 'word '.repeat(MAX_MARKUP_CHARS / 4)],
  ])('shows %s as plain text instead of giving it to marked', (_name, text) => {
    expect(withinBounds(text)).toBe(false);
    expect(markedHtml(text)).toBeUndefined();
    const html = renderMarkup(text);
    expect(html.startsWith('<p>')).toBe(true);
    expect(html).not.toMatch(/<(?!\/?p>|br>)/);
  });

  it('would crash without the bound: marked overflows its stack on 2,000 quotes', () => {
    expect(() => marked.parse(quotes(2000), { async: false })).toThrow(/call stack/);
  });

  it('still renders what is within the bounds', () => {
    expect(markedHtml(quotes(MAX_MARKUP_DEPTH))).toContain('<blockquote>');
    expect(markedHtml(list(20))).toContain('<ul>');
  });

  it('gives every abstract and description of the real schedules to marked', () => {
    for (const name of Object.keys(FIXTURES) as FixtureName[]) {
      for (const t of parsed(name).talks) {
        for (const text of [t.abstract, t.description]) {
          if (text) expect(withinBounds(text)).toBe(true);
        }
      }
    }
  });

  it('never throws, whatever mix of markup syntax it is given', () => {
    const piece = fc.constantFrom('>', '> ', '- ', '* ', '1. ', '  ', '\t', '\n', '\n\n', 'x ');
    const html = fc.constantFrom('<div>', '</div>', '<ul><li>', '[', '](', ')', '*', '_', '`');
    const text = fc.array(fc.oneof(piece, html), { maxLength: 4000 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(typeof renderMarkup(s)).toBe('string');
      }),
      { numRuns: 60 },
    );
  });
});

describe('plainHtml', () => {
  it('escapes every tag and keeps every word, in paragraphs', () => {
    const text = 'First <script>alert(1)</script> & "quoted"\nsame paragraph\n\n  \n\nSecond';
    expect(plainHtml(text)).toBe(
      '<p>First &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;<br>same paragraph</p><p>Second</p>',
    );
  });
});

describe('what sanitised markup may keep', () => {
  // Every attribute a browser loads something from, or runs: none is on the whitelist.
  const loading = [
    'src', 'srcset', 'background', 'poster', 'action', 'formaction', 'xlink:href', 'ping',
    'cite', 'lowsrc', 'dynsrc', 'longdesc', 'data', 'codebase', 'archive', 'classid', 'usemap',
    'manifest', 'icon', 'srcdoc', 'imagesrcset', 'style', 'onerror', 'onload', 'id', 'name',
  ]; // prettier-ignore
  it.each(loading)('has no %s attribute', (attr) => {
    expect(ALLOWED_ATTR).not.toContain(attr);
  });

  const tags = [
    'script', 'img', 'image', 'picture', 'source', 'video', 'audio', 'track', 'iframe', 'frame',
    'object', 'embed', 'applet', 'link', 'style', 'svg', 'math', 'form', 'input', 'button',
    'meta', 'base', 'template', 'portal', 'frameset',
  ]; // prettier-ignore
  it.each(tags)('has no <%s>', (tag) => {
    expect(ALLOWED_TAGS).not.toContain(tag);
  });
});
