// Reads frab/pentabarf `schedule.xml` (FOSDEM, CCC frab, pretalx, wafer/DebConf) with our own
// one-pass reader (xml-tree.ts), which runs in Node and in a Web Worker (no DOMParser); it reads
// and checks FOSDEM 2026 in under half the CPU time fast-xml-parser and its validator took.
// Entities are decoded exactly once, so entity-escaped HTML abstracts come out as HTML markup.
// Shapes other than frab's own are read too: events right under <day> (pentabarf before 2013),
// <person> right under <event> (hand-made files), <person> holding a name element (c3voc 2015).

import { buildFrabSchedule, type FrabDayIn, type FrabEventIn } from './frab-common';
import { assignDefined, cleanBlock, cleanLine, idString, isoDate } from './text';
import {
  ScheduleError,
  type ParsedConference,
  type ParsedLink,
  type ParsedSchedule,
  type ParsedSpeaker,
} from './types';
import { SCHEDULE_WORDS } from './words';
import { readXml, XmlSyntaxError, type XmlElement } from '../util/xml-tree';

type Fields = Map<string, XmlElement>;

/** Each child element by name, the first of a name when it repeats. */
function fieldsOf(el: XmlElement | undefined): Fields {
  const out: Fields = new Map();
  for (const c of el?.children ?? []) if (!out.has(c.name)) out.set(c.name, c);
  return out;
}

const named = (el: XmlElement | undefined, name: string) =>
  el ? el.children.filter((c) => c.name === name) : [];

/**
 * A `<person>`'s name: its text (frab, pentabarf, pretalx), else a name element inside it (the
 * c3voc merged schedules of 2015 wrote `<person id="0"><full_public_name>…`).
 */
function personName(p: XmlElement): string | undefined {
  const own = cleanLine(p.text);
  if (own) return own;
  const f = fieldsOf(p);
  return (
    cleanLine(f.get('full_public_name')?.text) ??
    cleanLine(f.get('public_name')?.text) ??
    cleanLine(f.get('name')?.text)
  );
}

/**
 * The event's speakers: `<persons><person>` as frab writes them, and `<person>` elements right
 * under `<event>` as hand-made files (site generators' templates) do; a name listed both ways
 * counts once.
 */
function persons(ev: XmlElement, f: Fields): ParsedSpeaker[] {
  const out: ParsedSpeaker[] = [];
  const seen = new Set<string>();
  for (const p of [...named(f.get('persons'), 'person'), ...named(ev, 'person')]) {
    const name = personName(p);
    if (name && !seen.has(name)) {
      seen.add(name);
      out.push({ name });
    }
  }
  return out;
}

function links(node: XmlElement | undefined): ParsedLink[] {
  const out: ParsedLink[] = [];
  for (const l of named(node, 'link')) {
    const url = idString(l.attrs.href);
    if (!url) continue;
    const title = cleanLine(l.text);
    out.push(title && title !== url ? { url, title } : { url });
  }
  return out;
}

function readEvent(ev: XmlElement, roomName: string | undefined): FrabEventIn {
  const f = fieldsOf(ev);
  const field = (k: string) => cleanLine(f.get(k)?.text);
  return assignDefined<FrabEventIn>(
    { persons: persons(ev, f), links: links(f.get('links')) },
    {
      id: idString(ev.attrs.id),
      guid: idString(ev.attrs.guid),
      code: idString(ev.attrs.code),
      slug: field('slug'),
      date: field('date'),
      start: field('start'),
      duration: field('duration'),
      room: field('room') ?? roomName,
      title: field('title'),
      subtitle: field('subtitle'),
      type: field('type'),
      track: field('track'),
      language: field('language'),
      abstract: cleanBlock(f.get('abstract')?.text),
      description: cleanBlock(f.get('description')?.text),
      url: field('url'),
    },
  );
}

function readDays(schedule: XmlElement): FrabDayIn[] {
  const days: FrabDayIn[] = [];
  for (const day of named(schedule, 'day')) {
    const events: FrabEventIn[] = [];
    for (const room of named(day, 'room')) {
      const roomName = cleanLine(room.attrs.name);
      for (const ev of named(room, 'event')) events.push(readEvent(ev, roomName));
    }
    // Pentabarf before 2013 (FOSDEM 2007 to 2012) put events right under <day>, with no
    // <room name> around them: the room is only the event's own <room>.
    for (const ev of named(day, 'event')) events.push(readEvent(ev, undefined));
    const date = isoDate(day.attrs.date);
    const start = idString(day.attrs.start);
    days.push({ events, ...(date && { date }), ...(start && { start }) });
  }
  return days;
}

/** True when the document stops before `</schedule>` (a cut-off download). */
export function xmlLooksTruncated(xml: string): boolean {
  let tail = xml.slice(-4096).trimEnd();
  while (tail.endsWith('-->')) {
    const open = tail.lastIndexOf('<!--');
    if (open < 0) break;
    tail = tail.slice(0, open).trimEnd();
  }
  return !/<\/schedule\s*>$/.test(tail);
}

function readConference(conf: Fields): ParsedConference {
  const c = (k: string) => cleanLine(conf.get(k)?.text);
  const venue = c('venue');
  const city = c('city');
  return assignDefined<ParsedConference>(
    { title: c('title') ?? c('acronym') ?? 'Imported schedule' },
    {
      venue: venue && city && !venue.includes(city) ? `${venue}, ${city}` : (venue ?? city),
      startDate: isoDate(c('start')),
      endDate: isoDate(c('end')),
      url: c('url') ?? c('base_url'),
    },
  );
}

export function parseFrabXml(xml: string): ParsedSchedule {
  if (xmlLooksTruncated(xml)) {
    throw new ScheduleError('truncated', SCHEDULE_WORDS.truncated);
  }
  let root: XmlElement;
  try {
    root = readXml(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError) {
      throw new ScheduleError('invalid', SCHEDULE_WORDS.xmlDamagedAt, { line: e.line });
    }
    throw e;
  }
  if (root.name !== 'schedule') {
    throw new ScheduleError('not-a-schedule', SCHEDULE_WORDS.notFrabXml);
  }
  const conf = fieldsOf(fieldsOf(root).get('conference'));
  const zone = cleanLine(conf.get('time_zone_name')?.text);
  const dayChange = cleanLine(conf.get('day_change')?.text);
  return buildFrabSchedule(
    {
      conference: readConference(conf),
      days: readDays(root),
      ...(zone && { timeZoneName: zone }),
      ...(dayChange && { dayChange }),
    },
    'frab-xml',
  );
}
