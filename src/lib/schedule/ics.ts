// Turns an unfolded, decoded iCalendar text into a ParsedSchedule: UTC, TZID and floating
// times, missing DTEND, speakers hidden in SUMMARY/ATTENDEE/DESCRIPTION, and stable keys
// when UIDs collide or are regenerated on every build.

import { formatUtcWall, isValidTimeZone, parseDuration } from '../util/time';
import { readCalendar, unescapeText, type IcsProp } from './ics-lines';
import { endFrom, readTime, resolveTzid, type IcsTime } from './ics-time';
import { dropImpossibleTimes, readTimes } from './sane-time';
import {
  fileUsesDashNames,
  speakersFromDescription,
  splitByDash,
  splitByPattern,
} from './ics-speakers';
import {
  assignDefined,
  cleanBlock,
  cleanLine,
  dateRange,
  ensureUniqueKeys,
  titleFromFileName,
} from './text';
import { ScheduleError, type ParsedSchedule, type ParsedSpeaker, type ParsedTalk } from './types';
import {
  SCHEDULE_WARNINGS as W,
  SCHEDULE_WORDS,
  countWarning,
  warning,
  type ScheduleWarning,
} from './words';

const first = (ev: IcsProp[], name: string) => ev.find((p) => p.name === name);
const textOf = (ev: IcsProp[], name: string) => {
  const p = first(ev, name);
  return p ? unescapeText(p.value) : undefined;
};

/** Build tools like vobject stamp `20150919T102825Z-31048@host`: same stamp = same build. */
function uidsAreBuildStamps(uids: string[]): boolean {
  if (uids.length < 2) return false;
  const stamp = /^(\d{8}T\d{6}Z?)-\d+@/.exec(uids[0] ?? '')?.[1];
  return !!stamp && uids.every((u) => u.startsWith(`${stamp}-`));
}

function calendarZone(props: IcsProp[], events: IcsProp[][]): string | undefined {
  const wr = props.find((p) => p.name === 'X-WR-TIMEZONE')?.value.trim();
  if (wr && isValidTimeZone(wr)) return wr;
  const zones = new Set<string>();
  for (const ev of events) {
    const tzid = first(ev, 'DTSTART')?.params.TZID;
    if (tzid) zones.add(resolveTzid(tzid) ?? '');
  }
  const [only] = zones;
  return zones.size === 1 && only ? only : undefined;
}

interface EventContext {
  zone: string | undefined;
  dashNames: boolean;
  uid: string;
  summary: string;
}

interface EventTalk {
  talk: ParsedTalk;
  start: IcsTime;
  /** A time in the event could not be right and was left out. */
  impossible: boolean;
}

function eventToTalk(ev: IcsProp[], ctx: EventContext): EventTalk {
  const split =
    splitByPattern(ctx.summary) ?? (ctx.dashNames ? splitByDash(ctx.summary) : undefined);
  const dtEnd = first(ev, 'DTEND');
  const rawDuration = cleanLine(first(ev, 'DURATION')?.value);
  const read = readTimes(() => {
    const start = readTime(first(ev, 'DTSTART'), ctx.zone);
    const end = dtEnd
      ? readTime(dtEnd, ctx.zone)
      : endFrom(start, parseDuration(rawDuration), ctx.zone);
    return { start, end };
  });
  const { start, end }: { start: IcsTime; end: IcsTime } = read ?? { start: {}, end: {} };
  const times = {
    startLocal: start.local,
    endLocal: end.local,
    startUtc: start.utc,
    endUtc: end.utc,
  };
  const impossible = !read || dropImpossibleTimes(times);
  const url = cleanLine(textOf(ev, 'URL'));
  let abstract = cleanBlock(textOf(ev, 'DESCRIPTION'));
  if (abstract === url) abstract = undefined;
  // An ATTENDEE's CN is one person ("Doe, Jane" included), so it is never split.
  let speakers: ParsedSpeaker[] = ev.flatMap((p) => {
    const name = p.name === 'ATTENDEE' ? cleanLine(p.params.CN) : undefined;
    return name ? [{ name }] : [];
  });
  if (speakers.length === 0 && split) speakers = split.speakers;
  const fromDesc = abstract ? speakersFromDescription(abstract) : undefined;
  if (fromDesc) {
    if (speakers.length === 0) speakers = fromDesc.speakers;
    abstract = cleanBlock(fromDesc.rest);
  }
  const talk: ParsedTalk = {
    sourceKey: ctx.uid,
    title: split?.title || ctx.summary || 'Untitled',
    speakers,
    links: [],
  };
  assignDefined(talk, {
    type: split?.type,
    track: cleanLine(textOf(ev, 'CATEGORIES')?.split(',').join(', ')),
    abstract,
    room: cleanLine(textOf(ev, 'LOCATION')),
    ...times,
    rawStart: cleanLine(first(ev, 'DTSTART')?.value),
    rawDuration,
    url,
  });
  return { talk, start, impossible };
}

