// The remembered zone conversions give what util/time gives, and remember no failure.
import { describe, expect, it } from 'vitest';
import { instantIn, wallIn } from '../../../src/lib/schedule/zone-memo';
import { utcToZonedWall, zonedWallToUtc } from '../../../src/lib/util/time';

describe('zone-memo', () => {
  it.each([
    ['2026-01-31T09:30', 'Europe/Brussels'],
    ['2026-03-29T02:30', 'Europe/Brussels'],
    ['2026-10-25T02:30', 'Europe/Brussels'],
    ['2023-09-10T10:30', 'Asia/Kolkata'],
    ['2026-01-31T09:30', 'America/New_York'],
  ])('%s in %s, asked twice', (wall, zone) => {
    for (let i = 0; i < 2; i++) {
      expect(instantIn(wall, zone)).toBe(zonedWallToUtc(wall, zone));
      const ms = zonedWallToUtc(wall, zone);
      expect(wallIn(ms, zone)).toBe(utcToZonedWall(ms, zone));
    }
  });

  it('keys by zone as well as time', () => {
    expect(instantIn('2026-01-31T09:30', 'Europe/Brussels')).not.toBe(
      instantIn('2026-01-31T09:30', 'Europe/London'),
    );
  });

  it('throws again on a malformed wall clock rather than remembering it', () => {
    expect(() => instantIn('not a time', 'Europe/Brussels')).toThrow(RangeError);
    expect(() => instantIn('not a time', 'Europe/Brussels')).toThrow(RangeError);
  });
});
