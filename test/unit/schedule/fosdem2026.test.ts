// FOSDEM 2026 schedule.xml (883 events, 2.7 MB), the size the import budget is set for: read
// from the real file, checked, and stored.
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../../src/lib/conference/schedule-check';
import { ConferenceRepo } from '../../../src/lib/db/conference-repo';
import { createDb } from '../../../src/lib/db/db';
import { utcToZonedWall } from '../../../src/lib/util/time';
import { distinct, fixtureText, parsed, talkByTitle } from './fixtures';

const ZONE = 'Europe/Brussels';

describe('FOSDEM 2026 (pentabarf from pretalx: guids, <date> with offsets, a persons list)', () => {
  const s = parsed('fosdem2026');

  it('has 883 talks in 30 rooms over 2 days, in the zone the file names', () => {
    expect(s.format).toBe('frab-xml');
    expect(s.talks).toHaveLength(883);
    expect(distinct(s, (t) => t.room).size).toBe(30);
    const days: Record<string, number> = {};
    for (const t of s.talks)
      days[t.startLocal!.slice(0, 10)] = (days[t.startLocal!.slice(0, 10)] ?? 0) + 1;
    expect(days).toEqual({ '2026-01-31': 484, '2026-02-01': 399 });
    expect(s.conference).toEqual({
      title: 'FOSDEM 2026',
      timeZone: ZONE,
      venue: 'ULB (Université Libre de Bruxelles), Brussels',
      startDate: '2026-01-31',
      endDate: '2026-02-01',
      url: 'https://fosdem.org/2026/schedule/',
    });
    expect(s.warnings).toEqual([]);
  });

  it('takes each instant from <date> and ends every talk on the day it starts', () => {
    // No talk runs past midnight in this file: the last one ends at 18:15 on Sunday.
    for (const t of s.talks) {
      expect(utcToZonedWall(t.startUtc!, ZONE)).toBe(t.startLocal);
      expect(utcToZonedWall(t.endUtc!, ZONE)).toBe(t.endLocal);
      expect(t.endLocal!.slice(0, 10)).toBe(t.startLocal!.slice(0, 10));
    }
    expect(
      s.talks
        .map((t) => t.endLocal!)
        .sort()
        .at(-1),
    ).toBe('2026-02-01T18:15');
  });

  it('names speakers from each event, never from the schedule-level persons list', () => {
    // 927 <person> entries with biographies sit under <schedule><persons>, outside any event.
    expect(fixtureText('fosdem2026')).toContain('<biography>');
    expect(s.talks.reduce((n, t) => n + t.speakers.length, 0)).toBe(1085);
    expect(new Set(s.talks.flatMap((t) => t.speakers.map((p) => p.name))).size).toBe(927);
    expect(s.talks.filter((t) => t.speakers.length === 0)).toHaveLength(6);
    const email = talkByTitle(s, 'Introduction to the Modern Email DevRoom');
    expect(email.speakers.map((p) => p.name)).toContain('Hans-Jörg Happel');
    expect(email).toMatchObject({
      sourceKey: '44b6d488-75bd-5f39-8fe9-fda11e8ea9b9',
      room: 'K.4.201',
      startLocal: '2026-01-31T10:30',
      endLocal: '2026-01-31T10:35',
      startUtc: Date.UTC(2026, 0, 31, 9, 30),
    });
    expect(email.speakers).toHaveLength(7);
  });

  it('decodes the entity-escaped abstracts once and keeps each event’s links', () => {
    const t = talkByTitle(s, 'Welcome to FOSDEM 2026');
    expect(t.abstract).toBe('<p>FOSDEM welcome and opening talk.</p>');
    expect(t.links.map((l) => l.title)).toEqual([
      'Chat room(web)',
      'Chat room(app)',
      'Submit Feedback',
    ]);
    expect(s.talks.every((t) => t.links.length >= 3)).toBe(true);
  });

  it('passes the record check whole and is stored as 883 talks', async () => {
    const checked = checkSchedule(s);
    expect(checked.talks).toHaveLength(883);
    expect(checked.warnings).toEqual([]);
    const repo = new ConferenceRepo(createDb('fosdem-2026-import'));
    const id = await repo.create(
      checked,
      { kind: 'file', fileName: 'schedule.xml', format: 'frab-xml', fetchedAt: 0 },
      { deviceTimeZone: 'America/New_York' },
    );
    expect(await repo.get(id)).toMatchObject({ title: 'FOSDEM 2026', timeZone: ZONE });
    const stored = await repo.talks(id);
    expect(stored).toHaveLength(883);
    expect(new Set(stored.map((t) => t.id)).size).toBe(883);
    expect(stored.every((t) => t.utcFromFile && t.conferenceId === id)).toBe(true);
  });
});
