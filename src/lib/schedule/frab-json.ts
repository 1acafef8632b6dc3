// Reads frab / c3voc `schedule.json` (also what pretalx exports): conference → days → rooms
// (an object keyed by room name) → events. Persons use `public_name`, `name` or
// `full_public_name` depending on the generator and its age.

import { buildFrabSchedule, type FrabDayIn, type FrabEventIn } from './frab-common';
import {
  asArray,
  asString,
  assignDefined,
  cleanBlock,
  cleanLine,
  idString,
  isRecord,
  isoDate,
} from './text';
import { ScheduleError, type ParsedLink, type ParsedSchedule, type ParsedSpeaker } from './types';
import { SCHEDULE_WORDS } from './words';

/** True when the value has the shape `{ schedule: { conference: { days } } }`. */
export function isFrabJson(v: unknown): boolean {
  return (
    isRecord(v) &&
    isRecord(v.schedule) &&
    isRecord(v.schedule.conference) &&
    Array.isArray(v.schedule.conference.days)
  );
}

function persons(list: unknown): ParsedSpeaker[] {
  const out: ParsedSpeaker[] = [];
  for (const p of asArray(list)) {
    if (typeof p === 'string') {
      const name = cleanLine(p);
      if (name) out.push({ name });
      continue;
    }
    if (!isRecord(p)) continue;
    const name = cleanLine(p.public_name) ?? cleanLine(p.name) ?? cleanLine(p.full_public_name);
    if (!name) continue;
    const affiliation =
      cleanLine(p.affiliation) ?? cleanLine(p.organization) ?? cleanLine(p.organisation);
    out.push(affiliation ? { name, affiliation } : { name });
  }
  return out;
}

function links(list: unknown): ParsedLink[] {
  const out: ParsedLink[] = [];
  for (const l of asArray(list)) {
    const url = isRecord(l) ? (cleanLine(l.url) ?? cleanLine(l.href)) : cleanLine(l);
    if (!url) continue;
    const title = isRecord(l) ? cleanLine(l.title) : undefined;
    out.push(title && title !== url ? { url, title } : { url });
  }
  return out;
}

function readEvent(ev: Record<string, unknown>, roomName: string): FrabEventIn {
  return assignDefined<FrabEventIn>(
    { persons: persons(ev.persons), links: links(ev.links) },
    {
      id: idString(ev.id),
      guid: cleanLine(ev.guid),
      code: cleanLine(ev.code),
      slug: cleanLine(ev.slug),
      date: cleanLine(ev.date),
      start: cleanLine(ev.start),
      duration: cleanLine(ev.duration),
      room: cleanLine(ev.room) ?? cleanLine(roomName),
      title: cleanLine(ev.title),
      subtitle: cleanLine(ev.subtitle),
      type: cleanLine(ev.type),
      track: cleanLine(ev.track),
      language: cleanLine(ev.language),
      abstract: cleanBlock(ev.abstract),
      description: cleanBlock(ev.description),
      url: cleanLine(ev.url),
    },
  );
}

export function parseFrabJson(doc: unknown): ParsedSchedule {
  if (!isFrabJson(doc) || !isRecord(doc) || !isRecord(doc.schedule)) {
    throw new ScheduleError('not-a-schedule', SCHEDULE_WORDS.notFrabJson);
  }
  const schedule = doc.schedule;
  const conf = isRecord(schedule.conference) ? schedule.conference : {};
  const days: FrabDayIn[] = [];
  for (const day of asArray(conf.days)) {
    if (!isRecord(day)) continue;
    const events: FrabEventIn[] = [];
    const rooms = isRecord(day.rooms) ? day.rooms : {};
    for (const [roomName, list] of Object.entries(rooms)) {
      for (const ev of asArray(list)) if (isRecord(ev)) events.push(readEvent(ev, roomName));
    }
    const date = isoDate(day.date);
    const start = asString(day.day_start);
    days.push({ events, ...(date && { date }), ...(start && { start }) });
  }
  const url = cleanLine(conf.url) ?? cleanLine(schedule.base_url) ?? cleanLine(conf.base_url);
  const venue = cleanLine(conf.venue) ?? cleanLine(conf.city);
  const conference = {
    title: cleanLine(conf.title) ?? cleanLine(conf.acronym) ?? 'Imported schedule',
    ...(isoDate(conf.start) && { startDate: isoDate(conf.start) }),
    ...(isoDate(conf.end) && { endDate: isoDate(conf.end) }),
    ...(venue && { venue }),
    ...(url && { url }),
  };
  const zone = cleanLine(conf.time_zone_name);
  const dayChange = cleanLine(conf.day_change);
  return buildFrabSchedule(
    {
      conference,
      days,
      ...(zone && { timeZoneName: zone }),
      ...(dayChange && { dayChange }),
    },
    'frab-json',
  );
}
