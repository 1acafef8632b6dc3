// Escaping for AsciiDoc: user and schedule text must come out as the same words, never as
// markup (a line "====" must not close a block, "image:x[]" must not load an image). Plain
// sentences are left untouched so the .adoc stays readable; only risky characters change.
import type { Inline, Line } from './notes-lite';
import { isWebUrl } from './model';

const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

/** Built-in attributes stand for a character after inline formatting has been applied. */
const ATTRIBUTE: Record<string, string> = {
  '*': '{asterisk}',
  '`': '{backtick}',
  '^': '{caret}',
  '~': '{tilde}',
  '+': '{plus}',
  '\\': '{backslash}',
};

const MACROS =
  'image|link|mailto|footnote|footnoteref|kbd|btn|menu|pass|stem|latexmath|asciimath|xref|anchor|indexterm|indexterm2|icon|irc|ftp|file|http|https|include';

const RISKY = new RegExp(
  String.raw`C\+\+(?![\p{L}\p{N}+])|\[\[|<<|\{(?=(?:[\w-]+\}|set:|counter2?:))|\b(?:${MACROS}):(?=\S)|[*\x60^~+\\_#]`,
  'gu',
);

/**
 * Formatting needs a pair of marks in the same block; a mark alone there, one between spaces,
 * or one inside a word (bold, italic, mark, passthrough) stays as typed.
 */
function isInert(text: string, at: number, scope: string): boolean {
  const c = text[at]!;
  if (scope.indexOf(c) === scope.lastIndexOf(c)) return true;
  const prev = text[at - 1] ?? ' ';
  const next = text[at + 1] ?? ' ';
  if (SPACE.test(prev) && SPACE.test(next)) return true;
  // Superscript and subscript pair up even inside a word (H~2~O).
  return c !== '^' && c !== '~' && WORD.test(prev) && WORD.test(next);
}

/**
 * Inline text: same words, no formatting, no macros, no attribute references. `scope` is the
 * whole block the text sits in (formatting pairs can span its tokens and lines).
 */
export function adocText(text: string, scope = text): string {
  return text.replace(RISKY, (m: string, at: number) => {
    if (m === 'C++') return '{cpp}';
    if (m === '[[' || m === '<<') return `pass:c[${m}]`;
    if (m === '{') return '\\{';
    if (m.endsWith(':')) return `${m.slice(0, -1)}pass:c[:]`;
    if (m === '\\') return ATTRIBUTE[m]!;
    if (isInert(text, at, scope)) return m;
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

const LINE_START =
  /^(?:[*-]+(?:\s|$)|[=.+_/:|<>'[\]#`~^!"]|(?:\d+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)](?:\s|$)|(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s|[\w-]+::)/;

/** A whole line whose start or "term::" shape must not be read as a block or list. */
export function adocLine(escaped: string): string {
  const line = escaped.replace(/(::+|;;)(?=\s|$)/g, (m) =>
    m === ';;' ? '{two-semicolons}' : `{two-colons}${':'.repeat(m.length - 2)}`,
  );
  return LINE_START.test(line) && !line.startsWith('-> ') ? `{empty}${line}` : line;
}

/** A section or document title (one line, no closing "==" run). */
export function adocTitle(text: string): string {
  const line = adocText(text.replace(/\s+/g, ' ').trim()) || '…';
  return line.replace(/(\s)(=+)$/, '$1{empty}$2');
}

/** A block title: ".Caption". */
export function adocBlockTitle(text: string): string {
  const line = adocText(text.replace(/\s+/g, ' ').trim());
  return `.${/^[.\s]/.test(line) ? `{empty}${line}` : line}`;
}

function linkText(text: string, scope: string): string {
  const escaped = adocText(text, scope).replace(/\]/g, '\\]');
  return escaped.includes('=') ? `"${escaped.replace(/"/g, '\\"')}"` : escaped;
}

const MARKED_URL = /[*_`^~{}+']|#.*#/;

/** A URL shown bare, as the seed does, unless its characters could read as formatting. */
export function adocUrl(url: string): string {
  return isWebUrl(url) && !MARKED_URL.test(url) ? url : adocLink(url);
}

/** `url[text]`, through `link:++url++[]` when the URL holds formatting marks. */
export function adocLink(url: string, text = '', scope = text): string {
  if (!isWebUrl(url)) return adocText(text ? `${text} (${url})` : url, scope);
  const target = url.replace(/\+\+/g, '%2B%2B');
  const label = linkText(text, scope);
  return MARKED_URL.test(target) ? `link:++${target}++[${label}]` : `${target}[${label}]`;
}

function inline(node: Inline, before: string, after: Inline | undefined, scope: string): string {
  if (node.kind === 'text') return adocText(node.text, scope);
  if (node.kind === 'link') return adocLink(node.url, node.text, scope);
  const nextChar = after?.kind === 'text' ? after.text[0] : after ? 'x' : undefined;
  const tight = WORD.test(before.at(-1) ?? ' ') || WORD.test(nextChar ?? ' ');
  const mark = tight ? '**' : '*';
  return `${mark}${adocText(node.text, scope)}${mark}`;
}

/** One line of a block; `scope` from scopeOf(the block's lines). */
export function adocInlines(line: Line, scope: string): string {
  let out = '';
  line.forEach((node, i) => {
    out += inline(node, out, line[i + 1], scope);
  });
  return out;
}
