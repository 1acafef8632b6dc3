// The corner editor's geometry: whatever the finger or the keys do, the quad stays inside the
// image, convex and in the order of its corners' names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Corners } from '../../../src/lib/model/types';
import {
  CORNER_KEYS,
  FINE_STEP,
  STEP,
  WHOLE,
  fitImage,
  isValidQuad,
  keyMove,
  lensCentre,
  moveCorner,
  startingQuad,
  toFraction,
  toScreen,
  type CornerKey,
  type Point,
} from '../../../src/ui/photos/corner-geometry';

const quad = (...p: [number, number][]): Corners => ({
  topLeft: { x: p[0]![0], y: p[0]![1] },
  topRight: { x: p[1]![0], y: p[1]![1] },
  bottomRight: { x: p[2]![0], y: p[2]![1] },
  bottomLeft: { x: p[3]![0], y: p[3]![1] },
});

const keystoned = quad([0.2, 0.1], [0.85, 0.2], [0.8, 0.9], [0.1, 0.75]);

describe('isValidQuad', () => {
  it.each<[string, Corners, boolean]>([
    ['the whole image', WHOLE, true],
    ['a keystoned slide', keystoned, true],
    ['crossed (a bow tie)', quad([0, 0], [1, 1], [1, 0], [0, 1]), false],
    ['concave at the bottom-right', quad([0, 0], [1, 0], [0.3, 0.3], [0, 1]), false],
    ['mirrored (left and right swapped)', quad([1, 0], [0, 0], [0, 1], [1, 1]), false],
    ['flat: three corners on a line', quad([0, 0], [0.5, 0], [1, 0], [0, 1]), false],
    ['a corner left of the image', quad([-0.01, 0], [1, 0], [1, 1], [0, 1]), false],
    ['a corner below the image', quad([0, 0], [1, 0], [1, 1.01], [0, 1]), false],
  ])('%s: %s', (_, q, valid) => {
    expect(isValidQuad(q)).toBe(valid);
  });
});

describe('moveCorner', () => {
  it('goes exactly where asked when that keeps the quad valid', () => {
    expect(moveCorner(WHOLE, 'topLeft', { x: 0.2, y: 0.1 }).topLeft).toEqual({ x: 0.2, y: 0.1 });
  });

  it('clamps a target outside the image to its edge', () => {
    expect(moveCorner(WHOLE, 'topLeft', { x: -0.3, y: 0.4 }).topLeft).toEqual({ x: 0, y: 0.4 });
    expect(moveCorner(WHOLE, 'bottomRight', { x: 1.5, y: 2 }).bottomRight).toEqual({ x: 1, y: 1 });
  });

  it('stops at the last valid place instead of folding the quad over', () => {
    // Past the diagonal from top-right to bottom-left the quad would be concave: the corner
    // stops at the diagonal, as near the finger as the quad allows.
    const { topLeft } = moveCorner(WHOLE, 'topLeft', { x: 0.7, y: 0.7 });
    expect(topLeft.x + topLeft.y).toBeLessThan(1);
    expect(topLeft.x).toBeCloseTo(0.5, 2);
    expect(topLeft.y).toBeCloseTo(0.5, 2);
  });

  it('slides along a limit instead of sticking to it', () => {
    const start = moveCorner(WHOLE, 'topLeft', { x: 0.4, y: 0.4 });
    const stopped = moveCorner(start, 'topLeft', { x: 0.8, y: 0.4 });
    expect(stopped.topLeft.x).toBeCloseTo(0.6, 2);
    expect(stopped.topLeft.y).toBe(0.4);
    // Back up and down the image: the corner follows the finger's height.
    const slid = moveCorner(stopped, 'topLeft', { x: 0.3, y: 0.9 });
    expect(slid.topLeft.x).toBe(0.3);
    expect(slid.topLeft.y).toBeGreaterThan(0.6);
    expect(isValidQuad(slid)).toBe(true);
  });

  it('leaves a quad that was never valid alone', () => {
    const crossed = quad([0, 0], [1, 1], [1, 0], [0, 1]);
    expect(moveCorner(crossed, 'topLeft', { x: 0.1, y: 0.1 })).toBe(crossed);
  });

  const key = fc.constantFrom<CornerKey>(...CORNER_KEYS);
  // Targets well past the image too: a finger dragged off the picture.
  const target = fc.record({
    x: fc.double({ min: -1, max: 2, noNaN: true }),
    y: fc.double({ min: -1, max: 2, noNaN: true }),
  });

  it('never yields a concave, crossed or flat quad, nor a corner outside the image', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, target), { maxLength: 60 }), (moves) => {
        let q = WHOLE;
        for (const [k, to] of moves) {
          q = moveCorner(q, k, to);
          expect(isValidQuad(q)).toBe(true);
        }
      }),
    );
  });

  it('moves only the corner it is given', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, target), { maxLength: 20 }), key, target, (pre, k, to) => {
        const q = pre.reduce((acc, [pk, pt]) => moveCorner(acc, pk, pt), WHOLE);
        const next = moveCorner(q, k, to);
        for (const other of CORNER_KEYS) if (other !== k) expect(next[other]).toEqual(q[other]);
      }),
    );
  });
});

