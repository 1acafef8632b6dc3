// What schedule import tells the user when a file or a download is not a schedule it can use,
// and what was odd in one it did import, in English with {placeholders}; the screens translate
// it (see src/lib/util/words.ts).
import type { Worded, WordValues } from '../util/words';

export const SCHEDULE_WORDS = {
  empty: 'The file is empty.',
  tooLarge:
    'This file is too large to be a conference schedule (over 20 MB). Check that you picked the right file.',
  binary:
    'This isn’t a schedule file: it isn’t text at all (perhaps an image or an archive). Confnotes reads iCalendar (.ics), frab or pretalx JSON and XML, and Sessionize JSON.',
  htmlPage:
    'This is a web page, not a schedule file. On the conference website, look for a link to the schedule as iCal (.ics), JSON or XML, and use that instead.',
  notSchedule:
    'This file isn’t a schedule Confnotes can read. It reads iCalendar (.ics), frab or pretalx JSON and XML, and Sessionize JSON.',
  /** {what} is one of the looks* words below. */
  notScheduleLooks:
    'This file isn’t a schedule Confnotes can read: it looks like {what}. Confnotes reads iCalendar (.ics), frab and pretalx JSON and XML, c3voc schedule JSON, and Sessionize JSON.',
  looksDateKeyed: 'a JSON file with a “{key}” keyed by date',
  looksTopDateKeyed: 'a JSON file keyed by date',
  looksJsonFields: 'a JSON file whose top level has the fields {fields}',
  looksEmptyJsonObject: 'an empty JSON object',
  looksEmptyJsonList: 'an empty JSON list',
  looksJsonListOfObjects: 'a JSON list of objects with the fields {fields}',
  looksJsonListOfValues: 'a JSON list of plain values',
  looksXmlRoot: 'an XML file whose root is <{root}>',
  looksPlainText: 'a text file that is neither JSON, XML nor iCalendar',
  truncated:
    'This schedule file stops part-way through, probably because the download was cut off. Please download it again.',
  truncatedCalendar:
    'This calendar file stops part-way through, probably because the download was cut off. Please download it again.',
  invalidJson: 'This JSON file is damaged and can’t be read. Please download the schedule again.',
  notFrabJson: 'This JSON file isn’t a conference schedule.',
  notSessionize: 'This JSON file isn’t a Sessionize schedule.',
  notFrabXml: 'This XML file isn’t a conference schedule.',
  xmlDamagedAt:
    'This XML schedule is damaged near line {line} and can’t be read. Please download it again or try the conference’s iCal or JSON schedule instead.',
  noTalks: 'This schedule has no talks in it yet.',
  unexpected:
    'Something in this schedule file could not be read. Please try another format of the schedule (iCal, JSON or XML) if the conference offers one.',
  unreadable: 'This file could not be read as a schedule.',
  readerStopped: 'The schedule reader stopped unexpectedly. Try again.',
  cancelled: 'The import was cancelled.',
  tooSlow:
    'This schedule took too long to read (over {seconds} seconds), so reading it was stopped. Try another format of the schedule (iCal, JSON or XML) if the conference offers one.',
  fromFile: 'This schedule was imported from a file: import the new file instead.',
} as const;

export const FETCH_WORDS = {
  badUrl: 'That is not a web address. It should start with https://',
  badScheme: 'Only http:// and https:// addresses can be fetched.',
  offline: 'You are offline. Connect to the internet, or import the schedule from a file.',
  cors: '{host} does not let other sites read this file (no CORS header). Download it in your browser and import the file instead.',
  unreachable:
    '{host} could not be reached. Check the address, or import the schedule from a file.',
  notFound: 'The schedule at {host} was not found (404). Check the address, or import the file.',
  http: 'The schedule at {host} answered with error {status}. Check the address, or import the file.',
  notModified: 'The server answered "not modified" to a first request.',
  tooLarge: SCHEDULE_WORDS.tooLarge,
} as const;

export type ScheduleWords = (typeof SCHEDULE_WORDS)[keyof typeof SCHEDULE_WORDS];
export type FetchWords = (typeof FETCH_WORDS)[keyof typeof FETCH_WORDS];

