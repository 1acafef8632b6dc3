// frab XML traps that no real fixture holds, as small inline documents.
import { describe, expect, it } from 'vitest';
import { parseFrabXml } from '../../../src/lib/schedule/frab-xml';
import { SCHEDULE_WARNINGS as W } from '../../../src/lib/schedule/words';

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
        ev(
          '1',
          '<date>2019-12-27T11:00:00Z</date><start>11:00</start><duration>00:30</duration><title>Wrong Z</title>',
        ) +
          ev(
            '2',
            '<date>2019-12-27T10:00:00Z</date><start>11:00</start><duration>00:30</duration><title>Right Z</title>',
          ),
        '<time_zone_name>Europe/Berlin</time_zone_name>',
        'index="1" date="2019-12-27"',
      ),
    );
    for (const t of s.talks) {
      expect(t.startLocal).toBe('2019-12-27T11:00');
      expect(t.startUtc).toBe(Date.parse('2019-12-27T10:00:00Z'));
      expect(t.endLocal).toBe('2019-12-27T11:30');
    }
    expect(s.warnings).toEqual([
      { words: W.wrongOffsetOne, values: { n: 1, zone: 'Europe/Berlin' } },
    ]);
  });

  it('works out the offset from <date> and <start> when no zone is named', () => {
    const s = parseFrabXml(
      xml(
        ev(
          '1',
          '<date>2023-09-09T21:30:00+00:00</date><start>03:00</start><duration>00:45</duration><title>Early</title>',
        ),
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
    const t = parseFrabXml(doc).talks[0];
    expect(t?.title).toBe('<img src=x onerror=alert(1)>Hi &d;');
    expect(t?.abstract).toBe('<script>globalThis.pwned = 1</script><b>raw</b>');
    expect('pwned' in globalThis).toBe(false);
  });

  it('reads past __proto__ and constructor elements and attributes without polluting prototypes', () => {
    const doc = xml(
      ev(
        '1',
        '<start>10:00</start><title>X</title><__proto__><p>1</p></__proto__>' +
          '<constructor __proto__="x"><prototype>2</prototype></constructor>',
      ),
    );
    expect(parseFrabXml(doc).talks.map((t) => t.title)).toEqual(['X']);
    expect('p' in {}).toBe(false);
    expect('prototype' in {}).toBe(false);
  });
});
