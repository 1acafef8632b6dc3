// Pure time-zone and duration helpers built on Intl only (no tz database of our own).
// Wall-clock strings are `YYYY-MM-DDTHH:mm`; instants are epoch milliseconds.
// Used by the schedule parsers in Node and in a Web Worker, so nothing here touches the DOM.

const MINUTE = 60_000;
const DAY = 86_400_000;

const WALL_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

interface WallParts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function parseWall(local: string): WallParts | undefined {
  const m = WALL_RE.exec(local.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 59) return undefined;
  return { y, mo, d, h, mi, s };
}

/** The wall clock read as if it were UTC: a plain number we can do calendar arithmetic on. */
function wallAsUtcMs(local: string): number | undefined {
  const p = parseWall(local);
  return p ? Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) : undefined;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Formats the UTC fields of `ms` as `YYYY-MM-DDTHH:mm`. */
export function formatUtcWall(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  );
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-US with h23 gives stable numeric parts; hour12:false alone yields "24" at midnight in
    // some engines.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of the instant in the zone, as a UTC-read number (seconds kept). */
function zonedFieldsMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(ms)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    (parts.hour ?? 0) % 24,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** Offset of the zone from UTC at that instant, in milliseconds (east positive). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return zonedFieldsMs(whole, timeZone) - whole;
}

export function isValidTimeZone(tz: string | undefined | null): tz is string {
  if (!tz || typeof tz !== 'string') return false;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant at which the wall clock in `timeZone` reads `local`.
 * DST follows Temporal's "compatible" rule: in a gap (a time that never happens) the clock is
 * pushed forward by the gap's length; in an overlap (a time that happens twice) the earlier
 * instant wins. Throws on a malformed wall string or an unknown zone.
 */
export function zonedWallToUtc(local: string, timeZone: string): number {
  const asUtc = wallAsUtcMs(local);
  if (asUtc === undefined) throw new RangeError(`Not a wall-clock time: ${local}`);
  // Offsets a day either side bracket any single transition near this wall time.
  const before = zoneOffsetMs(asUtc - DAY, timeZone);
  const after = zoneOffsetMs(asUtc + DAY, timeZone);
  const valid: number[] = [];
  for (const off of before === after ? [before] : [before, after]) {
    const candidate = asUtc - off;
    if (zoneOffsetMs(candidate, timeZone) === off) valid.push(candidate);
  }
  if (valid.length > 0) return Math.min(...valid);
  return asUtc - before;
}

/** The zone's wall clock at the instant, `YYYY-MM-DDTHH:mm`. */
export function utcToZonedWall(ms: number, timeZone: string): string {
  return formatUtcWall(zonedFieldsMs(ms, timeZone));
}

/** Wall-clock arithmetic (no zone): `2015-01-31T23:40` + 30 → `2015-02-01T00:10`. */
export function addMinutesLocal(local: string, minutes: number): string {
  const asUtc = wallAsUtcMs(local);
  if (asUtc === undefined) throw new RangeError(`Not a wall-clock time: ${local}`);
  return formatUtcWall(asUtc + Math.round(minutes * MINUTE));
}

/** `YYYY-MM-DDTHH:mm[:ss]` normalised to `YYYY-MM-DDTHH:mm`, or undefined when malformed. */
export function normaliseWall(local: string): string | undefined {
  const ms = wallAsUtcMs(local);
  return ms === undefined ? undefined : formatUtcWall(ms);
}

/** `H:MM`, `HH:MM` or `HH:MM:SS` time of day → `HH:mm`, or undefined. */
export function normaliseTimeOfDay(s: string | undefined): string | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec((s ?? '').trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  return h < 24 && mi < 60 ? `${pad(h)}:${pad(mi)}` : undefined;
}

/** How to read a three-part `a:b:c` duration; two-part ones are always hours:minutes. */
export type ThreePartDuration = 'hms' | 'dhm';

const ISO_DURATION_RE =
  /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * A duration in whole minutes, or undefined when empty or unreadable. Accepts `0:30`, `00:30`
 * (hours:minutes), a bare minute count, ISO 8601 (`PT1H30M`, as in iCalendar) and three-part
 * strings. Three parts are ambiguous in the wild: FOSDEM's `timeslot_duration` `00:05:00` is
 * HH:MM:SS, while frab writes long event durations as `1:04:00` = days:hours:minutes. The caller
 * says which it expects with `threeParts` (default `'hms'`).
 */
export function parseDuration(
  s: string | number | undefined | null,
  opts: { threeParts?: ThreePartDuration } = {},
): number | undefined {
  if (typeof s === 'number') return Number.isFinite(s) && s >= 0 ? Math.round(s) : undefined;
  const t = (s ?? '').trim();
  if (t === '') return undefined;
  if (/^\d+$/.test(t)) return Number(t);
  const iso = ISO_DURATION_RE.exec(t.toUpperCase());
  if (iso) {
    if (iso[1] === '-' || t.toUpperCase() === 'P' || t.toUpperCase().endsWith('T')) {
      return undefined;
    }
    const [w, d, h, m, sec] = [iso[2], iso[3], iso[4], iso[5], iso[6]].map((x) => Number(x ?? 0));
    return Math.round(
      (w ?? 0) * 10080 + (d ?? 0) * 1440 + (h ?? 0) * 60 + (m ?? 0) + (sec ?? 0) / 60,
    );
  }
  const parts = t.split(':');
  if (parts.length < 2 || parts.length > 3 || !parts.every((p) => /^\d{1,3}$/.test(p))) {
    return undefined;
  }
  const [a, b, c] = parts.map(Number) as [number, number, number | undefined];
  if (c === undefined) return b < 60 ? a * 60 + b : undefined;
  if (opts.threeParts === 'dhm') return b < 24 && c < 60 ? a * 1440 + b * 60 + c : undefined;
  return b < 60 && c < 60 ? Math.round(a * 60 + b + c / 60) : undefined;
}
