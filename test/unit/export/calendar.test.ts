// The agenda's .ics, written from real schedules imported as the app imports them, and read back
// by a real iCalendar parser (ical.js): instants in the conference zone, alarms, stable UIDs.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { ConferenceRepo } from '../../../src/lib/db/conference-repo';
import { createDb } from '../../../src/lib/db/db';
import { addDemo } from '../../../src/lib/db/demo';
import type { Conference, Talk } from '../../../src/lib/model/types';
import { agendaCalendar, calendarFileName, eventUid } from '../../../src/lib/export/calendar';
import { compareTalks } from '../../../src/lib/schedule/agenda';
import { parseSchedule } from '../../../src/lib/schedule/parse';
import type { ParsedSchedule } from '../../../src/lib/schedule/types';
import { utcToZonedWall } from '../../../src/lib/util/time';
import { fixtureText, parsed } from '../schedule/fixtures';

let n = 0;
const NOW = Date.UTC(2024, 5, 1, 12, 0, 0);

/** Imports the schedule as the app does (zone from the file, else the phone's): what it stored. */
async function imported(schedule: ParsedSchedule, deviceTimeZone: string) {
  const db = createDb(`calendar-${++n}`);
  const repo = new ConferenceRepo(db);
  const source = { kind: 'file' as const, format: schedule.format, fetchedAt: 0 };
  const id = await repo.create(schedule, source, { deviceTimeZone });
  const conference = (await repo.get(id))!;
  const talks = (await repo.talks(id)).sort(compareTalks);
  return { db, repo, conference, talks, source };
}

interface ReadEvent {
  uid: string;
  start: number;
  end: number;
  startZone: string;
  startWall: string;
  summary: string;
  location: string | null;
  url: string | null;
  description: string | null;
  alarms: { action: string; trigger: number }[];
  status: string | null;
}

/** The calendar as ical.js reads it; times resolved through the file's own VTIMEZONE only. */
function read(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const zones = cal.getAllSubcomponents('vtimezone');
  const events: ReadEvent[] = cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      start: e.startDate.toUnixTime() * 1000,
      end: e.endDate.toUnixTime() * 1000,
      startZone: e.startDate.zone?.tzid ?? '',
      startWall: e.startDate.toString().slice(0, 16),
      summary: e.summary,
      location: e.location,
      url: v.getFirstPropertyValue('url') as string | null,
      description: e.description,
      alarms: v.getAllSubcomponents('valarm').map((a) => ({
        action: a.getFirstPropertyValue('action') as string,
        trigger: (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds(),
      })),
      status: v.getFirstPropertyValue('status') as string | null,
    };
  });
  return { cal, zones, events };
}

/** Physical lines: CRLF ends only, at most 75 octets each, each whole UTF-8. */
function expectWellFormed(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  for (const line of text.slice(0, -2).split('\r\n')) {
    const bytes = new TextEncoder().encode(line);
    expect(bytes.length).toBeLessThanOrEqual(75);
    expect(utf8.decode(bytes)).toBe(line);
  }
}

