// A small XML reader for schedule files and WebDAV listings: one pass over the text, no
// recursion, into a tree of elements with their attributes and text. It reads what frab/pentabarf
// files and 207 Multi-Status answers hold (elements, attributes, text, CDATA, comments, a
// declaration and a DOCTYPE) and no more: a DOCTYPE's
// entity declarations are skipped, so an entity is never expanded and "&d;" stays as written.
// Tags that do not match refuse the document with the line where it breaks.

export interface XmlElement {
  name: string;
  /** Attribute values, entities decoded; a prototype-free record, so any name is safe. */
  attrs: Readonly<Record<string, string>>;
  children: XmlElement[];
  /** The element's own text and CDATA (not its children's), trimmed, entities decoded once. */
  text: string;
}

/** The document is not well-formed XML; `line` is where reading stopped (1-based). */
export class XmlSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`XML not well-formed at line ${line}`);
  }
}

// XML's own entities and the HTML ones schedule generators write into XML (fast-xml-parser,
// which read these files before, decoded the same list).
const NAMED: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  laquo: '\u00ab',
  raquo: '\u00bb',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bull: '\u2022',
  para: '\u00b6',
  sect: '\u00a7',
  deg: '\u00b0',
  frac12: '\u00bd',
  frac14: '\u00bc',
  frac34: '\u00be',
  cent: '\u00a2',
  pound: '\u00a3',
  yen: '\u00a5',
  euro: '\u20ac',
  inr: '\u20b9',
});

const ENTITY = /&(?:#(\d{1,7})|#x([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,9}));/g;

function decodeEntity(whole: string, dec?: string, hex?: string, name?: string): string {
  if (name !== undefined) return NAMED[name] ?? whole;
  const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
  // NUL, surrogates and numbers past Unicode are no characters: keep them as written.
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
    ? String.fromCodePoint(code)
    : whole;
}

/** Decodes character and entity references in one pass: `&amp;amp;` becomes `&amp;`. */
export function decodeEntities(s: string): string {
  return s.includes('&') ? s.replace(ENTITY, decodeEntity) : s;
}

// Shared by every element without attributes or children (most of them): a 3 MB schedule makes
// some 60,000 elements, and their empty records and arrays were most of the garbage.
const NO_ATTRS = Object.freeze(Object.create(null) as Record<string, string>);
const NO_CHILDREN = Object.freeze([]) as unknown as XmlElement[];

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** Where an element's name ends: at a space, `/` or `>`; -1 when the text ends first. */
function nameEnd(xml: string, from: number): number {
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (isSpace(c) || c === 0x2f || c === 0x3e) return i;
    // Quotes, `<`, `=` and `&` in a name mean the markup is broken.
    if (c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3d || c === 0x26) return -1;
  }
  return -1;
}

function lineAt(xml: string, at: number): number {
  let line = 1;
  for (let i = xml.indexOf('\n'); i >= 0 && i < at; i = xml.indexOf('\n', i + 1)) line++;
  return line;
}

interface Open {
  el: XmlElement;
  text: string;
}

/**
 * Reads one XML document into its root element. Throws XmlSyntaxError when tags do not match,
 * an element is left open, markup is cut off, or text or a second element sits outside the root.
 */
export function readXml(xml: string): XmlElement {
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const fail = (at: number): never => {
    throw new XmlSyntaxError(lineAt(xml, at));
  };
  const upTo = (s: string, from: number) => {
    const at = xml.indexOf(s, from);
    return at < 0 ? fail(from) : at;
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const end = lt < 0 ? xml.length : lt;
    if (end > i) {
      const top = stack[stack.length - 1];
      const piece = xml.slice(i, end);
      const lead = piece.length - piece.trimStart().length;
      if (top) top.text += decodeEntities(piece);
      else if (lead < piece.length) fail(i + lead);
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f) {
      // </name>
      const gt = upTo('>', lt);
      const open = stack.pop();
      if (!open || xml.slice(lt + 2, gt).trimEnd() !== open.el.name) fail(lt);
      open!.el.text = open!.text.trim();
      i = gt + 1;
    } else if (next === 0x3f) {
      i = upTo('?>', lt + 2) + 2;
    } else if (xml.startsWith('<!--', lt)) {
      i = upTo('-->', lt + 4) + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const close = upTo(']]>', lt + 9);
      const top = stack[stack.length - 1] ?? fail(lt);
      top.text += xml.slice(lt + 9, close);
      i = close + 3;
    } else if (xml.startsWith('<!DOCTYPE', lt)) {
      if (root || stack.length) fail(lt);
      i = doctypeEnd(xml, lt);
      if (i < 0) fail(lt);
    } else {
      if (next === 0x21) fail(lt);
      const [el, after, closed] = openTag(xml, lt, fail);
      const parent = stack[stack.length - 1]?.el;
      if (parent) {
        if (parent.children === NO_CHILDREN) parent.children = [el];
        else parent.children.push(el);
      } else if (root) fail(lt);
      else root = el;
      if (!closed) stack.push({ el, text: '' });
      i = after;
    }
  }
  if (stack.length || !root) fail(xml.length);
  return root!;
}

/** Where a DOCTYPE ends: its internal subset, if any, runs to the first `]` before `>`. */
function doctypeEnd(xml: string, lt: number): number {
  const gt = xml.indexOf('>', lt);
  const bracket = xml.indexOf('[', lt);
  if (gt < 0) return -1;
  if (bracket < 0 || bracket > gt) return gt + 1;
  const close = /\]\s*>/g;
  close.lastIndex = bracket;
  const found = close.exec(xml);
  return found ? found.index + found[0].length : -1;
}

/**
 * Reads `<name attr="v" …>` or `<name …/>` at `lt`: the element, where reading goes on, and
 * whether the tag closed itself.
 */
function openTag(
  xml: string,
  lt: number,
  fail: (at: number) => never,
): [XmlElement, number, boolean] {
  const stop = nameEnd(xml, lt + 1);
  if (stop <= lt + 1) fail(lt);
  const el: XmlElement = {
    name: xml.slice(lt + 1, stop),
    attrs: NO_ATTRS,
    children: NO_CHILDREN,
    text: '',
  };
  let attrs: Record<string, string> | undefined;
  let i = stop;
  for (;;) {
    while (isSpace(xml.charCodeAt(i))) i++;
    const c = xml.charCodeAt(i);
    if (c === 0x3e) return [el, i + 1, false];
    if (c === 0x2f) return xml.charCodeAt(i + 1) === 0x3e ? [el, i + 2, true] : fail(i);
    const eq = xml.indexOf('=', i);
    if (eq < 0) fail(i);
    const name = xml.slice(i, eq).trimEnd();
    if (!name || /[\s<>"'/]/.test(name)) fail(i);
    let q = eq + 1;
    while (isSpace(xml.charCodeAt(q))) q++;
    const quote = xml[q];
    if (quote !== '"' && quote !== "'") fail(q);
    const close = xml.indexOf(quote, q + 1);
    if (close < 0) fail(q);
    const raw = xml.slice(q + 1, close);
    if (raw.includes('<')) fail(q);
    attrs ??= el.attrs = Object.create(null) as Record<string, string>;
    attrs[name] = decodeEntities(raw);
    i = close + 1;
  }
}
