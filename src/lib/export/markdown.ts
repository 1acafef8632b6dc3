// Writes the same write-up as asciidoc.ts in GitHub-flavoured Markdown. User and schedule text
// is backslash-escaped where Markdown would read it as markup or HTML, so it shows as typed.
import type { Talk } from '../db/types';
import {
  dateVenueLine,
  documentTalks,
  isWebUrl,
  scheduleUrl,
  WORDS,
  type ExportInput,
  type ImageName,
  type TalkNotes,
  type TimelineItem,
} from './model';
import { abstractParagraphs, parseNotes, type Block, type Inline, type Line } from './notes-lite';

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
  return mdText(text.replace(/\s+/g, ' ').trim()).replace(/#/g, '\\#') || '…';
}

function encodeUrl(url: string): string {
  return url.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function mdLink(url: string, text?: string): string {
  if (!isWebUrl(url)) return mdText(text ? `${text} (${url})` : url);
  return text ? `[${mdText(text)}](${encodeUrl(url)})` : `<${url}>`;
}

function inline(node: Inline): string {
  if (node.kind === 'text') return mdText(node.text);
  if (node.kind === 'link') return mdLink(node.url, node.text);
  return `**${mdText(node.text)}**`;
}

const mdInlines = (line: Line) => line.map(inline).join('');

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
  const caption = item.caption.replace(/\s+/g, ' ').trim();
  const image = `![${mdText(caption || `${slide} ${n}`)}](images/${encodeUrl(imageName(item.id))})`;
  return caption ? `*${mdText(caption)}*\\\n${image}` : image;
}

function programme(talk: Talk): string[] {
  const speakers = talk.speakers
    .map((s) => [s.name, s.affiliation].filter((p) => p?.trim()).join(', '))
    .filter(Boolean)
    .map((line) => mdLine(mdText(line)));
  const abstract = abstractParagraphs(talk.abstract).map((lines) =>
    lines
      .map((line) => {
        const bullet = /^[-*] (.*)$/.exec(line);
        return bullet ? `- ${mdLine(mdText(bullet[1]!))}` : mdLine(mdText(line));
      })
      .join('\n'),
  );
  const parts = [
    ...(talk.type?.trim() ? [`**${mdText(talk.type.trim())}**`] : []),
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
  const when = dateVenueLine(conference, lang);
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
