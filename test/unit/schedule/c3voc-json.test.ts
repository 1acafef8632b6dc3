// c3voc "schedule 2" JSON: the 38C3 hub example of voc/schedule (real file, two of its states),
// then the traps its schema allows that the example does not hold, as inline documents.
import { describe, expect, it } from 'vitest';
import { isC3vocJson, parseC3vocJson } from '../../../src/lib/schedule/c3voc-json';
import { isFrabJson } from '../../../src/lib/schedule/frab-json';
import { parseSchedule } from '../../../src/lib/schedule/parse';
import { SCHEDULE_WARNINGS as W } from '../../../src/lib/schedule/words';
import { checkSchedule } from '../../../src/lib/conference/schedule-check';
import { fixtureText, parsed, talkByTitle, utf8 } from './fixtures';

const OPENING = '38C3: Opening Ceremony';
const NFS = 'A Competitive Time-Trial AI for Need for Speed:';

describe('38C3 hub, schedule 2 (rooms and tracks by reference, participants)', () => {
  const s = parsed('hub38c3');

  it('is schedule 2, not frab JSON with empty days', () => {
    const json: unknown = JSON.parse(fixtureText('hub38c3'));
    // The trap: frab JSON's test also holds (conference.days is a list), and read as frab the
    // file had "no talks in it yet".
    expect(isFrabJson(json)).toBe(true);
    expect(isC3vocJson(json)).toBe(true);
    expect(s.format).toBe('c3voc-json');
    expect(s.talks.map((t) => t.title)).toEqual([OPENING, NFS]);
  });

  it('reads the conference in its own zone, though its start and end are written in UTC', () => {
    expect(fixtureText('hub38c3')).toContain('"end": "2024-12-30T17:45:00+00:00"');
    expect(s.conference).toEqual({
      title: '38C3',
      timeZone: 'Europe/Berlin',
      startDate: '2024-12-27',
      endDate: '2024-12-30',
      url: 'https://events.ccc.de/congress/2024/',
    });
    expect(s.warnings).toEqual([]);
  });

  it('keeps the instants and shows them on the Berlin clock, past midnight on the next day', () => {
    expect(talkByTitle(s, NFS)).toMatchObject({
      startLocal: '2024-12-28T00:15',
      endLocal: '2024-12-28T00:55',
      startUtc: Date.parse('2024-12-27T23:15:00Z'),
      endUtc: Date.parse('2024-12-27T23:55:00Z'),
      rawStart: '2024-12-28T00:15:00+01:00',
    });
  });

  it('resolves the room and the track references into names', () => {
    // The second talk's room has no slug, its track nothing but a slug.
    expect(talkByTitle(s, OPENING)).toMatchObject({ room: 'Saal 1', track: 'CCC' });
    expect(talkByTitle(s, NFS)).toMatchObject({ room: 'Saal ZIGZAG', track: 'Hardware & Making' });
  });

  it('names every participant, keys talks by guid and spells out the types', () => {
    const t = talkByTitle(s, OPENING);
    expect(t.speakers).toEqual([
      { name: 'Gabriela Bogk' },
      { name: 'Aline Blankertz' },
      { name: 'Senficon' },
    ]);
    expect(t.sourceKey).toBe('270fa44c-821a-577f-8ca3-33e8d4a8c2a7');
    expect(t.type).toBe('Other');
    expect(talkByTitle(s, NFS)).toMatchObject({
      speakers: [{ name: 'Sebastian Schwarz' }],
      type: 'Talk',
      subtitle: 'Most Wanted Using Deep Reinforcement Learning',
      language: 'en',
    });
  });

  it('keeps abstract and description apart, with \\r\\n made \\n', () => {
    const t = talkByTitle(s, NFS);
    expect(t.abstract).toBe(
      'All challenges and achievements in creating a competitive time-trial AI in NFS:MW.',
    );
    expect(t.description).toContain('possibly be?".\n\nThis talk will present');
  });

  it('lists links and attachments, an untitled one named by its type', () => {
    expect(talkByTitle(s, OPENING).links).toEqual([
      { url: 'https://example.net/', title: 'foo bar' },
      {
        url: 'https://fahrplan.events.ccc.de/congress/2024/fahrplan/talk/HQCCYH/',
        title: 'Origin',
      },
      {
        url: 'https://fahrplan.events.ccc.de/congress/2024/fahrplan/talk/HQCCYH/feedback/',
        title: 'Feedback',
      },
      { url: 'https://example.net/foo/bar/1235.pdf', title: 'Slides' },
    ]);
  });

  it('passes the record check untouched', () => {
    const checked = checkSchedule(s);
    expect(checked.talks).toEqual(s.talks);
    expect(checked.warnings).toEqual([]);
  });
});

