import { describe, expect, it } from 'vitest';
import { fileShot, type Filing } from '../../../src/lib/capture/filing';
import { toTalkFields } from '../../../src/lib/schedule/materialise';
import type { Talk } from '../../../src/lib/model/types';
import { nowAndNext } from '../../../src/lib/schedule/agenda';
import { zonedWallToUtc } from '../../../src/lib/util/time';
import { parsed } from '../schedule/fixtures';

const ZONE = 'Europe/Brussels';
/** Wall-clock time at FOSDEM. */
const at = (local: string) => zonedWallToUtc(local, ZONE)!;
const describeFiling = (f: Filing) =>
  f.kind === 'talk' ? `${f.reason}: ${f.talk.id}` : 'unsorted';

describe('filing against FOSDEM 2015 (Europe/Brussels)', () => {
  // The real schedule, materialised as the importer stores it; ids are the source keys.
  const talks: Talk[] = toTalkFields(parsed('fosdem').talks, ZONE).map((t) => ({
    ...t,
    id: t.sourceKey,
    conferenceId: 'fosdem-2015',
  }));

  it('has 14 talks running on Saturday at 10:30 local (09:30 UTC)', () => {
    expect(at('2015-01-31T10:30')).toBe(Date.UTC(2015, 0, 31, 9, 30));
    expect(nowAndNext(talks, at('2015-01-31T10:30')).now).toHaveLength(14);
  });

  it.each<[string, string, string[], string | undefined, string]>([
    // [case, local clock, starred, last-filed room, where the photo goes]
    [
      'starred talk running now',
      '2015-01-31T10:30',
      ['state_of_openjdk'],
      undefined,
      'starred: state_of_openjdk',
    ],
    [
      'starred beats the last room',
      '2015-01-31T10:30',
      ['state_of_openjdk'],
      'Janson',
      'starred: state_of_openjdk',
    ],
    [
      'two starred: the one in the last room',
      '2015-01-31T10:40',
      ['valgrind_eclipse', 'edgebsd'],
      'AW1.121',
      'starred: edgebsd',
    ],
    [
      'two starred, neither room: the later start',
      '2015-01-31T10:40',
      ['identity_crisis', 'edgebsd'],
      'K.3.401',
      'starred: edgebsd',
    ],
    [
      'no star: the talk on in the last room',
      '2015-01-31T10:30',
      [],
      'Janson',
      'room: identity_crisis',
    ],
    [
      'starred talk already over: the last room',
      '2015-01-31T10:30',
      ['keynotes_welcome'],
      'H.2214',
      'room: cl_style_macroexpansion_applied_to_c',
    ],
    ['nothing starred, no room yet', '2015-01-31T10:30', [], undefined, 'unsorted'],
    ['gap between talks in the room', '2015-01-31T10:55', [], 'Janson', 'unsorted'],
    [
      'the end instant belongs to the next talk',
      '2015-01-31T11:00',
      [],
      'Janson',
      'room: what_is_wrong_with_operating_systems',
    ],
    ['a room with nothing on', '2015-01-31T10:30', [], 'No such room', 'unsorted'],
    ['before the day starts', '2015-01-31T08:00', ['identity_crisis'], 'Janson', 'unsorted'],
  ])('%s', (_case, local, starred, lastRoom, expected) => {
    // Every id named is a real talk of the file, so no case passes by missing its target.
    for (const id of starred) expect(talks.some((t) => t.id === id)).toBe(true);
    const filing = fileShot({ talks, starred, lastRoom, now: at(local) });
    expect(describeFiling(filing)).toBe(expected);
  });

  it('reads the clock as an instant: 10:30 UTC is 11:30 in Brussels', () => {
    const filing = fileShot({
      talks,
      starred: [],
      lastRoom: 'Janson',
      now: Date.UTC(2015, 0, 31, 10, 30),
    });
    expect(describeFiling(filing)).toBe('room: what_is_wrong_with_operating_systems');
  });
});

describe('filing edge cases', () => {
  const H = 3_600_000;
  const T0 = Date.UTC(2024, 4, 1, 8, 0);
  const talk = (id: string, room: string, start?: number, end?: number, removed = false): Talk => ({
    id,
    conferenceId: 'c',
    sourceKey: id,
    order: 0,
    title: id,
    room,
    ...(start !== undefined && { startUtc: start }),
    ...(end !== undefined && { endUtc: end }),
    utcFromFile: true,
    speakers: [],
    links: [],
    removedFromSchedule: removed,
  });
  const talks = [
    talk('long', 'A', T0, T0 + 3 * H),
    talk('lightning', 'A', T0 + H, T0 + H + 600_000),
    talk('no-end', 'B', T0),
    talk('gone', 'C', T0, T0 + H, true),
    talk('untimed', 'A'),
  ];
  it.each<[string, number, string[], string | undefined, string]>([
    ['overlap in one room: the later start', T0 + H + 60_000, [], 'A', 'room: lightning'],
    ['no end: taken to last an hour', T0 + 59 * 60_000, [], 'B', 'room: no-end'],
    ['no end: over after an hour', T0 + H, [], 'B', 'unsorted'],
    ['removed from the schedule: never chosen', T0 + 60_000, ['gone'], 'C', 'unsorted'],
    ['a talk without times is never "now"', T0 + 4 * H, ['untimed'], 'A', 'unsorted'],
    ['starred as a Set works the same', T0 + 60_000, ['long'], undefined, 'starred: long'],
  ])('%s', (_case, now, starred, lastRoom, expected) => {
    const stars = _case.includes('Set') ? new Set(starred) : starred;
    expect(describeFiling(fileShot({ talks, starred: stars, lastRoom, now }))).toBe(expected);
  });
});