describe('the agenda of DebConf 23 (frab XML, Asia/Kolkata, no summer time)', async () => {
  const { conference, talks } = await imported(parsed('debconf'), 'Europe/London');
  const out = agendaCalendar(conference, talks, { now: NOW, alarmMinutes: 10 });
  const { zones, events } = read(out.text);

  it('writes every timed talk once, in the conference zone, at its instant', () => {
    expect(conference.timeZone).toBe('Asia/Kolkata');
    const timed = talks.filter((t) => t.startUtc !== undefined);
    expect(timed.length).toBeGreaterThan(100);
    expect(out).toMatchObject({ events: timed.length, untimed: talks.length - timed.length });
    expect(events.map((e) => e.uid)).toEqual(timed.map((t) => eventUid(conference, t)));
    for (const [i, talk] of timed.entries()) {
      const e = events[i]!;
      expect(e.startZone).toBe('Asia/Kolkata');
      expect(e.startWall).toBe(utcToZonedWall(talk.startUtc!, 'Asia/Kolkata'));
      expect(e.start).toBe(talk.startUtc);
      expect(e.end).toBe(talk.endUtc);
    }
  });

  it('defines the zone with one STANDARD block at +05:30', () => {
    expect(zones).toHaveLength(1);
    const zone = zones[0]!;
    expect(zone.getFirstPropertyValue('tzid')).toBe('Asia/Kolkata');
    expect(zone.getAllSubcomponents().map((c) => c.name)).toEqual(['standard']);
    const standard = zone.getFirstSubcomponent('standard')!;
    expect(String(standard.getFirstPropertyValue('tzoffsetfrom'))).toBe('+05:30');
    expect(String(standard.getFirstPropertyValue('tzoffsetto'))).toBe('+05:30');
  });

  it('names, places and links each talk, with its speakers and abstract in the description', () => {
    const talk = talks.find((t) => t.title === 'Opening Ceremony')!;
    const e = events.find((x) => x.uid === eventUid(conference, talk))!;
    expect(e).toMatchObject({ summary: 'Opening Ceremony', location: 'Anamudi', url: talk.url });
    expect(e.url).toMatch(/^https:\/\/debconf23\.debconf\.org\/talks\//);
    expect(e.description).toBe(`Sruthi Chandran\n\nWelcome to DebConf23\n\n${talk.url}`);
  });

  it('reminds 10 minutes before each talk, on screen', () => {
    for (const e of events) expect(e.alarms).toEqual([{ action: 'DISPLAY', trigger: -600 }]);
  });

  it('is well-formed text: CRLF, folded at 75 octets, whole UTF-8 characters', () => {
    expectWellFormed(out.text);
    expect(out.text).toMatch(/\r\n /); // long descriptions were folded
  });

  it('is named after the conference', () => {
    expect(calendarFileName(conference)).toBe('debconf-23-agenda.ics');
  });
});

describe('the same talks exported again', () => {
  it('keep their UIDs after a schedule refresh, so a calendar updates instead of adding twins', async () => {
    const { repo, conference, talks, source } = await imported(parsed('rc3'), 'Europe/Berlin');
    const starred = talks.slice(3, 9);
    const first = read(agendaCalendar(conference, starred, { now: NOW, alarmMinutes: 10 }).text);
    await repo.refresh(conference.id, parsed('rc3'), source);
    const again = (await repo.talks(conference.id)).filter((t) =>
      starred.some((s) => s.sourceKey === t.sourceKey),
    );
    const later = NOW + 3_600_000;
    const second = agendaCalendar(conference, again, { now: later, alarmMinutes: 15 });
    const read2 = read(second.text);
    expect(read2.events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
    expect(new Set(first.events.map((e) => e.uid)).size).toBe(6);
    // The newer export says it is newer.
    const stamps = (text: string, name: string) =>
      new ICAL.Component(ICAL.parse(text))
        .getAllSubcomponents('vevent')
        .map((v) => String(v.getFirstPropertyValue(name)));
    const firstText = agendaCalendar(conference, starred, { now: NOW, alarmMinutes: 10 }).text;
    expect(stamps(firstText, 'dtstamp')[0]).toBe('2024-06-01T12:00:00Z');
    expect(stamps(second.text, 'dtstamp')[0]).toBe('2024-06-01T13:00:00Z');
    expect(Number(stamps(second.text, 'sequence')[0])).toBeGreaterThan(
      Number(stamps(firstText, 'sequence')[0]),
    );
    expect(read2.events.every((e) => e.alarms[0]!.trigger === -900)).toBe(true);
  });

  it('differ between conferences for the same talk id', () => {
    expect(eventUid({ id: 'conf-a' }, { id: 't1' })).not.toBe(
      eventUid({ id: 'conf-b' }, { id: 't1' }),
    );
    expect(eventUid({ id: 'conf-a' }, { id: 't1' })).toMatch(/^[\w.-]+@[a-z.]+$/);
  });
});

describe('rC3 channels (pretalx JSON, no zone in the file, the phone in Europe/Berlin)', async () => {
  const { conference, talks } = await imported(parsed('rc3'), 'Europe/Berlin');
  const out = agendaCalendar(conference, talks, { now: NOW, alarmMinutes: 5 });
  const { events } = read(out.text);

  it('gives every talk its instant and a 5-minute reminder', () => {
    expect(conference.timeZone).toBe('Europe/Berlin');
    expect(events).toHaveLength(48);
    for (const [i, talk] of talks.entries()) {
      expect(events[i]!.start).toBe(talk.startUtc);
      expect(events[i]!.end).toBe(talk.endUtc);
      expect(events[i]!.startZone).toBe('Europe/Berlin');
      expect(events[i]!.alarms).toEqual([{ action: 'DISPLAY', trigger: -300 }]);
    }
  });

  it('writes Markdown links in the abstract as text with the address', () => {
    const talk = talks.find((t) => t.title.startsWith('Der faule Admin'))!;
    expect(talk.abstract).toContain('[Gluon](https://gluon.readthedocs.io/)');
    const e = events.find((x) => x.uid === eventUid(conference, talk))!;
    expect(e.description).toContain('Chris Fiege');
    expect(e.description).toContain('auf Gluon (https://gluon.readthedocs.io/).');
    expect(e.description).not.toContain('\r');
  });
});

describe('FOSDEM 2015 (abstracts in HTML)', () => {
  it('puts the abstract as plain text, entities decoded and tags gone', async () => {
    const { conference, talks } = await imported(parsed('fosdem'), 'Europe/Brussels');
    const talk = talks.find((t) => /<p>/.test(t.abstract ?? ''))!;
    const { events } = read(
      agendaCalendar(conference, [talk], { now: NOW, alarmMinutes: 10 }).text,
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.description).not.toMatch(/<\/?[a-z]/);
    expect(events[0]!.start).toBe(talk.startUtc);
  });
});

describe('PyCon UK 2015 (.ics without DTEND)', () => {
  it('writes no end for a talk the schedule gives none, and the event ends as it starts', async () => {
    const { conference, talks } = await imported(parsed('pyconuk'), 'Europe/London');
    const open = talks.find((t) => t.startUtc !== undefined && t.endUtc === undefined)!;
    const out = agendaCalendar(conference, [open], { now: NOW, alarmMinutes: 10 });
    expect(out.text).not.toContain('DTEND');
    const { events } = read(out.text);
    expect(events[0]!.start).toBe(open.startUtc);
    expect(events[0]!.end).toBe(open.startUtc);
  });
});

/** The real rC3 file with its zone named and four talks moved onto Berlin's clock changes. */
function rc3AcrossClockChanges(): ParsedSchedule {
  const data = JSON.parse(fixtureText('rc3')) as {
    schedule: {
      conference: {
        time_zone_name?: string;
        days: { date: string; rooms: Record<string, { date: string; start: string }[]> }[];
      };
    };
  };
  const conference = data.schedule.conference;
  conference.time_zone_name = 'Europe/Berlin';
  const day = conference.days[0]!;
  const events = Object.values(day.rooms)[0]!;
  const moves: [string, string][] = [
    ['2024-03-31T01:30:00+01:00', '01:30'], // before the spring jump, ending after it
    ['2024-03-31T03:30:00+02:00', '03:30'], // just after it
    ['2024-10-27T02:30:00+02:00', '02:30'], // 02:30, first time round
    ['2024-10-27T02:30:00+01:00', '02:30'], // 02:30 again, an hour later
  ];
  for (const [i, [date, start]] of moves.entries()) Object.assign(events[i]!, { date, start });
  day.rooms = { [Object.keys(day.rooms)[0]!]: events.slice(0, 4) };
  conference.days = [day];
  return parseSchedule(new TextEncoder().encode(JSON.stringify(data)), 'schedule.json');
}

describe('Europe/Berlin across both clock changes of 2024 (rC3 file, edited)', async () => {
  const { conference, talks } = await imported(rc3AcrossClockChanges(), 'UTC');
  const out = agendaCalendar(conference, talks, { now: NOW, alarmMinutes: 10 });
  const { zones, events } = read(out.text);

  it('reads back every instant, the repeated hour included', () => {
    expect(conference.timeZone).toBe('Europe/Berlin');
    expect(talks.map((t) => new Date(t.startUtc!).toISOString())).toEqual([
      '2024-03-31T00:30:00.000Z',
      '2024-03-31T01:30:00.000Z',
      '2024-10-27T00:30:00.000Z',
      '2024-10-27T01:30:00.000Z',
    ]);
    expect(events.map((e) => e.start)).toEqual(talks.map((t) => t.startUtc));
    expect(events.map((e) => e.end)).toEqual(talks.map((t) => t.endUtc));
  });

  it('writes local times with TZID, and both passes of the repeated 02:30 in UTC', () => {
    const events = out.text.split('BEGIN:VEVENT').slice(1);
    const starts = events.map((e) => /^DTSTART[;:].*$/m.exec(e)![0]);
    expect(starts).toEqual([
      'DTSTART;TZID=Europe/Berlin:20240331T013000',
      'DTSTART;TZID=Europe/Berlin:20240331T033000',
      'DTSTART:20241027T003000Z',
      'DTSTART:20241027T013000Z',
    ]);
  });

  it('defines the zone with the changes around the talks, as Intl knows them', () => {
    const blocks = zones[0]!
      .getAllSubcomponents()
      .map((c) => [
        c.name,
        String(c.getFirstPropertyValue('dtstart')),
        String(c.getFirstPropertyValue('tzoffsetfrom')),
        String(c.getFirstPropertyValue('tzoffsetto')),
      ]);
    expect(blocks).toEqual([
      ['standard', '2023-10-29T03:00:00', '+02:00', '+01:00'],
      ['daylight', '2024-03-31T02:00:00', '+01:00', '+02:00'],
      ['standard', '2024-10-27T03:00:00', '+02:00', '+01:00'],
    ]);
  });
});

describe('talks without times', () => {
  it('are left out and counted: the Xebicon demo has none with a time', async () => {
    const db = createDb(`calendar-${++n}`);
    const id = await addDemo(db, 'Europe/Paris');
    const conference = (await db.conferences.get(id))!;
    const talks = await db.talks.where({ conferenceId: id }).toArray();
    const out = agendaCalendar(conference, talks, { now: NOW, alarmMinutes: 10 });
    expect(out).toMatchObject({ events: 0, untimed: 12 });
    expect(read(out.text).events).toEqual([]);
  });

  it('are left out beside timed ones; a talk given twice is written once', async () => {
    const { conference, talks } = await imported(parsed('debconf'), 'UTC');
    const [a, b, c] = talks as [Talk, Talk, Talk];
    const untimed = [b, c].map(({ startUtc: _s, endUtc: _e, ...rest }) => rest as Talk);
    const out = agendaCalendar(conference, [a, ...untimed, a], { now: NOW, alarmMinutes: 10 });
    expect(out).toMatchObject({ events: 1, untimed: 2 });
  });
});

describe('a talk gone from the schedule', () => {
  it('is written cancelled, without a reminder', async () => {
    const { conference, talks } = await imported(parsed('debconf'), 'UTC');
    const gone: Talk = { ...talks[0]!, removedFromSchedule: true };
    const { events } = read(
      agendaCalendar(conference, [gone], { now: NOW, alarmMinutes: 10 }).text,
    );
    expect(events[0]).toMatchObject({ status: 'CANCELLED', alarms: [] });
  });
});

describe('text a schedule can hold', () => {
  const conference = { id: 'c1', title: 'Test', timeZone: 'Europe/Paris' } as Conference;
  const base: Talk = {
    id: 't1',
    conferenceId: 'c1',
    sourceKey: 'k',
    order: 0,
    title: '',
    speakers: [],
    links: [],
    utcFromFile: true,
    removedFromSchedule: false,
    startUtc: Date.UTC(2024, 4, 2, 8, 0),
    endUtc: Date.UTC(2024, 4, 2, 9, 0),
  };

  it('escapes backslash, semicolon, comma and newline, and reads back the same', () => {
    const title = 'Rust; C, C++ \\ "Go" — 日本語 🦀👩‍👩‍👧';
    const talk: Talk = {
      ...base,
      title,
      room: 'Salle A; B, C',
      speakers: [{ name: 'Zoë, Bob', affiliation: 'A\\B' }],
      abstract: 'Line 1\r\nLine 2; with, marks\n\nSecond paragraph 🦀',
    };
    const out = agendaCalendar(conference, [talk], { now: NOW, alarmMinutes: 10 });
    expectWellFormed(out.text);
    const unfolded = out.text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('SUMMARY:Rust\\; C\\, C++ \\\\ "Go" — 日本語 🦀👩‍👩‍👧\r\n');
    expect(unfolded).toContain('LOCATION:Salle A\\; B\\, C\r\n');
    const e = read(out.text).events[0]!;
    expect(e.summary).toBe(title);
    expect(e.location).toBe('Salle A; B, C');
    expect(e.description).toBe(
      'Zoë, Bob, A\\B\n\nLine 1\nLine 2; with, marks\n\nSecond paragraph 🦀',
    );
  });

  it('keeps a title on one line and leaves out a URL that is not a web address', () => {
    const talk: Talk = { ...base, title: 'One\ntwo', url: 'javascript:alert(1)' };
    const out = agendaCalendar(conference, [talk], { now: NOW, alarmMinutes: 10 });
    expect(read(out.text).events[0]!).toMatchObject({ summary: 'One two', url: null });
  });
});
