import { describe, expect, it } from 'vitest';
import { parseFrabXml } from '../../../src/lib/schedule/frab-xml';
import { ScheduleError } from '../../../src/lib/schedule/types';
import { utcToZonedWall } from '../../../src/lib/util/time';
import { distinct, fixtureText, parsed, talkByTitle } from './fixtures';

const countBy = (values: (string | undefined)[]) => {
  const out: Record<string, number> = {};
  for (const v of values) if (v !== undefined) out[v] = (out[v] ?? 0) + 1;
  return out;
};

describe('FOSDEM 2015 (classic pentabarf: no tz, no <date>, day_change 09:00)', () => {
  const s = parsed('fosdem');

  it('has 551 talks in 25 rooms over 2 days', () => {
    expect(s.format).toBe('frab-xml');
    expect(s.talks).toHaveLength(551);
    expect(distinct(s, (t) => t.room).size).toBe(25);
    expect(countBy(s.talks.map((t) => t.startLocal?.slice(0, 10)))).toEqual({
      '2015-01-31': 266,
      '2015-02-01': 285,
    });
  });

  it('reads the conference block', () => {
    expect(s.conference).toEqual({
      title: 'FOSDEM 2015',
      venue: 'ULB (Université Libre de Bruxelles), Brussels',
      startDate: '2015-01-31',
      endDate: '2015-02-01',
    });
  });

  it('keeps wall-clock times only and warns that there is no time zone', () => {
    expect(s.talks.every((t) => t.startLocal && t.endLocal)).toBe(true);
    expect(s.talks.some((t) => t.startUtc !== undefined || t.endUtc !== undefined)).toBe(false);
    expect(s.conference.timeZone).toBeUndefined();
    expect(s.warnings.some((w) => /no time zone/i.test(w))).toBe(true);
  });

  it('spot-checks the opening keynote', () => {
    expect(talkByTitle(s, 'Welcome to FOSDEM 2015')).toEqual({
      sourceKey: 'keynotes_welcome',
      title: 'Welcome to FOSDEM 2015',
      type: 'keynote',
      track: 'Keynotes',
      abstract: '<p>FOSDEM welcome and opening talk.</p>',
      description: '<p>Welcome to FOSDEM 2015!</p>',
      room: 'Janson',
      startLocal: '2015-01-31T09:30',
      endLocal: '2015-01-31T09:55',
      rawStart: '2015-01-31 09:30',
      rawDuration: '00:25',
      speakers: [{ name: 'FOSDEM Staff' }],
      links: [],
    });
  });

  it('spot-checks a day-2 talk with three speakers, a subtitle and links', () => {
    const t = talkByTitle(s, 'Keccak and SHA-3: code and standard updates');
    expect(t.sourceKey).toBe('keccak_and_sha3');
    expect(t.subtitle).toBe('From the Keccak Code Package to a wide range of cryptographic applications');
    expect(t.room).toBe('K.1.105 (La Fontaine)');
    expect([t.startLocal, t.endLocal]).toEqual(['2015-02-01T11:00', '2015-02-01T11:50']);
    expect(t.speakers.map((p) => p.name)).toEqual([
      'Gilles Van Assche',
      'Joan Daemen',
      'Michaël Peeters',
    ]);
    expect(t.links).toHaveLength(8);
    expect(t.links[6]).toEqual({ url: 'http://keccak.noekeon.org/', title: 'Keccak' });
  });

  it('keys talks by slug, never by the bare numeric id', () => {
    expect(s.talks.every((t) => t.sourceKey !== '' && !/^\d+$/.test(t.sourceKey))).toBe(true);
    expect(new Set(s.talks.map((t) => t.sourceKey)).size).toBe(551);
  });

  it('decodes entity-escaped HTML exactly once', () => {
    expect(fixtureText('fosdem')).toContain('AT&amp;amp;T UNIX');
    const beri = s.talks.find((t) => t.sourceKey === 'beri');
    expect(beri?.description).toContain('The original AT&amp;T UNIX');
    expect(beri?.abstract?.startsWith('<p>BERI')).toBe(true);
    expect(s.talks.map((t) => t.title)).toContain('GlusterFS - Overview & Future Directions');
  });

  it('keeps the type enum as found', () => {
    expect(countBy(s.talks.map((t) => t.type))).toEqual({
      devroom: 475,
      maintrack: 25,
      lightningtalk: 41,
      keynote: 4,
      certification: 6,
    });
  });
});

