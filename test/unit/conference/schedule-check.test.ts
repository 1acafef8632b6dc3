import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../../src/lib/conference/schedule-check';
import { parseSchedule } from '../../../src/lib/schedule/parse';
import type { ParsedSchedule } from '../../../src/lib/schedule/types';
import { fill } from '../../../src/lib/util/words';
import { FIXTURES, fixtureBytes, fixtureText, type FixtureName } from '../schedule/fixtures';

const said = (s: ParsedSchedule) => s.warnings.map((w) => fill(w.words, w.values));

describe('the check between a parsed schedule and the database', () => {
  it.each(Object.keys(FIXTURES) as FixtureName[])(
    'leaves the real %s schedule as parsed',
    (name) => {
      const parsed = parseSchedule(fixtureBytes(name), FIXTURES[name]);
      expect(checkSchedule(parsed)).toEqual(parsed);
    },
  );

  /** The rC3 file with its first event changed as a hostile or broken server might. */
  function rc3With(
    change: (event: Record<string, unknown>, conf: Record<string, unknown>) => void,
  ) {
    const data = JSON.parse(fixtureText('rc3')) as {
      schedule: {
        conference: Record<string, unknown> & {
          days: { rooms: Record<string, Record<string, unknown>[]> }[];
        };
      };
    };
    const conf = data.schedule.conference;
    const first = Object.values(conf.days[0]!.rooms).find((r) => r.length)![0]!;
    change(first, conf);
    const bytes = new TextEncoder().encode(JSON.stringify(data));
    return { parsed: parseSchedule(bytes, FIXTURES.rc3), title: first.title as string };
  }

  it('leaves out a field no screen can use, and says which', () => {
    const { parsed, title } = rc3With((e) => (e.language = 'x'.repeat(5_000)));
    const checked = checkSchedule(parsed);
    expect(checked.talks).toHaveLength(parsed.talks.length);
    const talk = checked.talks.find((t) => t.title === title)!;
    expect(talk).not.toHaveProperty('language');
    expect(said(checked)).toContain(
      `A detail of “${title}” could not be used and was left out (“language”).`,
    );
  });

  it('leaves out a talk that cannot stand, keeping the others', () => {
    const { parsed } = rc3With((e) => (e.title = 'A'.repeat(50_000)));
    const checked = checkSchedule(parsed);
    expect(checked.talks).toHaveLength(parsed.talks.length - 1);
    expect(said(checked).at(-1)).toMatch(
      /^1 talk of this schedule could not be read and was left out \(number \d+\)\.$/,
    );
  });

  it('leaves out a conference time zone no device knows', () => {
    const { parsed } = rc3With((_, conf) => (conf.time_zone_name = 'Mars/Olympus_Mons'));
    const checked = checkSchedule({
      ...parsed,
      conference: { ...parsed.conference, timeZone: 'Mars/Olympus_Mons' },
    });
    expect(checked.conference).not.toHaveProperty('timeZone');
    expect(said(checked)).toContain(
      'The schedule’s “timeZone” could not be used and was left out.',
    );
  });
});
