// Reads frab/pentabarf `schedule.xml` (FOSDEM, CCC frab, pretalx, wafer/DebConf) with
// fast-xml-parser, which runs in Node and in a Web Worker (no DOMParser). Entities are decoded
// exactly once by the parser, so entity-escaped HTML abstracts come out as HTML markup strings.
// Shapes other than frab's own are read too: events right under <day> (pentabarf before 2013),
// <person> right under <event> (hand-made files), <person> holding a name element (c3voc 2015).

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildFrabSchedule, type FrabDayIn, type FrabEventIn } from './frab-common';
import { asArray, assignDefined, cleanBlock, cleanLine, idString, isRecord, isoDate } from './text';
import {
  ScheduleError,
  type ParsedConference,
  type ParsedLink,
  type ParsedSchedule,
  type ParsedSpeaker,
} from './types';
import { SCHEDULE_WORDS } from './words';

const ARRAY_TAGS = new Set(['day', 'event', 'person', 'link']);

function makeParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    // Keep every value a string: "0930", "1984" or "00:25" must not turn into numbers.
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    jPath: false,
    // Internal DTD entities are a classic denial-of-service vector; keep expansions bounded.
    processEntities: { maxEntityCount: 50, maxEntitySize: 1000, maxExpandedLength: 100_000 },
    // Numeric references (&#x27;) are only decoded with this on; it decodes in a single pass, so
    // FOSDEM's &amp;amp; becomes the HTML entity &amp;, never a bare &.
    htmlEntities: true,
    // <room> is a container under <day> but a plain text field inside <event>.
    isArray: (tag, _path, isLeaf) => ARRAY_TAGS.has(tag) || (tag === 'room' && !isLeaf),
  });
}

/** Text of an element that may have attributes (`{ '#text': …, '@_id': … }`). */
function text(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (isRecord(node)) return text(node['#text']);
  if (Array.isArray(node)) return text(node[0]);
  return undefined;
}

function attr(node: unknown, name: string): string | undefined {
  return isRecord(node) ? idString(node[`@_${name}`]) : undefined;
}

/**
 * A `<person>`'s name: its text (frab, pentabarf, pretalx), else a name element inside it (the
 * c3voc merged schedules of 2015 wrote `<person id="0"><full_public_name>…`).
 */
function personName(p: unknown): string | undefined {
  const own = cleanLine(text(p));
  if (own || !isRecord(p)) return own;
  return (
    cleanLine(text(p.full_public_name)) ?? cleanLine(text(p.public_name)) ?? cleanLine(text(p.name))
  );
}

/**
 * The event's speakers: `<persons><person>` as frab writes them, and `<person>` elements right
 * under `<event>` as hand-made files (site generators' templates) do; a name listed both ways
 * counts once.
 */
function persons(ev: Record<string, unknown>): ParsedSpeaker[] {
  const wrapped = isRecord(ev.persons) ? asArray(ev.persons.person) : [];
  const out: ParsedSpeaker[] = [];
  const seen = new Set<string>();
  for (const p of [...wrapped, ...asArray(ev.person)]) {
    const name = personName(p);
    if (name && !seen.has(name)) {
      seen.add(name);
      out.push({ name });
    }
  }
  return out;
}

function links(node: unknown): ParsedLink[] {
  const list = isRecord(node) ? asArray(node.link) : [];
  const out: ParsedLink[] = [];
  for (const l of list) {
    const url = attr(l, 'href');
    if (!url) continue;
    const title = cleanLine(text(l));
    out.push(title && title !== url ? { url, title } : { url });
  }
  return out;
}

function readEvent(ev: Record<string, unknown>, roomName: string | undefined): FrabEventIn {
  const field = (k: string) => cleanLine(text(ev[k]));
  return assignDefined<FrabEventIn>(
    { persons: persons(ev), links: links(ev.links) },
    {
      id: attr(ev, 'id'),
      guid: attr(ev, 'guid'),
      code: attr(ev, 'code'),
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
      abstract: cleanBlock(text(ev.abstract)),
      description: cleanBlock(text(ev.description)),
      url: field('url'),
    },
  );
}

function readDays(schedule: Record<string, unknown>): FrabDayIn[] {
  const days: FrabDayIn[] = [];
  for (const day of asArray(schedule.day)) {
    if (!isRecord(day)) continue;
    const events: FrabEventIn[] = [];
    for (const room of asArray(day.room)) {
      const roomName = cleanLine(attr(room, 'name'));
      const list = isRecord(room) ? asArray(room.event) : [];
      for (const ev of list) if (isRecord(ev)) events.push(readEvent(ev, roomName));
    }
    // Pentabarf before 2013 (FOSDEM 2007 to 2012) put events right under <day>, with no
    // <room name> around them: the room is only the event's own <room>.
    for (const ev of asArray(day.event)) if (isRecord(ev)) events.push(readEvent(ev, undefined));
    const date = isoDate(attr(day, 'date'));
    const start = attr(day, 'start');
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

function readConference(conf: Record<string, unknown>): ParsedConference {
  const c = (k: string) => cleanLine(text(conf[k]));
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
  // The parser itself shrugs off mismatched tags and would silently drop events; the
  // validator (a few ms for FOSDEM) catches them and knows the line.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ScheduleError('invalid', SCHEDULE_WORDS.xmlDamagedAt, { line: valid.err.line });
  }
  let doc: unknown;
  try {
    doc = makeParser().parse(xml);
  } catch {
    throw new ScheduleError('invalid', SCHEDULE_WORDS.xmlDamaged);
  }
  const schedule = isRecord(doc) ? doc.schedule : undefined;
  if (!isRecord(schedule)) {
    throw new ScheduleError('not-a-schedule', SCHEDULE_WORDS.notFrabXml);
  }
  const conf = isRecord(schedule.conference) ? schedule.conference : {};
  const zone = cleanLine(text(conf.time_zone_name));
  const dayChange = cleanLine(text(conf.day_change));
  return buildFrabSchedule(
    {
      conference: readConference(conf),
      days: readDays(schedule),
      ...(zone && { timeZoneName: zone }),
      ...(dayChange && { dayChange }),
    },
    'frab-xml',
  );
}