describe('DebConf 23 (wafer: <date> in UTC, <start> in IST, day@date one day early)', () => {
  const s = parsed('debconf');

  it('has 117 talks in 5 rooms and the Asia/Kolkata zone', () => {
    expect(s.talks).toHaveLength(117);
    expect(distinct(s, (t) => t.room)).toEqual(
      new Set(['Anamudi', 'Kuthiran', 'Ponmudi', 'Elsewhere', 'Outside']),
    );
    expect(s.conference).toEqual({
      title: 'DebConf 23',
      timeZone: 'Asia/Kolkata',
      startDate: '2023-09-10',
      endDate: '2023-09-18',
      url: 'https://debconf23.debconf.org',
    });
    expect(s.warnings).toEqual([]);
  });

  it('trusts the UTC instant and takes the local date from it, not from day@date', () => {
    const t = talkByTitle(s, 'Opening Ceremony');
    expect(fixtureText('debconf')).toContain('<day date="2023-09-09"');
    expect(t.startLocal).toBe('2023-09-10T10:30');
    expect(t.endLocal).toBe('2023-09-10T10:50');
    expect(t.startUtc).toBe(Date.parse('2023-09-10T05:00:00Z'));
    expect(t.endUtc).toBe(Date.parse('2023-09-10T05:20:00Z'));
    expect(t.sourceKey).toBe('455d075f-48c0-2ec2-24b3-f5add30c383a');
    expect(t.speakers).toEqual([{ name: 'Sruthi Chandran' }]);
    expect(t.url).toBe('https://debconf23.debconf.org/talks/18-opening-ceremony/');
  });

  it('puts every talk on its real local date (none on the UTC day@date 2023-09-09)', () => {
    expect(countBy(s.talks.map((t) => t.startLocal?.slice(0, 10)))).toEqual({
      '2023-09-10': 20,
      '2023-09-11': 17,
      '2023-09-12': 19,
      '2023-09-13': 4,
      '2023-09-14': 11,
      '2023-09-15': 19,
      '2023-09-16': 19,
      '2023-09-17': 8,
    });
    for (const t of s.talks) {
      expect(utcToZonedWall(t.startUtc ?? NaN, 'Asia/Kolkata')).toBe(t.startLocal);
    }
  });

  it('uses <description> when <abstract/> is empty, and trims heavy whitespace', () => {
    expect(fixtureText('debconf').match(/<abstract\/>/g)).toHaveLength(117);
    expect(s.talks.filter((t) => t.abstract !== undefined)).toHaveLength(85);
    expect(s.talks.some((t) => t.description !== undefined)).toBe(false);
    expect(talkByTitle(s, 'Opening Ceremony').abstract).toBe('Welcome to DebConf23');
    for (const t of s.talks) expect(t.abstract ?? '').not.toMatch(/\n{3}|[ \t]\n|^\s|\s$/);
  });

  it('decodes numeric character references in titles', () => {
    expect(fixtureText('debconf')).toContain('Brasília Community&#x27;s Story');
    const t = talkByTitle(s, "From 5 to 100: The Debian Brasília Community's Story");
    expect(t.speakers).toHaveLength(7);
    expect(t.startLocal).toBe('2023-09-10T18:00');
  });

  it('handles a long event (08:30) on the right day', () => {
    const t = talkByTitle(s, 'Day trip');
    expect([t.room, t.startLocal, t.endLocal]).toEqual([
      'Outside',
      '2023-09-13T10:30',
      '2023-09-13T19:00',
    ]);
  });
});

/** A minimal frab XML document around some events. */
function xml(events: string, conference = '', dayAttrs = 'index="1" date="2015-01-31"'): string {
  return `<?xml version="1.0"?><schedule><conference><title>Snippet</title>${conference}</conference>
<day ${dayAttrs}><room name="Ada">${events}</room></day></schedule>`;
}
const ev = (id: string, fields: string) => `<event id="${id}">${fields}<room>Ada</room></event>`;

