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

/**
 * `judge` with its answers kept, so a schedule's thousand wall clocks, which fall on a handful
 * of days, are judged once each; past `max` answers, they are forgotten at once.
 */
function remembered(judge: (text: string) => boolean, max = Infinity) {
  const answers = new Map<string, boolean>();
  return (text: string): boolean => {
    let answer = answers.get(text);
    if (answer === undefined) {
      answer = judge(text);
      if (answers.size >= max) answers.clear();
      answers.set(text, answer);
    }
    return answer;
  };
}

/** A date that exists (no 2024-02-30) in a year a conference can have. */
const realDate = remembered((text) => {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    plausibleYear(y) &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d
  );
}, 1_000);

/** A calendar date `YYYY-MM-DD` that exists (no 2024-02-30). */
export const LocalDate = v.pipe(v.string(), v.regex(/^\d{4}-\d\d-\d\d$/), v.check(realDate));

/** Conference wall clock `YYYY-MM-DDTHH:mm`, its date judged with the whole string as key. */
export const WallClock = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d\d-\d\dT(?:[01]\d|2[0-3]):[0-5]\d$/),
  v.check(remembered((s) => realDate(s.slice(0, 10)), 10_000)),
);

/** Whether this browser knows the IANA zone: an unknown one throws in every Intl call. */
export const isTimeZone = remembered((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
});

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
