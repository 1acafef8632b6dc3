// Keeps one event's impossible time from failing a whole import or reaching the screens. A
// schedule from a stranger's server may say a talk lasts 99,999,999 weeks, or starts in month 13
// or in year 9999: that time is left out of that talk (the talk stays) and counted for a warning.
import { AFTER_LATEST_MS, EARLIEST_MS, plausibleYear } from '../model/bounds';
import { normaliseWall } from '../util/time';

/** Longer than any talk, workshop or camp a schedule lists: a longer one is a typo or an attack. */
export const MAX_TALK_MINUTES = 31 * 24 * 60;

export interface TalkTimes {
  startLocal?: string;
  endLocal?: string;
  startUtc?: number;
  endUtc?: number;
}

/** An instant a conference can have; also one Intl and Date can format without a RangeError. */
export function plausibleInstant(ms: number | undefined): ms is number {
  return typeof ms === 'number' && ms >= EARLIEST_MS && ms < AFTER_LATEST_MS;
}

/** A real `YYYY-MM-DDTHH:mm` (no 13th month, no 30 February) in a year a conference can have. */
export function plausibleWall(s: string | undefined): s is string {
  if (s === undefined || normaliseWall(s) !== s) return false;
  return plausibleYear(Number(s.slice(0, 4)));
}

/**
 * The times `read` works out, or undefined when it throws: date code throws RangeError on
 * dates past what Date can hold, and one event must not take the whole file down with it.
 */
export function readTimes<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

const wallMs = (s: string) => Date.parse(`${s}:00Z`);
const timesIn = (t: TalkTimes) =>
  [t.startLocal, t.endLocal, t.startUtc, t.endUtc].filter((v) => v !== undefined).length;

/** Removes the times of `t` that cannot be right; says whether it removed any. */
export function dropImpossibleTimes(t: TalkTimes): boolean {
  const before = timesIn(t);
  if (t.startLocal !== undefined && !plausibleWall(t.startLocal)) delete t.startLocal;
  if (t.endLocal !== undefined && !plausibleWall(t.endLocal)) delete t.endLocal;
  if (t.startUtc !== undefined && !plausibleInstant(t.startUtc)) delete t.startUtc;
  if (t.endUtc !== undefined && !plausibleInstant(t.endUtc)) delete t.endUtc;
  const length =
    t.startUtc !== undefined && t.endUtc !== undefined
      ? t.endUtc - t.startUtc
      : t.startLocal !== undefined && t.endLocal !== undefined
        ? wallMs(t.endLocal) - wallMs(t.startLocal)
        : 0;
  // An end whose start was impossible, or a month after its start, says nothing true.
  const startDropped = timesIn(t) < before && !t.startLocal && t.startUtc === undefined;
  if (startDropped || length > MAX_TALK_MINUTES * 60_000) {
    delete t.endLocal;
    delete t.endUtc;
  }
  return timesIn(t) < before;
}
