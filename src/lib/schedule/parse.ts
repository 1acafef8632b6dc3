// The one entry point for schedule files: bytes in, ParsedSchedule out, or a ScheduleError whose
// message is written for the person holding the phone. Guards (size, empty, binary, web page,
// cut-off download) run before any format parser sees the data.

import {
  decodeText,
  detectFormat,
  isBlank,
  looksBinary,
  looksLikeIcsBytes,
  stripBom,
} from './detect';
import { parseFrabJson } from './frab-json';
import { parseFrabXml } from './frab-xml';
import { parseIcs } from './ics';
import { unfoldIcsBytes, unfoldIcsText } from './ics-lines';
import { parseSessionize } from './sessionize';
import { MAX_SCHEDULE_BYTES, ScheduleError, TOO_LARGE_MESSAGE, type ParsedSchedule } from './types';

export { MAX_SCHEDULE_BYTES };

const MESSAGES = {
  empty: 'The file is empty.',
  tooLarge: TOO_LARGE_MESSAGE,
  binary:
    'This isn’t a schedule file: it isn’t text at all (perhaps an image or an archive). ' +
    'Confnotes reads iCalendar (.ics), frab or pretalx JSON and XML, and Sessionize JSON.',
  htmlPage:
    'This is a web page, not a schedule file. On the conference website, look for a link to ' +
    'the schedule as iCal (.ics), JSON or XML, and use that instead.',
  notSchedule:
    'This file isn’t a schedule Confnotes can read. It reads iCalendar (.ics), frab or ' +
    'pretalx JSON and XML, and Sessionize JSON.',
  truncatedJson:
    'This schedule file stops part-way through, probably because the download was cut off. ' +
    'Please download it again.',
  invalidJson: 'This JSON file is damaged and can’t be read. Please download the schedule again.',
  noTalks: 'This schedule has no talks in it yet.',
  unexpected:
    'Something in this schedule file could not be read. Please try another format of the ' +
    'schedule (iCal, JSON or XML) if the conference offers one.',
};

function toBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  return ArrayBuffer.isView(input)
    ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
    : new Uint8Array(input);
}

function parseText(text: string, fileName: string | undefined): ParsedSchedule {
  const found = detectFormat(text, fileName);
  if ('format' in found) {
    switch (found.format) {
      case 'ics':
        // Only reached for UTF-16 calendars; UTF-8 ones are unfolded as bytes in parseBytes.
        return parseIcs(unfoldIcsText(text), fileName);
      case 'frab-xml':
        return parseFrabXml(text);
      case 'frab-json':
        return parseFrabJson(found.json);
      case 'sessionize':
        return parseSessionize(found.json, fileName);
    }
  }
  switch (found.problem) {
    case 'html-page':
      throw new ScheduleError('html-page', MESSAGES.htmlPage);
    case 'truncated':
      throw new ScheduleError('truncated', MESSAGES.truncatedJson);
    case 'invalid':
      throw new ScheduleError('invalid', MESSAGES.invalidJson);
    default:
      throw new ScheduleError('not-a-schedule', MESSAGES.notSchedule);
  }
}

function parseBytes(raw: Uint8Array, fileName: string | undefined): ParsedSchedule {
  if (raw.byteLength > MAX_SCHEDULE_BYTES) throw new ScheduleError('too-large', MESSAGES.tooLarge);
  const { bytes, encoding } = stripBom(raw);
  if (isBlank(bytes)) throw new ScheduleError('empty', MESSAGES.empty);
  if (encoding !== 'utf-8') return parseText(decodeText(bytes, encoding), fileName);
  if (looksBinary(bytes)) throw new ScheduleError('not-a-schedule', MESSAGES.binary);
  if (looksLikeIcsBytes(bytes)) return parseIcs(decodeText(unfoldIcsBytes(bytes)), fileName);
  return parseText(decodeText(bytes), fileName);
}

/**
 * Parses a schedule file of any supported format. Throws ScheduleError with a plain-language
 * message for bad input: 'too-large', 'empty', 'html-page', 'truncated', 'invalid',
 * 'not-a-schedule' or 'no-talks'.
 */
export function parseSchedule(input: Uint8Array | ArrayBuffer, fileName?: string): ParsedSchedule {
  let result: ParsedSchedule;
  try {
    result = parseBytes(toBytes(input), fileName);
  } catch (e) {
    if (e instanceof ScheduleError) throw e;
    // A bug or a shape no parser expected: still give the user words, keep the cause for logs.
    throw Object.assign(new ScheduleError('invalid', MESSAGES.unexpected), { cause: e });
  }
  if (result.talks.length === 0) throw new ScheduleError('no-talks', MESSAGES.noTalks);
  return result;
}
