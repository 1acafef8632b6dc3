// Straightening a generated photo by its true corners gives the slide as drawn straight; and the
// generator itself is what the finder's tests take it for: deterministic, its small copy the
// area average of its photo, its truth where the slide is.
import { describe, expect, it } from 'vitest';
import { area, corners, isConvex, type Pixels, type Quad } from '../../../src/lib/slide/geometry';
import { straightSize, warpQuad } from '../../../src/lib/slide/warp';
import { slideAspect } from '../../../src/lib/slide/aspect';
import {
  downscale,
  makeScene,
  planScene,
  renderSlide,
  SMALL,
  type Scene,
} from '../../support/slide-scenes';

/**
 * How far `got` is from `want` once the room's light is allowed for: per channel, the best
 * fit got = a want + b (a projector adds light, a screen dims), then the mean absolute residual.
 */
function residual(got: Pixels, want: Pixels): number {
  let total = 0;
  for (let c = 0; c < 3; c++) {
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    const n = want.width * want.height;
    for (let i = 0; i < n; i++) {
      const x = want.data[i * 4 + c]!;
      const y = got.data[i * 4 + c]!;
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    const a = (n * sxy - sx * sy) / (n * sxx - sx * sx || 1);
    const b = (sy - a * sx) / n;
    for (let i = 0; i < n; i++)
      total += Math.abs(got.data[i * 4 + c]! - (a * want.data[i * 4 + c]! + b));
  }
  return total / (3 * want.width * want.height);
}

const shrink = (q: Quad, by: number): Quad => {
  const c = corners(q);
  const mx = c.reduce((s, p) => s + p.x, 0) / 4;
  const my = c.reduce((s, p) => s + p.y, 0) / 4;
  const f = (p: { x: number; y: number }) => ({ x: mx + (p.x - mx) * by, y: my + (p.y - my) * by });
  return {
    topLeft: f(q.topLeft),
    topRight: f(q.topRight),
    bottomRight: f(q.bottomRight),
    bottomLeft: f(q.bottomLeft),
  };
};

describe('straightening a generated photo', () => {
  const scenes: Scene[] = [makeScene('clean', 2), makeScene('clean', 5)];

  it.each([0, 1])('gives back the slide as drawn (scene %i)', (i) => {
    const scene = scenes[i]!;
    const photo = scene.photo();
    const quad = scene.truth!;
    const aspect = slideAspect(quad, photo.width, photo.height);
    expect(aspect).toBe(scene.design.aspect);
    const { width, height } = straightSize(quad, aspect, 960);
    const straight = warpQuad(photo, quad, width, height);
    const drawn = renderSlide(scene.design, width, height);
    // Resampling twice (into the photo and out) softens letter edges: 1.3 to 1.7 levels.
    const good = residual(straight, drawn);
    expect(good).toBeLessThan(4);
    // Corners 2% in from the truth: the letters no longer line up.
    expect(residual(warpQuad(photo, shrink(quad, 0.98), width, height), drawn)).toBeGreaterThan(
      2 * good,
    );
  });
});

describe('the scene generator', () => {
  it('makes the same pixels from the same seed, and other pixels from another', () => {
    const a = makeScene('noise', 3).small.data;
    const b = makeScene('noise', 3).small.data;
    const c = makeScene('noise', 4).small.data;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it.each([
    ['heads', 2, 2],
    ['screenshot', 2, 0.5],
  ] as const)(
    'draws the small copy of %s %i as the area average of its photo',
    (kind, seed, most) => {
      const scene = makeScene(kind, seed);
      const photo = scene.photo();
      const reduced = downscale(photo, SMALL, (SMALL * photo.height) / photo.width);
      // A photo's small copy has noise (1.2 a channel), its region borders sampled 4 x 4 and the
      // slide drawn at the copy's own size; a screenshot's is drawn at that size by coverage.
      let diff = 0;
      for (let i = 0; i < reduced.data.length; i++)
        diff += Math.abs(reduced.data[i]! - scene.small.data[i]!);
      expect(diff / reduced.data.length).toBeLessThan(most);
    },
  );

  it('puts every true corner inside the photo, a convex quad covering 15% or more', () => {
    for (const kind of ['clean', 'heads', 'cut'] as const) {
      for (let seed = 1; seed <= 20; seed++) {
        const plan = planScene(kind, seed);
        const t = plan.truth!;
        expect(isConvex(t)).toBe(true);
        expect(area(t) / (plan.width * plan.height)).toBeGreaterThan(0.15);
        for (const p of corners(t)) {
          expect(p.x).toBeGreaterThanOrEqual(-1e-6);
          expect(p.y).toBeGreaterThanOrEqual(-1e-6);
          expect(p.x).toBeLessThanOrEqual(plan.width + 1e-6);
          expect(p.y).toBeLessThanOrEqual(plan.height + 1e-6);
        }
      }
    }
  });

  it('cuts one side off in cut scenes: two true corners on one edge of the photo', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { truth, width, height } = planScene('cut', seed);
      const onEdge = corners(truth!).filter(
        (p) =>
          Math.abs(p.x) < 1e-6 ||
          Math.abs(p.y) < 1e-6 ||
          Math.abs(p.x - width) < 1e-6 ||
          Math.abs(p.y - height) < 1e-6,
      );
      expect(onEdge).toHaveLength(2);
    }
  });

  it('leaves screenshots without a truth: the slide is the whole image', () => {
    const plan = planScene('screenshot', 1);
    expect(plan.truth).toBeUndefined();
    expect(plan.width / plan.height).toBeCloseTo(plan.design.aspect, 2);
  });
});
