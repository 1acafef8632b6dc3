// The offsets of an IANA zone over the span of some instants, as iCalendar observances (the
// STANDARD and DAYLIGHT blocks of a VTIMEZONE): found through Intl, so they follow the tz data of
// the engine that shows the schedule, with no tz database of our own. calendar.ts writes them.
import { zoneOffsetMs } from '../util/time';

const SECOND = 1000;
const DAY = 86_400_000;
/** How far before the first instant the offset in effect is traced back to where it began. */
const LOOK_BACK = 400 * DAY;

export interface Observance {
  kind: 'STANDARD' | 'DAYLIGHT';
  /** The onset as the clock read just before it (in `from`), `YYYYMMDDTHHMMSS`. */
  start: string;
  /** Offsets from UTC before and from the onset, in milliseconds (east positive). */
  from: number;
  to: number;
}

interface Change {
  at: number;
  from: number;
  to: number;
}

/** The first second at which the offset differs from the one at `lo`, with `hi` past it. */
function firstChange(zone: string, lo: number, hi: number, before: number): number {
  while (hi - lo > SECOND) {
    const mid = lo + Math.floor((hi - lo) / 2 / SECOND) * SECOND;
    if (zoneOffsetMs(mid, zone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * Every change of offset after `from` up to `to`, to the second. The zone is read once a day:
 * two changes less than a day apart that undo each other are not seen (no zone has had one in
 * the years a conference can have).
 */
function changes(zone: string, from: number, to: number): Change[] {
  const out: Change[] = [];
  let at = Math.floor(from / SECOND) * SECOND;
  let offset = zoneOffsetMs(at, zone);
  while (at < to) {
    const next = Math.min(at + DAY, to);
    if (zoneOffsetMs(next, zone) === offset) {
      at = next;
      continue;
    }
    const change = firstChange(zone, at, next, offset);
    const after = zoneOffsetMs(change, zone);
    out.push({ at: change, from: offset, to: after });
    at = change;
    offset = after;
  }
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The UTC fields of `ms` as iCalendar's `YYYYMMDDTHHMMSS`. */
export function basicDateTime(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

/** An offset as iCalendar's UTC-OFFSET: `+0530`, `-0800`, `+0000`; seconds only when present. */
export function utcOffset(ms: number): string {
  const total = Math.round(Math.abs(ms) / SECOND);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  return `${ms < 0 ? '-' : '+'}${pad(h)}${pad(m)}${s ? pad(s) : ''}`;
}

/**
 * Summer time, as far as offsets alone tell: a step forward that the clocks step back from
 * within the year. A step back, or a move for good (Samoa over the date line in 2011), is
 * standard time. Only the block's name depends on it, never an offset.
 */
function isDaylight(zone: string, change: Change): boolean {
  if (change.to <= change.from) return false;
  for (let days = 15; days <= 380; days += 15) {
    if (zoneOffsetMs(change.at + days * DAY, zone) <= change.from) return true;
  }
  return false;
}

/**
 * The observances that give the zone's offset at every instant from `first` to `last`: the onset
 * of the offset in effect at `first` (or, when it has not changed for over a year, one block from
 * a year before), then each change up to `last`. A zone without summer time gets one STANDARD.
 */
export function observances(zone: string, first: number, last: number): Observance[] {
  const before = changes(zone, first - LOOK_BACK, first).at(-1);
  const offset = zoneOffsetMs(first, zone);
  const since = first - LOOK_BACK;
  const opening: Change = before ?? {
    // Midnight on the clock, a year before the first instant: a round, plainly chosen onset.
    at: since - ((((since + offset) % DAY) + DAY) % DAY),
    from: offset,
    to: offset,
  };
  return [opening, ...changes(zone, first, last)].map((c) => ({
    kind: isDaylight(zone, c) ? 'DAYLIGHT' : 'STANDARD',
    start: basicDateTime(c.at + c.from),
    from: c.from,
    to: c.to,
  }));
}
