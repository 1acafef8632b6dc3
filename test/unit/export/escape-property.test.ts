// Property tests of the export's escaping: any string, in any field a conference export writes,
// comes out of the real renderers as the same words and never as markup. fast-check builds
// conferences whose every field is made of AsciiDoc and Markdown syntax, HTML, entities and
// hostile URLs; each export is rendered (the .adoc by Asciidoctor in its secure and safe modes,
// in process for the many runs and by Debian's Ruby Asciidoctor in one batch; the .md by
// CommonMark) and the HTML is judged by test/support/html-oracle.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Conference, Talk } from '../../../src/lib/model/types';
import { planExport } from '../../../src/lib/export/archive';
import { toAsciiDoc } from '../../../src/lib/export/asciidoc';
import { toMarkdown } from '../../../src/lib/export/markdown';
import {
  dateVenueLine,
  isWebUrl,
  scheduleUrl,
  slideAlt,
  WORDS,
  type ExportInput,
  type TalkNotes,
} from '../../../src/lib/export/model';
import {
  abstractShown,
  asciidoctorCli,
  asciidoctorMissing,
  inspectHtml,
  missingFields,
  notesLinks,
  notesShown,
  renderMarkdown,
  wordsOf,
  type Flavour,
} from '../../support/html-oracle';
import { renderAdocPage } from './render';

/** Pieces of markup in both languages, HTML and URLs, and what can hide around them. */
const SYNTAX = [
  // AsciiDoc inline macros, bare and glued to a word before them
  'pass:[',
  'pass:c[',
  'pass:q,a[',
  'image:',
  'image::',
  'icon:',
  'link:',
  'mailto:',
  'footnote:',
  'footnote:id[',
  'footnoteref:[',
  'xref:',
  'anchor:',
  'kbd:[',
  'btn:[',
  'menu:',
  'stem:[',
  'latexmath:[',
  'asciimath:[',
  'indexterm:[',
  'indexterm2:[',
  'Xpass:[<img src=x onerror=alert(1)>]',
  'Wlink:javascript:alert(1)[click]',
  'Yimage://host.example/p.png[]',
  'image:https://evil.example/x.png[]',
  '[',
  ']',
  '[]',
  '\\]',
  '[[',
  ']]',
  '[[[',
  '<<',
  '>>',
  '((',
  '))',
  '(((',
  ')))',
  // passthroughs and formatting
  '+',
  '++',
  '+++',
  '$',
  '$$',
  '*',
  '**',
  '_',
  '__',
  '`',
  '``',
  '#',
  '##',
  '^',
  '~',
  "'",
  '"',
  "'`",
  "`'",
  '"`',
  '`"',
  '[.role]',
  '[#id]',
  '\\',
  '\\\\',
  'C++',
  'C#',
  // attribute references and entries
  '{',
  '}',
  '{author}',
  '{doctitle}',
  '{imagesdir}',
  '{nope}',
  '{set:foo:bar}',
  '{counter:n}',
  '{counter2:n}',
  '{a\\}',
  ':x:',
  ':imagesdir: https://evil.example/',
  ':!toc:',
  // lines that open blocks, lists, titles and directives
  '\n',
  '\n\n',
  '\r\n',
  '====',
  '----',
  '....',
  '****',
  '____',
  '++++',
  '////',
  '--',
  '|===',
  ',===',
  ':===',
  '!===',
  '```',
  '~~~',
  "'''",
  '<<<',
  '***',
  '* * *',
  '- - -',
  '.',
  '..',
  '. ',
  '* ',
  '- ',
  '** ',
  '1. ',
  '1) ',
  'a. ',
  'iv) ',
  '\u2022 ',
  '<1> ',
  '[x] ',
  '[ ] ',
  'NOTE: ',
  'term:: ',
  'term::: ',
  'term;; ',
  '// ',
  '= ',
  '== ',
  '# ',
  '> ',
  '| ',
  '+\n',
  ' +',
  'include::/etc/passwd[]',
  'include::doc-0000.adoc[]',
  'ifdef::backend-html5[]',
  'endif::[]',
  'toc::[]',
  'video::x.mp4[]',
  '[pass]',
  '[source]',
  '[[anchor]]',
  '<<xref>>',
  // HTML and entities
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src=x>',
  '<style>',
  '<object>',
  '<svg onload=alert(1)>',
  '</div>',
  '<!--',
  '-->',
  '<b>',
  '<p>',
  '<br>',
  '<li>',
  '&',
  ';',
  '&amp;',
  '&lt;',
  '&#60;',
  '&#x3C;',
  '&copy;',
  '&nbsp;',
  '&#9;',
  // URLs and links
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<b>x</b>',
  'vbscript:msgbox(1)',
  'https://evil.example/x.png',
  'http://a.example/p?q=1&r=2',
  'file:///etc/passwd',
  'ftp://a.example/',
  'irc://a.example/',
  '//evil.example/x.png',
  'evil@example.com',
  '[text](javascript:alert(1))',
  '![x](https://evil.example/x.png)',
  '<javascript:alert(1)>',
  '<https://evil.example>',
  '[ref]: javascript:alert(1)',
  '[ref]',
  '[^1]',
  '**bold**',
  '[label](https://ok.example/a_(b))',
  // replacements and odd characters
  '(C)',
  '(R)',
  '(TM)',
  '...',
  '->',
  '=>',
  '<-',
  '<=',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u2028',
  '\f',
  '\v',
  '\r',
  '\u200b',
  'é',
  'e\u0301',
  'ß',
  '日本',
  '²',
  '𝐀',
  'Ω',
];

