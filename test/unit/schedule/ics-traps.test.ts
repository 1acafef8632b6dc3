// iCalendar traps that no real fixture holds, as small inline calendars.
import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../src/lib/schedule/parse';
import { ScheduleError, type ParsedSchedule } from '../../../src/lib/schedule/types';
import { SCHEDULE_WARNINGS as W } from '../../../src/lib/schedule/words';
import { utf8, warningTexts } from './fixtures';

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
    const bytes = cal(
      [[...basic.slice(0, 3), 'SUMMARY:A folded', ' title', 'LOCATION:Room 1']],
      eol,
    );
    const t = one(bytes);
    expect(t?.title).toBe('A foldedtitle');
    expect(t?.room).toBe('Room 1');
    expect(t?.endUtc).toBe(Date.parse('2024-03-01T09:30:00Z'));
  });

  it('unfolds before decoding, so a fold inside a UTF-8 character is harmless', () => {
    const head = utf8(
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u\r\nDTSTART:20240301T090000\r\nSUMMARY:Caf',
    );
    const tail = utf8('\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    // "é" is C3 A9; the fold lands between its two bytes.
    const bytes = new Uint8Array([...head, 0xc3, 0x0d, 0x0a, 0x20, 0xa9, ...tail]);
    expect(one(bytes)?.title).toBe('Café');
  });

  it('uses an IANA TZID even without a VTIMEZONE, and names it as the conference zone', () => {
    const s = parseCal(
      cal([
        ['UID:a', 'DTSTART;TZID=Europe/London:20150918T080000', 'DURATION:PT45M', 'SUMMARY:BST'],
      ]),
    );
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
        [
          'UID:a',
          'DTSTART;TZID="/mozilla.org/20050126_1/Europe/Berlin":20240301T100000',
          'SUMMARY:A',
        ],
        ['UID:b', 'DTSTART;TZID=Mars Standard Time:20240301T100000', 'SUMMARY:B'],
      ]),
    );
    expect(s.talks[0]?.startUtc).toBe(Date.parse('2024-03-01T09:00:00Z'));
    expect(s.talks[1]).toMatchObject({ startLocal: '2024-03-01T10:00' });
    expect(s.talks[1]?.startUtc).toBeUndefined();
    expect(s.warnings).toContainEqual({
      words: W.unknownEventZone,
      values: { zone: 'Mars Standard Time' },
    });
  });

  it('keeps floating times local, or applies X-WR-TIMEZONE when present', () => {
    const ev = [['UID:a', 'DTSTART:20240301T100000', 'DTEND:20240301T110000', 'SUMMARY:Float']];
    const floating = parseCal(cal(ev));
    expect(floating.talks[0]).toMatchObject({
      startLocal: '2024-03-01T10:00',
      endLocal: '2024-03-01T11:00',
    });
    expect(floating.talks[0]?.startUtc).toBeUndefined();
    expect(floating.warnings).toContainEqual({ words: W.noZone, values: {} });
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
        [
          'UID:a',
          'DTSTART:20240301T090000Z',
          'SUMMARY:Chaired',
          'ATTENDEE;CN="Doe, Jane";ROLE=CHAIR:mailto:j@x.org',
        ],
        [
          'UID:b',
          'DTSTART:20240301T100000Z',
          'SUMMARY:Described',
          'DESCRIPTION:Speakers: Ann Lee & Bo Chen\\nWhat it is about.',
        ],
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
        [
          'UID:a',
          'DTSTART:20240301T090000Z',
          'SUMMARY:Fifty Shades - Human Error and Complex Systems',
        ],
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
    expect(warningTexts(s)).toEqual(
      expect.arrayContaining(['1 all-day entry has no time.', '1 cancelled event was left out.']),
    );
    expect(s.warnings).toEqual(
      expect.arrayContaining([
        { words: W.allDayOne, values: { n: 1 } },
        { words: W.cancelledOne, values: { n: 1 } },
      ]),
    );
  });

  it('reports a calendar without END:VCALENDAR as truncated', () => {
    const bytes = utf8('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Half');
    expect(() => parseCal(bytes)).toThrow(ScheduleError);
    expect(() => parseCal(bytes)).toThrow(expect.objectContaining({ code: 'truncated' }));
  });
});
