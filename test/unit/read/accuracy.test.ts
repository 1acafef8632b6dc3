// Word accuracy of the app's reader (read/engine.ts) on the generated test set
// (test/support/ocr-set.ts): the first slide of each of the four talks (English and French,
// light and dark), in each kind of shot. The reader is deterministic on the same pixels, so
// the gates sit a little under what it reads today and a real regression fails them; the
// bench (`npm run bench -- read`) reports the whole set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReader, type Reader } from '../../../src/lib/read/engine';
import { KINDS, openSet, shots, SLIDES, truth, type Kind } from '../../support/ocr-set';
import { modelBytes, score, total, wasmBytes, type Score } from '../../support/ocr-score';

/**
 * Least share of the truth's words read in order, and most words invented per truth word, per
 * kind and language: two words under and over what the reader does on this subset (about 50
 * words a cell). Measured (found of truth, invented), English then French:
 * straight 49/50, 0 and 42/49, 4; keystoned 49/50, 0 and 43/49, 4; blurred 48/50, 0 and
 * 44/49, 1; noisy 48/50, 0 and 41/49, 6; small 50/50, 0 and 43/49, 2. French loses words
 * after a bullet or an elision (d'écran, n'est), read under MIN_CONFIDENCE, and reads bullets
 * as "e".
 */
const GATES: Record<Kind, Record<'en' | 'fr', { accuracy: number; invented: number }>> = {
  straight: { en: { accuracy: 0.94, invented: 0.04 }, fr: { accuracy: 0.81, invented: 0.13 } },
  keystoned: { en: { accuracy: 0.94, invented: 0.04 }, fr: { accuracy: 0.83, invented: 0.13 } },
  blurred: { en: { accuracy: 0.92, invented: 0.04 }, fr: { accuracy: 0.85, invented: 0.07 } },
  noisy: { en: { accuracy: 0.92, invented: 0.04 }, fr: { accuracy: 0.79, invented: 0.17 } },
  small: { en: { accuracy: 0.96, invented: 0.04 }, fr: { accuracy: 0.83, invented: 0.09 } },
};

const subset = shots(
  KINDS,
  SLIDES.filter((s) => s.id.endsWith('-1')),
);
const scores = new Map<string, Score>();
let reader: Reader;

beforeAll(async () => {
  // The first run draws the set in Chromium; later runs read it from the temp folder.
  const set = openSet();
  const pixels = [];
  try {
    for (const shot of subset) pixels.push(await set.pixels(shot));
  } finally {
    await set.close();
  }
  reader = await openReader(wasmBytes());
  // English shots first, then French: one model load each.
  const order = subset
    .map((_, i) => i)
    .sort((a, b) => subset[a]!.slide.lang.localeCompare(subset[b]!.slide.lang));
  for (const i of order) {
    const shot = subset[i]!;
    if (reader.lang !== shot.slide.lang) reader.use(shot.slide.lang, modelBytes(shot.slide.lang));
    scores.set(shot.id, score(truth(shot.slide), reader.read(pixels[i]!)));
  }
}, 600_000);

afterAll(() => reader?.close());

describe('word accuracy on the generated slides', () => {
  for (const kind of KINDS) {
    for (const lang of ['en', 'fr'] as const) {
      it(`${kind}, ${lang}`, () => {
        const mine = subset.filter((s) => s.kind === kind && s.slide.lang === lang);
        const sum = total(mine.map((s) => scores.get(s.id)!));
        const gate = GATES[kind][lang];
        expect(sum.accuracy, `${sum.found} of ${sum.truth} words`).toBeGreaterThanOrEqual(
          gate.accuracy,
        );
        expect(sum.inventedRate, `${sum.invented} invented`).toBeLessThanOrEqual(gate.invented);
      });
    }
  }
});

describe('the scoring', () => {
  it.each([
    ['all read', 'Préférez les index\npartiels', 'PREFEREZ les index partiels', 4, 0],
    ['accents and case folded, œ as oe', 'Le cœur', 'le coeur', 2, 0],
    ['apostrophes split words', 'Mesurez avant d’optimiser', "Mesurez avant d'optimiser", 4, 0],
    ['a word lost', 'Commit offsets after processing', 'Commit after processing', 3, 0],
    ['out of order counts once', 'one two three', 'three one two', 2, 1],
    ['misreads are invented words', 'Zero cost', 'Zer0 cost e', 1, 2],
  ])('%s', (_, truthText, read, found, invented) => {
    expect(score(truthText, read)).toMatchObject({ found, invented });
  });
});
