// Small pure helpers shared by every schedule parser: text clean-up, narrowing of unknown
// values read from JSON/XML, key uniqueness and conference date ranges.
// Nothing here knows about a particular format.

import { formatUtcWall } from '../util/time';
import type { ParsedTalk } from './types';

/** One-line fields (titles, rooms, names): every whitespace run becomes one space. */
export function cleanLine(s: unknown): string | undefined {
  const str = asString(s);
  if (str === undefined) return undefined;
  const t = str.replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t;
}

/**
 * Multi-line fields (abstracts): CRLF/CR → LF, trailing spaces and blank-line runs removed.
 * Leading indentation stays, because it is meaningful in Markdown (lists, code blocks).
 */
export function cleanBlock(s: unknown): string | undefined {
  const str = asString(s);
  if (str === undefined) return undefined;
  const t = str
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\s+$/g, '');
  return t === '' ? undefined : t;
}

export function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asArray(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  return v === undefined || v === null || v === '' ? [] : [v];
}

/** Copies the fields that hold a value (not undefined, not ''), so optional fields stay absent. */
export function assignDefined<T extends object>(target: T, fields: Partial<T>): T {
  // A plain loop: an entries array and an object per field were a sixth of reading FOSDEM 2026.
  for (const k of Object.keys(fields) as (keyof T)[]) {
    const v = fields[k];
    if (v !== undefined && v !== '') target[k] = v;
  }
  return target;
}

/** A JSON/XML id that may be a number or a string, as a trimmed string. */
export function idString(v: unknown): string | undefined {
  const s = asString(v)?.trim();
  return s === '' ? undefined : s;
}

/**
 * Makes every sourceKey unique within one parse. A clash means the file reused an id, so the
 * later talks get their start and title appended (stable across re-imports of the same file),
 * then a counter as a last resort. Returns how many keys had to change.
 */
export function ensureUniqueKeys(talks: ParsedTalk[]): number {
  const seen = new Set<string>();
  // Why: the next counter to try for each base key. Counting up from 2 for every copy made
  // 10,000 identical events cost 50 million lookups (14 s); keys only ever join `seen`, so a
  // number found taken stays taken and the search can resume where it stopped.
  const nextCounter = new Map<string, number>();
  let changed = 0;
  for (const talk of talks) {
    let key = talk.sourceKey;
    if (seen.has(key)) {
      changed++;
      const when =
        talk.startLocal ?? (talk.startUtc !== undefined ? `${formatUtcWall(talk.startUtc)}Z` : '');
      const base = `${talk.sourceKey}#${when}#${talk.title}`;
      key = base;
      if (seen.has(key)) {
        let n = nextCounter.get(base) ?? 2;
        while (seen.has(`${base}#${n}`)) n++;
        key = `${base}#${n}`;
        nextCounter.set(base, n + 1);
      }
      talk.sourceKey = key;
    }
    seen.add(key);
  }
  return changed;
}

/** First and last local calendar dates among the talks. */
export function dateRange(talks: ParsedTalk[]): { startDate?: string; endDate?: string } {
  const days: string[] = [];
  for (const t of talks) {
    if (t.startLocal) days.push(t.startLocal.slice(0, 10));
    // A talk ending at midnight exactly does not reach into the next day.
    if (t.endLocal && !t.endLocal.endsWith('T00:00')) days.push(t.endLocal.slice(0, 10));
  }
  if (days.length === 0) return {};
  days.sort();
  return { startDate: days[0], endDate: days[days.length - 1] };
}

export function isoDate(s: unknown): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(asString(s)?.trim() ?? '');
  return m?.[1];
}

const GENERIC_NAMES =
  /^(all|schedule|calendar|export|sessions|index|data|feed|basic|view|grid|fahrplan|download)$/i;

/** A conference title from a file name, or undefined when the name says nothing. */
export function titleFromFileName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[_-]+/g, ' ')
    .trim();
  if (stem === '' || GENERIC_NAMES.test(stem)) return undefined;
  return stem;
}
