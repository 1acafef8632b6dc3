// What schedule import tells the user when a file or a download is not a schedule it can use,
// in English with {placeholders}; the screens translate it (see src/lib/util/words.ts).

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
  xmlDamaged:
    'This XML schedule is damaged and can’t be read. Please download it again or try the conference’s iCal or JSON schedule instead.',
  noTalks: 'This schedule has no talks in it yet.',
  unexpected:
    'Something in this schedule file could not be read. Please try another format of the schedule (iCal, JSON or XML) if the conference offers one.',
  unreadable: 'This file could not be read as a schedule.',
  readerStopped: 'The schedule reader stopped unexpectedly. Try again.',
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