/** Words a reader must still find: short, plain, and many, so fields are told apart. */
const word = fc.stringMatching(/^[a-z]{3,7}$/);

const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 3, arbitrary: word },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);

/** A string rich in syntax: pieces glued together, so a word may sit right before a macro. */
export const hostileText = (maxLength = 12) =>
  fc.array(piece, { maxLength }).map((parts) => parts.join(''));

const hostileUrl = fc.oneof(
  hostileText(4),
  hostileText(4).map((s) => `https://example.org/${s}`),
  hostileText(3).map((s) => `https://example.org/${s.replace(/\s/g, '')}`),
  fc.webUrl(),
  fc.constantFrom(
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'https://ok.example/a_b*c*_d',
    'https://ok.example/++x++',
    "https://ok.example/'x'",
    'https://ok.example/{doctitle}',
    'https://ok.example/#x#y#',
  ),
);

const speaker = fc.record({
  name: hostileText(),
  affiliation: fc.option(hostileText(6), { nil: undefined }),
});

const timelineItem = fc.oneof(
  hostileText(20).map((text) => ({ kind: 'text' as const, text })),
  fc
    .record({
      caption: hostileText(8),
      type: fc.constantFrom('image/jpeg', 'image/png'),
      // What a slide reader found: anything a hostile slide or a hostile zip can carry.
      text: fc.option(hostileText(30), { nil: undefined }),
    })
    .map((p) => ({ kind: 'photo' as const, ...p })),
);

const talkArb = fc.record({
  title: hostileText(),
  type: fc.option(hostileText(5), { nil: undefined }),
  abstract: fc.option(hostileText(20), { nil: undefined }),
  url: fc.option(hostileUrl, { nil: undefined }),
  links: fc.array(hostileUrl, { maxLength: 2 }),
  speakers: fc.array(speaker, { maxLength: 2 }),
  timeline: fc.array(timelineItem, { maxLength: 4 }),
  opinion: hostileText(10),
});

export const exportArb = fc.record({
  title: hostileText(),
  venue: fc.option(hostileText(6), { nil: undefined }),
  url: fc.option(hostileUrl, { nil: undefined }),
  programmeUrl: fc.option(hostileUrl, { nil: undefined }),
  sourceUrl: fc.option(hostileUrl, { nil: undefined }),
  dated: fc.boolean(),
  lang: fc.constantFrom('en' as const, 'fr' as const),
  talks: fc.array(talkArb, { minLength: 1, maxLength: 2 }),
  sections: fc.array(fc.record({ title: hostileText(), text: hostileText(16) }), { maxLength: 2 }),
});

