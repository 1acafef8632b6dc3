// The part of frab/pentabarf parsing shared by the JSON and XML flavours: both are first read
// into these plain shapes, then turned into ParsedTalks here (identity, times, warnings).

import { isValidTimeZone, normaliseTimeOfDay, parseDuration } from '../util/time';
import { resolveFrabTime, type FrabTimeNote } from './frab-time';
import { NO_ZONE_WARNING, assignDefined, cleanLine, dateRange, ensureUniqueKeys } from './text';
import type {
  ParsedConference,
  ParsedLink,
  ParsedSchedule,
  ParsedSpeaker,
  ParsedTalk,
  ScheduleFormat,
} from './types';

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

const NOTE_WARNINGS: Record<FrabTimeNote, (n: number, zone?: string) => string> = {
  'wrong-offset': (n, zone) =>
    `${n} talk(s) had a local time wrongly marked as UTC; they were read as local times in ${zone}.`,
  mismatch: (n) =>
    `${n} talk(s) have a date and a start time that disagree; the exact date was used.`,
  'utc-unknown-zone': (n) =>
    `${n} talk(s) are marked as UTC but the file names no time zone, so the printed clock ` +
    'time was kept as the local time.',
};

export function buildFrabSchedule(input: FrabScheduleIn, format: ScheduleFormat): ParsedSchedule {
  const warnings: string[] = [];
  const zoneName = cleanLine(input.timeZoneName);
  const zone = isValidTimeZone(zoneName) ? zoneName : undefined;
  if (zoneName && !zone) {
    warnings.push(
      `The time zone “${zoneName}” is not one this device knows; times are kept as printed.`,
    );
  }
  const notes = new Map<FrabTimeNote, number>();
  const talks: ParsedTalk[] = [];
  for (const day of input.days) {
    // pretalx/c3voc days run e.g. 04:00→03:59; the day's start hour acts as the day change.
    const dayStartTime = day.start ? normaliseTimeOfDay(day.start.slice(11, 16)) : undefined;
    const dayChange = normaliseTimeOfDay(input.dayChange) ?? dayStartTime;
    for (const ev of day.events) {
      const durationMin = parseDuration(ev.duration, { threeParts: 'dhm' });
      const time = resolveFrabTime({
        ...(ev.date && { date: ev.date }),
        ...(ev.start && { start: ev.start }),
        ...(durationMin !== undefined && { durationMin }),
        ...(day.date && { dayDate: day.date }),
        ...(dayChange && { dayChange }),
        ...(zone && { zone }),
      });
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
  for (const [note, n] of notes) warnings.push(NOTE_WARNINGS[note](n, zone));
  if (!zone && talks.some((t) => t.startLocal && t.startUtc === undefined)) {
    warnings.push(NO_ZONE_WARNING);
  } else if (!zone && talks.some((t) => t.startUtc !== undefined)) {
    warnings.push(
      'This schedule gives UTC offsets but no time-zone name; set the conference’s time zone ' +
        'to be sure times are right around daylight-saving changes.',
    );
  }
  const dupes = ensureUniqueKeys(talks);
  if (dupes > 0)
    warnings.push(
      `${dupes} talk(s) reuse another talk’s id; they were told apart by time and title.`,
    );
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
