// The field schemas every record is built from: ids that may become paths, dates and instants
// that every screen can format, bounded text. Each says what it guards against, so a record
// that passes can be stored, shown, exported and synced without another check.
import * as v from 'valibot';
import { AFTER_LATEST_MS, EARLIEST_MS, plausibleYear } from './bounds';

/**
 * Our own ids: `crypto.randomUUID()` and the short ids tests and older versions wrote. Letters,
 * digits, `-` and `_` only, so an id can never carry a path segment, a dot or a separator.
 */
export const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));

/** A photo's id is the SHA-256 of its bytes: it names the image file in exports and on sync. */
export const PhotoId = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));

/** A talk, or a conference's Unsorted tray (`unsorted:<conference id>`). */
export const TalkOrTray = v.pipe(v.string(), v.regex(/^(?:unsorted:)?[A-Za-z0-9_-]{1,64}$/));

/** Epoch milliseconds of a year a conference can have (bounds.ts, as the parsers use). */
export const Instant = v.pipe(
  v.number(),
  v.safeInteger(),
  v.minValue(EARLIEST_MS),
  v.maxValue(AFTER_LATEST_MS - 1),
);

/** Creation and change times: the clock of some device, so only bounded, never trusted as order. */
export const Stamp = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(AFTER_LATEST_MS));

/** Dates already judged: a schedule's thousand wall clocks fall on a handful of days. */
const dates = new Map<string, boolean>();

/** A date that exists (no 2024-02-30) in a year a conference can have. */
function realDate(text: string): boolean {
  let real = dates.get(text);
  if (real === undefined) {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    real =
      plausibleYear(y) &&
      date.getUTCFullYear() === y &&
      date.getUTCMonth() === m - 1 &&
      date.getUTCDate() === d;
    if (dates.size >= 1_000) dates.clear();
    dates.set(text, real);
  }
  return real;
}

/** A calendar date `YYYY-MM-DD` that exists (no 2024-02-30). */
export const LocalDate = v.pipe(v.string(), v.regex(/^\d{4}-\d\d-\d\d$/), v.check(realDate));

/** Wall clocks already judged by their date, kept whole: a check then slices no string. */
const clocks = new Map<string, boolean>();

/** Conference wall clock `YYYY-MM-DDTHH:mm`. */
export const WallClock = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d\d-\d\dT(?:[01]\d|2[0-3]):[0-5]\d$/),
  v.check((s) => {
    let real = clocks.get(s);
    if (real === undefined) {
      real = realDate(s.slice(0, 10));
      if (clocks.size >= 10_000) clocks.clear();
      clocks.set(s, real);
    }
    return real;
  }),
);

const zones = new Map<string, boolean>();

/** Whether this browser knows the IANA zone: an unknown one throws in every Intl call. */
export function isTimeZone(zone: string): boolean {
  let known = zones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    zones.set(zone, known);
  }
  return known;
}

export const TimeZone = v.pipe(v.string(), v.maxLength(64), v.check(isTimeZone));

/** One line of text: a title, a name, a room. Long enough for any real one. */
export const Line = v.pipe(v.string(), v.maxLength(2_000));

/** Text a person wrote: an abstract, a note, a free section. */
export const Prose = v.pipe(v.string(), v.maxLength(1_000_000));

/**
 * A URL as stored. Stored as given, but bounded; every place that makes it a link checks its
 * scheme again (only http and https become links).
 */
export const StoredUrl = v.pipe(v.string(), v.maxLength(4_096));

/** An image MIME type: it picks a file's extension in exports and on sync, so no odd characters. */
export const ImageType = v.pipe(v.string(), v.regex(/^image\/[a-z0-9][a-z0-9.+-]{0,40}$/));

/** A list no real conference comes near; bounds the work a hostile file can cause. */
export const bounded = <T extends v.GenericSchema>(item: T, max = 10_000) =>
  v.pipe(v.array(item), v.maxLength(max));
