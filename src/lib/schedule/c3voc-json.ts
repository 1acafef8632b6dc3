// Reads c3voc "schedule 2" JSON (voc/schedule schema2.json, what the CCC hub serves from 38C3
// on): one flat `events` list whose rooms and tracks point into the conference's own lists, with
// participants named on each event and described in `persons`, and times as instants with their
// UTC offset. The schema changed under its users (room and track were names, then references;
// types were lower case, then upper case), so every shape it has had is read.

import {
  addMinutesLocal,
  isValidTimeZone,
  parseDuration,
  utcToZonedWall,
  zonedWallToUtc,
} from '../util/time';
import { parseDateTime } from './frab-time';
import { dropImpossibleTimes, readTimes, type TalkTimes } from './sane-time';
import {
  asArray,
  assignDefined,
  cleanBlock,
  cleanLine,
  dateRange,
  ensureUniqueKeys,
  idString,
  isRecord,
  isoDate,
} from './text';
import {
  ScheduleError,
  type ParsedConference,
  type ParsedLink,
  type ParsedSchedule,
  type ParsedSpeaker,
  type ParsedTalk,
} from './types';
import {
  SCHEDULE_WARNINGS as W,
  SCHEDULE_WORDS,
  countWarning,
  warning,
  type ScheduleWarning,
} from './words';

type Json = Record<string, unknown>;

/** frab's schedule.json has rooms under each day; schedule 2 has none there. */
function daysHoldRooms(conference: unknown): boolean {
  if (!isRecord(conference)) return false;
  return asArray(conference.days).some(
    (d) => isRecord(d) && isRecord(d.rooms) && Object.keys(d.rooms).length > 0,
  );
}

/**
 * True for `{ schedule: { events: [...] } }`. A file that also lists events the frab way, under
 * days and rooms, is read as frab unless its flat list has events of its own.
 */
export function isC3vocJson(v: unknown): boolean {
  if (!isRecord(v) || !isRecord(v.schedule) || !Array.isArray(v.schedule.events)) return false;
  return v.schedule.events.length > 0 || !daysHoldRooms(v.schedule.conference);
}

/** `LIGHTNING_TALK`, `hands-on` → `Lightning talk`, `Hands-on`; free text stays as written. */
function humanise(s: string | undefined): string | undefined {
  if (!s || !/^[A-Za-z]+(?:[_-][A-Za-z]+)*$/.test(s)) return s;
  if (s !== s.toUpperCase() && s !== s.toLowerCase()) return s;
  const words = s.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A LocalizableString: text, or `{ "en": …, "de": … }` read in the first language present. */
function localised(v: unknown, languages: string[]): string | undefined {
  if (!isRecord(v)) return cleanBlock(v);
  for (const lang of languages) {
    const text = cleanBlock(v[lang]);
    if (text) return text;
  }
  for (const text of Object.values(v)) if (cleanBlock(text)) return cleanBlock(text);
  return undefined;
}

/** Names by guid and by slug, from the conference's `rooms` or `tracks` (or the `persons`). */
function namesOf(list: unknown): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of asArray(list)) {
    if (!isRecord(item)) continue;
    const name = cleanLine(item.name);
    if (!name) continue;
    for (const k of [idString(item.guid)?.toLowerCase(), cleanLine(item.slug)]) {
      if (k && !names.has(k)) names.set(k, name);
    }
  }
  return names;
}

/** A room or a track: a name, or a reference `{ guid, slug, name? }` into the conference. */
function refName(v: unknown, names: Map<string, string>): string | undefined {
  if (!isRecord(v)) return cleanLine(v);
  const guid = idString(v.guid)?.toLowerCase();
  const slug = cleanLine(v.slug);
  return (
    cleanLine(v.name) ??
    (guid ? names.get(guid) : undefined) ??
    (slug ? names.get(slug) : undefined) ??
    slug
  );
}

function affiliationOf(p: Json): string | undefined {
  return cleanLine(p.affiliation) ?? cleanLine(p.organization) ?? cleanLine(p.organisation);
}

