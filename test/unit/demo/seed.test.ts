import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSeedAdoc, seedProgrammeUrl } from '../../../src/lib/demo/seed-adoc';
import demo from '../../../src/lib/demo/xebicon-2019.json';

const seed = readFileSync(
  new URL('../../fixtures/seed/xebicon-2019-notes.adoc', import.meta.url),
  'utf8',
);

describe('the Xebicon 2019 demo', () => {
  it('is exactly what the seed says (regenerate with test/tools/make-demo.ts)', () => {
    expect(demo).toEqual({ ...parseSeedAdoc(seed), programmeUrl: seedProgrammeUrl(seed) });
  });

  it('has the seed date, venue, links and every talk in order, with no times', () => {
    const parsed = parseSeedAdoc(seed);
    expect(parsed.conference).toEqual({
      title: 'Xebicon 2019',
      startDate: '2019-11-28',
      endDate: '2019-11-28',
      venue: 'palais Brogniart à Paris',
      url: 'https://xebicon.fr/',
    });
    expect(seedProgrammeUrl(seed)).toBe('https://xebicon.fr/programme-xebicon-2019/');
    const headings = [...seed.matchAll(/^== (.+)$/gm)].map((m) => m[1]);
    expect(parsed.talks.map((t) => t.title)).toEqual(
      headings.filter((h) => !['Présentation', 'Buzz words', 'Divers'].includes(h!)),
    );
    expect(parsed.talks.every((t) => t.startLocal === undefined && t.startUtc === undefined)).toBe(
      true,
    );
  });

  it('reads type, abstract, speakers and programme link of a talk', () => {
    const talk = parseSeedAdoc(seed).talks.find((t) =>
      t.title.startsWith('REX Galeries Lafayette'),
    )!;
    expect(talk.type).toBe("Retour d'Expérience Client (REX)");
    expect(talk.url).toBe('https://xebicon.fr/programme-xebicon-2019/#event-62');
    expect(talk.abstract).toMatch(/^La data est un monde abstrait/);
    expect(talk.abstract).toMatch(/\(Simulastor\)\.$/);
    expect(talk.speakers).toEqual([
      { name: 'Dina Baddaje', affiliation: 'Data Scientist - Galeries Lafayette' },
      { name: 'Enguerand Acquarone', affiliation: 'Responsable DataScience - Galeries Lafayette' },
      { name: 'Nicolas Dechandon', affiliation: 'Consultant - Xebia' },
    ]);
  });

  it('keeps the attendee notes out of the schedule', () => {
    const all = JSON.stringify(parseSeedAdoc(seed));
    expect(all).not.toContain('xebicon_01.jpg');
    expect(all).not.toContain('Spinnaker');
  });
});
