// The words stacks compare, and the overlap whose bands tell a re-shot from a build step from
// another slide (read/words.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlap, slideWords } from '../../../src/lib/read/words';

const slide = `Kafka at scale
- Partitions are the unit of parallelism
- Consumers in a group share the partitions
- Retention is set per topic`;
const nextBullet = `${slide}\n- Compaction keeps the last value of each key`;

describe('slideWords', () => {
  it('folds case and accents and drops punctuation', () => {
    expect([...slideWords('Réseau, RÉSEAU! reseau… Œuvre')]).toEqual(['reseau', 'œuvre']);
  });

  it('leaves out one-character tokens, keeps digits', () => {
    expect([...slideWords('• a 3 x 42 is ok · é')]).toEqual(['42', 'is', 'ok']);
  });

  it('splits at apostrophes and hyphens', () => {
    expect([...slideWords('l’architecture event-driven')]).toEqual([
      'architecture',
      'event',
      'driven',
    ]);
  });
});

describe('overlap', () => {
  it('scores a re-shot read with a misread word as the same slide', () => {
    const misread = slide.replace('parallelism', 'paral1elism');
    expect(overlap(slide, misread)).toBeGreaterThanOrEqual(0.9);
  });

  it('scores a build step between 0.6 and 0.9, whichever is the fuller', () => {
    for (const [a, b] of [
      [slide, nextBullet],
      [nextBullet, slide],
    ] as const) {
      expect(overlap(a, b)).toBeGreaterThan(0.6);
      expect(overlap(a, b)).toBeLessThan(0.9);
    }
  });

  it('scores another slide of the same deck low', () => {
    const other = `Kafka at scale\n- Exactly-once needs idempotent producers\n- And transactions`;
    expect(overlap(slide, other)).toBeLessThan(0.4);
  });

  it('scores texts without words 0', () => {
    expect(overlap('', '')).toBe(0);
    expect(overlap('• -', slide)).toBe(0);
  });

  const text = fc
    .array(fc.constantFrom('kafka', 'Réseau', 'topic', 'key', 'a', '—', 'log', '42'), {
      maxLength: 12,
    })
    .map((w) => w.join(' '));

  it('is symmetric and within 0..1', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ab = overlap(a, b);
        expect(ab).toBe(overlap(b, a));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is 1 for a text and itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), text, (extra, t) => {
        const a = `${t} ${extra}`;
        fc.pre(slideWords(a).size > 0);
        expect(overlap(a, a)).toBe(1);
      }),
    );
  });

  it('is 1 for a text in other capitals and Unicode form', () => {
    fc.assert(
      fc.property(text, (a) => {
        fc.pre(slideWords(a).size > 0);
        expect(overlap(a, a.toUpperCase().normalize('NFD'))).toBe(1);
      }),
    );
  });
});