describe('the same example in the 2025 draft (rooms and tracks by name)', () => {
  const draft = parsed('hub38c3draft');
  const now = parsed('hub38c3');

  it('reads to the same talks, times, rooms, tracks and speakers', () => {
    const pick = (t: (typeof draft.talks)[number]) => ({
      key: t.sourceKey,
      title: t.title,
      room: t.room,
      track: t.track,
      type: t.type,
      times: [t.startLocal, t.endLocal, t.startUtc, t.endUtc],
      speakers: t.speakers.map((p) => p.name).sort(),
    });
    expect(fixtureText('hub38c3draft')).toContain('"room": "Saal 1"');
    expect(fixtureText('hub38c3draft')).toContain('"type": "talk"');
    expect(draft.talks.map(pick)).toEqual(now.talks.map(pick));
    expect(draft.conference).toEqual(now.conference);
  });
});

/** A minimal schedule 2 document around some events. */
function doc(events: unknown[], conference: Record<string, unknown> = {}, extra = {}) {
  return {
    schedule: {
      version: '1',
      conference: { acronym: 'snip', title: 'Snippet', ...conference },
      events,
      ...extra,
    },
  };
}
const parse = (d: unknown) => parseC3vocJson(d);

describe('schedule 2 traps the example does not hold', () => {
  it('with no zone named: a non-zero offset gives the local clock, Z only the instant', () => {
    const s = parse(
      doc([
        {
          guid: 'a',
          title: 'Offset',
          start: '2025-08-01T10:00:00+02:00',
          end: '2025-08-01T11:00:00+02:00',
        },
        { guid: 'b', title: 'Zulu', start: '2025-08-01T08:00:00Z', end: '2025-08-01T09:00:00Z' },
      ]),
    );
    expect(s.talks.map((t) => [t.startLocal, t.startUtc])).toEqual([
      ['2025-08-01T10:00', Date.parse('2025-08-01T08:00:00Z')],
      [undefined, Date.parse('2025-08-01T08:00:00Z')],
    ]);
    expect(s.conference.timeZone).toBeUndefined();
    expect(s.warnings).toEqual([{ words: W.utcNoZoneSchedule, values: {} }]);
  });

  it('reads times with no offset as the named zone’s wall clock, across a DST change', () => {
    const s = parse(
      doc([{ guid: 'a', title: 'Night', start: '2024-10-27T02:30:00', duration: 'PT1H' }], {
        time_zone_name: 'Europe/Berlin',
      }),
    );
    const t = s.talks[0];
    // 02:30 happens twice that night; the earlier (CEST) one is taken, and an hour later the
    // clock reads 02:30 again.
    expect(t?.startUtc).toBe(Date.parse('2024-10-27T00:30:00Z'));
    expect(t?.endLocal).toBe('2024-10-27T02:30');
    expect(t?.rawDuration).toBe('PT1H');
  });

  it('warns when times have no offset and no zone is named', () => {
    const s = parse(doc([{ guid: 'a', title: 'Floating', start: '2025-08-01T10:00:00' }]));
    expect(s.talks[0]?.startLocal).toBe('2025-08-01T10:00');
    expect(s.warnings).toEqual([{ words: W.noZone, values: {} }]);
  });

  it('ends a talk by its deprecated duration when it has no end, and drops an end before start', () => {
    const s = parse(
      doc(
        [
          { guid: 'a', title: 'Duration', start: '2025-08-01T10:00:00+02:00', duration: '00:45' },
          {
            guid: 'b',
            title: 'Backwards',
            start: '2025-08-01T10:00:00+02:00',
            end: '2025-08-01T09:00:00+02:00',
          },
          {
            guid: 'c',
            title: 'Both',
            start: '2025-08-01T10:00:00+02:00',
            end: '2025-08-01T10:20:00+02:00',
            duration: 'PT3H',
          },
        ],
        { time_zone_name: 'Europe/Amsterdam' },
      ),
    );
    expect(s.talks.map((t) => t.endLocal)).toEqual([
      '2025-08-01T10:45',
      undefined,
      '2025-08-01T10:20',
    ]);
  });

  it('leaves out cancelled, withdrawn and deleted events, and says so', () => {
    const at = { start: '2025-08-01T10:00:00+02:00' };
    const s = parse(
      doc([
        { guid: 'a', title: 'On', state: 'CONFIRMED', ...at },
        { guid: 'b', title: 'Off', state: 'CANCELED', ...at },
        { guid: 'c', title: 'Gone', state: 'withdrawn', ...at },
        { guid: 'd', title: 'Late', state: 'DELAYED', ...at },
      ]),
    );
    expect(s.talks.map((t) => t.title)).toEqual(['On', 'Late']);
    expect(s.warnings.map((w) => [w.words, w.values])).toContainEqual([W.cancelled, { n: 2 }]);
  });

  it('names participants from persons by guid, once each, and reads frab-style persons', () => {
    const s = parse(
      doc(
        [
          {
            guid: 'a',
            title: 'Panel',
            participants: [
              { guid: 'P-1', role: 'MODERATOR' },
              { guid: 'p-2', name: 'Bo', role: 'SPEAKER' },
              { guid: 'p-2', name: 'Bo', role: 'GUEST' },
              { guid: 'p-3' },
              'Cy',
            ],
          },
          { guid: 'b', title: 'Old style', persons: [{ public_name: 'Di' }, { name: 'Ed' }] },
        ],
        {},
        { persons: [{ guid: 'p-1', name: 'Ann', organization: 'ACME' }, 'junk', { guid: 7 }] },
      ),
    );
    expect(s.talks.map((t) => t.speakers)).toEqual([
      [{ name: 'Ann', affiliation: 'ACME' }, { name: 'Bo' }, { name: 'Cy' }],
      [{ name: 'Di' }, { name: 'Ed' }],
    ]);
  });

  it('reads localised abstracts in the talk’s language, else the conference default', () => {
    const s = parse(
      doc(
        [
          { guid: 'a', title: 'De', language: 'de', abstract: { en: 'Hello', de: 'Hallo' } },
          { guid: 'b', title: 'None', abstract: { en: 'Hello', fr: 'Bonjour' } },
          { guid: 'c', title: 'Other', abstract: { it: 'Ciao' }, description: null },
        ],
        { defaults: { language: 'fr' } },
      ),
    );
    expect(s.talks.map((t) => t.abstract)).toEqual(['Hallo', 'Bonjour', 'Ciao']);
  });

  it('never trusts a field’s type', () => {
    const s = parse(
      doc(
        [
          null,
          42,
          {
            guid: { $oid: 1 },
            code: 'ABC123',
            title: ['not', 'a', 'title'],
            start: 20250801,
            end: { when: 'later' },
            room: 17,
            track: [{ slug: 'x' }],
            type: 'LIGHTNING_TALK',
            participants: 'Nobody',
            links: [{ url: 5 }, { href: 'https://x.example' }, 'https://ok.example'],
            abstract: { en: 3, de: ['x'] },
          },
          { title: 'Meta without guid', type: 'BREAK', start: '2025-08-01T12:00:00+02:00' },
          { title: 'Meta without guid', type: 'BREAK', start: '2025-08-01T12:00:00+02:00' },
        ],
        { rooms: 'none', tracks: [null, { slug: 'x' }], time_zone_name: 'Mars/Olympus' },
      ),
    );
    expect(s.talks).toHaveLength(3);
    expect(s.talks[0]).toEqual({
      sourceKey: 'ABC123',
      title: 'Untitled',
      type: 'Lightning talk',
      room: '17',
      // Numbers are read as text where text is wanted, never as an address.
      abstract: '3',
      rawStart: '20250801',
      speakers: [],
      links: [{ url: 'https://ok.example' }],
    });
    expect(s.talks.slice(1).map((t) => [t.sourceKey, t.type])).toEqual([
      ['@@2025-08-01T12:00:00+02:00', 'Break'],
      ['@@2025-08-01T12:00:00+02:00#2025-08-01T12:00#Meta without guid', 'Break'],
    ]);
    expect(s.warnings.map((w) => w.words)).toContain(W.unknownZone);
    expect(s.warnings.map((w) => w.words)).toContain(W.talkIdReusedOne);
  });

  it('leaves out an impossible time, keeps the talk and says so', () => {
    const s = parse(
      doc([
        { guid: 'a', title: 'Month 13', start: '2025-13-01T10:00:00+02:00' },
        { guid: 'b', title: 'Long', start: '2025-08-01T10:00:00+02:00', duration: 'P9999W' },
      ]),
    );
    expect(s.talks.map((t) => [t.title, t.startLocal, t.endLocal])).toEqual([
      ['Month 13', undefined, undefined],
      ['Long', '2025-08-01T10:00', undefined],
    ]);
    expect(s.warnings.map((w) => [w.words, w.values])).toContainEqual([W.impossibleTime, { n: 2 }]);
  });

  it('is chosen over frab JSON only when its flat list has events or days hold no rooms', () => {
    const frabDays = {
      days: [{ date: '2025-08-01', rooms: { Ada: [{ guid: 'x', title: 'T' }] } }],
    };
    expect(isC3vocJson(doc([], frabDays))).toBe(false);
    expect(isC3vocJson(doc([{ guid: 'y', title: 'U' }], frabDays))).toBe(true);
    expect(isC3vocJson(doc([], { days: [{ date: '2025-08-01' }] }))).toBe(true);
    expect(parseSchedule(utf8(JSON.stringify(doc([], frabDays)))).format).toBe('frab-json');
    expect(() => parseSchedule(utf8(JSON.stringify(doc([]))))).toThrow(
      expect.objectContaining({ code: 'no-talks' }),
    );
  });
});
