// Works out a frab/pentabarf event's local wall clock and, when trustworthy, its UTC instant
// from the fields real files carry: `<date>` (maybe with an offset, maybe a wrong one),
// `<start>` (local time of day), the day's date and the day-change hour.

import { addMinutesLocal, formatUtcWall, normaliseTimeOfDay } from '../util/time';
import { plausibleInstant } from './sane-time';
import { instantIn, wallIn } from './zone-memo';

export interface FrabTimeInput {
  /** `<date>`: ISO date-time, with `Z`/offset or floating. */
  date?: string;
  /** `<start>`: local time of day. */
  start?: string;
  durationMin?: number;
  /** The `<day date>` the event is listed under. */
  dayDate?: string;
  /** `HH:mm`; events listed under a day but starting earlier belong to the next calendar day. */
  dayChange?: string;
  /** A valid IANA zone, when the file names one. */
  zone?: string;
}

/** `wrong-offset`: `<date>` carried local time with a UTC offset; `mismatch`: the fields disagree. */
export type FrabTimeNote = 'wrong-offset' | 'mismatch' | 'utc-unknown-zone';

export interface FrabTime {
  startLocal?: string;
  endLocal?: string;
  startUtc?: number;
  endUtc?: number;
  note?: FrabTimeNote;
}

const DATE_TIME_RE =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

interface DateTimeParts {
  /** The string's own wall clock, ignoring any offset. */
  wall: string;
  /** Offset in minutes when the string has one. */
  offsetMin?: number;
}

export function parseDateTime(s: string): DateTimeParts | undefined {
  const m = DATE_TIME_RE.exec(s.trim());
  if (!m) return undefined;
  const wall = `${m[1]}T${m[2]}`;
  const off = m[3];
  if (!off) return { wall };
  if (off.toUpperCase() === 'Z') return { wall, offsetMin: 0 };
  const digits = off.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  const offsetMin = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  return { wall, offsetMin };
}

function instantOf(p: DateTimeParts & { offsetMin: number }): number {
  return Date.parse(`${p.wall}:00Z`) - p.offsetMin * 60_000;
}

/** Minutes to add to `from` (HH:mm) to reach `to`, folded into UTC−12…UTC+14. */
function clockDelta(from: string, to: string): number {
  const mins = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  let d = (mins(to) - mins(from) + 1440) % 1440;
  if (d > 14 * 60) d -= 1440;
  return d;
}

function startFromFields(input: FrabTimeInput, start: string | undefined): FrabTime {
  const { date, dayDate, dayChange, zone } = input;
  const parsed = date ? parseDateTime(date) : undefined;
  if (parsed && parsed.offsetMin !== undefined) {
    const instant = instantOf({ ...parsed, offsetMin: parsed.offsetMin });
    const ownTime = parsed.wall.slice(11);
    if (zone) {
      const zoned = wallIn(instant, zone);
      if (!start || zoned.slice(11) === start) return { startLocal: zoned, startUtc: instant };
      // Why: some generators stamp local wall time with `Z`/`+00:00`. If the string's own clock
      // matches <start>, the offset is the lie, not the clock.
      if (ownTime === start) {
        return {
          startLocal: parsed.wall,
          startUtc: instantIn(parsed.wall, zone),
          note: 'wrong-offset',
        };
      }
      return { startLocal: zoned, startUtc: instant, note: 'mismatch' };
    }
    if (!start || ownTime === start) {
      // A `Z` with no zone named is as likely to be a mislabelled local time as a real UTC
      // time, so only the wall clock is kept; a non-zero offset was written on purpose.
      if (parsed.offsetMin === 0) return { startLocal: parsed.wall, note: 'utc-unknown-zone' };
      return { startLocal: parsed.wall, startUtc: instant };
    }
    // <start> is local and <date> a real instant in another offset (wafer writes UTC): the
    // difference between the two clocks is the conference's offset.
    const utcWall = formatUtcWall(instant);
    const local = formatUtcWall(instant + clockDelta(utcWall.slice(11), start) * 60_000);
    return { startLocal: local, startUtc: instant };
  }
  let local = parsed?.wall;
  if (!local && dayDate && start) {
    local = `${dayDate}T${start}`;
    if (dayChange && start < dayChange) local = addMinutesLocal(local, 1440);
  }
  if (!local) return {};
  return zone ? { startLocal: local, startUtc: instantIn(local, zone) } : { startLocal: local };
}

export function resolveFrabTime(input: FrabTimeInput): FrabTime {
  const start = normaliseTimeOfDay(input.start);
  const t = startFromFields(input, start);
  const dur = input.durationMin;
  if (t.startLocal === undefined || dur === undefined) return t;
  if (t.startUtc !== undefined) {
    t.endUtc = t.startUtc + dur * 60_000;
    // An end past what Date can hold would throw in Intl: dropImpossibleTimes removes it.
    if (!plausibleInstant(t.endUtc)) return t;
    t.endLocal = input.zone ? wallIn(t.endUtc, input.zone) : addMinutesLocal(t.startLocal, dur);
  } else {
    t.endLocal = addMinutesLocal(t.startLocal, dur);
  }
  return t;
}
