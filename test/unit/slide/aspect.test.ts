// The real slide's shape from its corners in perspective: 16:9 and 4:3 slides photographed from
// seats (the generator's pinhole camera, principal point at the centre) come out 16:9 and 4:3;
// other shapes are measured, not snapped; degenerate corners still give a finite ratio.
import { describe, expect, it } from 'vitest';
import { measuredAspect, slideAspect, snapAspect } from '../../../src/lib/slide/aspect';
import type { Point, Quad } from '../../../src/lib/slide/geometry';
import { planScene } from '../../support/slide-scenes';

const quadOf = (p: Point[]): Quad => ({
  topLeft: p[0]!,
  topRight: p[1]!,
  bottomRight: p[2]!,
  bottomLeft: p[3]!,
});

/** Corners of a w x 1 rectangle seen by a pinhole (focal f px, image W x H), turned and moved. */
function photographed(w: number, yaw: number, pitch: number, roll: number, f = 1400): Quad {
  const W = 1920;
  const H = 1440;
  const project = (u: number, v: number): Point => {
    let x = u - w / 2;
    let y = v - 0.5;
    let z = 0;
    [x, z] = [Math.cos(yaw) * x + Math.sin(yaw) * z, -Math.sin(yaw) * x + Math.cos(yaw) * z];
    [y, z] = [Math.cos(pitch) * y - Math.sin(pitch) * z, Math.sin(pitch) * y + Math.cos(pitch) * z];
    [x, y] = [Math.cos(roll) * x - Math.sin(roll) * y, Math.sin(roll) * x + Math.cos(roll) * y];
    z += 2.5 * w;
    return { x: W / 2 + (f * (x + 0.1 * w)) / z, y: H / 2 + (f * (y - 0.05)) / z };
  };
  return quadOf([project(0, 0), project(w, 0), project(w, 1), project(0, 1)]);
}

describe('slideAspect', () => {
  const seats = Array.from({ length: 40 }, (_, i) => i + 1);

  it.each(['clean', 'heads', 'glare'] as const)(
    'gives the slide its own shape from the true corners of %s scenes',
    (kind) => {
      for (const seed of seats) {
        const plan = planScene(kind, seed);
        const quad = plan.truth!;
        expect(measuredAspect(quad, plan.width, plan.height)).toBeCloseTo(plan.design.aspect, 6);
        expect(slideAspect(quad, plan.width, plan.height)).toBe(plan.design.aspect);
      }
    },
  );

  it('holds when corners are a pixel of the small copy off (4 px at 1920)', () => {
    let right = 0;
    let total = 0;
    for (const seed of seats) {
      const plan = planScene('clean', seed);
      const t = plan.truth!;
      // Each corner pushed 4 px a different way.
      const off = (p: Point, dx: number, dy: number) => ({ x: p.x + dx * 4, y: p.y + dy * 4 });
      const moved = quadOf([
        off(t.topLeft, 1, -1),
        off(t.topRight, 1, 1),
        off(t.bottomRight, -1, 1),
        off(t.bottomLeft, -1, -1),
      ]);
      total++;
      if (slideAspect(moved, plan.width, plan.height) === plan.design.aspect) right++;
    }
    expect(right / total).toBeGreaterThanOrEqual(0.9);
  });

  it('measures shapes it does not snap to: 16:10, 2:1, a square', () => {
    for (const w of [1.6, 2, 1]) {
      const q = photographed(w, 0.4, -0.2, 0.05);
      expect(measuredAspect(q, 1920, 1440)).toBeCloseTo(w, 6);
      expect(slideAspect(q, 1920, 1440)).toBeCloseTo(w, 6);
    }
  });

  it('needs no focal length for a slide seen straight on (parallel sides)', () => {
    const q = quadOf([
      { x: 400, y: 300 },
      { x: 1400, y: 300 },
      { x: 1400, y: 900 },
      { x: 400, y: 900 },
    ]);
    expect(measuredAspect(q, 1920, 1440)).toBeCloseTo(1000 / 600, 9);
  });

  it('takes a phone camera focal length when only one pair of sides converges', () => {
    // Yaw alone keeps the verticals parallel: the corners cannot tell the focal length.
    const q = photographed(16 / 9, 0.35, 0, 0, 0.8 * Math.hypot(1920, 1440));
    expect(slideAspect(q, 1920, 1440)).toBe(16 / 9);
  });

  it('gives a finite, positive ratio for degenerate corners', () => {
    const line = quadOf([
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 200, y: 0 },
      { x: 300, y: 0 },
    ]);
    const r = slideAspect(line, 640, 480);
    expect(Number.isFinite(r) && r > 0).toBe(true);
  });
});

describe('snapAspect', () => {
  it.each([
    [1.77, 16 / 9],
    [1.74, 16 / 9],
    [1.84, 16 / 9],
    [1.3, 4 / 3],
    [1.37, 4 / 3],
    [1.6, 1.6],
    [1.5, 1.5],
    [2, 2],
  ])('%f gives %f', (r, want) => {
    expect(snapAspect(r)).toBe(want);
  });
});
