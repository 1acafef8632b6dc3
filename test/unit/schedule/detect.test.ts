// detectFormat and the byte-level helpers that run before any text exists.
import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  jsonLooksTruncated,
  looksLikeIcsBytes,
  stripBom,
} from '../../../src/lib/schedule/detect';
import { fixtureText, utf8, type FixtureName } from './fixtures';

describe('detectFormat on the real fixtures', () => {
  it.each<[FixtureName, string]>([
    ['fosdem', 'frab-xml'],
    ['debconf', 'frab-xml'],
    ['rc3', 'frab-json'],
    ['pyconuk', 'ics'],
    ['sessionize', 'sessionize'],
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
