// Property tests of the .ics writer's text: any string, escaped and folded, unfolds and unescapes
// to itself (line breaks as LF, which is all iCalendar can say), by our reading of RFC 5545 and by
// ical.js's; and any talks, in zones with and without summer time, read back at their instants.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { agendaCalendar, escapeText, foldLine } from '../../../src/lib/export/calendar';
import type { Conference, Talk } from '../../../src/lib/model/types';
import { zoneOffsetMs } from '../../../src/lib/util/time';

/** What trips escapers and folders: breaks, the escaped marks, wide and joined characters. */
const PIECES = fc.constantFrom(
  '\r',
  '\n',
  '\r\n',
  '\n\r',
  '\\',
  '\\n',
  '\\N',
  '\\;',
  ';',
  ',',
  ':',
  '"',
  '\t',
  ' ',
  'é',
  'e\u0301',
  '日本語',
  '😀',
  '👩‍👩‍👧',
  '🇫🇷',
  '\u0000',
  '\u001b',
  '\u007f',
  '\u2028',
  '\ud83d', // half of a surrogate pair, alone
  '\ude00',
);
const text = (pieces: fc.Arbitrary<string>) =>
  fc
    .array(
      fc.oneof(
        pieces,
        fc.string({ unit: 'grapheme', maxLength: 12 }),
        fc.string({ unit: 'binary', maxLength: 4 }),
      ),
      { maxLength: 80 },
    )
    .map((parts) => parts.join(''));

/**
 * What iCalendar TEXT can carry of a string: CRLF and CR as LF (it has an escape for the line
 * break and none for CR), no other control character but the tab, then half surrogates as
 * U+FFFD (two halves a control character stood between make one character once it goes).
 */
function carried(s: string): string {
  let kept = '';
  for (const ch of s.replace(/\r\n?/g, '\n')) {
    const cp = ch.codePointAt(0)!;
    if ((cp < 0x20 && ch !== '\t' && ch !== '\n') || cp === 0x7f) continue;
    kept += ch;
  }
  let out = '';
  for (const ch of kept) {
    const cp = ch.codePointAt(0)!;
    out += cp >= 0xd800 && cp <= 0xdfff ? '\ufffd' : ch;
  }
  return out;
}