describe('keyMove', () => {
  it('steps 1 % per arrow and 0.2 % with Shift, and ignores other keys', () => {
    const q = quad([0.4, 0.4], [0.9, 0.1], [0.9, 0.9], [0.1, 0.9]);
    expect(keyMove(q, 'topLeft', 'ArrowRight', false).topLeft.x).toBeCloseTo(0.4 + STEP, 9);
    expect(keyMove(q, 'topLeft', 'ArrowUp', true).topLeft.y).toBeCloseTo(0.4 - FINE_STEP, 9);
    expect(keyMove(q, 'topLeft', 'ArrowDown', false).topLeft.y).toBeCloseTo(0.4 + STEP, 9);
    expect(keyMove(q, 'topLeft', 'ArrowLeft', true).topLeft.x).toBeCloseTo(0.4 - FINE_STEP, 9);
    expect(keyMove(q, 'topLeft', 'Enter', false)).toBe(q);
  });

  it('stops at the edge of the image', () => {
    expect(keyMove(WHOLE, 'topLeft', 'ArrowLeft', false).topLeft).toEqual({ x: 0, y: 0 });
    expect(keyMove(WHOLE, 'bottomRight', 'ArrowDown', true).bottomRight).toEqual({ x: 1, y: 1 });
  });

  it('keeps the quad valid under any run of presses', () => {
    const arrow = fc.constantFrom('ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown');
    const press = fc.tuple(fc.constantFrom<CornerKey>(...CORNER_KEYS), arrow, fc.boolean());
    fc.assert(
      fc.property(fc.array(press, { maxLength: 300 }), (presses) => {
        let q: Corners = keystoned;
        for (const [k, a, fine] of presses) q = keyMove(q, k, a, fine);
        expect(isValidQuad(q)).toBe(true);
      }),
    );
  });
});

describe('startingQuad', () => {
  it('takes stored corners when valid, else the whole image', () => {
    expect(startingQuad(keystoned)).toBe(keystoned);
    expect(startingQuad(undefined)).toBe(WHOLE);
    expect(startingQuad(quad([0, 0], [1, 1], [1, 0], [0, 1]))).toBe(WHOLE);
  });
});

describe('fitting the image to the screen', () => {
  it('contains and centres the image inside the padding', () => {
    expect(fitImage({ width: 1920, height: 1080 }, { width: 320, height: 400 }, 24)).toEqual({
      left: 24,
      top: 200 - 76.5,
      width: 272,
      height: 153,
    });
    expect(fitImage({ width: 0, height: 0 }, { width: 320, height: 400 }, 24).width).toBe(0);
  });

  it('turns fractions into pixels and back', () => {
    const size = fc.integer({ min: 1, max: 8000 });
    const frac = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(size, size, size, size, frac, frac, (iw, ih, bw, bh, x, y) => {
        const fit = fitImage({ width: iw, height: ih }, { width: bw + 60, height: bh + 60 }, 24);
        const back = toFraction(toScreen({ x, y }, fit), fit);
        expect(back.x).toBeCloseTo(x, 9);
        expect(back.y).toBeCloseTo(y, 9);
      }),
    );
  });
});

describe('lensCentre', () => {
  const box = { width: 360, height: 500 };

  it('sits above the finger when there is room', () => {
    expect(lensCentre({ x: 180, y: 300 }, box, 112, 32)).toEqual({ x: 180, y: 300 - 32 - 56 });
  });

  it('moves beside the finger near the top, on the roomier side', () => {
    expect(lensCentre({ x: 40, y: 30 }, box, 112, 32)).toEqual({ x: 40 + 32 + 56, y: 56 });
    expect(lensCentre({ x: 330, y: 30 }, box, 112, 32)).toEqual({ x: 330 - 32 - 56, y: 56 });
  });

  it('stays wholly inside the box', () => {
    const at = fc.record({
      x: fc.double({ min: 0, max: 360, noNaN: true }),
      y: fc.double({ min: 0, max: 500, noNaN: true }),
    });
    fc.assert(
      fc.property(at, (p: Point) => {
        const c = lensCentre(p, box, 112, 32);
        expect(c.x - 56).toBeGreaterThanOrEqual(0);
        expect(c.x + 56).toBeLessThanOrEqual(box.width);
        expect(c.y - 56).toBeGreaterThanOrEqual(0);
        expect(c.y + 56).toBeLessThanOrEqual(box.height);
      }),
    );
  });
});
