// A small English conference whose notes try every trap: markup-looking lines, macros, HTML,
// attribute references, stray marks, nested bullets and links, so the writers must escape.
import type { Conference, Talk } from '../../../src/lib/model/types';
import type { ExportInput, TalkNotes } from '../../../src/lib/export/model';

export const conference: Conference = {
  id: 'c1',
  title: 'Café Conf 2024',
  startDate: '2024-06-12',
  endDate: '2024-06-13',
  timeZone: 'Europe/Paris',
  timeZoneSource: 'file',
  venue: 'Palais des Congrès, Lyon',
  url: 'https://cafe.example/',
  source: {
    kind: 'url',
    url: 'https://cafe.example/schedule.json',
    format: 'frab-json',
    fetchedAt: 0,
  },
  demo: false,
  warnings: [],
  createdAt: 0,
  updatedAt: 0,
};

const talk = (i: number, fields: Partial<Talk>): Talk => ({
  id: `t${i}`,
  conferenceId: 'c1',
  sourceKey: `k${i}`,
  order: i,
  title: `Talk ${i}`,
  utcFromFile: false,
  speakers: [],
  links: [],
  removedFromSchedule: false,
  ...fields,
});

export const talks: Talk[] = [
  talk(0, {
    title: 'Keynote: **Why** == matters ==',
    type: 'Keynote',
    url: 'https://cafe.example/talks/0',
    abstract: '<p>HTML <b>abstract</b> &amp; more</p><ul><li>one</li><li>two</li></ul>',
    speakers: [{ name: 'Ada Lovelace', affiliation: 'Analytical Engines' }, { name: 'Bob' }],
  }),
  talk(1, { title: 'Untouched talk', abstract: 'Nobody took notes here.' }),
  talk(2, {
    title: 'C++ and C# in 2024',
    type: 'Talk',
    url: 'https://cafe.example/talks/2?a=1&b=*x*',
    abstract: '====\nA line that looks like a delimiter.\n\n- kept bullet\n* other bullet',
    speakers: [{ name: '=== Not a heading', affiliation: 'image:evil.jpg[]' }],
  }),
];

const hostile = `==== not a delimiter
image:evil.jpg[] and image::block.jpg[]
<script>alert(1)</script> & {author} {set:foo:bar} {counter:n}
term:: definition; other;; thing
NOTE: not an admonition
1. not a list
. not a list either
// not a comment
:attr: not an attribute
[[anchor]] <<xref>> pass:[<b>raw</b>] footnote:[no]
C++ and C++, snake_case, __init__, 2^10^, H~2~O, a_b_c, #mark# and ++pass++
back\\slash \\*not bold*, *single star, 5 * 3 = 15
|=== a table?
--
'''
> quote?
# heading?
    indented code?`;

export const notes = new Map<string, TalkNotes>([
  [
    't0',
    {
      talkId: 't0',
      opinion: 'Great **talk**, see [the slides](https://slides.example/deck_1.pdf).',
      timeline: [
        { kind: 'photo', id: 'p1', caption: 'First *slide* [1]', type: 'image/jpeg' },
        {
          kind: 'text',
          id: 'n1',
          text: `Intro with **bold**, a link [docs, v2 = new](https://docs.example/a_b) and https://bare.example/x.
- level one
  - level two with https://deep.example/path_(x)
    - level three
\t\t\t- level four (tabs)
- back to one
continued line of one

-> arrow kept`,
        },
        { kind: 'photo', id: 'p2', caption: '', type: 'image/png' },
        { kind: 'text', id: 'n2', text: hostile },
        { kind: 'photo', id: 'p3', caption: '.hidden title?', type: 'image/jpeg' },
      ],
    },
  ],
  ['t1', { talkId: 't1', timeline: [{ kind: 'text', id: 'n3', text: '   \n ' }], opinion: '' }],
  [
    't2',
    {
      talkId: 't2',
      opinion: '',
      timeline: [{ kind: 'photo', id: 'p4', caption: 'Only a photo', type: 'image/webp' }],
    },
  ],
]);

export function syntheticInput(onlyWithNotes = true): ExportInput {
  return {
    conference,
    talks,
    notes,
    freeSections: [{ id: 'f1', title: 'Buzz words', text: '- **LLM**\n- *edge*', position: 0 }],
    lang: 'en',
    onlyWithNotes,
  };
}
