// The slide finder on generated photos (test/support/slide-scenes.ts): per kind of scene, how
// many slides it finds within FOUND_WITHIN px at 1920 and how close, and that it crops no
// screenshot. The gates are what it measured on these seeds (deterministic), less one scene.
// Occluded scenes (glare, heads, a cut screen) are in find-occluded.test.ts.
import { describe, expect, it } from 'vitest';
import { slideAspect } from '../../../src/lib/slide/aspect';
import { findSlide } from '../../../src/lib/slide/find';
import { area, corners, isConvex } from '../../../src/lib/slide/geometry';
import {
  downscale,
  judge,
  makeScene,
  summarise,
  type Outcome,
  type SceneKind,
} from '../../support/slide-scenes';

const SEEDS = 20;

/**
 * Per kind, measured on seeds 1 to 20: found 18, 16, 16, 17; medians 0.12 to 0.30 px and
 * p90s 0.52 to 0.78 px at 1920. A gate is one scene below the count, and some slack on errors.
 */
const GATES: Record<string, { found: number; wrong: number; median: number; p90: number }> = {
  clean: { found: 17, wrong: 3, median: 0.5, p90: 2 },
  noise: { found: 15, wrong: 3, median: 0.5, p90: 2 },
  blur: { found: 15, wrong: 5, median: 0.5, p90: 2 },
  dim: { found: 16, wrong: 2, median: 0.5, p90: 2 },
};

const run = (kind: SceneKind) =>
  Array.from({ length: SEEDS }, (_, i) => judge(makeScene(kind, i + 1), findSlide));

describe('findSlide on generated photos', () => {
  const outcomes: Outcome[] = (['clean', 'noise', 'blur', 'dim'] as const).flatMap(run);
  const summaries = summarise(outcomes);

  it.each(Object.keys(GATES))('finds %s slides, corners within a pixel or so', (kind) => {
    const s = summaries.find((x) => x.kind === kind)!;
    const gate = GATES[kind]!;
    expect(s.scenes).toBe(SEEDS);
    expect(s.found).toBeGreaterThanOrEqual(gate.found);
    expect(s.wrong).toBeLessThanOrEqual(gate.wrong);
    expect(s.median).toBeLessThanOrEqual(gate.median);
    expect(s.p90).toBeLessThanOrEqual(gate.p90);
  });

  it('gives convex quads inside the image, never (nearly) the whole of it', () => {
    for (const o of outcomes) {
      const q = o.quad;
      if (!q) continue;
      expect(isConvex(q)).toBe(true);
      for (const p of corners(q)) {
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.x).toBeLessThanOrEqual(o.scene.small.width);
        expect(p.y).toBeLessThanOrEqual(o.scene.small.height);
      }
      const share = area(q) / (o.scene.small.width * o.scene.small.height);
      expect(share).toBeGreaterThanOrEqual(0.15);
      expect(share).toBeLessThan(0.9);
    }
  });

  it('gives corners that straighten to the slide’s own shape', () => {
    const found = outcomes.filter((o) => o.verdict === 'found');
    const right = found.filter(
      (o) => slideAspect(o.found!, o.scene.width, o.scene.height) === o.scene.design.aspect,
    );
    // Measured: all of them.
    expect(right.length / found.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe('findSlide on screenshots', () => {
  it('crops none: the slide already is the whole image', () => {
    const s = summarise(run('screenshot'))[0]!;
    expect(s.scenes).toBe(SEEDS);
    expect(s.falseCrops).toBe(0);
    expect(s.leftAlone).toBe(SEEDS);
  });
});

describe('findSlide on odd input', () => {
  const blank = (w: number, h: number, grey: number) => ({
    width: w,
    height: h,
    data: new Uint8ClampedArray(w * h * 4).fill(grey),
  });

  it('finds nothing in a plain image, a tiny one, or an empty one', () => {
    expect(findSlide(blank(480, 360, 128))).toBeUndefined();
    expect(findSlide(blank(16, 12, 128))).toBeUndefined();
    expect(findSlide(blank(0, 0, 0))).toBeUndefined();
  });

  it('finds nothing in noise', () => {
    const img = blank(480, 360, 0);
    let seed = 7;
    for (let i = 0; i < img.data.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      img.data[i] = i % 4 === 3 ? 255 : seed >>> 24;
    }
    expect(findSlide(img)).toBeUndefined();
  });

  it('finds the same slide in a smaller copy (360 px)', () => {
    for (const seed of [1, 2, 4, 5, 6]) {
      const scene = makeScene('clean', seed);
      const full = findSlide(scene.small)!;
      const h = Math.round(scene.small.height * 0.75);
      const smaller = findSlide(downscale(scene.small, 360, h))!;
      expect(smaller).toBeDefined();
      // Measured: within 1 px of the 480 px copy's corners.
      const [kx, ky] = [scene.small.width / 360, scene.small.height / h];
      corners(smaller).forEach((p, i) => {
        const q = corners(full)[i]!;
        expect(Math.hypot(p.x * kx - q.x, p.y * ky - q.y)).toBeLessThan(1.5);
      });
    }
  });
});
