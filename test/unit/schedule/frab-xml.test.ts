// FOSDEM 2015 and DebConf 23 schedule.xml, read from the real files.
import { describe, expect, it } from 'vitest';
import { SCHEDULE_WARNINGS as W } from '../../../src/lib/schedule/words';
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
    expect(s.warnings).toEqual([{ words: W.noZone, values: {} }]);
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
    expect(t.subtitle).toBe(
      'From the Keccak Code Package to a wide range of cryptographic applications',
    );
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
