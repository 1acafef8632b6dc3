import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageTag, onTheOriginal } from '../../../src/lib/capture/recrop';
import type { Corners } from '../../../src/lib/model/types';

const WHOLE: Corners = {
  topLeft: { x: 0, y: 0 },
  topRight: { x: 1, y: 0 },
  bottomRight: { x: 1, y: 1 },
  bottomLeft: { x: 0, y: 1 },
};

/** A keystoned slide: a convex quad well inside the photo. */
const inset = fc.double({ min: 0.02, max: 0.3, noNaN: true });
const slide = fc
  .tuple(inset, inset, inset, inset, inset, inset, inset, inset)
  .map(([a, b, c, d, e, f, g, h]): Corners => ({
    topLeft: { x: a, y: b },
    topRight: { x: 1 - c, y: d },
    bottomRight: { x: 1 - e, y: 1 - f },
    bottomLeft: { x: g, y: 1 - h },
  }));

const point = fc.record({
  x: fc.double({ min: 0, max: 1, noNaN: true }),
  y: fc.double({ min: 0, max: 1, noNaN: true }),
});
const anyCorners = fc.record({
  topLeft: point,
  topRight: point,
  bottomRight: point,
  bottomLeft: point,
});

const close = (a: Corners, b: Corners) => {
  for (const k of ['topLeft', 'topRight', 'bottomRight', 'bottomLeft'] as const) {
    expect(a[k].x).toBeCloseTo(b[k].x, 9);
    expect(a[k].y).toBeCloseTo(b[k].y, 9);
  }
};

describe('corners set on the current image, said on the photo as taken', () => {
  it('are the corners themselves when the image was never cropped', () => {
    fc.assert(
      fc.property(anyCorners, (c) => {
        expect(onTheOriginal(undefined, c)).toEqual(c);
      }),
    );
  });

  it('are the crop itself when the whole straightened image is kept', () => {
    fc.assert(
      fc.property(slide, (crop) => {
        close(onTheOriginal(crop, WHOLE)!, crop);
      }),
    );
  });

  it('fall inside the crop, so inside the photo, wherever they are on the image', () => {
    fc.assert(
      fc.property(slide, anyCorners, (crop, c) => {
        const out = onTheOriginal(crop, c)!;
        const xs = [crop.topLeft, crop.topRight, crop.bottomRight, crop.bottomLeft].map((p) => p.x);
        for (const p of Object.values(out)) {
          expect(p.x).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-9);
          expect(p.x).toBeLessThanOrEqual(Math.max(...xs) + 1e-9);
          expect(p.y).toBeGreaterThanOrEqual(0);
          expect(p.y).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('imageTag', () => {
  it('is eight hex digits, the same for the same corners and different for others', () => {
    fc.assert(
      fc.property(slide, slide, (a, b) => {
        expect(imageTag(a)).toMatch(/^[0-9a-f]{8}$/);
        expect(imageTag({ ...a })).toBe(imageTag(a));
        if (JSON.stringify(a) !== JSON.stringify(b) && Math.abs(a.topLeft.x - b.topLeft.x) > 1e-3)
          expect(imageTag(a)).not.toBe(imageTag(b));
      }),
    );
    expect(imageTag(undefined)).not.toBe(imageTag(WHOLE));
  });
});
