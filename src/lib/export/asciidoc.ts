// Writes a conference's write-up in AsciiDoc, laid out like the Xebicon 2019 seed: title and
// attributes, date and venue, links, then per talk its programme block, notes with photos in
// timeline order and the opinion, and the user's free sections last.
import type { Talk } from '../model/types';
import {
  adocAlt,
  adocBlockTitle,
  adocInlines,
  adocItem,
  adocLine,
  adocLink,
  adocText,
  adocTitle,
  adocUrl,
  scopeOf,
} from './adoc-escape';
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
import { abstractParagraphs, oneLine, parseNotes, type Block } from './notes-lite';

function blockText(block: Block): string {
  const scope = scopeOf(block.kind === 'para' ? block.lines : block.items.flatMap((i) => i.lines));
  if (block.kind === 'para') {
    return block.lines.map((l) => adocLine(adocInlines(l, scope))).join(' +\n');
  }
  return block.items
    .map((item) => {
      const [first = [], ...more] = item.lines;
      const head = `${'\t'.repeat(item.level)}${'*'.repeat(item.level + 1)} `;
      const rest = more.map((l) => adocLine(adocInlines(l, scope)));
      return [head + adocItem(adocInlines(first, scope)), ...rest].join(' +\n');
    })
    .join('\n');
}

/** Markdown-lite to AsciiDoc blocks, one blank line between them. */
export function notesToAdoc(text: string): string[] {
  return parseNotes(text).map(blockText);
}

function photo(item: Extract<TimelineItem, { kind: 'photo' }>, imageName: ImageName): string {
  const name = imageName(item.id);
  const alt = slideAlt(item.text);
  // Without slide text, Asciidoctor's own alt text (the file's name), as the seed has it.
  const image = alt ? `image:${name}[${adocAlt(alt, name)}]` : `image:${name}[]`;
  return item.caption.trim() ? `${adocBlockTitle(item.caption)}\n${image}` : image;
}

/** Abstract lines as written; list markers stay, everything else is escaped text. */
function abstractBlock(abstract: string | undefined): string[] {
  return abstractParagraphs(abstract).map((lines) => {
    const scope = lines.join('\n');
    return lines
      .map((line) => {
        const bullet = /^([-*] )\s*(.*)$/.exec(line);
        return bullet
          ? `${bullet[1]}${adocItem(adocText(bullet[2]!, scope))}`
          : adocLine(adocText(line, scope));
      })
      .join('\n');
  });
}

function programme(talk: Talk): string[] {
  const lines = speakerLines(talk);
  // One paragraph: a mark on one speaker's line could pair with one on the next.
  const scope = lines.join('\n');
  const speakers = lines.map((line) => adocLine(adocText(line, scope)));
  const type = oneLine(talk.type);
  const parts = [
    ...(type ? [adocLine(adocText(type))] : []),
    ...abstractBlock(talk.abstract),
    ...(speakers.length ? [speakers.join(' +\n')] : []),
  ];
  return parts.length ? [`====\n${parts.join('\n\n')}\n====`] : [];
}

function talkSection(input: ExportInput, talk: Talk, notes: TalkNotes, imageName: ImageName) {
  const words = WORDS[input.lang];
  const link = [talk.url, ...talk.links.map((l) => l.url)].find(isWebUrl);
  const out = [`== ${adocTitle(talk.title)}`];
  if (link) out.push(adocLink(link));
  out.push(...programme(talk));
  const timeline = notes.timeline.flatMap((item) =>
    item.kind === 'photo' ? [photo(item, imageName)] : notesToAdoc(item.text),
  );
  if (timeline.length) out.push(`=== ${words.notes}`, ...timeline);
  const opinion = notesToAdoc(notes.opinion);
  if (opinion.length) out.push(`=== ${words.opinion}`, ...opinion);
  return out;
}

export function toAsciiDoc(input: ExportInput, imageName: ImageName): string {
  const { conference, lang } = input;
  const words = WORDS[lang];
  const out: string[] = [
    [
      `= ${adocTitle(conference.title)}`,
      ':imagesdir: ./images',
      ':toc: macro',
      ':toclevels: 1',
      `:toc-title: ${words.tocTitle}`,
      `:lang: ${lang}`,
    ].join('\n'),
    'toc::[]',
  ];
  const when = oneLine(dateVenueLine(conference, lang));
  if (when) out.push(adocLine(adocText(when)));
  const links = [
    [words.site, conference.url],
    [words.schedule, scheduleUrl(conference)],
  ].filter((l): l is [string, string] => isWebUrl(l[1]));
  if (links.length) {
    out.push(
      `== ${words.presentation}`,
      links.map(([k, url]) => `* *${k}* : ${adocUrl(url)}`).join('\n'),
    );
  }
  for (const { talk, notes } of documentTalks(input)) {
    out.push(...talkSection(input, talk, notes, imageName));
  }
  for (const section of [...input.freeSections].sort((a, b) => a.position - b.position)) {
    out.push(`== ${adocTitle(section.title)}`, ...notesToAdoc(section.text));
  }
  return `${out.join('\n\n')}\n`;
}