/** `participants` (schedule 2), else frab-style `persons`; names missing there come by guid. */
function speakers(ev: Json, people: Map<string, Json>): ParsedSpeaker[] {
  const list = Array.isArray(ev.participants) ? ev.participants : asArray(ev.persons);
  const out: ParsedSpeaker[] = [];
  const seen = new Set<string>();
  for (const p of list) {
    const own: Json = isRecord(p) ? p : { name: p };
    const guid = idString(own.guid)?.toLowerCase();
    const known = guid ? people.get(guid) : undefined;
    const name =
      cleanLine(own.name) ??
      cleanLine(own.public_name) ??
      cleanLine(own.full_public_name) ??
      (known && cleanLine(known.name));
    if (!name || seen.has(guid ?? name)) continue;
    seen.add(guid ?? name);
    const affiliation = affiliationOf(own) ?? (known && affiliationOf(known));
    out.push(affiliation ? { name, affiliation } : { name });
  }
  return out;
}

/** `links` then `attachments` (slides); an untitled one is named by its type ("Feedback"). */
function links(ev: Json): ParsedLink[] {
  const out: ParsedLink[] = [];
  for (const l of [...asArray(ev.links), ...asArray(ev.attachments)]) {
    // A number is no address: only text is taken for one.
    const raw = isRecord(l) ? l.url : l;
    const url = typeof raw === 'string' ? cleanLine(raw) : undefined;
    if (!url) continue;
    const title = isRecord(l) ? (cleanLine(l.title) ?? humanise(cleanLine(l.type))) : undefined;
    out.push(title && title !== url ? { url, title } : { url });
  }
  return out;
}

/**
 * One instant of the file in the conference's clock. An offset makes it exact; with no zone
 * named, a non-zero offset's own clock is the local one, but `Z` or +00:00 says nothing about
 * the local clock, so only the instant is kept (the importer shows it in the zone chosen).
 */
function placed(v: unknown, zone: string | undefined): { local?: string; utc?: number } {
  const parts = parseDateTime(cleanLine(v) ?? '');
  if (!parts) return {};
  if (parts.offsetMin === undefined) {
    return zone
      ? { local: parts.wall, utc: zonedWallToUtc(parts.wall, zone) }
      : { local: parts.wall };
  }
  const utc = Date.parse(`${parts.wall}:00Z`) - parts.offsetMin * 60_000;
  if (zone) return { local: utcToZonedWall(utc, zone), utc };
  return parts.offsetMin === 0 ? { utc } : { local: parts.wall, utc };
}

function timesOf(ev: Json, zone: string | undefined): TalkTimes {
  const start = placed(ev.start, zone);
  let end = placed(ev.end, zone);
  const minutes = parseDuration(cleanLine(ev.duration));
  if (end.local === undefined && end.utc === undefined && minutes !== undefined) {
    // `duration` is deprecated in favour of `end`, which wins when both are there.
    const utc = start.utc === undefined ? undefined : start.utc + minutes * 60_000;
    const local =
      zone && utc !== undefined
        ? utcToZonedWall(utc, zone)
        : start.local && addMinutesLocal(start.local, minutes);
    end = { ...(local && { local }), ...(utc !== undefined && { utc }) };
  }
  const before =
    start.utc !== undefined && end.utc !== undefined
      ? end.utc < start.utc
      : !!(start.local && end.local && end.local < start.local);
  if (before) end = {};
  return { startLocal: start.local, endLocal: end.local, startUtc: start.utc, endUtc: end.utc };
}

/** States in which an event will not take place (schema2 `Event.state`). */
const GONE = new Set(['CANCELED', 'CANCELLED', 'WITHDRAWN', 'DELETED', 'REJECTED']);

