// Views of a schedule that the screens share: talks in order, grouped by local day, what is on
// now and next. Days are conference-local calendar days computed from UTC instants.
import type { Talk } from '../model/types';
import { utcToZonedWall } from '../util/time';
import { dateUtc } from './date-range';

export function compareTalks(a: Talk, b: Talk): number {
  const sa = a.startUtc ?? Infinity;
  const sb = b.startUtc ?? Infinity;
  if (sa !== sb) return sa - sb;
  return (a.room ?? '').localeCompare(b.room ?? '') || a.order - b.order;
}

export interface Day {
  /** `YYYY-MM-DD` in the conference zone, or '' for talks without a time. */
  date: string;
  talks: Talk[];
}

export function localDate(talk: Talk, zone: string): string {
  if (talk.startUtc === undefined) return '';
  return utcToZonedWall(talk.startUtc, zone).slice(0, 10);
}

export function groupByDay(talks: Talk[], zone: string): Day[] {
  const days = new Map<string, Talk[]>();
  for (const t of [...talks].sort(compareTalks)) {
    const date = localDate(t, zone);
    const list = days.get(date);
    if (list) list.push(t);
    else days.set(date, [t]);
  }
  return [...days].map(([date, list]) => ({ date, talks: list }));
}

export function roomsOf(talks: Talk[]): string[] {
  const rooms = new Set<string>();
  for (const t of talks) if (t.room) rooms.add(t.room);
  return [...rooms].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
}

/** A talk without an end is taken to last until the next talk in its room, at most an hour. */
function endOf(t: Talk): number {
  return t.endUtc ?? (t.startUtc ?? 0) + 60 * 60_000;
}

export interface NowNext {
  now: Talk[];
  next: Talk[];
}

export function nowAndNext(talks: Talk[], at: number): NowNext {
  const timed = talks
    .filter((t) => t.startUtc !== undefined && !t.removedFromSchedule)
    .sort(compareTalks);
  const now = timed.filter((t) => t.startUtc! <= at && at < endOf(t));
  const upcoming = timed.filter((t) => t.startUtc! > at);
  const firstStart = upcoming[0]?.startUtc;
  // "Next" is the next slot: every talk starting within half an hour of the first one.
  const next =
    firstStart === undefined ? [] : upcoming.filter((t) => t.startUtc! < firstStart + 30 * 60_000);
  return { now, next };
}

// Why: a list of search hits formats two times a row at every keystroke, and making an
// Intl.DateTimeFormat costs far more than using one.
const timeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatTime(ms: number, zone: string, locale?: string): string {
  const key = `${zone} ${locale ?? ''}`;
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
    });
    timeFormats.set(key, format);
  }
  return format.format(ms);
}

export function formatDay(date: string, short = false, locale?: string): string {
  if (!date) return 'No time given';
  return new Intl.DateTimeFormat(locale, {
    weekday: short ? 'short' : 'long',
    day: 'numeric',
    month: short ? 'short' : 'long',
    timeZone: 'UTC',
  }).format(dateUtc(date));
}
