// frab-like XML that departs from frab's own shape: FOSDEM 2008 (real file, events right under
// <day>), a hand-made file (<person> right under <event>) and a merged c3voc one (<person>
// holding elements), each a fixture; see test/fixtures/schedules/SOURCES.md.
import { describe, expect, it } from 'vitest';
import { parseFrabXml } from '../../../src/lib/schedule/frab-xml';
import { SCHEDULE_WARNINGS as W } from '../../../src/lib/schedule/words';
import { checkSchedule } from '../../../src/lib/conference/schedule-check';
import { distinct, fixtureText, parsed, talkByTitle } from './fixtures';

describe('FOSDEM 2008 (pentabarf: events right under <day>, no <room name>)', () => {
  const s = parsed('fosdem2008');

  it('has every event, though no <room name> holds them', () => {
    expect(fixtureText('fosdem2008')).not.toContain('<room name=');
    expect(fixtureText('fosdem2008').match(/<event /g)).toHaveLength(258);
    expect(s.format).toBe('frab-xml');
    // 258 events, 17 of them a second listing of another (below).
    expect(s.talks).toHaveLength(241);
    expect(distinct(s, (t) => t.room).size).toBe(19);
    expect(distinct(s, (t) => t.startLocal?.slice(0, 10))).toEqual(
      new Set(['2008-02-23', '2008-02-24']),
    );
  });

  it('takes the room from each event and its speakers from <persons>', () => {
    const t = talkByTitle(s, 'Zapcat: monitoring Java applications');
    expect(t).toMatchObject({
      room: 'Ferrer',
      startLocal: '2008-02-23T15:20',
      endLocal: '2008-02-23T15:35',
      track: 'Lightning Talks',
    });
    expect(t.speakers).toEqual([{ name: 'Kees Jan Koster' }]);
    expect(t.startUtc).toBeUndefined();
  });

  it('ignores the conference end of year 20008 and dates the conference by its talks', () => {
    expect(fixtureText('fosdem2008')).toContain('<end>20008-02-24</end>');
    expect(s.conference).toMatchObject({ startDate: '2008-02-23', endDate: '2008-02-24' });
  });

  it('shows a talk listed twice (same time and room, another id) once, and says so', () => {
    expect(fixtureText('fosdem2008').match(/<title>CMake<\/title>/g)).toHaveLength(2);
    expect(talkByTitle(s, 'CMake')).toMatchObject({
      sourceKey: '15@Janson@2008-02-24T12:00',
      startLocal: '2008-02-24T12:00',
      speakers: [{ name: 'Bill Hoffman' }],
    });
    expect(talkByTitle(s, 'Perl 6').speakers).toEqual([{ name: 'Patrick Michaud' }]);
    expect(s.warnings).toEqual([
      { words: W.noZone, values: {} },
      { words: W.listedTwice, values: { n: 17 } },
    ]);
  });
});

describe('hand-made frab-like XML: <person> right under <event>', () => {
  const s = parsed('handmade');

  it('names the speakers, skipping a blank one', () => {
    expect(fixtureText('handmade')).not.toContain('<persons>');
    expect(s.talks.map((t) => [t.title, t.speakers.map((p) => p.name)])).toEqual([
      ['Welcome and why we hand-write our schedule', ['Ada Example', 'Grace Sample']],
      ['Soldering for the nervous', ['Linus Placeholder']],
      ['Lunch', []],
      ["Night owls' lightning talks", ['Margaret Stand-in']],
    ]);
  });

  it('tells apart the two events with id 1 and puts the late one on the next day', () => {
    const late = talkByTitle(s, "Night owls' lightning talks");
    expect(late).toMatchObject({ room: 'Tent', startLocal: '2024-06-16T01:30' });
    expect(new Set(s.talks.map((t) => t.sourceKey)).size).toBe(4);
  });

  it('passes the record check with every speaker', () => {
    expect(checkSchedule(s).talks.map((t) => t.speakers)).toEqual(s.talks.map((t) => t.speakers));
  });
});

describe('merged c3voc XML: <person> holding a <full_public_name>', () => {
  it('names the speaker from the element, next to a plain one', () => {
    const s = parsed('merged');
    expect(s.talks[0]?.speakers).toEqual([{ name: 'Wikiuser' }, { name: 'Plain Name' }]);
    expect(s.talks[0]?.startUtc).toBe(Date.parse('2015-12-27T13:00:00Z'));
  });
});

/** One event's XML in a minimal document. */
const one = (inner: string) =>
  parseFrabXml(`<schedule><conference><title>X</title></conference>
<day date="2024-01-01"><room name="R"><event id="1"><start>10:00</start><title>T</title>${inner}</event></room></day></schedule>`)
    .talks[0]?.speakers;

describe('speakers in every shape at once', () => {
  it.each([
    [
      'wrapped and bare, listed both ways',
      '<persons><person>A</person></persons><person>A</person><person>B</person>',
      ['A', 'B'],
    ],
    ['a <name> element', '<person id="3"><name>C</name><slug>c</slug></person>', ['C']],
    [
      'a <public_name> element',
      '<persons><person><public_name>D</public_name></person></persons>',
      ['D'],
    ],
    ['an empty person and an empty list', '<persons/><person/>', []],
    ['text beats elements', '<person>E<name>not this</name></person>', ['E']],
  ])('%s', (_what, inner, names) => {
    expect(one(inner)?.map((p) => p.name)).toEqual(names);
  });

  it('does not take the schedule-level <persons> list as anyone’s speakers', () => {
    const s = parseFrabXml(`<schedule><conference><title>X</title></conference>
<persons><person id="2"><name>Staff</name></person></persons>
<day date="2024-01-01"><room name="R"><event id="1"><start>10:00</start><title>T</title></event></room></day></schedule>`);
    expect(s.talks[0]?.speakers).toEqual([]);
  });
});

describe('a talk listed more than once', () => {
  const ev = (id: string, room: string, start: string, person: string) =>
    `<event id="${id}">${start && `<start>${start}</start>`}<room>${room}</room><title>Same</title>` +
    `<persons><person>${person}</person></persons><links><link href="https://x.example/${id}"/></links></event>`;
  const titles = (events: string) =>
    parseFrabXml(
      `<schedule><conference><title>X</title></conference><day date="2024-01-01"><room name="R">${events}</room></day></schedule>`,
    ).talks.map((t) => [t.room, t.startLocal, t.speakers.map((p) => p.name), t.links.length]);

  it('is shown once with every speaker and link of its copies', () => {
    expect(
      titles(ev('1', 'R', '10:00', 'A') + ev('2', 'R', '10:00', 'B') + ev('3', 'R', '10:00', 'A')),
    ).toEqual([['R', '2024-01-01T10:00', ['A', 'B'], 3]]);
  });

  it('stays twice in another room, at another time, or with no time at all', () => {
    expect(
      titles(
        ev('1', 'R', '10:00', 'A') +
          ev('2', 'S', '10:00', 'A') +
          ev('3', 'R', '11:00', 'A') +
          ev('4', 'R', '', 'A') +
          ev('5', 'R', '', 'A'),
      ).map((t) => t.slice(0, 2)),
    ).toEqual([
      ['R', '2024-01-01T10:00'],
      ['S', '2024-01-01T10:00'],
      ['R', '2024-01-01T11:00'],
      ['R', undefined],
      ['R', undefined],
    ]);
  });
});
