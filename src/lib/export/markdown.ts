// Writes the same write-up as asciidoc.ts in GitHub-flavoured Markdown. User and schedule text
// is backslash-escaped where Markdown would read it as markup or HTML, so it shows as typed;
// text meant for one line (titles, names, the type, the venue) is kept on one line, where no
// line of it can start a block.
import type { Talk } from '../model/types';
import {
  dateVenueLine,
  documentTalks,
  isWebUrl,
  scheduleUrl,
  slideAlt,
  speakerLines,
  WORDS,
  type ExportInput,
  type ImageName,
  type TalkNotes,
  type TimelineItem,
} from './model';
import {
  abstractParagraphs,
  oneLine,
  parseNotes,
  type Block,
  type Inline,
  type Line,
} from './notes-lite';

/** Inline text: no emphasis, code, links, HTML, strikethrough, tables or entities. */
export function mdText(text: string): string {
  return text
    .replace(/[\\`*[\]<|~]/g, '\\$&')
    .replace(/_/g, (m, at: number, s: string) =>
      /[\p{L}\p{N}]/u.test(s[at - 1] ?? '') && /[\p{L}\p{N}]/u.test(s[at + 1] ?? '') ? m : '\\_',
    )
    .replace(/&(?=#?\w+;)/g, '\\&');
}

/** A line whose start must not read as a heading, quote, list, rule or code. */
export function mdLine(escaped: string): string {
  if (escaped.startsWith('-> ')) return escaped;
  return escaped.replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

function mdHeading(text: string): string {
  return mdText(oneLine(text)).replace(/#/g, '\\#') || '…';
}

/**
 * A link destination: brackets and spaces percent-encoded; a backslash or an "&" escaped, or
 * CommonMark would read an escape or a character reference in it and change the URL.
 */
function encodeUrl(url: string): string {
  return url
    .replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/[\\&]/g, '\\$&');
}

export function mdLink(url: string, text?: string): string {
  if (!isWebUrl(url)) return mdText(text ? `${text} (${url})` : url);
  return text ? `[${mdText(text)}](${encodeUrl(url)})` : `<${url}>`;
}

/** CommonMark's classes for the flanking rules of emphasis. */
const WHITESPACE = /^[\s\p{Zs}]?$/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * `**bold**` where CommonMark reads it as bold: its opening marks must not follow a letter if
 * the text starts with punctuation, nor its closing ones precede one if the text ends so.
 * Elsewhere the words are written plain (unmarked asterisks would show).
 */
function bold(text: string, before: string, after: string): string {
  const first = Array.from(text)[0] ?? ' ';
  const last = Array.from(text).at(-1) ?? ' ';
  const open = !PUNCTUATION.test(first) || WHITESPACE.test(before) || PUNCTUATION.test(before);
  const close = !PUNCTUATION.test(last) || WHITESPACE.test(after) || PUNCTUATION.test(after);
  return open && close ? `**${text}**` : text;
}

function inline(node: Inline, next: Inline | undefined): string {
  if (node.kind === 'link') return mdLink(node.url, node.text);
  const text = mdText(node.text);
  if (node.kind === 'bold') return text;
  // "!" before a link's "[" would make it an image.
  return next?.kind === 'link' && next.text && text.endsWith('!')
    ? `${text.slice(0, -1)}\\!`
    : text;
}

function mdInlines(line: Line): string {
  const parts = line.map((node, i) => inline(node, line[i + 1]));
  return parts
    .map((part, i) => {
      if (line[i]!.kind !== 'bold') return part;
      const before = Array.from(parts.slice(0, i).join('')).at(-1) ?? '';
      const after = Array.from(parts.slice(i + 1).join(''))[0] ?? '';
      return bold(part, before, after);
    })
    .join('');
}

function blockText(block: Block): string {
  if (block.kind === 'para') return block.lines.map((l) => mdLine(mdInlines(l))).join('\\\n');
  return block.items
    .map((item) => {
      const pad = '  '.repeat(item.level);
      const [first = [], ...more] = item.lines;
      const rest = more.map((l) => `${pad}  ${mdLine(mdInlines(l))}`);
      return [`${pad}- ${mdLine(mdInlines(first))}`, ...rest].join('\\\n');
    })
    .join('\n');
}

export function notesToMd(text: string): string[] {
  return parseNotes(text).map(blockText);
}

function photo(
  item: Extract<TimelineItem, { kind: 'photo' }>,
  n: number,
  imageName: ImageName,
  slide: string,
): string {
  const caption = oneLine(item.caption);
  const alt = slideAlt(item.text) || caption || `${slide} ${n}`;
  const image = `![${mdText(alt)}](images/${encodeUrl(imageName(item.id))})`;
  return caption ? `*${mdText(caption)}*\\\n${image}` : image;
}

function programme(talk: Talk): string[] {
  const speakers = speakerLines(talk).map((line) => mdLine(mdText(line)));
  const abstract = abstractParagraphs(talk.abstract).map((lines) =>
    lines
      .map((line) => {
        // Spaces after the marker would make the item's text a code block.
        const bullet = /^[-*] \s*(.*)$/.exec(line);
        return bullet ? `- ${mdLine(mdText(bullet[1]!))}` : mdLine(mdText(line));
      })
      .join('\n'),
  );
  const type = oneLine(talk.type);
  const parts = [
    ...(type ? [`**${mdText(type)}**`] : []),
    ...abstract,
    ...(speakers.length ? [speakers.join('\\\n')] : []),
  ];
  if (!parts.length) return [];
  return [
    parts
      .join('\n\n')
      .split('\n')
      .map((l) => (l ? `> ${l}` : '>'))
      .join('\n'),
  ];
}

function talkSection(input: ExportInput, talk: Talk, notes: TalkNotes, imageName: ImageName) {
  const words = WORDS[input.lang];
  const link = [talk.url, ...talk.links.map((l) => l.url)].find(isWebUrl);
  const out = [`## ${mdHeading(talk.title)}`];
  if (link) out.push(mdLink(link));
  out.push(...programme(talk));
  let n = 0;
  const timeline = notes.timeline.flatMap((item) =>
    item.kind === 'photo' ? [photo(item, ++n, imageName, words.slide)] : notesToMd(item.text),
  );
  if (timeline.length) out.push(`### ${words.notes}`, ...timeline);
  const opinion = notesToMd(notes.opinion);
  if (opinion.length) out.push(`### ${words.opinion}`, ...opinion);
  return out;
}

export function toMarkdown(input: ExportInput, imageName: ImageName): string {
  const { conference, lang } = input;
  const words = WORDS[lang];
  const out = [`# ${mdHeading(conference.title)}`];
  const when = oneLine(dateVenueLine(conference, lang));
  if (when) out.push(mdLine(mdText(when)));
  const links = [
    [words.site, conference.url],
    [words.schedule, scheduleUrl(conference)],
  ].filter((l): l is [string, string] => isWebUrl(l[1]));
  if (links.length) {
    out.push(
      `## ${words.presentation}`,
      links.map(([k, url]) => `- **${k}** : <${url}>`).join('\n'),
    );
  }
  for (const { talk, notes } of documentTalks(input)) {
    out.push(...talkSection(input, talk, notes, imageName));
  }
  for (const section of [...input.freeSections].sort((a, b) => a.position - b.position)) {
    out.push(`## ${mdHeading(section.title)}`, ...notesToMd(section.text));
  }
  return `${out.join('\n\n')}\n`;
}