type Generated = typeof exportArb extends fc.Arbitrary<infer T> ? T : never;

let photoNo = 0;

/** The export input of a generated conference, built like test/unit/export/synthetic.ts's. */
export function buildInput(g: Generated): ExportInput {
  const conference: Conference = {
    id: 'c1',
    title: g.title,
    ...(g.dated ? { startDate: '2024-06-12', endDate: '2024-06-13' } : {}),
    timeZone: 'Europe/Paris',
    timeZoneSource: 'file',
    venue: g.venue,
    url: g.url,
    programmeUrl: g.programmeUrl,
    source: { kind: 'url', url: g.sourceUrl, format: 'frab-json', fetchedAt: 0 },
    demo: false,
    warnings: [],
    createdAt: 0,
    updatedAt: 0,
  };
  const talks: Talk[] = g.talks.map((t, i) => ({
    id: `t${i}`,
    conferenceId: 'c1',
    sourceKey: `k${i}`,
    order: i,
    title: t.title,
    type: t.type,
    abstract: t.abstract,
    url: t.url,
    links: t.links.map((url) => ({ url })),
    speakers: t.speakers,
    utcFromFile: false,
    removedFromSchedule: false,
  }));
  const notes = new Map<string, TalkNotes>(
    g.talks.map((t, i) => [
      `t${i}`,
      {
        talkId: `t${i}`,
        opinion: t.opinion,
        timeline: t.timeline.map((item, j) =>
          item.kind === 'text'
            ? { kind: 'text', id: `n${i}-${j}`, text: item.text }
            : {
                kind: 'photo',
                id: String(++photoNo).padStart(64, '0'),
                caption: item.caption,
                type: item.type,
                text: item.text,
              },
        ),
      },
    ]),
  );
  return {
    conference,
    talks,
    notes,
    freeSections: g.sections.map((s, i) => ({ id: `f${i}`, ...s, position: i })),
    lang: g.lang,
    onlyWithNotes: false,
  };
}

const line = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Every field of the conference as the writers mean to show it (URLs are checked as links). */
export function shownFields(input: ExportInput): { name: string; shown: string }[] {
  const out = [
    { name: 'conference title', shown: line(input.conference.title) },
    { name: 'date and venue', shown: line(dateVenueLine(input.conference, input.lang)) },
  ];
  input.talks.forEach((t, i) => {
    out.push(
      { name: `talk ${i} title`, shown: line(t.title) },
      { name: `talk ${i} type`, shown: line(t.type) },
      { name: `talk ${i} abstract`, shown: abstractShown(t.abstract) },
      ...t.speakers.flatMap((s, j) => [
        { name: `talk ${i} speaker ${j}`, shown: line(s.name) },
        { name: `talk ${i} affiliation ${j}`, shown: line(s.affiliation) },
      ]),
    );
    const notes = input.notes.get(t.id)!;
    notes.timeline.forEach((item, j) =>
      out.push({
        name: `talk ${i} ${item.kind} ${j}`,
        shown: item.kind === 'text' ? notesShown(item.text) : line(item.caption),
      }),
    );
    out.push({ name: `talk ${i} opinion`, shown: notesShown(notes.opinion) });
  });
  input.freeSections.forEach((s, i) =>
    out.push(
      { name: `section ${i} title`, shown: line(s.title) },
      { name: `section ${i} text`, shown: notesShown(s.text) },
    ),
  );
  return out;
}

/** The http(s) links the writers mean: the conference's, each talk's, and those in notes. */
function meantLinks(input: ExportInput): Set<string> {
  const urls = [input.conference.url, scheduleUrl(input.conference)];
  for (const t of input.talks) {
    urls.push([t.url, ...t.links.map((l) => l.url)].find(isWebUrl));
    const notes = input.notes.get(t.id)!;
    for (const item of notes.timeline)
      if (item.kind === 'text') urls.push(...notesLinks(item.text));
    urls.push(...notesLinks(notes.opinion));
  }
  for (const s of input.freeSections) urls.push(...notesLinks(s.text));
  return new Set(urls.filter((u): u is string => isWebUrl(u)).map(sameUrl));
}

