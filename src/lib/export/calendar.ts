// The starred talks of a conference as one iCalendar file (RFC 5545) for the phone's own
// calendar, which can remind the user when a web app cannot wake the phone: a VEVENT per talk
// with a time, in the conference's zone (with its VTIMEZONE), and a reminder before it.
// Pure text: the screens load this module only when the user asks for the file.
import type { Conference, Talk } from '../model/types';
import { compareTalks } from '../schedule/agenda';
import { zoneOffsetMs } from '../util/time';
import { isWebUrl, speakerLines } from './model';
import { abstractParagraphs, oneLine } from './notes-lite';
import { slugify } from './slug';
import { basicDateTime, observances, utcOffset } from './vtimezone';

/** Octets a content line may hold before it is folded (RFC 5545 3.1), its CRLF not counted. */
export const LINE_OCTETS = 75;

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text iCalendar can carry: line breaks of any kind become one LF (TEXT has an escape for the
 * newline and none for CR), other control characters but the tab go (no TEXT may hold them),
 * and half a surrogate pair becomes U+FFFD, as the UTF-8 encoder would write it.
 */
function carriable(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(LONE_SURROGATE, '\ufffd');
}

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped. */
export function escapeText(text: string): string {
  return carriable(text).replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** A parameter value: quoted when it holds `:`, `;` or `,`, which a quote cannot be part of. */
function paramValue(text: string): string {
  const value = carriable(text).replace(/[\n"]/g, '');
  return /[:;,]/.test(value) ? `"${value}"` : value;
}

function octets(unit: string): number {
  let n = 0;
  for (const c of unit) {
    const cp = c.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * One content line folded (RFC 5545 3.1): CRLF and a space before every stretch that would take
 * a line past 75 octets. A fold falls only between characters, never inside one's UTF-8 bytes,
 * nor inside an escape such as `\n`, which lenient readers could otherwise misread.
 */
export function foldLine(line: string): string {
  let out = '';
  let width = 0;
  for (const [unit] of line.matchAll(/\\[^]|[^]/gu)) {
    const size = octets(unit);
    if (width + size > LINE_OCTETS) {
      out += '\r\n ';
      width = 1;
    }
    out += unit;
    width += size;
  }
  return out;
}

/**
 * A UID that stays the talk's across exports, so a calendar updates the event it already has:
 * the talk's id (which schedule refreshes keep) and the conference's, under a domain reserved
 * for no one (RFC 2606), so it can never clash with another producer's UIDs.
 */
export function eventUid(conference: Pick<Conference, 'id'>, talk: Pick<Talk, 'id'>): string {
  return `${talk.id}.${conference.id}@confnotes.invalid`;
}

/** `<conference-slug>-agenda.ics`. */
export function calendarFileName(conference: Pick<Conference, 'title'>): string {
  return `${slugify(conference.title)}-agenda.ics`;
}

/** Markdown's links, strong and code marks and heading signs, out of a line of an abstract. */
function plainLine(line: string): string {
  return line
    .replace(/^#{1,6}\s+/, '')
    .replace(/!?\[([^\]\n]+)\]\((https?:\/\/[^\s()]+)\)/g, (_, text: string, url: string) =>
      text === url ? url : `${text} (${url})`,
    )
    .replace(/(\*\*|__)(?=\S)(.+?\S)\1/g, '$2')
    .replace(/`([^`\n]+)`/g, '$1');
}

/** Speakers, one a line; then the abstract as plain paragraphs; then the programme page. */
function description(talk: Talk, url: string | undefined): string {
  const parts = [
    [oneLine(talk.subtitle), ...speakerLines(talk)].filter(Boolean).join('\n'),
    ...abstractParagraphs(talk.abstract).map((lines) => lines.map(plainLine).join('\n')),
    url ?? '',
  ];
  return parts.filter(Boolean).join('\n\n');
}

export interface CalendarOptions {
  /** The export's time, for DTSTAMP and SEQUENCE. */
  now: number;
  /** Minutes before each talk at which the calendar reminds the user. */
  alarmMinutes: number;
}

export interface AgendaCalendar {
  /** The .ics text, CRLF line ends, folded. */
  text: string;
  /** Talks written as events. */
  events: number;
  /** Talks left out because the schedule gives them no time. */
  untimed: number;
}

const DAY = 86_400_000;

/** Whether the zone's clock shows the instant's wall time twice (an hour the clocks repeat). */
function repeated(ms: number, zone: string): boolean {
  const wall = ms + zoneOffsetMs(ms, zone);
  const offsets = new Set([-DAY, 0, DAY].map((d) => zoneOffsetMs(ms + d, zone)));
  return [...offsets].filter((off) => zoneOffsetMs(wall - off, zone) === off).length > 1;
}

/**
 * A DATE-TIME on the zone's clock; in UTC when that clock shows it twice. RFC 5545 (3.3.5) reads
 * a repeated wall time as its first pass, but readers disagree (ical.js takes the second), and a
 * UTC time cannot be misread.
 */
function dateTime(name: string, ms: number, zone: string, tzid: string): string {
  if (repeated(ms, zone)) return `${name}:${basicDateTime(ms)}Z`;
  return `${name};TZID=${tzid}:${basicDateTime(ms + zoneOffsetMs(ms, zone))}`;
}

function event(
  conference: Conference,
  talk: Talk & { startUtc: number },
  opts: CalendarOptions,
  tzid: string,
): string[] {
  const zone = conference.timeZone;
  const url = [talk.url].find(isWebUrl);
  const summary = oneLine(talk.title);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${eventUid(conference, talk)}`,
    `DTSTAMP:${basicDateTime(opts.now)}Z`,
    // Each export is a newer revision: calendars that compare sequence numbers take the update.
    `SEQUENCE:${Math.max(0, Math.floor(opts.now / 60_000))}`,
    dateTime('DTSTART', talk.startUtc, zone, tzid),
  ];
  // No end in the schedule: no DTEND, and the event ends as it starts (RFC 5545 3.6.1).
  if (talk.endUtc !== undefined && talk.endUtc > talk.startUtc)
    lines.push(dateTime('DTEND', talk.endUtc, zone, tzid));
  lines.push(`SUMMARY:${escapeText(summary)}`);
  if (talk.room?.trim()) lines.push(`LOCATION:${escapeText(oneLine(talk.room))}`);
  if (url) lines.push(`URL:${url}`);
  const text = description(talk, url);
  if (text) lines.push(`DESCRIPTION:${escapeText(text)}`);
  if (talk.removedFromSchedule) {
    // Gone from the schedule: a calendar that has the event marks it cancelled, and no reminder.
    lines.push('STATUS:CANCELLED');
  } else {
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(summary)}`,
      `TRIGGER:-PT${Math.max(0, Math.round(opts.alarmMinutes))}M`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

/** The zone's definition; its TZID is the one the events name (quoted there if need be). */
function vtimezone(zone: string, first: number, last: number): string[] {
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${escapeText(zone)}`,
    ...observances(zone, first, last).flatMap((o) => [
      `BEGIN:${o.kind}`,
      `DTSTART:${o.start}`,
      `TZOFFSETFROM:${utcOffset(o.from)}`,
      `TZOFFSETTO:${utcOffset(o.to)}`,
      `END:${o.kind}`,
    ]),
    'END:VTIMEZONE',
  ];
}

/**
 * The calendar of the given talks (the starred ones) of a conference. Talks without a start
 * are left out and counted; the same talk given twice is written once.
 */
export function agendaCalendar(
  conference: Conference,
  talks: Talk[],
  opts: CalendarOptions,
): AgendaCalendar {
  const unique = [...new Map(talks.map((t) => [t.id, t])).values()].sort(compareTalks);
  const timed = unique.filter((t): t is Talk & { startUtc: number } => t.startUtc !== undefined);
  const zone = conference.timeZone;
  const tzid = paramValue(zone);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Confnotes//Agenda//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (timed.length) {
    const instants = timed.flatMap((t) => [t.startUtc, t.endUtc ?? t.startUtc]);
    lines.push(...vtimezone(zone, Math.min(...instants), Math.max(...instants)));
    for (const talk of timed) lines.push(...event(conference, talk, opts, tzid));
  }
  lines.push('END:VCALENDAR');
  return {
    text: lines.map((l) => `${foldLine(l)}\r\n`).join(''),
    events: timed.length,
    untimed: unique.length - timed.length,
  };
}
