// safeHref: only absolute http(s) (and mailto where asked) addresses become links, whatever
// case, whitespace, control characters or entities a schedule wraps a scheme in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeHref, safeLinks } from '../../../src/lib/util/href';

/** What the URL parser strips before a scheme: C0 controls and the space. */
const LEAD = Array.from({ length: 33 }, (_, i) => String.fromCharCode(i));
const isWeb = (h: string | undefined) => h === undefined || /^https?:\/\/[^/]/.test(h);

describe('safeHref', () => {
  const refused: string[] = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u001fjavascript:alert(1)',
    '\u00a0javascript:alert(1)',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript%3Aalert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'blob:https://example.org/0',
    'mailto:a@example.org',
    '//evil.example/x',
    '/relative/path',
    '#fragment',
    'http:',
    'https://',
    '',
  ];
  it.each(refused)('refuses %j', (raw) => {
    expect(safeHref(raw)).toBeUndefined();
  });

  const kept: [string, string][] = [
    ['https://example.org/talk/1', 'https://example.org/talk/1'],
    ['HTTPS://Example.ORG', 'https://example.org/'],
    ['  http://example.org/a b  ', 'http://example.org/a%20b'],
    ['ht\ttps://example.org/', 'https://example.org/'],
  ];
  it.each(kept)('keeps %j as %j', (raw, href) => {
    expect(safeHref(raw)).toBe(href);
  });

  it('lets mailto through only where asked', () => {
    expect(safeHref('mailto:a@example.org', { mailto: true })).toBe('mailto:a@example.org');
    expect(safeHref('javascript:alert(1)', { mailto: true })).toBeUndefined();
  });

  it('refuses what is not a string', () => {
    for (const v of [undefined, null, 42, {}, ['https://example.org']]) {
      expect(safeHref(v)).toBeUndefined();
    }
  });

  it('never returns anything but an http(s) address, whatever the input', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => isWeb(safeHref(s))));
    fc.assert(fc.property(fc.webUrl(), (u) => safeHref(u) === new URL(u).href));
  });

  /** A scheme in random case with tabs, newlines and leading controls or spaces mixed in. */
  const disguised = (scheme: string) =>
    fc
      .tuple(
        fc.array(fc.constantFrom(...LEAD), { maxLength: 3 }).map((a) => a.join('')),
        fc.array(fc.tuple(fc.boolean(), fc.constantFrom('', '', '\t', '\n', '\r')), {
          minLength: scheme.length,
          maxLength: scheme.length,
        }),
        fc.string(),
      )
      .map(([lead, marks, rest]) => {
        const letters = [...scheme].map((c, i) => {
          const [upper, mark] = marks[i] ?? [false, ''];
          return (upper ? c.toUpperCase() : c) + mark;
        });
        return `${lead}${letters.join('')}:${rest}`;
      });

  it('refuses javascript:, data: and vbscript: however they are disguised', () => {
    for (const scheme of ['javascript', 'data', 'vbscript']) {
      fc.assert(fc.property(disguised(scheme), (s) => safeHref(s) === undefined));
    }
  });

  it('refuses every scheme other than http and https', () => {
    const scheme = fc
      .stringMatching(/^[a-z][a-z0-9+.-]{0,12}$/)
      .filter((s) => s !== 'http' && s !== 'https');
    fc.assert(
      fc.property(scheme, fc.string(), (s, rest) => safeHref(`${s}:${rest}`) === undefined),
    );
  });
});

describe('safeLinks', () => {
  it('keeps http(s) links once each, in order', () => {
    const links = safeLinks([
      { url: 'https://a.example/', label: 'A' },
      { url: 'javascript:alert(1)', label: 'Evil' },
      { url: undefined, label: 'None' },
      { url: 'HTTPS://A.example', label: 'A again' },
      { url: 'http://b.example/x', label: 'B' },
    ]);
    expect(links).toEqual([
      { href: 'https://a.example/', label: 'A' },
      { href: 'http://b.example/x', label: 'B' },
    ]);
  });
});
