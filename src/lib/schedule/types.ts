// What every schedule parser returns: the conference and its talks as the file states them,
// before any time zone the user picks is applied and before anything touches IndexedDB.
import { CodedError } from '../util/words';
import type { ScheduleWarning, ScheduleWords } from './words';

export type ScheduleFormat =
  'frab-json' | 'frab-xml' | 'c3voc-json' | 'ics' | 'sessionize' | 'confnotes-demo';

export interface ParsedSpeaker {
  name: string;
  affiliation?: string;
}

export interface ParsedLink {
  url: string;
  title?: string;
}

/**
 * A talk as read from a file. Times come in two forms:
 * - `startLocal`/`endLocal`: conference wall-clock, `YYYY-MM-DDTHH:mm` (always set when the
 *   file gives a time at all), the calendar date being the real local date, even past midnight;
 * - `startUtc`/`endUtc`: epoch milliseconds, only when the file carries an instant we trust.
 * When only the wall clock is known, the importer converts it with the conference zone.
 */
export interface ParsedTalk {
  /** Stable per source: guid > code/slug > id+room+start; never a bare numeric id. */
  sourceKey: string;
  title: string;
  subtitle?: string;
  type?: string;
  track?: string;
  language?: string;
  /** Markdown, raw HTML or entity-escaped HTML as found (decoded once); sanitised on render. */
  abstract?: string;
  description?: string;
  room?: string;
  startLocal?: string;
  endLocal?: string;
  startUtc?: number;
  endUtc?: number;
  /** Original strings from the file, kept for display and debugging. */
  rawStart?: string;
  rawDuration?: string;
  speakers: ParsedSpeaker[];
  links: ParsedLink[];
  url?: string;
}

export interface ParsedConference {
  title: string;
  /** IANA zone when the file states one. */
  timeZone?: string;
  /** Local dates `YYYY-MM-DD`. */
  startDate?: string;
  endDate?: string;
  venue?: string;
  url?: string;
}

export interface ParsedSchedule {
  format: ScheduleFormat;
  conference: ParsedConference;
  talks: ParsedTalk[];
  /** What was odd in the file (e.g. "no time zone given"), in words the screens translate. */
  warnings: ScheduleWarning[];
}

/** No real schedule comes near this; anything larger is the wrong file. */
export const MAX_SCHEDULE_BYTES = 20 * 1024 * 1024;

export type ScheduleErrorCode =
  | 'empty'
  | 'too-large'
  | 'html-page'
  | 'not-a-schedule'
  | 'truncated'
  | 'no-talks'
  | 'invalid'
  | 'cancelled'
  | 'too-slow';

/** Thrown by every parser for bad input, in words for the user (see SCHEDULE_WORDS). */
export class ScheduleError extends CodedError<ScheduleErrorCode, ScheduleWords> {
  override readonly name = 'ScheduleError';
}
