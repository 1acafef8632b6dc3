// detectFormat and the byte-level helpers that run before any text exists.
import { describe, expect, it } from 'vitest';
import {
  describeJson,
  detectFormat,
  jsonLooksTruncated,
  looksLikeIcsBytes,
  stripBom,
} from '../../../src/lib/schedule/detect';
import { fill } from '../../../src/lib/util/words';
import { fixtureText, utf8, type FixtureName } from './fixtures';

describe('detectFormat on the real fixtures', () => {
  it.each<[FixtureName, string]>([
    ['fosdem', 'frab-xml'],
    ['debconf', 'frab-xml'],
    ['rc3', 'frab-json'],
    ['pyconuk', 'ics'],
    ['sessionize', 'sessionize'],
    ['hub38c3', 'c3voc-json'],
    ['hub38c3draft', 'c3voc-json'],
    ['fosdem2008', 'frab-xml'],
    ['handmade', 'frab-xml'],
  ])('%s is %s', (name, format) => {
    const text = fixtureText(name).replace(/^\uFEFF/, '');
    expect(detectFormat(text)).toMatchObject({ format });
  });

  it('goes by content alone: an XML file is XML whatever its name', () => {
    expect(detectFormat(fixtureText('fosdem'))).toEqual({ format: 'frab-xml' });
  });
});

describe('detectFormat on other content', () => {
  it.each([
    ['<!DOCTYPE html><html><head><title>Schedule</title></head></html>', 'html-page'],
    ['<html lang="en"><body>Fahrplan</body></html>', 'html-page'],
    ['\n  <?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', 'not-a-schedule'],
    ['{"name":"confnotes","version":"1.0.0"}', 'not-a-schedule'],
    ['[1, 2, 3]', 'not-a-schedule'],
    ['{"schedule": {"conference": {"days": [', 'truncated'],
    ['{"a": "unterminated', 'truncated'],
    ['{"a": 1,, "b": 2}', 'invalid'],
    ['Just some notes about the conference.', 'not-a-schedule'],
  ])('%j → %s', (text, problem) => {
    expect(detectFormat(text)).toMatchObject({ problem });
  });
});

describe('what a file that is no schedule looks like', () => {
  const looks = (text: string) => {
    const found = detectFormat(text);
    if (!('looks' in found)) throw new Error(`not described: ${JSON.stringify(found)}`);
    return fill(found.looks.words, found.looks.values);
  };

  it.each([
    [
      '{"schedule": {"2024-05-01": [], "2024-05-02": []}}',
      'a JSON file with a “schedule” keyed by date',
    ],
    ['{"2024-05-01T09:00": {"talks": []}}', 'a JSON file keyed by date'],
    [
      '{"name":"confnotes","version":"1.0.0"}',
      'a JSON file whose top level has the fields name, version',
    ],
    [
      '{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6}',
      'a JSON file whose top level has the fields a, b, c, d, e, …',
    ],
    ['{}', 'an empty JSON object'],
    ['[]', 'an empty JSON list'],
    ['[{"id": 1, "title": "x"}]', 'a JSON list of objects with the fields id, title'],
    ['[1, 2, 3]', 'a JSON list of plain values'],
    ['<?xml version="1.0"?><rss version="2.0"><channel/></rss>', 'an XML file whose root is <rss>'],
    [
      '<iCalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0"><vcalendar/></iCalendar>',
      'an XML file whose root is <iCalendar>',
    ],
    ['<!-- only a comment -->', 'a text file that is neither JSON, XML nor iCalendar'],
    [
      'Just some notes about the conference.',
      'a text file that is neither JSON, XML nor iCalendar',
    ],
  ])('%j → %s', (text, words) => {
    expect(looks(text)).toBe(words);
  });

  it('quotes names from the file on one line, cut short, without control characters', () => {
    const key = `<b>\n${'x'.repeat(60)}\u202e`;
    const { words, values } = describeJson({ [key]: { '2024-01-01': 1 } });
    const said = fill(words, values);
    expect(said).toBe(`a JSON file with a “<b> ${'x'.repeat(35)}…” keyed by date`);
    expect(said).not.toMatch(/[\n\u202e]/);
  });
});

describe('byte helpers', () => {
  it('recognises and strips byte-order marks', () => {
    expect(stripBom(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b]))).toEqual({
      bytes: new Uint8Array([0x7b]),
      encoding: 'utf-8',
    });
    expect(stripBom(new Uint8Array([0xff, 0xfe, 0x7b, 0])).encoding).toBe('utf-16le');
    expect(stripBom(new Uint8Array([0xfe, 0xff, 0, 0x7b])).encoding).toBe('utf-16be');
  });

  it('sniffs a calendar after leading whitespace, case-insensitively', () => {
    expect(looksLikeIcsBytes(utf8('\r\n  begin:vcalendar\r\n'))).toBe(true);
    expect(looksLikeIcsBytes(utf8('BEGIN:VCARD'))).toBe(false);
  });

  it('tells a cut-off JSON from a broken one', () => {
    expect(jsonLooksTruncated('{"a": [1, 2')).toBe(true);
    expect(jsonLooksTruncated('{"a": "x\\"}')).toBe(true);
    expect(jsonLooksTruncated('{"a": 1}}')).toBe(false);
  });
});