/** URLs compared as a browser would follow them: escapes decoded where valid, then parsed. */
function sameUrl(url: string): string {
  const decoded = url.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
  try {
    return new URL(decoded).href;
  } catch {
    return decoded;
  }
}

/**
 * Each image's alt text as the writers mean it, in document order: the slide's words when it
 * was read, else the caption or "Slide N" in Markdown; undefined where Asciidoctor makes its
 * own (from the file name).
 */
export function meantAlts(input: ExportInput, flavour: Flavour): (string | undefined)[] {
  return input.talks.flatMap((t) => {
    let n = 0;
    return input.notes.get(t.id)!.timeline.flatMap((item) => {
      if (item.kind !== 'photo') return [];
      n++;
      const read = slideAlt(item.text);
      if (read || flavour === 'asciidoc') return [read || undefined];
      return [line(item.caption) || `${WORDS[input.lang].slide} ${n}`];
    });
  });
}

/** Everything wrong with one rendering of one export; empty when the oracle is satisfied. */
export function judge(
  html: string,
  flavour: Flavour,
  input: ExportInput,
  images: string[],
): string[] {
  const seen = inspectHtml(html, flavour);
  const problems = [...seen.problems];
  if (JSON.stringify(seen.images) !== JSON.stringify(images)) {
    problems.push(`images ${JSON.stringify(seen.images)}, planned ${JSON.stringify(images)}`);
  }
  const meant = meantLinks(input);
  for (const link of seen.links) {
    if (/^mailto:/i.test(link)) {
      if (flavour === 'markdown') problems.push(`mail link ${link}`);
    } else if (!meant.has(sameUrl(link))) problems.push(`link the writer did not mean: ${link}`);
  }
  for (const f of missingFields(seen.text, shownFields(input))) {
    problems.push(`${f.name}: words ${JSON.stringify(f.words)} not shown as text`);
  }
  meantAlts(input, flavour).forEach((meant, i) => {
    const alt = seen.alts[i] ?? '';
    if (meant !== undefined && wordsOf(alt).join(' ') !== wordsOf(meant).join(' ')) {
      problems.push(`image ${i} alt ${JSON.stringify(alt)}, meant ${JSON.stringify(meant)}`);
    }
  });
  return problems;
}

function exportOf(input: ExportInput) {
  const plan = planExport([input], []);
  const { imageName } = plan.docs[0]!;
  return {
    adoc: toAsciiDoc(input, imageName),
    md: toMarkdown(input, imageName),
    files: plan.images.map((i) => i.file),
  };
}

/** The problems of one generated export in one renderer; empty when all is well. */
type Check = (g: Generated) => { doc: string; problems: string[] };

function adocCheck(g: Generated) {
  const input = buildInput(g);
  const { adoc, files } = exportOf(input);
  const problems: string[] = [];
  for (const mode of ['secure', 'safe'] as const) {
    const { html, messages } = renderAdocPage(adoc, mode);
    const images = files.map((f) => `./${f}`);
    for (const p of [...messages, ...judge(html, 'asciidoc', input, images)]) {
      problems.push(`${mode}: ${p}`);
    }
  }
  return { doc: adoc, problems };
}

function mdCheck(g: Generated) {
  const input = buildInput(g);
  const { md, files } = exportOf(input);
  return { doc: md, problems: judge(renderMarkdown(md), 'markdown', input, files) };
}

/**
 * Runs `check` on `runs` generated exports; on a failure, reports fast-check's shrunk
 * counterexample with its problems and the document written, and the seed to replay it
 * (ESCAPE_SEED=<seed> ESCAPE_RUNS=<n> npx vitest run escape-property).
 */