/** RFC 5545 3.1: a CRLF followed by one space or tab is removed. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');

/** RFC 5545 3.3.11, the reverse; fails on a backslash that escapes nothing TEXT may escape. */
function unescape(s: string): string {
  return s.replace(/\\([^])|[;,]/g, (whole, c: string | undefined) => {
    if (c === undefined) throw new Error(`unescaped ${whole}`);
    if (c === 'n' || c === 'N') return '\n';
    if (c === '\\' || c === ';' || c === ',') return c;
    throw new Error(`bad escape \\${c}`);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Every physical line ends in CRLF, holds no other CR or LF, is ≤ 75 octets and whole UTF-8. */
function expectFolded(folded: string) {
  const lines = folded.split('\r\n');
  for (const [i, line] of lines.entries()) {
    expect(line).not.toMatch(/[\r\n]/);
    const bytes = new TextEncoder().encode(line);
    expect(bytes.length).toBeLessThanOrEqual(75);
    expect(utf8.decode(bytes)).toBe(line);
    if (i > 0) expect(line[0]).toBe(' ');
  }
}

describe('escapeText and foldLine', () => {
  it('give back any string, line breaks as LF, through unfold and unescape', () => {
    fc.assert(
      fc.property(text(PIECES), (s) => {
        const folded = foldLine(`DESCRIPTION:${escapeText(s)}`);
        expectFolded(folded);
        const value = unfold(folded).slice('DESCRIPTION:'.length);
        expect(unescape(value)).toBe(carried(s));
      }),
      { numRuns: 500 },
    );
  });

  it('give back exactly a string with LF line breaks, emoji and every escaped mark', () => {
    const clean = PIECES.filter((p) => carried(p) === p);
    const printable = fc
      .array(fc.oneof(clean, fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength: 80 })
      .map((parts) => parts.join(''))
      .filter((s) => carried(s) === s);
    fc.assert(
      fc.property(printable, (s) => {
        expect(unescape(unfold(foldLine(`X:${escapeText(s)}`)).slice(2))).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('read back the same through ical.js, in any TEXT property', () => {
    fc.assert(
      fc.property(text(PIECES), fc.constantFrom('SUMMARY', 'LOCATION', 'DESCRIPTION'), (s, p) => {
        const ics = [
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'PRODID:-//test//EN',
          'BEGIN:VEVENT',
          'UID:1@test.invalid',
          'DTSTAMP:20240101T000000Z',
          foldLine(`${p}:${escapeText(s)}`),
          'END:VEVENT',
          'END:VCALENDAR',
          '',
        ].join('\r\n');
        const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
        expect(event.getFirstPropertyValue(p.toLowerCase())).toBe(carried(s));
      }),
      { numRuns: 300 },
    );
  });

  it('fold a line of one character repeated at 75 octets, never between its bytes', () => {
    for (const [ch, perLine] of [
      ['a', 75],
      ['é', 37],
      ['日', 25],
      ['😀', 18],
    ] as const) {
      const folded = foldLine(ch.repeat(200));
      expectFolded(folded);
      const lines = folded.split('\r\n');
      expect([...lines[0]!].length).toBe(perLine);
      expect(unfold(folded)).toBe(ch.repeat(200));
    }
    // A fold does not part a backslash from what it escapes.
    const escaped = foldLine(`${'a'.repeat(74)}\\n`);
    expect(escaped).toBe(`${'a'.repeat(74)}\r\n \\n`);
  });
});

/** Zones with summer time north and south, half-hour steps, none at all, and a negative one. */
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Europe/Dublin',
  'Africa/Casablanca',
  'America/St_Johns',
  'UTC',
];

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 86_400 * SECOND;

function talkAt(i: number, start: number, minutes: number | undefined): Talk {
  return {
    id: `t${i}`,
    conferenceId: 'c',
    sourceKey: `k${i}`,
    order: i,
    title: `Talk ${i}`,
    speakers: [],
    links: [],
    utcFromFile: true,
    removedFromSchedule: false,
    startUtc: start,
    ...(minutes && { endUtc: start + minutes * MINUTE }),
  };
}

/** The calendar of the talks in the zone, read by ical.js: each talk's start and end back. */
function expectInstantsBack(zone: string, input: Talk[]) {
  const conference = { id: 'c', title: 'T', timeZone: zone } as Conference;
  const out = agendaCalendar(conference, input, { now: 0, alarmMinutes: 10 });
  const cal = new ICAL.Component(ICAL.parse(out.text));
  expect(cal.getAllSubcomponents('vtimezone')).toHaveLength(1);
  const events = new Map(
    cal.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return [e.uid, e];
    }),
  );
  for (const talk of input) {
    const e = events.get(`${talk.id}.c@confnotes.invalid`)!;
    expect(e.startDate.toUnixTime() * SECOND).toBe(talk.startUtc);
    expect(e.endDate.toUnixTime() * SECOND).toBe(talk.endUtc ?? talk.startUtc);
    if (e.startDate.zone?.tzid === zone)
      expect(e.startDate.utcOffset() * SECOND).toBe(zoneOffsetMs(talk.startUtc!, zone));
  }
}

describe('talks anywhere, any time', () => {
  it('read back at their instants through the VTIMEZONE the calendar carries', () => {
    const talks = fc.array(
      fc.record({
        // Whole seconds, as DATE-TIME holds them; up to 400 days apart, across clock changes.
        start: fc.integer({ min: 0, max: 400 * 86_400 }),
        minutes: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 6 },
    );
    const from = fc.integer({
      min: Date.UTC(1990, 0, 1) / SECOND,
      max: Date.UTC(2036, 0, 1) / SECOND,
    });
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), from, talks, (zone, origin, list) => {
        const input = list.map(({ start, minutes }, i) =>
          talkAt(i, (origin + start) * SECOND, minutes),
        );
        expectInstantsBack(zone, input);
      }),
      { numRuns: 150 },
    );
  });

  // Found here by the quarter hour (no zone changes its clock off the quarter hour), apart
  // from the writer's own search: every change of 2023 to 2025 in each zone.
  const changes = new Map(
    ZONES.map((zone) => {
      const found: number[] = [];
      for (let day = Date.UTC(2023, 0, 1); day < Date.UTC(2026, 0, 1); day += DAY) {
        if (zoneOffsetMs(day, zone) === zoneOffsetMs(day + DAY, zone)) continue;
        for (let t = day; t < day + DAY; t += 15 * MINUTE)
          if (zoneOffsetMs(t, zone) !== zoneOffsetMs(t + 15 * MINUTE, zone))
            found.push(t + 15 * MINUTE);
      }
      return [zone, found] as const;
    }),
  );

  it('read back at their instants in the hours around each clock change', () => {
    expect(changes.get('Europe/Berlin')).toContain(Date.UTC(2024, 2, 31, 1));
    expect(changes.get('Asia/Kolkata')).toEqual([]);
    const zone = fc.constantFrom(...ZONES.filter((z) => changes.get(z)!.length));
    const near = fc.array(
      fc.record({
        change: fc.nat(),
        minutes: fc.integer({ min: -180, max: 180 }),
        length: fc.option(fc.integer({ min: 1, max: 240 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(zone, near, (z, list) => {
        const at = changes.get(z)!;
        const input = list.map(({ change, minutes, length }, i) =>
          talkAt(i, at[change % at.length]! + minutes * MINUTE, length),
        );
        expectInstantsBack(z, input);
      }),
      { numRuns: 200 },
    );
  });
});