export function parseIcs(text: string, fileName?: string): ParsedSchedule {
  const cal = readCalendar(text);
  if (!cal.complete) {
    throw new ScheduleError('truncated', SCHEDULE_WORDS.truncatedCalendar);
  }
  const zone = calendarZone(cal.props, cal.events);
  let cancelled = 0;
  let empty = 0;
  const live = cal.events.filter((ev) => {
    if (first(ev, 'STATUS')?.value.trim().toUpperCase() === 'CANCELLED') return !++cancelled;
    // Slots with no title, description or link (PyCon UK 2015 has four) are empty grid cells.
    const blank = !['SUMMARY', 'DESCRIPTION', 'URL'].some((n) => cleanLine(textOf(ev, n)));
    return blank ? !++empty : true;
  });
  const summaries = live.map((ev) => cleanLine(textOf(ev, 'SUMMARY')) ?? '');
  const dashNames = !summaries.some((s) => splitByPattern(s)) && fileUsesDashNames(summaries);
  const uids = live.map((ev) => cleanLine(first(ev, 'UID')?.value) ?? '');
  const talks: ParsedTalk[] = [];
  const unknownZones = new Set<string>();
  let allDay = 0;
  let impossible = 0;
  live.forEach((ev, i) => {
    const ctx = { zone, dashNames, uid: uids[i] ?? '', summary: summaries[i] ?? '' };
    const { talk, start, impossible: bad } = eventToTalk(ev, ctx);
    if (start.unknownZone) unknownZones.add(start.unknownZone);
    if (start.allDay) allDay++;
    if (bad) impossible++;
    talks.push(talk);
  });
  const warnings: ScheduleWarning[] = [];
  assignKeys(talks, uidsAreBuildStamps(uids), warnings);
  for (const name of unknownZones) warnings.push(warning(W.unknownEventZone, { zone: name }));
  if (!zone && talks.some((t) => t.startUtc !== undefined && t.startLocal === undefined)) {
    warnings.push(warning(W.utcNoZone));
  } else if (!zone && talks.some((t) => t.startLocal && t.startUtc === undefined)) {
    warnings.push(warning(W.noZone));
  }
  const timed = talks.filter((t) => t.startLocal !== undefined || t.startUtc !== undefined);
  const noEnd = timed.filter((t) => t.endLocal === undefined && t.endUtc === undefined).length;
  if (noEnd > 0) warnings.push(countWarning(noEnd, W.noEndOne, W.noEnd));
  if (allDay > 0) warnings.push(countWarning(allDay, W.allDayOne, W.allDay));
  if (impossible > 0)
    warnings.push(countWarning(impossible, W.impossibleTimeOne, W.impossibleTime));
  if (cancelled > 0) warnings.push(countWarning(cancelled, W.cancelledOne, W.cancelled));
  if (empty > 0) warnings.push(countWarning(empty, W.emptySlotsOne, W.emptySlots));
  const calName = cleanLine(cal.props.find((p) => p.name === 'X-WR-CALNAME')?.value);
  const calUrl = cleanLine(cal.props.find((p) => p.name === 'URL')?.value);
  return {
    format: 'ics',
    conference: {
      title: calName ?? titleFromFileName(fileName) ?? 'Imported schedule',
      ...(zone && { timeZone: zone }),
      ...dateRange(talks),
      ...(calUrl && { url: calUrl }),
    },
    talks,
    warnings,
  };
}

/**
 * Keys: the UID when it is unique in the file; `${uid}#${start}#${title}` for every event of a
 * UID shared by several; and when the UIDs are build stamps that change on every rebuild, the
 * title (plus start when titles repeat), so favourites survive a refresh of the same calendar.
 */
function assignKeys(talks: ParsedTalk[], stamped: boolean, warnings: ScheduleWarning[]): void {
  const when = (t: ParsedTalk) =>
    t.startLocal ?? (t.startUtc !== undefined ? `${formatUtcWall(t.startUtc)}Z` : '');
  const base = talks.map((t) => (stamped || !t.sourceKey ? `ics-title:${t.title}` : t.sourceKey));
  const counts = new Map<string, number>();
  for (const b of base) counts.set(b, (counts.get(b) ?? 0) + 1);
  let shared = 0;
  talks.forEach((t, i) => {
    const b = base[i] ?? '';
    const dup = (counts.get(b) ?? 0) > 1;
    if (dup && !stamped) shared++;
    t.sourceKey = !dup ? b : stamped ? `${b}#${when(t)}` : `${b}#${when(t)}#${t.title}`;
  });
  ensureUniqueKeys(talks);
  if (stamped) warnings.push(warning(W.stampedUids));
  if (shared > 0) warnings.push(warning(W.sharedUid, { n: shared }));
}
