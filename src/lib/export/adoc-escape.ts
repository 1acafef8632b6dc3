// Escaping for AsciiDoc: user and schedule text must come out as the same words, never as
// markup (a line "====" must not close a block, "image:x[]" must not load an image). Plain
// sentences are left untouched so the .adoc stays readable; only risky characters change.
//
// What Asciidoctor does to a paragraph, in order, and so what an escape must survive: it
// pulls out passthroughs (`pass:[…]`, `+++…+++`, `++…++`, `$$…$$`, `+…+`) first and puts them
// back last, then escapes <, > and &, applies formatting marks, attribute references,
// typographic replacements (which also restore character references such as `&#42;`) and
// finally macros. So a mark is escaped by a built-in attribute (`{asterisk}`), which only
// turns into a character after formatting; a macro's colon by a passthrough (`pass:c[:]`),
// which no macro's regular expression ever sees; a backslash by a character reference
// (`&#92;`), since `{backslash}` would become one before macros and escape the next of them.
// Macro names need no word boundary before them (`Xpass:[…]` is a passthrough), and
// Asciidoctor.js and the Ruby Asciidoctor differ on what a word character is, so a mark counts
// as inside a word only between letters both agree on. test/unit/export/escape-property.test.ts
// renders generated exports with both to hold all of this.
import { oneLine, type Inline, type Line } from './notes-lite';
import { isWebUrl } from './model';

/** Letters and digits that both Asciidoctors take for word characters (ASCII and Latin). */
const WORD = /[A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02AF]/;
/** What both take for spaces: Ruby's `\s` is ASCII only. */
const SPACE = /[ \t\n\r\f\v]/;

/** Built-in attributes stand for a character after inline formatting has been applied. */
const ATTRIBUTE: Record<string, string> = {
  '*': '{asterisk}',
  '`': '{backtick}',
  '^': '{caret}',
  '~': '{tilde}',
  '+': '{plus}',
};

/** Inline macros, bare URL schemes and includes, all case-sensitive in Asciidoctor. */
const MACROS = [
  'image|icon|link|mailto|footnote|footnoteref|kbd|btn|menu|pass|stem|latexmath|asciimath',
  'xref|anchor|indexterm2?|http|https|ftp|irc|file|include',
].join('|');

/** An attribute reference as either Asciidoctor reads one: `{name}`, `{set:…}`, `{counter:…}`. */
const REFERENCE =
  /^\{(?:[\p{L}\p{M}\p{N}\p{Pc}][\p{L}\p{M}\p{N}\p{Pc}-]*|(?:set|counter2?):[^\n]+?)\\?\}/u;
/** One that `\{` escapes: nothing in it is escaped in turn, so it still reads as a reference. */
const PLAIN_REFERENCE = /^\{(?:[A-Za-z0-9][A-Za-z0-9-]*|(?:set|counter2?):[A-Za-z0-9:!-]+)\}/;

