// The one-pass XML reader that schedule files and WebDAV listings are read with: what it keeps,
// and the broken documents it refuses with the line where they break.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, readXml, XmlSyntaxError } from '../../../src/lib/util/xml-tree';

const lineOf = (xml: string) => {
  try {
    readXml(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError) return e.line;
    throw e;
  }
  throw new Error('read without complaint');
};

describe('readXml', () => {
  it('keeps elements, attributes and their own trimmed text', () => {
    const root = readXml(
      '<?xml version="1.0"?>\n<!-- made by hand -->\n<schedule v=\'1\'>\n' +
        '  <day date="2026-01-31" start = "09:00"><event id="7"><title> A &amp; B </title>' +
        '<link href="https://x/?a=1&amp;b=2">x &gt; y</link><empty/></event></day>\n</schedule>\n',
    );
    expect(root.name).toBe('schedule');
    expect(root.attrs.v).toBe('1');
    const day = root.children[0]!;
    expect({ ...day.attrs }).toEqual({ date: '2026-01-31', start: '09:00' });
    const [title, link, empty] = day.children[0]!.children;
    expect(title!.text).toBe('A & B');
    expect([link!.attrs.href, link!.text]).toEqual(['https://x/?a=1&b=2', 'x > y']);
    expect([empty!.name, empty!.text, empty!.children]).toEqual(['empty', '', []]);
  });

  it('joins text and CDATA, leaving CDATA undecoded, and skips comments inside', () => {
    const root = readXml('<a>&lt;b&gt;<!-- no --> one <![CDATA[<i>&amp;</i>]]> two</a>');
    expect(root.text).toBe('<b> one <i>&amp;</i> two');
  });

  it('decodes references once and keeps what is no character as written', () => {
    expect(decodeEntities('AT&amp;amp;T &#x27;s &#233; &euro; &nbsp;')).toBe(
      "AT&amp;T 's é € \u00a0",
    );
    expect(decodeEntities('&d; &#0; &#xD800; &#x110000; & alone')).toBe(
      '&d; &#0; &#xD800; &#x110000; & alone',
    );
  });

  it('skips a DOCTYPE and its entity declarations, expanding none', () => {
    const root = readXml('<!DOCTYPE s [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]>\n<s>&b;</s>');
    expect(root.text).toBe('&b;');
  });

  it('reads any element or attribute name without touching prototypes', () => {
    const root = readXml(
      '<s __proto__="1"><constructor><__proto__ toString="2"/></constructor></s>',
    );
    expect(root.attrs['__proto__']).toBe('1');
    expect(root.children[0]!.children[0]!.attrs.toString).toBe('2');
    expect(Object.getPrototypeOf(root.attrs)).toBeNull();
    expect('toString' in {} && typeof {}.toString).toBe('function');
  });

  it('reads a 100,000-deep document without running out of stack', () => {
    const depth = 100_000;
    const root = readXml('<e>'.repeat(depth) + 'x' + '</e>'.repeat(depth));
    let el = root;
    for (let i = 1; i < depth; i++) el = el.children[0]!;
    expect(el.text).toBe('x');
  });

  it.each([
    ['a mismatched end tag', '<s>\n<day>\n<room>\n</day>\n</s>', 4],
    ['an element left open', '<s>\n<day>\n', 3],
    ['an end tag with no start', '<s/>\n</s>', 2],
    ['text outside the root', '<s/>\nhello', 2],
    ['a second root', '<s/>\n<t/>', 2],
    ['an unquoted attribute', '<s>\n<day date=2026>\n</day></s>', 2],
    ['an attribute with no value', '<s>\n<day selected>\n</day></s>', 2],
    ['a < inside an attribute', '<s a="<b>"/>', 1],
    ['a cut-off comment', '<s>\n<!-- never closed', 2],
    ['a cut-off CDATA', '<s><![CDATA[ never', 1],
    ['declarations outside a DOCTYPE', '<s>\n<!ENTITY a "b">\n</s>', 2],
    ['a DOCTYPE after the root', '<s/>\n<!DOCTYPE s>', 2],
    ['no element at all', '<?xml version="1.0"?>\n', 2],
  ])('refuses %s, naming the line', (_what, xml, line) => {
    expect(lineOf(xml)).toBe(line);
  });
});

// Any tree written out as XML, with its text and attribute values escaped, reads back the same;
// and no input, cut or garbled, makes the reader fail any other way than by XmlSyntaxError.
interface Tree {
  name: string;
  attrs: [string, string][];
  text: string;
  children: Tree[];
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const name = fc.stringMatching(/^[A-Za-z_][\w.-]{0,8}$/);
const node = (depth: number): fc.Arbitrary<Tree> =>
  fc.record({
    name,
    attrs: fc.uniqueArray(fc.tuple(name, fc.string({ unit: 'binary', maxLength: 12 })), {
      selector: ([n]) => n,
      maxLength: 3,
    }),
    text: fc.string({ unit: 'binary', maxLength: 20 }),
    children: depth ? fc.array(node(depth - 1), { maxLength: 3 }) : fc.constant([]),
  });
const tree = node(3);
const write = (t: Tree): string =>
  `<${t.name}${t.attrs.map(([n, v]) => ` ${n}="${escape(v)}"`).join('')}>${escape(t.text)}${t.children.map(write).join('')}</${t.name}>`;
// What the reader keeps: no character references for what XML cannot hold, text trimmed.
const plain = (s: string) => s.replace(/[\ud800-\udfff]/g, '');
const clean = (t: Tree): Tree => ({
  name: t.name,
  attrs: t.attrs.map(([n, v]) => [n, plain(v)]),
  text: plain(t.text),
  children: t.children.map(clean),
});
const shape = (el: ReturnType<typeof readXml>): unknown => ({
  name: el.name,
  attrs: Object.entries(el.attrs),
  text: el.text,
  children: el.children.map(shape),
});
const expected = (t: Tree): unknown => ({
  name: t.name,
  attrs: t.attrs,
  text: t.text.trim(),
  children: t.children.map(expected),
});

describe('readXml on generated documents', () => {
  it('reads back any tree written out with its text escaped', () => {
    fc.assert(
      fc.property(tree.map(clean), (t) => {
        expect(shape(readXml(write(t)))).toEqual(expected(t));
      }),
    );
  });

  it('fails on cut or garbled input only by XmlSyntaxError', () => {
    fc.assert(
      fc.property(tree.map(clean), fc.nat(), fc.string({ maxLength: 4 }), (t, at, junk) => {
        const xml = write(t);
        const cut = at % (xml.length + 1);
        for (const broken of [xml.slice(0, cut), xml.slice(0, cut) + junk + xml.slice(cut)]) {
          try {
            readXml(broken);
          } catch (e) {
            expect(e).toBeInstanceOf(XmlSyntaxError);
          }
        }
      }),
    );
  });
});
