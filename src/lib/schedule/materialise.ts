// Turns parsed talks into stored talk fields for one time zone, and plans a schedule refresh so
// stars and notes stay on the same talk when talks move, change keys or vanish.
import type { ParsedTalk } from './types';
import type { Talk } from '../model/types';
import { instantIn, wallIn } from './zone-memo';

export type TalkFields = Omit<Talk, 'id' | 'conferenceId'>;

type TimeFields = Pick<Talk, 'startLocal' | 'endLocal' | 'startUtc' | 'endUtc' | 'utcFromFile'>;

/** Instants from the file win; a bare wall clock is read in `zone`. */
export function resolveTimes(
  t: Pick<ParsedTalk, 'startLocal' | 'endLocal' | 'startUtc' | 'endUtc'>,
  zone: string,
  utcFromFile = t.startUtc !== undefined,
): TimeFields {
  const out: TimeFields = { utcFromFile };
  const start = utcFromFile ? t.startUtc : t.startLocal && instantIn(t.startLocal, zone);
  const end = utcFromFile ? t.endUtc : t.endLocal && instantIn(t.endLocal, zone);
  if (typeof start === 'number') out.startUtc = start;
  if (typeof end === 'number') out.endUtc = end;
  const startLocal =
    t.startLocal ?? (out.startUtc === undefined ? undefined : wallIn(out.startUtc, zone));
  const endLocal = t.endLocal ?? (out.endUtc === undefined ? undefined : wallIn(out.endUtc, zone));
  if (startLocal) out.startLocal = startLocal;
  if (endLocal) out.endLocal = endLocal;
  return out;
}

export function toTalkFields(parsed: ParsedTalk[], zone: string): TalkFields[] {
  return parsed.map((p, order) => {
    const { startLocal, endLocal, startUtc, endUtc, ...rest } = p;
    return {
      ...rest,
      order,
      removedFromSchedule: false,
      ...resolveTimes({ startLocal, endLocal, startUtc, endUtc }, zone),
    };
  });
}

export interface RefreshPlan {
  /** Talks to write: matched ones keep their id, new ones get a fresh id. */
  put: Talk[];
  /** Talks gone from the schedule that the user touched: kept, flagged as removed. */
  removed: Talk[];
  /** Talks gone from the schedule with no user data. */
  deleteIds: string[];
}

export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Matches incoming talks to stored ones: by source key, then by title and start, then by a
 * title that is unique on both sides (for .ics files whose UIDs change on every build).
 */
export function planRefresh(
  conferenceId: string,
  existing: Talk[],
  incoming: TalkFields[],
  hasUserData: (talkId: string) => boolean,
  newId: () => string,
): RefreshPlan {
  const free = new Map(existing.map((t) => [t.id, t]));
  const byKey = new Map(existing.map((t) => [t.sourceKey, t]));
  const byTitleStart = new Map(
    existing.map((t) => [`${normaliseTitle(t.title)}@${t.startUtc}`, t]),
  );
  const titleCount = (list: { title: string }[]) => {
    const counts = new Map<string, number>();
    for (const t of list)
      counts.set(normaliseTitle(t.title), (counts.get(normaliseTitle(t.title)) ?? 0) + 1);
    return counts;
  };
  const oldTitles = titleCount(existing);
  const newTitles = titleCount(incoming);
  const byTitle = new Map(existing.map((t) => [normaliseTitle(t.title), t]));

  const matches: (Talk | undefined)[] = incoming.map(() => undefined);
  const take = (i: number, t: Talk | undefined) => {
    if (t && free.has(t.id) && !matches[i]) {
      matches[i] = t;
      free.delete(t.id);
    }
  };
  incoming.forEach((t, i) => take(i, byKey.get(t.sourceKey)));
  incoming.forEach((t, i) => take(i, byTitleStart.get(`${normaliseTitle(t.title)}@${t.startUtc}`)));
  incoming.forEach((t, i) => {
    const title = normaliseTitle(t.title);
    if (oldTitles.get(title) === 1 && newTitles.get(title) === 1) take(i, byTitle.get(title));
  });

  const put = incoming.map((fields, i) => ({
    ...fields,
    id: matches[i]?.id ?? newId(),
    conferenceId,
    removedFromSchedule: false,
  }));
  const removed: Talk[] = [];
  const deleteIds: string[] = [];
  for (const t of free.values()) {
    if (hasUserData(t.id)) removed.push({ ...t, removedFromSchedule: true });
    else deleteIds.push(t.id);
  }
  return { put, removed, deleteIds };
}