describe('frab XML traps no fixture holds', () => {
  it('moves events that start before day_change to the next calendar day', () => {
    const s = parseFrabXml(
      xml(
        ev('1', '<start>23:30</start><duration>01:00</duration><title>Late</title>') +
          ev('2', '<start>01:30</start><duration>00:30</duration><title>After midnight</title>'),
        '<day_change>09:00:00</day_change>',
      ),
    );
    expect(s.talks.map((t) => [t.startLocal, t.endLocal])).toEqual([
      ['2015-01-31T23:30', '2015-02-01T00:30'], // crosses midnight
      ['2015-02-01T01:30', '2015-02-01T02:00'],
    ]);
  });

  it('uses the day start attribute (pretalx 04:00 windows) as the day change', () => {
    const s = parseFrabXml(
      xml(
        ev('1', '<start>02:00</start><duration>00:30</duration><title>Night</title>'),
        '',
        'index="1" date="2020-12-27" start="2020-12-27T04:00:00+01:00"',
      ),
    );
    expect(s.talks[0]?.startLocal).toBe('2020-12-28T02:00');
  });

  it('reads a local time wrongly marked Z as local wall time in the named zone', () => {
    const s = parseFrabXml(
      xml(
        ev('1', '<date>2019-12-27T11:00:00Z</date><start>11:00</start><duration>00:30</duration><title>Wrong Z</title>') +
          ev('2', '<date>2019-12-27T10:00:00Z</date><start>11:00</start><duration>00:30</duration><title>Right Z</title>'),
        '<time_zone_name>Europe/Berlin</time_zone_name>',
        'index="1" date="2019-12-27"',
      ),
    );
    for (const t of s.talks) {
      expect(t.startLocal).toBe('2019-12-27T11:00');
      expect(t.startUtc).toBe(Date.parse('2019-12-27T10:00:00Z'));
      expect(t.endLocal).toBe('2019-12-27T11:30');
    }
    expect(s.warnings.join(' ')).toMatch(/1 talk\(s\) had a local time wrongly marked as UTC/);
  });

  it('works out the offset from <date> and <start> when no zone is named', () => {
    const s = parseFrabXml(
      xml(
        ev('1', '<date>2023-09-09T21:30:00+00:00</date><start>03:00</start><duration>00:45</duration><title>Early</title>'),
        '',
        'index="1" date="2023-09-09"',
      ),
    );
    expect(s.talks[0]?.startLocal).toBe('2023-09-10T03:00');
    expect(s.talks[0]?.startUtc).toBe(Date.parse('2023-09-09T21:30:00Z'));
  });

  it('keeps only the wall clock for a Z time matching <start> when no zone is named', () => {
    const s = parseFrabXml(
      xml(ev('1', '<date>2019-12-27T11:00:00Z</date><start>11:00</start><title>Ambiguous</title>')),
    );
    expect(s.talks[0]?.startLocal).toBe('2019-12-27T11:00');
    expect(s.talks[0]?.startUtc).toBeUndefined();
  });

  it('computes UTC from wall clock when the file names its zone but has no <date>', () => {
    const s = parseFrabXml(
      xml(
        ev('1', '<start>10:00</start><duration>0:30</duration><title>Zoned</title>'),
        '<time_zone_name>Europe/Brussels</time_zone_name>',
      ),
    );
    expect(s.talks[0]?.startUtc).toBe(Date.parse('2015-01-31T09:00:00Z'));
    expect(s.conference.timeZone).toBe('Europe/Brussels');
  });

  it('falls back to id@room@start keys and keeps them unique', () => {
    const s = parseFrabXml(
      xml(
        ev('7', '<start>10:00</start><title>A</title>') +
          ev('7', '<start>10:00</start><title>B</title>') +
          '<event id="8" guid="ABC-1"><start>11:00</start><slug>s</slug><title>C</title></event>',
      ),
    );
    expect(s.talks.map((t) => t.sourceKey)).toEqual([
      '7@Ada@2015-01-31T10:00',
      '7@Ada@2015-01-31T10:00#2015-01-31T10:00#B',
      'abc-1',
    ]);
  });

  it('keeps hostile markup as inert text and does not expand entity bombs', () => {
    const bomb =
      '<!DOCTYPE schedule [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>';
    const doc = xml(
      ev(
        '1',
        '<start>10:00</start><title>&lt;img src=x onerror=alert(1)&gt;Hi &d;</title>' +
          '<abstract>&lt;script&gt;globalThis.pwned = 1&lt;/script&gt;<![CDATA[<b>raw</b>]]></abstract>',
      ),
    ).replace('<schedule>', `${bomb}<schedule>`);
    const started = performance.now();
    const t = parseFrabXml(doc).talks[0];
    expect(performance.now() - started).toBeLessThan(500);
    expect(t?.title).toBe('<img src=x onerror=alert(1)>Hi &d;');
    expect(t?.abstract).toBe('<script>globalThis.pwned = 1</script><b>raw</b>');
    expect('pwned' in globalThis).toBe(false);
  });

  it('rejects a __proto__ element instead of polluting prototypes', () => {
    const doc = xml(ev('1', '<start>10:00</start><title>X</title><__proto__><p>1</p></__proto__>'));
    expect(() => parseFrabXml(doc)).toThrow(ScheduleError);
    expect('p' in {}).toBe(false);
  });
});
