// rC3 channels 2020 schedule.json (real file), plus frab JSON traps as inline documents.
import { describe, expect, it } from 'vitest';
import { parseFrabJson } from '../../../src/lib/schedule/frab-json';
import { SCHEDULE_WARNINGS as W } from '../../../src/lib/schedule/words';
import { distinct, fixtureText, parsed, talkByTitle } from './fixtures';

describe('rC3 channels 2020 (pretalx schedule.json: offsets but no time_zone_name)', () => {
  const s = parsed('rc3');

  it('has 48 talks in 5 rooms over 4 days', () => {
    expect(s.format).toBe('frab-json');
    expect(s.talks).toHaveLength(48);
    expect(distinct(s, (t) => t.room)).toEqual(
      new Set([
        'r3s - Monheim/Rhein',
        'backspace / franconian.net - Bamberg',
        'Chaos-West TV - Ennepetal',
        'ChaosTrawler Stubnitz/Gängeviertel Hamburg',
        'hacc München / about:future - München',
      ]),
    );
    expect(distinct(s, (t) => t.startLocal?.slice(0, 10))).toEqual(
      new Set(['2020-12-27', '2020-12-28', '2020-12-29', '2020-12-30']),
    );
  });

  it('reads the conference and notes the missing zone name', () => {
    expect(fixtureText('rc3')).not.toContain('time_zone_name');
    expect(s.conference).toEqual({
      title: 'rC3 Channels',
      startDate: '2020-12-27',
      endDate: '2020-12-30',
      url: 'https://pretalx.rc3.studio/rc3-channels-2020/schedule/',
    });
    expect(s.warnings).toEqual([{ words: W.offsetsNoZoneName, values: {} }]);
  });

  it('trusts the +01:00 instants and keeps their own wall clock as local time', () => {
    for (const t of s.talks) {
      expect(t.startUtc).toBe(Date.parse(`${t.startLocal}:00+01:00`));
      expect(t.endUtc).toBe(Date.parse(`${t.endLocal}:00+01:00`));
    }
  });

  it('spot-checks the first talk', () => {
    const t = talkByTitle(s, 'Der faule Admin automatisiert: Gluon auf echter Hardware testen');
    expect(t).toMatchObject({
      sourceKey: 'c3642671-4c1f-5109-81ba-0535c1cc8428',
      room: 'r3s - Monheim/Rhein',
      startLocal: '2020-12-27T11:30',
      endLocal: '2020-12-27T12:10',
      startUtc: Date.parse('2020-12-27T10:30:00Z'),
      rawStart: '2020-12-27T11:30:00+01:00',
      rawDuration: '00:40',
      language: 'de',
      type: 'Talk 30 min + 10min Q&A',
      track: 'MON r3s Rhein VHS',
      url: 'https://pretalx.rc3.studio/rc3-channels-2020/talk/MJA8QY/',
      speakers: [{ name: 'Chris Fiege' }, { name: 'Kasa' }],
    });
    expect(t.abstract).toContain('auf [Gluon](https://gluon.readthedocs.io/).\nEin wichtiger');
  });

  it('reads persons from deprecated public_name', () => {
    expect(s.talks.reduce((n, t) => n + t.speakers.length, 0)).toBe(57);
    expect(s.talks.filter((t) => t.speakers.length === 0)).toHaveLength(1);
  });

  it('normalises Markdown \\r\\n to \\n', () => {
    expect(fixtureText('rc3')).toContain('\\r\\n');
    for (const t of s.talks) {
      expect(`${t.abstract ?? ''}${t.description ?? ''}`).not.toContain('\r');
    }
  });

  it('counts languages', () => {
    expect(s.talks.filter((t) => t.language === 'en')).toHaveLength(29);
    expect(s.talks.filter((t) => t.language === 'de')).toHaveLength(19);
  });
});

/** A minimal schedule.json with one day, one room. */
function doc(events: Record<string, unknown>[], conference: Record<string, unknown> = {}) {
  return {
    schedule: {
      conference: {
        title: 'Snippet',
        ...conference,
        days: [{ index: 1, date: '2024-03-30', rooms: { Ada: events } }],
      },
    },
  };
}

describe('frab JSON traps no fixture holds', () => {
  it('reads days:hours:minutes durations and ends past midnight on the next day', () => {
    const s = parseFrabJson(
      doc([
        { id: 1, guid: 'a', start: '23:30', duration: '01:00', title: 'Crosses midnight' },
        { id: 2, guid: 'b', start: '10:00', duration: '1:04:00', title: 'Hackathon' },
        { id: 3, guid: 'c', start: '12:00', duration: '', title: 'No duration' },
      ]),
    );
    expect(s.talks.map((t) => [t.startLocal, t.endLocal])).toEqual([
      ['2024-03-30T23:30', '2024-03-31T00:30'],
      ['2024-03-30T10:00', '2024-03-31T14:00'],
      ['2024-03-30T12:00', undefined],
    ]);
  });

  it('picks guid, then code, then slug, then id@room@start for keys', () => {
    const s = parseFrabJson(
      doc([
        { id: 1, guid: 'G-1', code: 'C1', slug: 's1', start: '10:00', title: 'A' },
        { id: 2, code: 'C2', slug: 's2', start: '10:00', title: 'B' },
        { id: 3, slug: 's3', start: '10:00', title: 'C' },
        { id: 4, start: '10:00', title: 'D' },
      ]),
    );
    expect(s.talks.map((t) => t.sourceKey)).toEqual(['g-1', 'C2', 's3', '4@Ada@2024-03-30T10:00']);
  });

  it('uses a named zone to check instants, across a DST change', () => {
    const s = parseFrabJson(
      doc(
        [
          {
            guid: 'x',
            date: '2024-03-31T01:30:00+01:00',
            start: '01:30',
            duration: '01:00',
            title: 'Night of the clock change',
            persons: [{ name: 'Ada', organization: 'ACME' }, { full_public_name: 'Bob' }, 'Cy'],
            links: [{ url: 'https://example.org', title: 'Site' }],
          },
        ],
        { time_zone_name: 'Europe/Berlin' },
      ),
    );
    const t = s.talks[0];
    expect(s.conference.timeZone).toBe('Europe/Berlin');
    expect(t?.startUtc).toBe(Date.parse('2024-03-31T00:30:00Z'));
    // One hour of real time later the clocks have jumped: 03:30 CEST, not 02:30.
    expect(t?.endLocal).toBe('2024-03-31T03:30');
    expect(t?.speakers).toEqual([
      { name: 'Ada', affiliation: 'ACME' },
      { name: 'Bob' },
      { name: 'Cy' },
    ]);
    expect(t?.links).toEqual([{ url: 'https://example.org', title: 'Site' }]);
  });
});
