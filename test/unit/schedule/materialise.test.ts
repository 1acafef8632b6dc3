import { describe, expect, it } from 'vitest';
import { planRefresh, resolveTimes, type TalkFields } from '../../../src/lib/schedule/materialise';
import type { Talk } from '../../../src/lib/model/types';

const fields = (over: Partial<TalkFields>): TalkFields => ({
  sourceKey: 'k',
  order: 0,
  title: 'T',
  speakers: [],
  links: [],
  utcFromFile: false,
  removedFromSchedule: false,
  ...over,
});
const stored = (id: string, over: Partial<TalkFields>): Talk => ({
  ...fields(over),
  id,
  conferenceId: 'c',
});

describe('resolveTimes', () => {
  it.each([
    // [case, input, zone, expected]
    [
      'wall clock read in the zone',
      { startLocal: '2015-01-31T10:30' },
      'Europe/Brussels',
      { startUtc: Date.UTC(2015, 0, 31, 9, 30), utcFromFile: false },
    ],
    [
      'half-hour zone',
      { startLocal: '2023-09-10T10:00' },
      'Asia/Kolkata',
      { startUtc: Date.UTC(2023, 8, 10, 4, 30) },
    ],
    [
      'instant from the file wins',
      { startLocal: '2020-12-27T11:30', startUtc: Date.UTC(2020, 11, 27, 10, 30) },
      'Asia/Tokyo',
      { startUtc: Date.UTC(2020, 11, 27, 10, 30), utcFromFile: true },
    ],
    [
      'local derived from an instant',
      { startUtc: Date.UTC(2015, 8, 18, 9, 0) },
      'Europe/London',
      { startLocal: '2015-09-18T10:00' },
    ],
    ['no time at all', {}, 'Europe/Paris', { utcFromFile: false }],
  ])('%s', (_case, input, zone, expected) => {
    expect(resolveTimes(input, zone)).toMatchObject(expected);
  });
});

describe('planRefresh keeps user data on the same talk', () => {
  let n = 0;
  const newId = () => `new${++n}`;
  const noData = () => false;

  it.each([
    [
      'same key, moved and renamed',
      [stored('a', { sourceKey: 'g1', title: 'Old', startUtc: 1 })],
      [fields({ sourceKey: 'g1', title: 'New', startUtc: 2 })],
      ['a'],
    ],
    [
      'key regenerated, same title and start',
      [stored('a', { sourceKey: 'uid-1', title: 'Talk', startUtc: 5 })],
      [fields({ sourceKey: 'uid-2', title: 'Talk', startUtc: 5 })],
      ['a'],
    ],
    [
      'key regenerated and moved, title unique',
      [stored('a', { sourceKey: 'uid-1', title: 'Talk A', startUtc: 5 })],
      [fields({ sourceKey: 'uid-2', title: 'talk a!', startUtc: 9 })],
      ['a'],
    ],
    [
      'key regenerated, title not unique: no guess',
      [
        stored('a', { sourceKey: 'u1', title: 'Lunch', startUtc: 1 }),
        stored('b', { sourceKey: 'u2', title: 'Lunch', startUtc: 2 }),
      ],
      [fields({ sourceKey: 'u3', title: 'Lunch', startUtc: 3 })],
      ['new1'],
    ],
  ])('%s', (_case, existing, incoming, ids) => {
    n = 0;
    expect(planRefresh('c', existing, incoming, noData, newId).put.map((t) => t.id)).toEqual(ids);
  });

  it('flags a vanished talk with user data as removed and deletes one without', () => {
    const existing = [
      stored('kept', { sourceKey: 'a', title: 'A' }),
      stored('starred', { sourceKey: 'b', title: 'B' }),
      stored('plain', { sourceKey: 'c', title: 'C' }),
    ];
    const plan = planRefresh(
      'c',
      existing,
      [fields({ sourceKey: 'a', title: 'A' })],
      (id) => id === 'starred',
      newId,
    );
    expect(plan.put.map((t) => t.id)).toEqual(['kept']);
    expect(plan.removed).toMatchObject([{ id: 'starred', removedFromSchedule: true }]);
    expect(plan.deleteIds).toEqual(['plain']);
  });

  it('brings a removed talk back when it reappears', () => {
    const existing = [stored('x', { sourceKey: 'a', title: 'A', removedFromSchedule: true })];
    const plan = planRefresh(
      'c',
      existing,
      [fields({ sourceKey: 'a', title: 'A' })],
      noData,
      newId,
    );
    expect(plan.put).toMatchObject([{ id: 'x', removedFromSchedule: false }]);
  });
});