/**
 * What was odd in a schedule that was imported all the same, shown on its conference's page.
 * A count has its own entry for exactly one (the *One keys), so no sentence says "talk(s)".
 */
export const SCHEDULE_WARNINGS = {
  noZone:
    'This schedule has no time zone. Times are shown as printed, in the conference’s local clock; set the conference’s time zone so the app knows which talk is on now.',
  offsetsNoZoneName:
    'This schedule gives UTC offsets but no time-zone name; set the conference’s time zone to be sure times are right around daylight-saving changes.',
  utcNoZone:
    'This calendar gives exact (UTC) times but no time zone; choose the conference’s time zone to see its local times.',
  utcNoZoneSchedule:
    'This schedule gives exact (UTC) times but no time zone; choose the conference’s time zone to see its local times.',
  unknownZone: 'The time zone “{zone}” is not one this device knows; times are kept as printed.',
  unknownEventZone:
    'The time zone “{zone}” is not one this device knows; the times given in it are kept as printed.',
  wrongOffset:
    '{n} talks had a local time wrongly marked as UTC; they were read as local times in {zone}.',
  wrongOffsetOne:
    '1 talk had a local time wrongly marked as UTC; it was read as a local time in {zone}.',
  dateMismatch: '{n} talks have a date and a start time that disagree; the exact date was used.',
  dateMismatchOne: '1 talk has a date and a start time that disagree; the exact date was used.',
  utcUnknownZone:
    '{n} talks are marked as UTC but the file names no time zone, so the printed clock time was kept as the local time.',
  utcUnknownZoneOne:
    '1 talk is marked as UTC but the file names no time zone, so the printed clock time was kept as the local time.',
  listedTwice:
    '{n} talks were listed more than once at the same time in the same room; each is shown once.',
  listedTwiceOne:
    '1 talk was listed more than once at the same time in the same room; it is shown once.',
  talkIdReused: '{n} talks reuse another talk’s id; they were told apart by time and title.',
  talkIdReusedOne: '1 talk reuses another talk’s id; it was told apart by time and title.',
  sessionIdReused: '{n} sessions reuse another session’s id.',
  sessionIdReusedOne: '1 session reuses another session’s id.',
  stampedUids:
    'This calendar’s event IDs change every time it is rebuilt, so talks are matched by title instead.',
  /** Never one: every event of a shared ID counts. */
  sharedUid: '{n} events share an ID with another event.',
  noEnd: '{n} talks have no end time.',
  noEndOne: '1 talk has no end time.',
  allDay: '{n} all-day entries have no time.',
  allDayOne: '1 all-day entry has no time.',
  cancelled: '{n} cancelled events were left out.',
  cancelledOne: '1 cancelled event was left out.',
  emptySlots: '{n} empty slots with no title were left out.',
  emptySlotsOne: '1 empty slot with no title was left out.',
  impossibleTime:
    '{n} talks had a date or length that can’t be right (such as a length of years); those times were left out.',
  impossibleTimeOne:
    '1 talk had a date or length that can’t be right (such as a length of years); that time was left out.',
  fieldsDropped:
    'Details of {n} talks could not be used and were left out (for example “{field}” of “{title}”).',
  fieldsDroppedOne: 'A detail of “{title}” could not be used and was left out (“{field}”).',
  talksDropped: '{n} talks of this schedule could not be read and were left out.',
  talksDroppedOne: '1 talk of this schedule could not be read and was left out (number {first}).',
  conferenceField: 'The schedule’s “{field}” could not be used and was left out.',
} as const;

export type ScheduleWarningWords = (typeof SCHEDULE_WARNINGS)[keyof typeof SCHEDULE_WARNINGS];

/** A warning in words the screens translate: an entry of SCHEDULE_WARNINGS and its values. */
export interface ScheduleWarning extends Worded {
  readonly words: ScheduleWarningWords;
}

export function warning(words: ScheduleWarningWords, values: WordValues = {}): ScheduleWarning {
  return { words, values };
}

/** A warning about `n` things: the sentence for exactly one, else the one that says {n}. */
export function countWarning(
  n: number,
  one: ScheduleWarningWords,
  many: ScheduleWarningWords,
  values: WordValues = {},
): ScheduleWarning {
  return warning(n === 1 ? one : many, { ...values, n });
}
