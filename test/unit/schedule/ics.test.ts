// PyCon UK 2015 .ics, read from the real file.
import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../src/lib/schedule/parse';
import { SCHEDULE_WARNINGS as W } from '../../../src/lib/schedule/words';
import {
  distinct,
  fixtureBytes,
  fixtureText,
  parsed,
  talkByTitle,
  utf8,
  warningTexts,
} from './fixtures';

describe('PyCon UK 2015 (.ics: UTC times, missing DTEND, speakers in SUMMARY, build UIDs)', () => {
  const s = parsed('pyconuk', 'schedule.ics');

  it('has 158 talks (162 VEVENTs minus 4 empty slots) in 11 rooms', () => {
    expect(fixtureText('pyconuk').match(/BEGIN:VEVENT/g)).toHaveLength(162);
    expect(s.format).toBe('ics');
    expect(s.talks).toHaveLength(158);
    expect(distinct(s, (t) => t.room).size).toBe(11);
    expect(s.warnings).toContainEqual({ words: W.emptySlots, values: { n: 4 } });
    expect(s.conference).toEqual({ title: 'PyCon UK 2015 Schedule' });
  });

  it('keeps UTC instants without inventing a local clock', () => {
    expect(s.talks.every((t) => t.startUtc !== undefined && t.startLocal === undefined)).toBe(true);
    const days: Record<string, number> = {};
    for (const t of s.talks) {
      const d = new Date(t.startUtc ?? 0).toISOString().slice(0, 10);
      days[d] = (days[d] ?? 0) + 1;
    }
    expect(days).toEqual({ '2015-09-18': 55, '2015-09-19': 53, '2015-09-20': 44, '2015-09-21': 6 });
    expect(s.warnings).toContainEqual({ words: W.utcNoZone, values: {} });
  });

  it('leaves the end empty for the 5 events with neither DTEND nor DURATION', () => {
    const open = s.talks.filter((t) => t.endUtc === undefined).map((t) => t.title);
    expect(open).toEqual([
      'The Friday Night Charity Social in memory of John Pinner',
      'The PyCon UK Dinner (Ticket required)',
      'Alt Party (TBA)',
      'The Mellow Night',
      'End of Conference, pack up, see you in 2016!',
    ]);
    expect(s.warnings).toContainEqual({ words: W.noEnd, values: { n: 5 } });
  });

  it('says what was odd in the file, each thing once, in whole sentences', () => {
    expect(warningTexts(s)).toEqual([
      'This calendar’s event IDs change every time it is rebuilt, so talks are matched by title instead.',
      'This calendar gives exact (UTC) times but no time zone; choose the conference’s time zone to see its local times.',
      '5 talks have no end time.',
      '4 empty slots with no title were left out.',
    ]);
  });

  it('takes speakers out of "(talk by …)" and unfolds a fold in the middle of a name', () => {
    expect(fixtureText('pyconuk')).toContain('(talk by Rachel Wil\r\n lmer)');
    const t = talkByTitle(s, 'Real-Time Data + Django = Fun,Growth + Profit');
    expect(t.speakers).toEqual([{ name: 'Rachel Willmer' }]);
    expect(t.type).toBe('talk');
    expect(t.startUtc).toBe(Date.parse('2015-09-18T10:30:00Z'));
    expect(t.endUtc).toBe(Date.parse('2015-09-18T11:00:00Z'));
    expect(t.room).toBe('LaterPay Room (CC2.1)');
    expect(t.url).toBe('http://www.pyconuk.org/talks/real-time-data-django-fun-growth-profit/');
    expect(t.abstract).toBeUndefined(); // DESCRIPTION only repeats the URL
    expect(s.talks.filter((x) => x.speakers.length > 0)).toHaveLength(71);
  });

  it.each([
    [
      'Python for mobile games on iOS and Android',
      'talk',
      [{ name: 'Safe Hammad' }, { name: 'Fiona Burrows' }],
    ],
    ['Python powered Nukes', 'talk', [{ name: 'Babak Khataee' }, { name: 'Dan Milburn' }]],
    [
      'Forming a PyCon UK research community',
      'talk',
      [{ name: 'Sarah Mount', affiliation: 'University of Wolverhampton' }],
    ],
    [
      'Demo: Simple web services for scientific data',
      'demo',
      [{ name: 'Alys Brett', affiliation: 'Culham Centre for Fusion Energy' }],
    ],
    ['Understanding PyPy', 'talk', [{ name: 'Francisco Fernández Castaño' }]],
    [
      'Fifty Shades of Disaster - Human Error and Complex Systems',
      'workshop',
      [{ name: 'Paul Ross' }],
    ],
    // The "speaker" of this panel is its own title again: title cleaned, no speaker invented.
    ['Discussion: From data to dissemination - dealing with publications', 'panel', []],
  ])('splits %j', (title, type, speakers) => {
    const t = talkByTitle(s, title);
    expect(t.type).toBe(type);
    expect(t.speakers).toEqual(speakers);
  });

  it('keys by title because the UIDs are build stamps, and survives a rebuild', () => {
    expect(s.talks.some((t) => t.sourceKey.includes('testing-worker'))).toBe(false);
    expect(new Set(s.talks.map((t) => t.sourceKey)).size).toBe(158);
    expect(talkByTitle(s, 'Python powered Nukes').sourceKey).toBe('ics-title:Python powered Nukes');
    const rebuilt = fixtureText('pyconuk')
      .replaceAll('20150919T102825Z-', '20150920T080000Z-9')
      .replaceAll('testing-worker-linux-docker-88763661-3190-linux', 'other-host');
    const again = parseSchedule(utf8(rebuilt), 'schedule.ics');
    expect(again.talks.map((t) => t.sourceKey)).toEqual(s.talks.map((t) => t.sourceKey));
    const breakfasts = s.talks.filter((t) => t.title === 'Registration / Breakfast');
    expect(breakfasts.map((t) => t.sourceKey)).toEqual([
      'ics-title:Registration / Breakfast#2015-09-18T07:00Z',
      'ics-title:Registration / Breakfast#2015-09-19T07:00Z',
    ]);
  });

  it('rejects the file cut in half as truncated', () => {
    const bytes = fixtureBytes('pyconuk');
    expect(() => parseSchedule(bytes.subarray(0, bytes.length / 2), 'schedule.ics')).toThrow(
      expect.objectContaining({ code: 'truncated' }),
    );
  });
});
