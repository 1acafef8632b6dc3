// parseSchedule end to end: every fixture, encodings, and every kind of bad input (its speed
// is measured by `npm run bench`, never by a threshold in a test).
import { describe, expect, it, vi } from 'vitest';
import { MAX_SCHEDULE_BYTES, parseSchedule } from '../../../src/lib/schedule/parse';
import { ScheduleError, type ScheduleErrorCode } from '../../../src/lib/schedule/types';
import { SCHEDULE_WORDS } from '../../../src/lib/schedule/words';
import { fill } from '../../../src/lib/util/words';
import { FR } from '../../../src/ui/i18n/fr';
import { FIXTURES, fixtureBytes, fixtureText, utf8, type FixtureName } from './fixtures';

function errorOf(run: () => unknown): ScheduleError {
  try {
    run();
  } catch (e) {
    if (e instanceof ScheduleError) return e;
    throw e;
  }
  throw new Error('expected a ScheduleError');
}

const names = Object.keys(FIXTURES) as FixtureName[];

describe('parseSchedule on every fixture', () => {
  it.each<[FixtureName, string, number]>([
    ['fosdem', 'frab-xml', 551],
    ['fosdem2026', 'frab-xml', 883],
    ['debconf', 'frab-xml', 117],
    ['rc3', 'frab-json', 48],
    ['pyconuk', 'ics', 158],
    ['sessionize', 'sessionize', 99],
    ['hub38c3', 'c3voc-json', 2],
    ['hub38c3draft', 'c3voc-json', 2],
    ['fosdem2008', 'frab-xml', 241],
    ['handmade', 'frab-xml', 4],
    ['merged', 'frab-xml', 1],
  ])('%s → %s with %i talks and unique keys', (name, format, count) => {
    const s = parseSchedule(fixtureBytes(name), FIXTURES[name]);
    expect(s.format).toBe(format);
    expect(s.talks).toHaveLength(count);
    const keys = s.talks.map((t) => t.sourceKey);
    expect(new Set(keys).size).toBe(count);
    expect(keys.some((k) => k === '' || /^\d+$/.test(k))).toBe(false);
  });

  it.each(names)('%s: every time string is YYYY-MM-DDTHH:mm and ends follow starts', (name) => {
    for (const t of parseSchedule(fixtureBytes(name)).talks) {
      for (const v of [t.startLocal, t.endLocal]) {
        if (v !== undefined) expect(v).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      }
      if (t.startLocal && t.endLocal) expect(t.endLocal >= t.startLocal).toBe(true);
      if (t.startUtc !== undefined && t.endUtc !== undefined) {
        expect(t.endUtc).toBeGreaterThanOrEqual(t.startUtc);
      }
    }
  });

  it('accepts an ArrayBuffer and a Uint8Array view into a larger buffer', () => {
    const bytes = fixtureBytes('rc3');
    expect(parseSchedule(bytes.slice().buffer).talks).toHaveLength(48);
    const padded = new Uint8Array(bytes.length + 10);
    padded.set(bytes, 5);
    expect(parseSchedule(padded.subarray(5, 5 + bytes.length)).talks).toHaveLength(48);
  });

  it('reads a UTF-16 file with a byte-order mark', () => {
    const text = fixtureText('rc3');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      bytes[2 + i * 2] = c & 0xff;
      bytes[3 + i * 2] = c >> 8;
    }
    expect(parseSchedule(bytes).talks).toHaveLength(48);
  });
});

/** Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced. */
function junk(length: number, seed = 0x2545f491): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('bad input gets a plain-language ScheduleError', () => {
  const half = (name: FixtureName) => {
    const b = fixtureBytes(name);
    return b.subarray(0, Math.floor(b.length / 2));
  };

  it.each<[string, () => Uint8Array, ScheduleErrorCode]>([
    ['an empty file', () => new Uint8Array(0), 'empty'],
    ['only whitespace and a BOM', () => utf8('\uFEFF \r\n\t '), 'empty'],
    ['an HTML page', () => utf8('<!doctype html><html><body>Schedule</body></html>'), 'html-page'],
    ['FOSDEM XML cut in half', () => half('fosdem'), 'truncated'],
    ['DebConf XML cut in half', () => half('debconf'), 'truncated'],
    ['rC3 JSON cut in half', () => half('rc3'), 'truncated'],
    ['Sessionize JSON cut in half', () => half('sessionize'), 'truncated'],
    ['PyCon UK ICS cut in half', () => half('pyconuk'), 'truncated'],
    ['random bytes', () => junk(64 * 1024), 'not-a-schedule'],
    [
      'valid JSON that is not a schedule',
      () => utf8('{"name":"x","dependencies":{}}'),
      'not-a-schedule',
    ],
    [
      'XML that is not a schedule',
      () => utf8('<?xml version="1.0"?><rss><channel/></rss>'),
      'not-a-schedule',
    ],
    ['broken JSON', () => utf8('{"schedule": nope}'), 'invalid'],
    ['broken XML', () => utf8('<schedule><day><room></day></schedule>'), 'invalid'],
    [
      'a schedule with no events',
      () => utf8('<schedule><conference><title>X</title></conference></schedule>'),
      'no-talks',
    ],
    ['an empty calendar', () => utf8('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'), 'no-talks'],
    ['Sessionize with no sessions', () => utf8('{"sessions":[],"speakers":[]}'), 'no-talks'],
  ])('%s → %s', (_what, make, code) => {
    const err = errorOf(() => parseSchedule(make(), 'file'));
    expect(err.code).toBe(code);
    expect(err.message).toMatch(/^[A-Z].*\.$/);
    expect(err.message).not.toMatch(/JSON\.parse|Unexpected token|undefined|\bnull\b|Error:/);
  });

  it('says what a file that is no schedule looks like, in words the screens translate', () => {
    const err = errorOf(() => parseSchedule(utf8('{"schedule": {"2024-05-01": [{"t": 1}]}}')));
    expect(err.code).toBe('not-a-schedule');
    expect(err.words).toBe(SCHEDULE_WORDS.notScheduleLooks);
    expect(err.values).toEqual({
      what: { words: SCHEDULE_WORDS.looksDateKeyed, values: { key: 'schedule' } },
    });
    expect(err.message).toBe(
      'This file isn’t a schedule Confnotes can read: it looks like a JSON file with a “schedule” keyed by date. Confnotes reads iCalendar (.ics), frab and pretalx JSON and XML, c3voc schedule JSON, and Sessionize JSON.',
    );
    const fr = (english: string) => FR[english] ?? `MISSING ${english}`;
    expect(fill(err.words, err.values, fr)).toBe(
      'Ce fichier n’est pas un programme que Confnotes sait lire : il ressemble à un fichier JSON avec un « schedule » indexé par date. Confnotes lit l’iCalendar (.ics), le JSON et le XML de frab et pretalx, le JSON « schedule » de c3voc et le JSON de Sessionize.',
    );
  });

  it('says a web page is a web page', () => {
    const err = errorOf(() => parseSchedule(utf8('<html><head></head><body></body></html>')));
    expect(err.message).toMatch(/^This is a web page, not a schedule file/);
  });

  it('rejects 50 MB of junk on size alone, without decoding it', () => {
    const big = junk(50 * 1024 * 1024);
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    const err = errorOf(() => parseSchedule(big));
    expect(decode).not.toHaveBeenCalled();
    decode.mockRestore();
    expect(err.code).toBe('too-large');
    expect(big.byteLength).toBeGreaterThan(MAX_SCHEDULE_BYTES);
    expect(() => parseSchedule(big.buffer)).toThrow(expect.objectContaining({ code: 'too-large' }));
  });
});
