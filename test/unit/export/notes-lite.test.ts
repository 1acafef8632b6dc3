import { describe, expect, it } from 'vitest';
import { notesToAdoc } from '../../../src/lib/export/asciidoc';
import { notesToMd } from '../../../src/lib/export/markdown';
import { dateVenueLine } from '../../../src/lib/export/model';
import { parseInline } from '../../../src/lib/export/notes-lite';
import { nameImages, slugify, uniqueSlug } from '../../../src/lib/export/slug';
import { conference } from './xebicon-notes';

describe('slugs and image names', () => {
  it.each([
    ['Xebicon 2019', 'xebicon-2019'],
    ['Café Conf — Lyon 2024 !', 'cafe-conf-lyon-2024'],
    ['Øredev: Straße & Œuvre', 'oredev-strasse-oeuvre'],
    ['  ***  ', 'conference'],
    ['日本語', 'conference'],
  ])('%s gives %s', (title, slug) => expect(slugify(title)).toBe(slug));

  it('keeps slugs apart', () => {
    const taken = new Set<string>();
    expect([uniqueSlug('Devoxx', taken), uniqueSlug('devoxx', taken)]).toEqual([
      'devoxx',
      'devoxx-2',
    ]);
  });

  it('numbers images with two digits, three past 99, extension from the type', () => {
    const few = nameImages('x', [
      { id: 'a', type: 'image/jpeg' },
      { id: 'b', type: 'image/png' },
      { id: 'a', type: 'image/jpeg' },
    ]);
    expect([...few.values()]).toEqual(['x_01.jpg', 'x_02.png']);
    const many = nameImages(
      'x',
      Array.from({ length: 120 }, (_, i) => ({ id: `p${i}`, type: 'image/webp' })),
    );
    expect([many.get('p0'), many.get('p119')]).toEqual(['x_001.webp', 'x_120.webp']);
  });
});

describe('Markdown-lite', () => {
  it.each<[string, string, string]>([
    ['**bold** word', '*bold* word', '**bold** word'],
    ['in**side**word', 'in**side**word', 'in**side**word'],
    ['[site](https://a.fr/x) end', 'https://a.fr/x[site] end', '[site](https://a.fr/x) end'],
    ['see https://a.fr/x.', 'see https://a.fr/x[].', 'see <https://a.fr/x>.'],
    ['(https://a.fr/x)', '(https://a.fr/x[])', '(<https://a.fr/x>)'],
    ['-> arrow', '-> arrow', '-> arrow'],
    ['a\nb', 'a +\nb', 'a\\\nb'],
    ['- a\n  - b\n\t\t- c\n- d', '* a\n\t** b\n\t\t*** c\n* d', '- a\n  - b\n    - c\n- d'],
    ['  - starts deep', '* starts deep', '- starts deep'],
    ['- a\n      - too deep', '* a\n\t** too deep', '- a\n  - too deep'],
    ['* star bullet', '* star bullet', '- star bullet'],
    ['- ', '', ''],
  ])('%j', (text, adoc, md) => {
    expect(notesToAdoc(text).join('\n\n')).toBe(adoc);
    expect(notesToMd(text).join('\n\n')).toBe(md);
  });

  it('leaves an unclosed bold as text', () => {
    expect(parseInline('**not closed')).toEqual([{ kind: 'text', text: '**not closed' }]);
  });
});

describe('date and venue line', () => {
  it.each<[Partial<typeof conference>, 'en' | 'fr', string]>([
    [{}, 'fr', 'Le 28/11/2019, au palais Brogniart à Paris.'],
    [{}, 'en', 'On 28 November 2019, at palais Brogniart à Paris.'],
    [{ endDate: '2019-11-29' }, 'fr', 'Du 28/11/2019 au 29/11/2019, au palais Brogniart à Paris.'],
    [{ venue: undefined }, 'en', 'On 28 November 2019.'],
    [{ startDate: undefined, endDate: undefined }, 'en', 'At palais Brogniart à Paris.'],
  ])('%j in %s', (change, lang, line) => {
    expect(dateVenueLine({ ...conference, ...change }, lang)).toBe(line);
  });
});
