import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../src/lib/schedule/parse';
import { ScheduleError, type ParsedSchedule } from '../../../src/lib/schedule/types';
import { distinct, fixtureBytes, fixtureText, parsed, talkByTitle, utf8 } from './fixtures';

describe('PyCon UK 2015 (.ics: UTC times, missing DTEND, speakers in SUMMARY, build UIDs)', () => {
  const s = parsed('pyconuk', 'schedule.ics');

  it('has 158 talks (162 VEVENTs minus 4 empty slots) in 11 rooms', () => {
    expect(fixtureText('pyconuk').match(/BEGIN:VEVENT/g)).toHaveLength(162);
    expect(s.format).toBe('ics');
    expect(s.talks).toHaveLength(158);
    expect(distinct(s, (t) => t.room).size).toBe(11);
    expect(s.warnings).toContain('4 empty slot(s) with no title were left out.');
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
    expect(s.warnings.join(' ')).toMatch(/exact \(UTC\) times but no time zone/);
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
    expect(s.warnings).toContain('5 talk(s) have no end time.');
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
    ['Python for mobile games on iOS and Android', 'talk', [{ name: 'Safe Hammad' }, { name: 'Fiona Burrows' }]],
    ['Python powered Nukes', 'talk', [{ name: 'Babak Khataee' }, { name: 'Dan Milburn' }]],
    ['Forming a PyCon UK research community', 'talk', [{ name: 'Sarah Mount', affiliation: 'University of Wolverhampton' }]],
    ['Demo: Simple web services for scientific data', 'demo', [{ name: 'Alys Brett', affiliation: 'Culham Centre for Fusion Energy' }]],
    ['Understanding PyPy', 'talk', [{ name: 'Francisco Fernández Castaño' }]],
    ['Fifty Shades of Disaster - Human Error and Complex Systems', 'workshop', [{ name: 'Paul Ross' }]],
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

/** A calendar around some VEVENT lines, joined with `eol`. */
function cal(events: string[][], eol = '\r\n', head: string[] = []): Uint8Array {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', ...head];
  for (const ev of events) lines.push('BEGIN:VEVENT', ...ev, 'END:VEVENT');
  lines.push('END:VCALENDAR', '');
  return utf8(lines.join(eol));
}
const parseCal = (bytes: Uint8Array): ParsedSchedule => parseSchedule(bytes, 'conf.ics');
const one = (bytes: Uint8Array) => parseCal(bytes).talks[0];

describe('iCalendar traps no fixture holds', () => {
  const basic = ['UID:a@x', 'DTSTART:20240301T090000Z', 'DTEND:20240301T093000Z', 'SUMMARY:Hello'];

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR CR LF', '\r\r\n'],
  ])('reads %s line ends, folds included', (_name, eol) => {
    const bytes = cal([[...basic.slice(0, 3), 'SUMMARY:A folded', ' title', 'LOCATION:Room 1']], eol);
    const t = one(bytes);
    expect(t?.title).toBe('A foldedtitle');
    expect(t?.room).toBe('Room 1');
    expect(t?.endUtc).toBe(Date.parse('2024-03-01T09:30:00Z'));
  });

  it('unfolds before decoding, so a fold inside a UTF-8 character is harmless', () => {
    const head = utf8('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u\r\nDTSTART:20240301T090000\r\nSUMMARY:Caf');
    const tail = utf8('\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    // "é" is C3 A9; the fold lands between its two bytes.
    const bytes = new Uint8Array([...head, 0xc3, 0x0d, 0x0a, 0x20, 0xa9, ...tail]);
    expect(one(bytes)?.title).toBe('Café');
  });

  it('uses an IANA TZID even without a VTIMEZONE, and names it as the conference zone', () => {
    const s = parseCal(cal([['UID:a', 'DTSTART;TZID=Europe/London:20150918T080000', 'DURATION:PT45M', 'SUMMARY:BST']]));
    expect(s.talks[0]).toMatchObject({
      startLocal: '2015-09-18T08:00',
      endLocal: '2015-09-18T08:45',
      startUtc: Date.parse('2015-09-18T07:00:00Z'),
      endUtc: Date.parse('2015-09-18T07:45:00Z'),
      rawDuration: 'PT45M',
    });
    expect(s.conference.timeZone).toBe('Europe/London');
  });

  it('reads Outlook/Mozilla-style TZIDs and keeps unknown ones as local time', () => {
    const s = parseCal(
      cal([
        ['UID:a', 'DTSTART;TZID="/mozilla.org/20050126_1/Europe/Berlin":20240301T100000', 'SUMMARY:A'],
        ['UID:b', 'DTSTART;TZID=Mars Standard Time:20240301T100000', 'SUMMARY:B'],
      ]),
    );
    expect(s.talks[0]?.startUtc).toBe(Date.parse('2024-03-01T09:00:00Z'));
    expect(s.talks[1]).toMatchObject({ startLocal: '2024-03-01T10:00' });
    expect(s.talks[1]?.startUtc).toBeUndefined();
    expect(s.warnings.join(' ')).toContain('Mars Standard Time');
  });

  it('keeps floating times local, or applies X-WR-TIMEZONE when present', () => {
    const ev = [['UID:a', 'DTSTART:20240301T100000', 'DTEND:20240301T110000', 'SUMMARY:Float']];
    const floating = parseCal(cal(ev));
    expect(floating.talks[0]).toMatchObject({ startLocal: '2024-03-01T10:00', endLocal: '2024-03-01T11:00' });
    expect(floating.talks[0]?.startUtc).toBeUndefined();
    expect(floating.warnings.some((w) => /no time zone/.test(w))).toBe(true);
    const zoned = parseCal(cal(ev, '\r\n', ['X-WR-TIMEZONE:America/New_York']));
    expect(zoned.talks[0]?.startUtc).toBe(Date.parse('2024-03-01T15:00:00Z'));
    expect(zoned.conference.timeZone).toBe('America/New_York');
  });

  it('gives a UTC event its local clock when the calendar names a zone', () => {
    const t = one(cal([basic], '\r\n', ['X-WR-TIMEZONE:Asia/Kolkata']));
    expect([t?.startLocal, t?.endLocal]).toEqual(['2024-03-01T14:30', '2024-03-01T15:00']);
  });

  it('makes keys unique when many events share one UID', () => {
    const events = ['Keynote', 'Lunch', 'Lunch', 'Talk'].map((title, i) => [
      i < 3 ? 'UID:shared@conf' : 'UID:own@conf',
      `DTSTART:2024030${1 + (i % 2)}T1${i}0000Z`,
      `SUMMARY:${title}`,
    ]);
    const keys = parseCal(cal(events)).talks.map((t) => t.sourceKey);
    expect(keys).toEqual([
      'shared@conf#2024-03-01T10:00Z#Keynote',
      'shared@conf#2024-03-02T11:00Z#Lunch',
      'shared@conf#2024-03-01T12:00Z#Lunch',
      'own@conf',
    ]);
  });

  it('finds speakers in ATTENDEE;CN and in a "Speaker:" line of DESCRIPTION', () => {
    const s = parseCal(
      cal([
        ['UID:a', 'DTSTART:20240301T090000Z', 'SUMMARY:Chaired', 'ATTENDEE;CN="Doe, Jane";ROLE=CHAIR:mailto:j@x.org'],
        ['UID:b', 'DTSTART:20240301T100000Z', 'SUMMARY:Described', 'DESCRIPTION:Speakers: Ann Lee & Bo Chen\\nWhat it is about.'],
      ]),
    );
    expect(s.talks[0]?.speakers).toEqual([{ name: 'Doe, Jane' }]);
    expect(s.talks[1]?.speakers).toEqual([{ name: 'Ann Lee' }, { name: 'Bo Chen' }]);
    expect(s.talks[1]?.abstract).toBe('What it is about.');
  });

  it('splits "Title - Names" only when the whole file is written that way', () => {
    const names = parseCal(
      cal([
        ['UID:a', 'DTSTART:20240301T090000Z', 'SUMMARY:Rust in Space - Jane Doe'],
        ['UID:b', 'DTSTART:20240301T100000Z', 'SUMMARY:Typed SQL - Ann Lee\\, Bo Chen'],
        ['UID:c', 'DTSTART:20240301T110000Z', 'SUMMARY:Lunch'],
      ]),
    );
    expect(names.talks.map((t) => [t.title, t.speakers.map((p) => p.name)])).toEqual([
      ['Rust in Space', ['Jane Doe']],
      ['Typed SQL', ['Ann Lee', 'Bo Chen']],
      ['Lunch', []],
    ]);
    const prose = parseCal(
      cal([
        ['UID:a', 'DTSTART:20240301T090000Z', 'SUMMARY:Fifty Shades - Human Error and Complex Systems'],
        ['UID:b', 'DTSTART:20240301T100000Z', 'SUMMARY:Testing - a journey'],
      ]),
    );
    expect(prose.talks.map((t) => t.title)).toEqual([
      'Fifty Shades - Human Error and Complex Systems',
      'Testing - a journey',
    ]);
  });

  it('leaves out cancelled events and keeps all-day ones without a time', () => {
    const s = parseCal(
      cal([
        ['UID:a', 'DTSTART:20240301T090000Z', 'SUMMARY:Gone', 'STATUS:CANCELLED'],
        ['UID:b', 'DTSTART;VALUE=DATE:20240302', 'SUMMARY:Sprint day'],
      ]),
    );
    expect(s.talks.map((t) => t.title)).toEqual(['Sprint day']);
    expect(s.talks[0]?.startLocal).toBeUndefined();
    expect(s.warnings).toEqual(
      expect.arrayContaining(['1 all-day entry has no time.', '1 cancelled event(s) were left out.']),
    );
  });

  it('reports a calendar without END:VCALENDAR as truncated', () => {
    const bytes = utf8('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Half');
    expect(() => parseCal(bytes)).toThrow(ScheduleError);
    expect(() => parseCal(bytes)).toThrow(expect.objectContaining({ code: 'truncated' }));
  });
});
