import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/schedule/search';
import {
  excerpt,
  foldText,
  searchAll,
  TextIndex,
  type TalkHit,
  type TalkText,
} from '../../../src/lib/schedule/search-texts';
import { queryWords } from '../../../src/lib/schedule/search';
import { noteText, seeded, slideText } from '../../support/slide-words';
import { parsed } from './fixtures';

// FOSDEM 2015's 551 talks, ids as their source keys, with 500 generated slides and some notes.
const talks = parsed('fosdem').talks.map((t) => ({ ...t, id: t.sourceKey }));
const index = buildIndex(talks);
const random = seeded(12);
const generated: TalkText[] = [];
for (let i = 0; i < 500; i++) {
  const talk = talks[Math.floor(random() * talks.length)]!;
  generated.push({ talkId: talk.id, kind: 'slide', ref: `p${i}`, text: slideText(random), n: 1 });
}
for (let i = 0; i < 60; i++) {
  const talk = talks[Math.floor(random() * talks.length)]!;
  generated.push({ talkId: talk.id, kind: 'note', ref: `e${i}`, text: noteText(random) });
}
const [a, b, c] = [talks[10]!, talks[200]!, talks[400]!];

const indexWith = (...extra: TalkText[]) => new TextIndex().update([...generated, ...extra]);

/** The words marked in a hit's excerpt, as the search list shows it. */
const marked = (hit: TalkHit, query: string) =>
  hit.found &&
  excerpt(hit.found, queryWords(query))
    .filter((p) => p.mark)
    .map((p) => p.text);

describe('searchAll over FOSDEM with slide texts and notes', () => {
  it('finds a word that is only on a slide, and says so with the word marked', () => {
    const texts = indexWith({
      talkId: a.id,
      kind: 'slide',
      ref: 'kafka-slide',
      n: 3,
      text: 'Why we moved\nfrom Zookeeper to Kraftwerk consensus\nand what broke',
    });
    const hits = searchAll(index, texts, 'kraftw');
    expect(hits).toMatchObject([
      { talkId: a.id, found: { kind: 'slide', ref: 'kafka-slide', n: 3 } },
    ]);
    expect(excerpt(hits[0]!.found!, queryWords('kraftw'))).toEqual([
      { text: 'Why we moved from Zookeeper to ', mark: false },
      { text: 'Kraftwerk', mark: true },
      { text: ' consensus and what broke', mark: false },
    ]);
  });

  it('lists talks matching in their own fields first, then slides, then notes', () => {
    const title = a.title.split(' ').find((w) => w.length > 5)!;
    const texts = indexWith(
      { talkId: c.id, kind: 'note', ref: 'n1', text: `- ask about ${title} later` },
      { talkId: b.id, kind: 'slide', ref: 's1', n: 1, text: `${title} in production` },
    );
    const hits = searchAll(index, texts, title);
    const ids = hits.map((h) => h.talkId);
    expect(ids.indexOf(a.id)).toBeGreaterThanOrEqual(0);
    expect(hits.find((h) => h.talkId === a.id)?.found).toBeUndefined();
    const own = hits.filter((h) => !h.found).length;
    expect(ids.indexOf(b.id)).toBeGreaterThanOrEqual(own);
    expect(hits.at(-1)).toMatchObject({ talkId: c.id, found: { kind: 'note', ref: 'n1' } });
  });

  it('needs every word on one slide or in one note', () => {
    const texts = indexWith(
      { talkId: a.id, kind: 'slide', ref: 's1', n: 1, text: 'Quorumfield one' },
      { talkId: a.id, kind: 'slide', ref: 's2', n: 2, text: 'Ledgerwise two' },
      { talkId: a.id, kind: 'opinion', ref: a.id, text: 'Quorumfield and Ledgerwise, well told' },
    );
    expect(searchAll(index, texts, 'quorumfield ledgerwise')).toEqual([
      expect.objectContaining({
        talkId: a.id,
        found: expect.objectContaining({ kind: 'opinion' }),
      }),
    ]);
    expect(searchAll(index, texts, 'ledgerwise two')[0]?.found?.ref).toBe('s2');
  });

  it('takes the first slide of a talk holding the words', () => {
    const texts = indexWith(
      { talkId: b.id, kind: 'slide', ref: 'late', n: 9, text: 'Grimblewort again' },
      { talkId: b.id, kind: 'slide', ref: 'early', n: 2, text: 'Grimblewort first' },
    );
    expect(searchAll(index, texts, 'grimblewort')).toMatchObject([
      { talkId: b.id, found: { ref: 'early', n: 2 } },
    ]);
  });

  it.each([
    ['CAFEBAR', ['Cafébar']],
    ['cafebar cremerie', ['Cafébar', 'Crèmerie']],
    ['afebar', undefined],
    ['crèmer', ['Crèmerie']],
  ])('matches %j folded and at word starts', (query, words) => {
    const texts = indexWith({
      talkId: c.id,
      kind: 'note',
      ref: 'n',
      text: '- Le Cafébar-Crèmerie, à volonté',
    });
    const hit = searchAll(index, texts, query).find((h) => h.talkId === c.id);
    expect(hit && marked(hit, query)).toEqual(words);
  });

  it('gives every talk for an empty query, and leaves talks without the words out', () => {
    const texts = indexWith();
    expect(searchAll(index, texts, '  ')).toHaveLength(talks.length);
    expect(searchAll(index, texts, 'xqzvvy')).toEqual([]);
  });
});

