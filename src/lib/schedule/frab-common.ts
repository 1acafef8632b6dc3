// The part of frab/pentabarf parsing shared by the JSON and XML flavours: both are first read
// into these plain shapes, then turned into ParsedTalks here (identity, times, warnings).

import { isValidTimeZone, normaliseTimeOfDay, parseDuration } from '../util/time';
import { resolveFrabTime, type FrabTime, type FrabTimeNote } from './frab-time';
import { dropImpossibleTimes, readTimes } from './sane-time';
import { assignDefined, cleanLine, dateRange, ensureUniqueKeys } from './text';
import type {
  ParsedConference,
  ParsedLink,
  ParsedSchedule,
  ParsedSpeaker,
  ParsedTalk,
  ScheduleFormat,
} from './types';
import {
  SCHEDULE_WARNINGS as W,
  countWarning,
  warning,
  type ScheduleWarning,
  type ScheduleWarningWords,
} from './words';

export interface FrabEventIn {
  id?: string;
  guid?: string;
  slug?: string;
  code?: string;
  date?: string;
  start?: string;
  duration?: string;
  room?: string;
  title?: string;
  subtitle?: string;
  type?: string;
  track?: string;
  language?: string;
  abstract?: string;
  description?: string;
  url?: string;
  persons: ParsedSpeaker[];
  links: ParsedLink[];
}

export interface FrabDayIn {
  date?: string;
  /** `day_start`/`start` attribute, e.g. `2020-12-27T04:00:00+01:00`. */
  start?: string;
  events: FrabEventIn[];
}

export interface FrabScheduleIn {
  conference: ParsedConference;
  timeZoneName?: string;
  dayChange?: string;
  days: FrabDayIn[];
}

function sourceKeyOf(ev: FrabEventIn, startLocal: string | undefined): string {
  if (ev.guid) return ev.guid.toLowerCase();
  if (ev.code) return ev.code;
  if (ev.slug) return ev.slug;
  return `${ev.id ?? ''}@${ev.room ?? ''}@${startLocal ?? ''}`;
}

/** Each time note's warning, for exactly one talk and for several. */
const NOTE_WARNINGS = {
  'wrong-offset': [W.wrongOffsetOne, W.wrongOffset],
  mismatch: [W.dateMismatchOne, W.dateMismatch],
  'utc-unknown-zone': [W.utcUnknownZoneOne, W.utcUnknownZone],
} as const satisfies Record<FrabTimeNote, readonly [ScheduleWarningWords, ScheduleWarningWords]>;

/**
 * Drops the copies of a talk listed again at the same time in the same room under another id
 * (FOSDEM 2008 lists 17 of its talks twice), adding to the first any speaker or link only a
 * copy names. Returns how many talks had copies.
 */
function dropRepeats(talks: ParsedTalk[]): number {
  const first = new Map<string, ParsedTalk>();
  const repeated = new Set<ParsedTalk>();
  let kept = 0;
  for (const t of talks) {
    const at = t.startUtc ?? t.startLocal;
    const sig = at === undefined ? undefined : `${t.title}\u0000${at}\u0000${t.room ?? ''}`;
    const earlier = sig === undefined ? undefined : first.get(sig);
    if (!earlier) {
      if (sig !== undefined) first.set(sig, t);
      talks[kept++] = t;
      continue;
    }
    repeated.add(earlier);
    const names = new Set(earlier.speakers.map((p) => p.name));
    earlier.speakers.push(...t.speakers.filter((p) => !names.has(p.name)));
    const urls = new Set(earlier.links.map((l) => l.url));
    earlier.links.push(...t.links.filter((l) => !urls.has(l.url)));
  }
  talks.length = kept;
  return repeated.size;
}

export function buildFrabSchedule(input: FrabScheduleIn, format: ScheduleFormat): ParsedSchedule {
  const warnings: ScheduleWarning[] = [];
  const zoneName = cleanLine(input.timeZoneName);
  const zone = isValidTimeZone(zoneName) ? zoneName : undefined;
  if (zoneName && !zone) warnings.push(warning(W.unknownZone, { zone: zoneName }));
  const notes = new Map<FrabTimeNote, number>();
  const talks: ParsedTalk[] = [];
  let impossible = 0;
  for (const day of input.days) {
    // pretalx/c3voc days run e.g. 04:00→03:59; the day's start hour acts as the day change.
    const dayStartTime = day.start ? normaliseTimeOfDay(day.start.slice(11, 16)) : undefined;
    const dayChange = normaliseTimeOfDay(input.dayChange) ?? dayStartTime;
    for (const ev of day.events) {
      const durationMin = parseDuration(ev.duration, { threeParts: 'dhm' });
      const read = readTimes(() =>
        resolveFrabTime({
          ...(ev.date && { date: ev.date }),
          ...(ev.start && { start: ev.start }),
          ...(durationMin !== undefined && { durationMin }),
          ...(day.date && { dayDate: day.date }),
          ...(dayChange && { dayChange }),
          ...(zone && { zone }),
        }),
      );
      const time: FrabTime = read ?? {};
      if (!read || dropImpossibleTimes(time)) impossible++;
      if (time.note) notes.set(time.note, (notes.get(time.note) ?? 0) + 1);
      const talk: ParsedTalk = {
        sourceKey: sourceKeyOf(ev, time.startLocal),
        title: ev.title ?? 'Untitled',
        speakers: ev.persons,
        links: ev.links,
      };
      assignDefined(talk, {
        subtitle: ev.subtitle,
        type: ev.type,
        track: ev.track,
        language: ev.language,
        abstract: ev.abstract ?? ev.description,
        description: ev.abstract ? ev.description : undefined,
        room: ev.room,
        startLocal: time.startLocal,
        endLocal: time.endLocal,
        startUtc: time.startUtc,
        endUtc: time.endUtc,
        rawStart: ev.date ?? (ev.start && day.date ? `${day.date} ${ev.start}` : ev.start),
        rawDuration: ev.duration,
        url: ev.url,
      });
      talks.push(talk);
    }
  }
  if (impossible > 0)
    warnings.push(countWarning(impossible, W.impossibleTimeOne, W.impossibleTime));
  for (const [note, n] of notes) {
    const [one, many] = NOTE_WARNINGS[note];
    // Only 'wrong-offset' says {zone}, and it is noted only when the zone is known.
    warnings.push(countWarning(n, one, many, zone ? { zone } : {}));
  }
  if (!zone && talks.some((t) => t.startLocal && t.startUtc === undefined)) {
    warnings.push(warning(W.noZone));
  } else if (!zone && talks.some((t) => t.startUtc !== undefined)) {
    warnings.push(warning(W.offsetsNoZoneName));
  }
  const repeats = dropRepeats(talks);
  if (repeats > 0) warnings.push(countWarning(repeats, W.listedTwiceOne, W.listedTwice));
  const dupes = ensureUniqueKeys(talks);
  if (dupes > 0) warnings.push(countWarning(dupes, W.talkIdReusedOne, W.talkIdReused));
  const range = dateRange(talks);
  const conference: ParsedConference = {
    ...input.conference,
    ...(zone && { timeZone: zone }),
    startDate: input.conference.startDate ?? range.startDate,
    endDate: input.conference.endDate ?? range.endDate,
  };
  for (const k of ['startDate', 'endDate'] as const) if (!conference[k]) delete conference[k];
  return { format, conference, talks, warnings };
}
