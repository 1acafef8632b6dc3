// Reads the user's Markdown-lite (see model.ts) into a small tree both writers share, and splits
// schedule abstracts (plain text, Markdown or HTML as found) into paragraphs of plain lines.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; text: string }
  /** `text` is absent for a bare URL. */
  | { kind: 'link'; url: string; text?: string };

export type Line = Inline[];

export type Block =
  { kind: 'para'; lines: Line[] } | { kind: 'list'; items: { level: number; lines: Line[] }[] };

/** Text meant for one line (a title, a name, a venue): any run of spaces or breaks is one space. */
export const oneLine = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** AsciiDoc and Markdown both nest this deep without trouble. */
export const MAX_LEVEL = 4;

const INLINE =
  /\[([^\]\n]+)\]\((https?:\/\/[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)\)|\*\*(?=\S)([^\n]*?\S)\*\*|https?:\/\/[^\s<>[\]"`]+/giu;

/** A bare URL ends before the punctuation that closes the sentence around it. */
function trimUrl(url: string): string {
  let out = url;
  for (;;) {
    const last = out.at(-1) ?? '';
    const open = out.split('(').length - 1;
    const close = out.split(')').length - 1;
    if (/[.,;:!?'*]/.test(last) || (last === ')' && close > open)) out = out.slice(0, -1);
    else return out;
  }
}

export function parseInline(text: string, { bold = true, links = true } = {}): Line {
  const out: Line = [];
  const pushText = (t: string) => {
    if (!t) return;
    const prev = out.at(-1);
    if (prev?.kind === 'text') prev.text += t;
    else out.push({ kind: 'text', text: t });
  };
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    const start = m.index;
    if (start < at) continue;
    if (m[1] !== undefined && m[2] !== undefined && links) {
      pushText(text.slice(at, start));
      out.push({ kind: 'link', url: m[2], text: m[1] });
      at = start + m[0].length;
    } else if (m[3] !== undefined && bold) {
      pushText(text.slice(at, start));
      // "**a****b**" is one bold run: two would meet in a "****" no writer can split.
      const prev = out.at(-1);
      if (prev?.kind === 'bold' && start === at) prev.text += m[3];
      else out.push({ kind: 'bold', text: m[3] });
      at = start + m[0].length;
    } else if (m[1] === undefined && m[3] === undefined) {
      const url = trimUrl(m[0]);
      if (!/^https?:\/\/./i.test(url)) continue;
      pushText(text.slice(at, start));
      out.push({ kind: 'link', url });
      at = start + url.length;
    }
  }
  pushText(text.slice(at));
  return out;
}

/** A bullet; a lone "-" (a bullet begun, nothing typed yet) is dropped. */
const BULLET = /^([ \t]*)[-*](?: +(.*))?$/;

function levelOf(indent: string): number {
  let tabs = 0;
  let spaces = 0;
  for (const c of indent) {
    if (c === '\t') tabs++;
    else spaces++;
  }
  return tabs + Math.floor(spaces / 2);
}

/** Markdown-lite text to blocks; blank input gives no blocks. */
export function parseNotes(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const bullet = BULLET.exec(line);
    if (!line.trim()) {
      current = undefined;
    } else if (bullet) {
      const content = (bullet[2] ?? '').trim();
      if (!content) continue;
      if (current?.kind !== 'list') {
        current = { kind: 'list', items: [] };
        blocks.push(current);
      }
      const prev = current.items.at(-1);
      const wanted = prev ? levelOf(bullet[1]!) : 0;
      const level = Math.min(wanted, (prev?.level ?? -1) + 1, MAX_LEVEL);
      current.items.push({ level, lines: [parseInline(content)] });
    } else if (current?.kind === 'list') {
      current.items.at(-1)!.lines.push(parseInline(line.trim()));
    } else {
      if (!current) {
        current = { kind: 'para', lines: [] };
        blocks.push(current);
      }
      current.lines.push(parseInline(line.trim()));
    }
  }
  return blocks;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Abstract HTML (some schedules send it) to the plain lines the seed shows. */
function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<li\b[^>]*>/gi, '\n- ')
      .replace(/<\/(p|div|ul|ol|h[1-6]|blockquote)\s*>/gi, '\n\n')
      .replace(/<[^>]*>/g, ''),
  );
}

/** An abstract as paragraphs of lines (kept as written, list markers included). */
export function abstractParagraphs(abstract: string | undefined): string[][] {
  if (!abstract?.trim()) return [];
  const text = /<\/?[a-z][^>]*>/i.test(abstract) ? htmlToText(abstract) : abstract;
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .filter((p) => p.length > 0);
}
