// One event's impossible date or length is left out of that talk with a warning: the import
// neither throws nor lets a date past Date's range reach the screens.
import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../src/lib/schedule/parse';
import {
  MAX_TALK_MINUTES,
  dropImpossibleTimes,
  plausibleInstant,
  plausibleWall,
  type TalkTimes,
} from '../../../src/lib/schedule/sane-time';
import type { ParsedSchedule } from '../../../src/lib/schedule/types';
import { SCHEDULE_WARNINGS as W } from '../../../src/lib/schedule/words';
import { FIXTURES, fixtureText, parsed, utf8, type FixtureName } from './fixtures';

const at = (s: string) => Date.parse(`${s}:00Z`);

describe('dropImpossibleTimes', () => {
  const cases: [string, TalkTimes, TalkTimes][] = [
    [
      'keeps a plain talk',
      { startLocal: '2024-03-01T09:00', endLocal: '2024-03-01T09:30' },
      { startLocal: '2024-03-01T09:00', endLocal: '2024-03-01T09:30' },
    ],
    [
      'drops a 13th month and the end hanging from it',
      { startLocal: '2024-13-01T09:00', endLocal: '2024-13-01T09:30' },
      {},
    ],
    ['drops 30 February', { startLocal: '2024-02-30T09:00' }, {}],
    [
      'drops NaN strings',
      { startLocal: '2024-03-01T09:00', endLocal: '0NaN-NaN-NaNTNaN:NaN' },
      { startLocal: '2024-03-01T09:00' },
    ],
    ['drops year 9999', { startUtc: at('9999-12-31T23:59') }, {}],
    [
      'drops an instant past Date',
      { startUtc: at('2024-03-01T09:00'), endUtc: 6e16 },
      { startUtc: at('2024-03-01T09:00') },
    ],
    ['drops Infinity and NaN', { startUtc: Infinity, endUtc: NaN }, {}],
    [
      'drops an end years after its start',
      { startUtc: at('2024-03-01T09:00'), endUtc: at('2031-03-01T09:00') },
      { startUtc: at('2024-03-01T09:00') },
    ],
    [
      'keeps a two-week camp',
      { startLocal: '2024-03-01T09:00', endLocal: '2024-03-15T09:00' },
      { startLocal: '2024-03-01T09:00', endLocal: '2024-03-15T09:00' },
    ],
    [
      'keeps an end with no start given',
      { endLocal: '2024-03-15T09:00' },
      { endLocal: '2024-03-15T09:00' },
    ],
  ];
  it.each(cases)('%s', (_name, times, expected) => {
    const t = { ...times };
    expect(dropImpossibleTimes(t)).toBe(Object.keys(expected).length < Object.keys(times).length);
    expect(t).toEqual(expected);
  });
});

/** Every time of every talk is one the screens can show, and no talk lasts over a month. */
function expectOnlyPossibleTimes(s: ParsedSchedule) {
  for (const t of s.talks) {
    for (const w of [t.startLocal, t.endLocal])
      if (w !== undefined) expect(plausibleWall(w)).toBe(true);
    for (const u of [t.startUtc, t.endUtc])
      if (u !== undefined) expect(plausibleInstant(u)).toBe(true);
    if (t.startUtc !== undefined && t.endUtc !== undefined) {
      expect(t.endUtc - t.startUtc).toBeLessThanOrEqual(MAX_TALK_MINUTES * 60_000);
    }
  }
  for (const d of [s.conference.startDate, s.conference.endDate]) {
    if (d !== undefined) expect(d).toMatch(/^20\d\d-\d\d-\d\d$/);
  }
}

/** Replaces the first `from` in the fixture's text, failing loudly if the fixture changed. */
function edited(name: FixtureName, ...edits: [string, string][]): Uint8Array {
  let text = fixtureText(name);
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  return utf8(text);
}

describe('a real schedule with one impossible time', () => {
  const zoned: [string, string] = ['VERSION:2.0', 'VERSION:2.0\r\nX-WR-TIMEZONE:Europe/London'];
  const cases: [string, FixtureName, Uint8Array][] = [
    [
      'PyCon UK .ics, DURATION:P99999999W in a zone',
      'pyconuk',
      edited('pyconuk', zoned, ['DTEND:20150918T083000Z', 'DURATION:P99999999W']),
    ],
    [
      'PyCon UK .ics, DURATION:P99999999W, no zone',
      'pyconuk',
      edited('pyconuk', ['DTEND:20150918T083000Z', 'DURATION:P99999999W']),
    ],
    [
      'PyCon UK .ics, a 13th month in a zone',
      'pyconuk',
      edited('pyconuk', zoned, ['DTSTART:20150918T070000Z', 'DTSTART:20151318T070000Z']),
    ],
    [
      'PyCon UK .ics, DTEND in year 9999',
      'pyconuk',
      edited('pyconuk', zoned, ['DTEND:20150918T083000Z', 'DTEND:99991231T235959Z']),
    ],
    [
      'rC3 frab JSON, a duration of 190 years',
      'rc3',
      edited('rc3', ['"duration": "00:40"', '"duration": "99999999"']),
    ],
    [
      'rC3 frab JSON, a 13th month',
      'rc3',
      edited('rc3', ['"date": "2020-12-27T11:30:00+01:00"', '"date": "2020-13-27T11:30:00+01:00"']),
    ],
    [
      'FOSDEM pentabarf XML, a duration of 19,000 years',
      'fosdem',
      edited('fosdem', ['<duration>00:25</duration>', '<duration>9999999999</duration>']),
    ],
    [
      'c3voc schedule 2 JSON, an end in year 9999',
      'hub38c3',
      edited('hub38c3', [
        '"end": "2024-12-27T11:00:00+01:00"',
        '"end": "9999-12-27T11:00:00+01:00"',
      ]),
    ],
    [
      'c3voc schedule 2 JSON, a start in year 9999',
      'hub38c3',
      edited('hub38c3', [
        '"start": "2024-12-28T00:15:00+01:00"',
        '"start": "9999-12-28T00:15:00+01:00"',
      ]),
    ],
    [
      'Sessionize JSON, year 0',
      'sessionize',
      edited('sessionize', [
        '"startsAt": "2020-03-28T08:00:00"',
        '"startsAt": "0000-03-28T08:00:00"',
      ]),
    ],
  ];

  it.each(cases)('%s: imports every talk, with a warning', (_name, name, bytes) => {
    const s = parseSchedule(bytes, FIXTURES[name]);
    expect(s.talks).toHaveLength(parsed(name).talks.length);
    expect(s.warnings.map((w) => w.words)).toContain(W.impossibleTimeOne);
    expectOnlyPossibleTimes(s);
  });

  it('says how many when several talks are affected', () => {
    const text = fixtureText('pyconuk').replaceAll(
      'DTEND:20150918',
      'DURATION:P99999999W\r\nX-DTEND:20150918',
    );
    const s = parseSchedule(utf8(text), FIXTURES.pyconuk);
    const w = s.warnings.find((x) => x.words === W.impossibleTime);
    expect(w?.values.n).toBeGreaterThan(1);
    expectOnlyPossibleTimes(s);
  });

  it('leaves the real fixtures untouched', () => {
    for (const name of Object.keys(FIXTURES) as FixtureName[]) {
      expect(parsed(name).warnings.map((w) => w.words)).not.toContain(W.impossibleTimeOne);
      expect(parsed(name).warnings.map((w) => w.words)).not.toContain(W.impossibleTime);
    }
  });
});