describe('excerpt', () => {
  const long = foldText({
    talkId: 't',
    kind: 'slide',
    ref: 'p',
    text: `${slideText(seeded(3), 40, 40)}\nthe Zanzibar model of access\n${slideText(seeded(4), 40, 40)}`,
  });

  it('cuts about 90 characters around the first match, at word ends, lines joined', () => {
    const pieces = excerpt(long, queryWords('zanzibar'));
    const text = pieces.map((p) => p.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text).not.toContain('\n');
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text.indexOf('Zanzibar')).toBeLessThan(40);
    expect(pieces.filter((p) => p.mark)).toEqual([{ text: 'Zanzibar', mark: true }]);
  });

  it('keeps markup and odd characters as plain text', () => {
    const f = foldText({
      talkId: 't',
      kind: 'note',
      ref: 'n',
      text: '<img src=x onerror=alert(1)> boom',
    });
    expect(excerpt(f, queryWords('boom'))).toEqual([
      { text: '<img src=x onerror=alert(1)> ', mark: false },
      { text: 'boom', mark: true },
    ]);
  });
});

describe('TextIndex', () => {
  it('folds a text again only when it changed', () => {
    const texts = new TextIndex();
    const one: TalkText = { talkId: 'a', kind: 'slide', ref: 'p1', n: 1, text: 'first words' };
    const two: TalkText = { talkId: 'a', kind: 'note', ref: 'e1', text: 'a note' };
    const [slide, note] = texts.update([one, two]).get('a')!;
    const [slide2, note2] = texts
      .update([
        { ...one, n: 2 },
        { ...two, text: 'a changed note' },
      ])
      .get('a')!;
    expect(slide2!.at).toBe(slide!.at);
    expect(slide2!.n).toBe(2);
    expect(note2!.at).not.toBe(note!.at);
    expect(note2!.folded).toBe(' a changed note');
  });

  it('moves a photo to another talk without folding it again, and forgets removed texts', () => {
    const texts = new TextIndex();
    const one = texts.update([{ talkId: 'a', kind: 'slide', ref: 'p1', n: 1, text: 'words' }]);
    const moved = texts.update([{ talkId: 'b', kind: 'slide', ref: 'p1', n: 1, text: 'words' }]);
    expect([...moved.keys()]).toEqual(['b']);
    expect(moved.get('b')![0]!.at).toBe(one.get('a')![0]!.at);
    expect(texts.update([]).size).toBe(0);
  });
});
