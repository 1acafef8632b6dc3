// Stack decisions (read/stacks.ts relation) against the truth, on pairs of generated shots read by
// the app's reader and hashed by read/dhash.ts: the same slide shot twice from other seats, a build
// step (the slide without its last bullet, then with it), and neighbouring slides of one talk. The
// French talk in its light theme: the pairs of its first slide, one of each kind. On the whole set
// (36 pairs, 2 December 2026) relation() was right on all; word overlap (words.ts) was 0.95-1 for
// re-shots, 0.75-0.89 for build steps, 0-0.15 for other slides; the hashes differed by 0-3 bits,
// 0-5 and 2-10: one template makes close hashes, and the words decide.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Photo } from '../../../src/lib/model/types';
import { dhash } from '../../../src/lib/read/dhash';
import { openReader, type Reader } from '../../../src/lib/read/engine';
import { relation } from '../../../src/lib/read/stacks';
import { openSet, pairs, type Pair, type Shot } from '../../support/ocr-set';
import { modelBytes, wasmBytes } from '../../support/ocr-score';

const T0 = Date.UTC(2026, 1, 1, 10);
const TRUTH = { reshot: 'same', build: 'build', different: 'different' } as const;

// One slide's pairs keep the cold run (drawing every shot) short in CI; `npm run bench -- read` and
// the figures above cover all of them.
const chosen = pairs().filter(
  (p) => p.a.slide.id.startsWith('fr-light-') && /-1(\+\d)?$/.test(p.a.slide.id),
);
const photos = new Map<string, Photo>();
let reader: Reader;

beforeAll(async () => {
  const set = openSet();
  const unique = new Map<string, Shot>();
  for (const p of chosen) for (const s of [p.a, p.b]) unique.set(s.id, s);
  const images = new Map<string, Awaited<ReturnType<typeof set.pixels>>>();
  try {
    for (const [id, s] of unique) images.set(id, await set.pixels(s));
  } finally {
    await set.close();
  }
  reader = await openReader(wasmBytes());
  const list = [...unique.values()].sort((a, b) => a.slide.lang.localeCompare(b.slide.lang));
  for (const [n, s] of list.entries()) {
    if (reader.lang !== s.slide.lang) reader.use(s.slide.lang, modelBytes(s.slide.lang));
    const image = images.get(s.id)!;
    photos.set(s.id, {
      id: `p${n}`.padEnd(64, '0'),
      conferenceId: 'conf',
      talkId: 'talk',
      position: n,
      caption: '',
      takenAt: T0 + n * 10_000,
      width: image.width,
      height: image.height,
      size: 1000,
      type: 'image/jpeg',
      status: 'ready',
      createdAt: T0 + n * 10_000,
      hash: dhash(image),
      text: { words: reader.read(image), lang: s.slide.lang },
    });
  }
}, 600_000);

afterAll(() => reader?.close());

const name = (p: Pair) => `${p.kind}: ${p.a.id} and ${p.b.id}`;

describe('stack decisions on generated shots', () => {
  it('has pairs of every kind', () => {
    expect(new Set(chosen.map((p) => p.kind))).toEqual(new Set(['reshot', 'build', 'different']));
  });
  it.each(chosen.map((p) => [name(p), p] as const))('%s', (_, p) => {
    expect(relation(photos.get(p.a.id)!, photos.get(p.b.id)!)).toBe(TRUTH[p.kind]);
  });
});
