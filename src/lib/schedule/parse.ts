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
import { parseC3vocJson } from './c3voc-json';
import { parseFrabJson } from './frab-json';
import { parseFrabXml } from './frab-xml';
import { parseIcs } from './ics';
import { unfoldIcsBytes, unfoldIcsText } from './ics-lines';
import { parseSessionize } from './sessionize';
import { MAX_SCHEDULE_BYTES, ScheduleError, type ParsedSchedule } from './types';
import { SCHEDULE_WORDS as W } from './words';

export { MAX_SCHEDULE_BYTES };

function toBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  return ArrayBuffer.isView(input)
    ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
    : new Uint8Array(input);
}

function parseText(text: string, fileName: string | undefined): ParsedSchedule {
  const found = detectFormat(text);
  if ('format' in found) {
    switch (found.format) {
      case 'ics':
        // Only reached for UTF-16 calendars; UTF-8 ones are unfolded as bytes in parseBytes.
        return parseIcs(unfoldIcsText(text), fileName);
      case 'frab-xml':
        return parseFrabXml(text);
      case 'frab-json':
        return parseFrabJson(found.json);
      case 'c3voc-json':
        return parseC3vocJson(found.json);
      case 'sessionize':
        return parseSessionize(found.json, fileName);
    }
  }
  switch (found.problem) {
    case 'html-page':
      throw new ScheduleError('html-page', W.htmlPage);
    case 'truncated':
      throw new ScheduleError('truncated', W.truncated);
    case 'invalid':
      throw new ScheduleError('invalid', W.invalidJson);
    case 'not-a-schedule':
      throw new ScheduleError('not-a-schedule', W.notScheduleLooks, { what: found.looks });
  }
}

function parseBytes(raw: Uint8Array, fileName: string | undefined): ParsedSchedule {
  if (raw.byteLength > MAX_SCHEDULE_BYTES) throw new ScheduleError('too-large', W.tooLarge);
  const { bytes, encoding } = stripBom(raw);
  if (isBlank(bytes)) throw new ScheduleError('empty', W.empty);
  if (encoding !== 'utf-8') return parseText(decodeText(bytes, encoding), fileName);
  if (looksBinary(bytes)) throw new ScheduleError('not-a-schedule', W.binary);
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
    throw new ScheduleError('invalid', W.unexpected, {}, { cause: e });
  }
  if (result.talks.length === 0) throw new ScheduleError('no-talks', W.noTalks);
  return result;
}