/** A character reference Asciidoctor puts back as written (its "restore entities" rule). */
const ENTITY = /^&(?:[a-zA-Z][a-zA-Z]+\d{0,2}|#\d\d\d{0,4}|#x[\da-fA-F][\da-fA-F][\da-fA-F]{0,3});/;

const RISKY = new RegExp(
  [
    String.raw`C\+\+(?![\p{L}+])`,
    String.raw`\[\[`,
    '<<',
    String.raw`\{`,
    // Ruby's \s is ASCII: a no-break space after the colon does not stop its macros.
    String.raw`(?:${MACROS}):(?![ \t\n\r\f\v])`,
    String.raw`\$(?=\$)`,
    String.raw`\((?=\()`,
    String.raw`\((?=(?:C|R|TM)\))`,
    '&',
    String.raw`[*\x60^~+\\_#]`,
    String.raw`\]`,
  ].join('|'),
  'gu',
);

/**
 * Formatting needs a pair of marks in the same block; a mark alone there, one between spaces,
 * or one inside a word (bold, italic, mark, passthrough) stays as typed. `before` and `after`
 * are what the text is written between (a space stands for a line's start or end).
 */
function isInert(text: string, at: number, scope: string, before: string, after: string) {
  const c = text[at]!;
  if (scope.indexOf(c) === scope.lastIndexOf(c)) return true;
  const prev = text[at - 1] ?? before;
  const next = text[at + 1] ?? after;
  if (SPACE.test(prev) && SPACE.test(next)) return true;
  // Superscript and subscript pair up even inside a word (H~2~O).
  return c !== '^' && c !== '~' && WORD.test(prev) && WORD.test(next);
}

export interface TextPlace {
  /** The block the text sits in (formatting pairs can span its tokens and lines). */
  scope?: string;
  /** The characters written just before and after the text; a space for a line's edge. */
  before?: string;
  after?: string;
  /** Inside a macro's brackets: a `]` would close them. */
  label?: boolean;
}

/** Inline text: same words, no formatting, no macros, no attribute references. */
export function adocText(text: string, scopeOrPlace: string | TextPlace = text): string {
  const place = typeof scopeOrPlace === 'string' ? { scope: scopeOrPlace } : scopeOrPlace;
  const { scope = text, before = ' ', after = ' ', label = false } = place;
  return text.replace(RISKY, (m: string, at: number) => {
    if (m === 'C++') return '{cpp}';
    if (m === '[[' || m === '<<') return `pass:c[${m}]`;
    if (m === '{') {
      const rest = text.slice(at);
      if (PLAIN_REFERENCE.test(rest)) return '\\{';
      return REFERENCE.test(rest) ? '{{empty}' : m;
    }
    if (m.endsWith(':')) {
      // At the text's end, what follows it (a link, a bold word) could be the macro's target.
      const next = text[at + m.length] ?? after;
      return SPACE.test(next) ? m : `${m.slice(0, -1)}pass:c[:]`;
    }
    // "$$" and "((" open a passthrough and an index term; "(C)" becomes a copyright sign.
    if (m === '$') return 'pass:c[$]';
    if (m === '(') return text[at + 1] === '(' ? 'pass:c[(]' : '\\(';
    if (m === '&') return ENTITY.test(text.slice(at)) ? '\\&' : m;
    if (m === ']') return label ? '\\]' : m;
    if (m === '\\') return '&#92;';
    if (isInert(text, at, scope, before, after)) return m;
    return ATTRIBUTE[m] ?? `pass:c[${m}]`;
  });
}

/** The raw characters of a block, to judge which marks could pair up. */
export function scopeOf(lines: Line[]): string {
  return lines
    .flat()
    .map((n) =>
      n.kind === 'bold' ? `**${n.text}**` : n.kind === 'link' ? `${n.url} ${n.text ?? ''}` : n.text,
    )
    .join('\n');
}

/**
 * Starts of a line that open a block, a list, a title, a table, a comment, an attribute entry
 * or a directive; a line starting with a space would be literal.
 */
const LINE_START =
  /^(?:[*\-\u2022]+(?:\s|$)|[=.+_/:|<>'[\]#`~^!",\s]|(?:\d+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)](?:\s|$)|(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):(?:\s|$)|[\p{L}\p{M}\p{N}_-]+::)/u;

/** "term::", "term:::" or "term;;" before a space or the end make a description list. */
function noTerm(line: string): string {
  return line.replace(/(:{2,}|;{2,})(?=\s|$)/g, (run) => {
    const pair = run[0] === ':' ? '{two-colons}' : '{two-semicolons}';
    return pair.repeat(Math.floor(run.length / 2)) + (run.length % 2 ? run[0] : '');
  });
}

/** A whole line whose start or "term::" shape must not be read as a block or list. */
export function adocLine(escaped: string): string {
  const line = noTerm(escaped);
  return LINE_START.test(line) && !line.startsWith('-> ') ? `{empty}${line}` : line;
}

/** A list item's text after its marker: no checkbox, no thematic break, no term. */
export function adocItem(escaped: string): string {
  const line = noTerm(escaped);
  return /^(?:\[|[-*_\u2022](?:\s|$)|\s)/.test(line) ? `{empty}${line}` : line;
}

/**
 * A section or document title (one line, no closing "==" run). Like a block title, it must
 * not read as a description list either: after a list, such a line would join it.
 */
export function adocTitle(text: string): string {
  const line = noTerm(adocText(oneLine(text))) || '…';
  return line.replace(/(\s)(=+)$/, '$1{empty}$2');
}

/** A block title: ".Caption". */
export function adocBlockTitle(text: string): string {
  const line = noTerm(adocText(oneLine(text)));
  return `.${/^[.\s]/.test(line) ? `{empty}${line}` : line}`;
}

function linkText(text: string, scope: string): string {
  // `^` at the end would open the link in a new window; `{caret}` becomes one before macros.
  const escaped = adocText(text, { scope, before: '[', after: ']', label: true }).replace(
    /(?:\^|\{caret\})$/,
    '&#94;',
  );
  if (!escaped.includes('=')) return escaped;
  // With "=" the text is read as attributes, so it is quoted; but the check comes after the
  // replacements, which make "<=" and "=>" arrows: escaped, their "=" stays for it to see.
  const kept = escaped.replace(/<=|=>/g, '\\$&');
  return `"${kept.replace(/"/g, '\\"')}"`;
}

/**
 * An image macro's alt text, `"…"` between its brackets: quoted, so a comma or an "=" does not
 * start another attribute. Inside the quotes only `\"` is unescaped and no substitution runs
 * again: the paragraph's own, which the text is escaped for, are the only ones it meets.
 */
export function adocAlt(text: string, target: string): string {
  // The macro is the whole paragraph: a mark in the file name could pair with one here.
  const scope = `image:${target}["${text}"]`;
  const escaped = adocText(text, { scope, before: '"', after: '"', label: true });
  // "term;; " in it would make the whole line a description list; and the e-mail rule runs
  // after the image macro, on the HTML it left, so an address would become a link inside alt="".
  const inert = noTerm(escaped).replace(/@/g, '&#64;');
  return `"${inert.replace(/"/g, '\\"')}"`;
}

/**
 * A URL Asciidoctor reads bare exactly as written: nothing its formatting, replacements,
 * macros or e-mail rule would touch (`_`, `--`, `(C)`, `&copy;`, `image:`, `a@b.c`), and an
 * end that its rule for a URL's last character keeps.
 */
function isPlainUrl(url: string): boolean {
  return (
    /^https?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:[/?#][A-Za-z0-9\-./?#!%=;,]*)?$/.test(url) &&
    /[A-Za-z0-9/#=%-]$/.test(url) &&
    !/--|\.\.\.|#.*#/.test(url)
  );
}

/**
 * Where both Asciidoctors recognise a bare URL: at a line's start, after a space or a tab (not
 * any blank: Ruby's is narrower), a bracket, a quote or an escaped < or >. Not after "]": ours
 * closes a passthrough, which Asciidoctor has swapped for a placeholder by then.
 */
const URL_LEAD = /^$|[ \t()[;"'<>]$/;

/** A URL shown bare, as the seed does, unless its characters could read as formatting. */
export function adocUrl(url: string, before = ' '): string {
  return isWebUrl(url) && isPlainUrl(url) && URL_LEAD.test(before)
    ? url
    : adocLink(url, '', '', before);
}

/**
 * `url[text]`; a URL holding characters Asciidoctor would read goes through a passthrough,
 * `link:++url++[text]` (or `link:pass:c[url][text]` when it holds "++" itself).
 */
export function adocLink(url: string, text = '', scope = text, before = ' '): string {
  const label = isWebUrl(url) ? linkText(text, scope) : '';
  if (!isWebUrl(url) || (url.includes('++') && url.endsWith('\\'))) {
    return adocText(text ? `${text} (${url})` : url, { scope, before });
  }
  if (isPlainUrl(url) && URL_LEAD.test(before)) return `${url}[${label}]`;
  return url.includes('++') ? `link:pass:c[${url}][${label}]` : `link:++${url}++[${label}]`;
}

/** Characters either Asciidoctor may take for word characters, or that stop a `*bold*`. */
const STICKY = /[\p{L}\p{M}\p{N}\p{Pc};:}]/u;

/** A string's first or last character, whole (not half of a surrogate pair). */
const firstChar = (s: string) => String.fromCodePoint(s.codePointAt(0) ?? 32);
const lastChar = (s: string) => Array.from(s.slice(-2)).at(-1) ?? ' ';

function inline(node: Inline, before: string, after: Inline | undefined, scope: string): string {
  const last = lastChar(before);
  const first =
    after?.kind === 'text'
      ? firstChar(after.text)
      : after?.kind === 'bold'
        ? '*'
        : after
          ? 'x'
          : ' ';
  if (node.kind === 'text') return adocText(node.text, { scope, before: last, after: first });
  if (node.kind === 'link') return adocLink(node.url, node.text, scope, last);
  // After "]", "[…]*bold*" would give the bold a role: "{empty}" stands between them.
  const guard = last === ']' ? '{empty}' : '';
  // `*bold*` only between spaces or punctuation; `**bold**` anywhere.
  const mark = guard || STICKY.test(last) || STICKY.test(first) ? '**' : '*';
  return `${guard}${mark}${adocText(node.text, { scope, before: '*', after: '*' })}${mark}`;
}

/** One line of a block; `scope` from scopeOf(the block's lines). */
export function adocInlines(line: Line, scope: string): string {
  let out = '';
  line.forEach((node, i) => {
    out += inline(node, out, line[i + 1], scope);
  });
  return out;
}
