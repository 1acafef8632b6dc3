// Time-zone, duration and wall-clock helpers (Intl only).
import { describe, expect, it } from 'vitest';
import {
  addMinutesLocal,
  isValidTimeZone,
  normaliseTimeOfDay,
  parseDuration,
  utcToZonedWall,
  zonedWallToUtc,
} from '../../../src/lib/util/time';

const utc = (s: string) => Date.parse(s);

describe('zonedWallToUtc / utcToZonedWall', () => {
  it.each([
    ['2023-09-10T10:30', 'Asia/Kolkata', '2023-09-10T05:00:00Z'], // half-hour offset
    ['2023-09-10T03:00', 'Asia/Kolkata', '2023-09-09T21:30:00Z'], // local date ahead of UTC
    ['2015-01-31T09:30', 'Europe/Brussels', '2015-01-31T08:30:00Z'],
    ['2015-09-18T08:00:00', 'Europe/London', '2015-09-18T07:00:00Z'], // seconds accepted
    ['2024-06-01T12:00', 'Asia/Kathmandu', '2024-06-01T06:15:00Z'], // +05:45
    ['2024-06-01T12:00', 'America/St_Johns', '2024-06-01T14:30:00Z'], // -02:30 in summer
    ['2024-01-15T09:00', 'Australia/Sydney', '2024-01-14T22:00:00Z'], // southern summer time
    ['2020-03-28T09:00', 'UTC', '2020-03-28T09:00:00Z'],
  ])('%s in %s is %s', (wall, zone, instant) => {
    expect(zonedWallToUtc(wall, zone)).toBe(utc(instant));
    expect(utcToZonedWall(utc(instant), zone)).toBe(wall.slice(0, 16));
  });

  it('pushes a wall time inside a DST gap forward by the gap (02:30 → 03:30 CEST)', () => {
    const ms = zonedWallToUtc('2024-03-31T02:30', 'Europe/Berlin');
    expect(ms).toBe(utc('2024-03-31T01:30:00Z'));
    expect(utcToZonedWall(ms, 'Europe/Berlin')).toBe('2024-03-31T03:30');
  });

  it('picks the earlier instant for a wall time that happens twice (DST overlap)', () => {
    expect(zonedWallToUtc('2024-10-27T02:30', 'Europe/Berlin')).toBe(utc('2024-10-27T00:30:00Z'));
    expect(zonedWallToUtc('2024-11-03T01:30', 'America/New_York')).toBe(
      utc('2024-11-03T05:30:00Z'),
    );
  });

  it('rejects malformed wall times and unknown zones', () => {
    expect(() => zonedWallToUtc('10:30', 'Asia/Kolkata')).toThrow(RangeError);
    expect(() => zonedWallToUtc('2023-09-10T10:30', 'Mars/Olympus_Mons')).toThrow();
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['Asia/Kolkata', true],
    ['Europe/Brussels', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (tz, ok) => expect(isValidTimeZone(tz)).toBe(ok));
});

describe('parseDuration', () => {
  it.each<[string, { threeParts?: 'hms' | 'dhm' } | undefined, number | undefined]>([
    ['0:30', undefined, 30],
    ['00:30', undefined, 30],
    ['01:25', undefined, 85],
    ['00:05:00', { threeParts: 'hms' }, 5], // FOSDEM timeslot_duration
    ['00:05:00', undefined, 5], // hms is the default reading
    ['1:04:00', { threeParts: 'dhm' }, 28 * 60], // frab: days:hours:minutes
    ['1:04:00', { threeParts: 'hms' }, 64],
    ['', undefined, undefined],
    ['   ', undefined, undefined],
    ['45', undefined, 45],
    ['PT45M', undefined, 45], // iCalendar DURATION
    ['PT1H30M', undefined, 90],
    ['P1DT2H', undefined, 26 * 60],
    ['P1W', undefined, 7 * 24 * 60],
    ['0:75', undefined, undefined],
    ['soon', undefined, undefined],
    ['1:30:99', undefined, undefined],
  ])('%j %j → %j', (s, opts, want) => expect(parseDuration(s, opts)).toBe(want));

  it('accepts numbers and missing values', () => {
    expect(parseDuration(40)).toBe(40);
    expect(parseDuration(undefined)).toBeUndefined();
    expect(parseDuration(null)).toBeUndefined();
  });
});

describe('addMinutesLocal', () => {
  it.each([
    ['2015-01-31T23:40', 30, '2015-02-01T00:10'], // a talk crossing midnight
    ['2020-12-31T23:30', 60, '2021-01-01T00:30'],
    ['2024-02-28T23:00', 120, '2024-02-29T01:00'],
    ['2023-09-10T10:30', 8 * 60 + 30, '2023-09-10T19:00'],
    ['2015-01-31T09:00', 1440, '2015-02-01T09:00'],
  ])('%s + %i min = %s', (from, min, to) => expect(addMinutesLocal(from, min)).toBe(to));

  it('ignores DST: it is wall-clock arithmetic', () => {
    expect(addMinutesLocal('2024-03-31T01:30', 60)).toBe('2024-03-31T02:30');
  });
});

describe('normaliseTimeOfDay', () => {
  it.each([
    ['9:30', '09:30'],
    ['09:30:00', '09:30'],
    ['24:00', undefined],
    ['', undefined],
  ])('%s → %s', (s, want) => expect(normaliseTimeOfDay(s)).toBe(want));
});