function holds(check: Check, runs: number) {
  const seed = process.env.ESCAPE_SEED ? Number(process.env.ESCAPE_SEED) : undefined;
  const out = fc.check(
    fc.property(exportArb, (g) => check(g).problems.length === 0),
    { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
  );
  if (!out.failed) return;
  const [g] = out.counterexample!;
  const { doc, problems } = check(g);
  expect.fail(
    [
      `failed after ${out.numRuns} runs (seed ${out.seed}, shrunk ${out.numShrinks} times)`,
      `counterexample: ${JSON.stringify(g)}`,
      ...problems.map((p) => `- ${p}`),
      '--- document ---',
      doc,
    ].join('\n'),
  );
}

const RUNS = Number(process.env.ESCAPE_RUNS ?? 120);
const CLI_DOCS = Number(process.env.ESCAPE_CLI_DOCS ?? 60);

/** A generated conference with nothing in it but one talk, for the fixed cases below. */
const empty: Generated = {
  title: 'Conf',
  venue: undefined,
  url: undefined,
  programmeUrl: undefined,
  sourceUrl: undefined,
  dated: false,
  lang: 'en',
  talks: [
    {
      title: 'Talk',
      type: undefined,
      abstract: undefined,
      url: undefined,
      links: [],
      speakers: [],
      timeline: [],
      opinion: '',
    },
  ],
  sections: [],
};
const speakerNamed = (name: string) => [{ name, affiliation: undefined }];
const withTalk = (talk: Partial<Generated['talks'][number]>): Generated => ({
  ...empty,
  talks: [{ ...empty.talks[0]!, ...talk }],
});
const note = (text: string) => withTalk({ timeline: [{ kind: 'text', text }] });
const slide = (text: string, caption = '') =>
  withTalk({ timeline: [{ kind: 'photo', caption, type: 'image/jpeg', text }] });

/**
 * Counterexamples fast-check found, shrunk: holes in the old escapers, and in the new ones
 * while they were written. Kept so that every run checks them, whatever the seed.
 */
const FOUND: [string, Generated][] = [
  [
    'macros glued to a word in a title (the issue)',
    withTalk({
      title:
        'Xpass:[<img src=x onerror=alert(1)>] Wlink:javascript:alert(1)[click] Yimage://host.example/p.png[]',
    }),
  ],
  [
    'an image macro glued to a word',
    withTalk({ speakers: speakerNamed('Yimage://host.example/p.png[]') }),
  ],
  ['a speaker whose name opens a list', withTalk({ speakers: speakerNamed('\n\n1) ') })],
  [
    'footnoteref and a block line',
    withTalk({ speakers: speakerNamed("x footnoteref:[ \n'''2source]") }),
  ],
  ['a backslash before an e-mail address', withTalk({ title: 'aaa\\evil@example.com' })],
  ['a role before bold', withTalk({ opinion: '[source]**bold**pass:[' })],
  ['a backslash before a link', note('pass:[\\\\http://a.example/p?q=1&r=2')],
  ['an admonition label alone on its line', withTalk({ opinion: 'NOTE: \r!' })],
  ['bold after a Greek letter', withTalk({ opinion: 'Ω**bold**' })],
  ['bold before an astral letter', withTalk({ opinion: 'x**bold**𝐀' })],
  ['a URL holding "++"', note(':imagesdir: https://evil.example/++++pass:[')],
  ['an image macro before a link', withTalk({ opinion: 'pass:[![x](https://evil.example/x.png)' })],
  [
    'a title that reads as a term after a list',
    { ...withTalk({ title: 'x term;; y' }), url: 'https://a.example/' },
  ],
  [
    '"!" before a link',
    { ...empty, sections: [{ title: 's', text: '![x](https://evil.example/x.png)' }] },
  ],
  ['a tab after an abstract bullet', withTalk({ abstract: '* &#9;!<svg onload=alert(1)>' })],
  ['two bold runs side by side', withTalk({ opinion: '**bold****bold**' })],
  ['bold that CommonMark cannot open', note('aaa****bold**aaa')],
  ['a control character in a URL', { ...empty, url: 'https://example.org/\u0000' }],
  // Ruby Asciidoctor only (the CLI batch): its blanks and spaces are narrower than JS's.
  [
    'a link after a form feed',
    withTalk({ opinion: 'a\fhttps://evil.example/x.png[label](https://ok.example/)' }),
  ],
  [
    'an arrow in a link text',
    withTalk({ opinion: '[[<=pez&nbsp;[label](https://ok.example/a_(b))x' }),
  ],
  // Slide text as alt text (issue 12): the brackets, quotes and backslashes of an image macro.
  [
    'slide text that closes the image macro',
    slide('x"] image:https://evil.example/x.png[] {imagesdir} pass:[<b>', 'Cap, tion = x'),
  ],
  [
    'slide text of many lines and attributes',
    slide('Kafka, Streams\n=====\nalt=evil, width=9\n"quoted" \\\n|a|b|\n{set:foo:bar}{foo}\\'),
  ],
  [
    'slide text that a Markdown image would end',
    slide('a](javascript:alert(1)) ![b](https://evil.example/x.png) <b>x</b> &amp; \\'),
  ],
  ['slide text that reads as a term', slide('term;; pass:[')],
  ['an e-mail address on a slide', slide('Questions: evil@example.com')],
  [
    'slide text cut at its length bound',
    slide(`${'word '.repeat(60)}pass:[<script>alert(1)</script>] "end`),
  ],
  [
    'a no-break space after a macro',
    withTalk({ opinion: 'a image:\u00a0https://evil.example/x.png[] b' }),
  ],
];

describe('escaping of every exported field, judged on the rendered HTML', () => {
  it.each(FOUND)('%s', (_, g) => {
    expect(adocCheck(g).problems).toEqual([]);
    expect(mdCheck(g).problems).toEqual([]);
  });

  // Long runs (ESCAPE_RUNS=5000) get the time they need; the usual run takes seconds.
  const time = 30_000 + RUNS * 100;

  it(
    'AsciiDoc: Asciidoctor (secure and safe) shows the same words and no markup',
    () => {
      holds(adocCheck, RUNS);
    },
    time,
  );

  it(
    'Markdown: CommonMark shows the same words and no markup',
    () => {
      holds(mdCheck, RUNS * 2);
    },
    time,
  );

  const missing = asciidoctorMissing();
  it.skipIf(missing)(
    `the Ruby Asciidoctor CLI agrees, on a batch of generated exports${missing ? ` (skipped: ${missing})` : ''}`,
    () => {
      const seed = Number(process.env.ESCAPE_SEED ?? Math.floor(Math.random() * 2 ** 31));
      // The fixed cases first: some holes were in the Ruby Asciidoctor alone.
      const generated = [
        ...FOUND.map(([, g]) => g),
        ...fc.sample(exportArb, { numRuns: CLI_DOCS, seed }),
      ];
      const inputs = generated.map(buildInput);
      const exports = inputs.map(exportOf);
      const report = (what: string, i: number) =>
        `${what} (seed ${seed}, document ${i}):\n` +
        `generated: ${JSON.stringify(generated[i])}\n--- document ---\n${exports[i]!.adoc}`;
      for (const mode of ['secure', 'safe'] as const) {
        const docs = exports.map((e) => e.adoc);
        const { html, stderr } = asciidoctorCli(docs, mode);
        if (stderr) {
          // Its messages do not always name the file: find the first document that speaks.
          const i = docs.findIndex((d) => asciidoctorCli([d], mode).stderr);
          expect.fail(report(`asciidoctor -S ${mode} said:\n${stderr}`, i));
        }
        html.forEach((page, i) => {
          const images = exports[i]!.files.map((f) => `./${f}`);
          const problems = judge(page, 'asciidoc', inputs[i]!, images);
          if (problems.length) {
            expect.fail(report(`asciidoctor -S ${mode}:\n- ${problems.join('\n- ')}`, i));
          }
        });
      }
    },
    30_000 + CLI_DOCS * 200,
  );
});