export function parseC3vocJson(doc: unknown): ParsedSchedule {
  if (!isC3vocJson(doc) || !isRecord(doc) || !isRecord(doc.schedule)) {
    throw new ScheduleError('not-a-schedule', SCHEDULE_WORDS.notFrabJson);
  }
  const schedule = doc.schedule;
  const conf = isRecord(schedule.conference) ? schedule.conference : {};
  const warnings: ScheduleWarning[] = [];
  const zoneName = cleanLine(conf.time_zone_name);
  const zone = isValidTimeZone(zoneName) ? zoneName : undefined;
  if (zoneName && !zone) warnings.push(warning(W.unknownZone, { zone: zoneName }));
  const defaults = isRecord(conf.defaults) ? conf.defaults : {};
  const confLanguages = [cleanLine(defaults.language), ...asArray(conf.languages).map(cleanLine)];
  const rooms = namesOf(conf.rooms);
  const tracks = namesOf(conf.tracks);
  const people = new Map<string, Json>();
  for (const p of asArray(schedule.persons)) {
    const guid = isRecord(p) ? idString(p.guid)?.toLowerCase() : undefined;
    if (guid && isRecord(p)) people.set(guid, p);
  }

  const talks: ParsedTalk[] = [];
  let impossible = 0;
  let gone = 0;
  for (const ev of asArray(schedule.events)) {
    if (!isRecord(ev)) continue;
    if (GONE.has(cleanLine(ev.state)?.toUpperCase() ?? '')) {
      gone++;
      continue;
    }
    const language = cleanLine(ev.language);
    const languages = [language, ...confLanguages, 'en'].filter((l): l is string => !!l);
    // Date code throws on dates past what Date can hold: that event loses its times, not the file.
    const read = readTimes(() => timesOf(ev, zone));
    const times = read ?? {};
    if (!read || dropImpossibleTimes(times)) impossible++;
    const room = refName(ev.room, rooms);
    const guid = idString(ev.guid)?.toLowerCase();
    const key =
      guid ??
      cleanLine(ev.code) ??
      cleanLine(ev.slug) ??
      `${idString(ev.id) ?? ''}@${room ?? ''}@${cleanLine(ev.start) ?? ''}`;
    const abstract = localised(ev.abstract, languages);
    const description = localised(ev.description, languages);
    const talk: ParsedTalk = {
      sourceKey: key,
      title: cleanLine(ev.title) ?? 'Untitled',
      speakers: speakers(ev, people),
      links: links(ev),
    };
    talks.push(
      assignDefined(talk, {
        subtitle: cleanLine(ev.subtitle),
        type: humanise(cleanLine(ev.type)),
        track: refName(ev.track, tracks),
        language,
        abstract: abstract ?? description,
        description: abstract ? description : undefined,
        room,
        ...times,
        rawStart: cleanLine(ev.start),
        rawDuration: cleanLine(ev.duration),
        url: cleanLine(ev.url),
      }),
    );
  }

  if (gone > 0) warnings.push(countWarning(gone, W.cancelledOne, W.cancelled));
  if (impossible > 0) {
    warnings.push(countWarning(impossible, W.impossibleTimeOne, W.impossibleTime));
  }
  if (!zone) {
    if (talks.some((t) => t.startUtc !== undefined && !t.startLocal)) {
      warnings.push(warning(W.utcNoZoneSchedule));
    } else if (talks.some((t) => t.startLocal && t.startUtc === undefined)) {
      warnings.push(warning(W.noZone));
    } else if (talks.some((t) => t.startUtc !== undefined)) {
      warnings.push(warning(W.offsetsNoZoneName));
    }
  }
  const dupes = ensureUniqueKeys(talks);
  if (dupes > 0) warnings.push(countWarning(dupes, W.talkIdReusedOne, W.talkIdReused));
  return {
    format: 'c3voc-json',
    conference: conferenceOf(schedule, conf, zone, talks),
    talks,
    warnings,
  };
}

/** The conference's first and last day in its own clock, from its start and end instants. */
function conferenceDate(v: unknown, zone: string | undefined): string | undefined {
  const day = readTimes(() => {
    const at = placed(v, zone);
    return at.local?.slice(0, 10) ?? (at.utc === undefined ? undefined : isoDate(cleanLine(v)));
  });
  return isoDate(day);
}

function conferenceOf(
  schedule: Json,
  conf: Json,
  zone: string | undefined,
  talks: ParsedTalk[],
): ParsedConference {
  const range = dateRange(talks);
  return assignDefined<ParsedConference>(
    { title: cleanLine(conf.title) ?? cleanLine(conf.acronym) ?? 'Imported schedule' },
    {
      timeZone: zone,
      startDate: conferenceDate(conf.start, zone) ?? range.startDate,
      endDate: conferenceDate(conf.end, zone) ?? range.endDate,
      venue: cleanLine(conf.venue) ?? cleanLine(conf.city),
      url: cleanLine(conf.url) ?? cleanLine(schedule.base_url),
    },
  );
}
