// What the export writers read: one conference, its talks in schedule order and the user's notes,
// already loaded by the caller (no database here), plus the words each language uses.
//
// Notes text is "Markdown-lite", what one thumb types on a phone:
// - a line starting with "- " or "* " is a bullet; 2 spaces (or one tab) before it per level;
// - **bold**; [text](url) and bare http(s) URLs are links;
// - "-> " at the start of a line is kept as is (an arrow, as in the Xebicon seed);
// - a blank line separates paragraphs; a single newline inside a paragraph is a line break,
//   and a line that follows a bullet without a blank line continues that bullet on a new line.
import type { Conference, Talk } from '../model/types';
import { oneLine } from './notes-lite';

export type Lang = 'en' | 'fr';

export type TimelineItem =
  | { kind: 'text'; id: string; text: string }
  | {
      kind: 'photo';
      id: string;
      caption: string;
      type: string;
      imageTag?: string | undefined;
      /** The words read from the slide (Photo.text), when they were. */
      text?: string | undefined;
    };

export interface TalkNotes {
  talkId: string;
  timeline: TimelineItem[];
  opinion: string;
}

export interface FreeSection {
  id: string;
  title: string;
  text: string;
  position: number;
}

export interface ExportInput {
  conference: Conference;
  /** In schedule order (the caller sorts). */
  talks: Talk[];
  /** By talk id; talks without an entry have no notes. */
  notes: Map<string, TalkNotes>;
  freeSections: FreeSection[];
  lang: Lang;
  /** Only talks with notes, photos or an opinion. */
  onlyWithNotes: boolean;
}

/** Gives the file name of a photo inside images/ (e.g. "xebicon-2019_01.jpg"). */
export type ImageName = (photoId: string) => string;

export interface Words {
  presentation: string;
  site: string;
  schedule: string;
  notes: string;
  opinion: string;
  slide: string;
  tocTitle: string;
}

export const WORDS: Record<Lang, Words> = {
  en: {
    presentation: 'Presentation',
    site: 'Website',
    schedule: 'Schedule',
    notes: 'Notes',
    opinion: 'Opinion',
    slide: 'Slide',
    tocTitle: 'Contents',
  },
  fr: {
    presentation: 'Présentation',
    site: 'Site',
    schedule: 'Schedule',
    notes: 'Notes',
    opinion: 'Avis',
    slide: 'Diapositive',
    tocTitle: 'Sommaire',
  },
};

function hasContent(notes: TalkNotes | undefined): boolean {
  if (!notes) return false;
  if (notes.opinion.trim()) return true;
  return notes.timeline.some((item) => item.kind === 'photo' || item.text.trim() !== '');
}

/** The talks the document shows, in order, with their notes (empty when none). */
export function documentTalks(input: ExportInput): { talk: Talk; notes: TalkNotes }[] {
  return input.talks
    .filter((talk) => !input.onlyWithNotes || hasContent(input.notes.get(talk.id)))
    .map((talk) => ({
      talk,
      notes: input.notes.get(talk.id) ?? { talkId: talk.id, timeline: [], opinion: '' },
    }));
}

/** What names a photo's image file: its id, type and, once the user cropped it, its tag. */
export interface ImageRef {
  id: string;
  type: string;
  imageTag?: string | undefined;
}

/** Photo ids in the order the document shows them. */
export function documentPhotos(input: ExportInput): ImageRef[] {
  const seen = new Set<string>();
  const out: ImageRef[] = [];
  for (const { notes } of documentTalks(input)) {
    for (const item of notes.timeline) {
      if (item.kind === 'photo' && !seen.has(item.id)) {
        seen.add(item.id);
        out.push({ id: item.id, type: item.type, imageTag: item.imageTag });
      }
    }
  }
  return out;
}

/**
 * Alt text longer than this is cut: a screen reader reads alt text in one go, without pauses,
 * and a slide can hold a page of words (the full text stays in confnotes.json).
 */
export const ALT_MAX = 250;

/**
 * A photo's alt text from its slide's words: one line, cut at a word before ALT_MAX characters
 * with an ellipsis. Empty when nothing was read, so the caller keeps its own.
 */
export function slideAlt(words: string | undefined): string {
  const chars = Array.from(oneLine(words));
  if (chars.length <= ALT_MAX) return chars.join('');
  // Room for the ellipsis; the cut falls between words unless one word fills it all.
  const head = chars.slice(0, ALT_MAX - 1).join('');
  const space = chars[ALT_MAX - 1] === ' ' ? head.length : head.lastIndexOf(' ');
  const kept = space > 0 ? head.slice(0, space) : head;
  return `${kept.replace(/[\s,;:.]+$/, '')}…`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function day(date: string, lang: Lang): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  return lang === 'fr' ? `${d}/${mo}/${y}` : `${Number(d)} ${MONTHS[Number(mo) - 1]} ${y}`;
}

/** "Le 28/11/2019, au palais Brogniart à Paris." as the seed says it, or its English form. */
export function dateVenueLine(conference: Conference, lang: Lang): string {
  const { startDate, endDate, venue } = conference;
  const parts: string[] = [];
  if (startDate) {
    const start = day(startDate, lang);
    const end = endDate && endDate !== startDate ? day(endDate, lang) : undefined;
    if (lang === 'fr') parts.push(end ? `Du ${start} au ${end}` : `Le ${start}`);
    else parts.push(end ? `From ${start} to ${end}` : `On ${start}`);
  }
  if (venue?.trim()) {
    const v = venue.trim();
    if (lang === 'fr') parts.push(parts.length ? `au ${v}` : `Au ${v}`);
    else parts.push(parts.length ? `at ${v}` : `At ${v}`);
  }
  return parts.length ? `${parts.join(', ')}.` : '';
}

/** A talk's speakers, one a line: "Name, Affiliation", each on one line whatever the file held. */
export function speakerLines(talk: Talk): string[] {
  return talk.speakers
    .map((s) => [oneLine(s.name), oneLine(s.affiliation)].filter(Boolean).join(', '))
    .filter(Boolean);
}

/** The conference's programme page: the one we were told, else the schedule URL we read. */
export function scheduleUrl(conference: Conference): string | undefined {
  return conference.programmeUrl ?? conference.source.url;
}

/** Only plain http(s) URLs become links (no space, control character, bracket or quote). */
export function isWebUrl(url: string | undefined): boolean {
  // eslint-disable-next-line no-control-regex
  return !!url && /^https?:\/\/[^\s\x00-\x1f\x7f<>[\]"]+$/i.test(url);
}
