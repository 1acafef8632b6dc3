import { describe, expect, it } from 'vitest';
import {
  JPEG_QUALITY,
  MAX_CANVAS_PIXELS,
  THUMB_LONG_SIDE,
  needsReencode,
  targetSize,
  thumbSize,
  type LongSide,
  type SourceFacts,
} from '../../../src/lib/capture/sizing';

describe('targetSize', () => {
  it.each<[string, [number, number], LongSide, [number, number]]>([
    ['12 MP landscape to 1920', [4032, 3024], 1920, [1920, 1440]],
    ['12 MP portrait to 1920', [3024, 4032], 1920, [1440, 1920]],
    ['12 MP to 1280', [4032, 3024], 1280, [1280, 960]],
    ['12 MP to 2560', [4032, 3024], 2560, [2560, 1920]],
    ['12 MP kept at original size', [4032, 3024], 'original', [4032, 3024]],
    ['16:9 rounds to whole pixels', [4000, 2250], 1920, [1920, 1080]],
    ['odd aspect rounds to nearest', [3000, 2001], 1280, [1280, 854]],
    ['already smaller: never enlarged', [1280, 720], 1920, [1280, 720]],
    ['exactly the target', [1920, 1080], 1920, [1920, 1080]],
    ['square', [3000, 3000], 2560, [2560, 2560]],
    ['a sliver keeps at least one pixel', [20000, 3], 1920, [1920, 1]],
    ['48 MP original capped at the canvas limit', [8064, 6048], 'original', [4729, 3547]],
    ['200 MP to 2560 is under the limit anyway', [16320, 12240], 2560, [2560, 1920]],
  ])('%s', (_case, [width, height], longSide, [w, h]) => {
    expect(targetSize({ width, height }, longSide)).toEqual({ width: w, height: h });
  });

  it('never produces a canvas over the limit', () => {
    for (const [width, height] of [
      [8064, 6048],
      [12000, 9000],
      [16384, 1024],
      [4097, 4097],
    ] as const) {
      const t = targetSize({ width, height }, 'original');
      expect(t.width * t.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    }
  });
});

describe('thumbSize', () => {
  it.each([
    [
      [4032, 3024],
      [320, 240],
    ],
    [
      [3024, 4032],
      [240, 320],
    ],
    [
      [200, 100],
      [200, 100],
    ],
  ])('%j -> %j', ([width, height], [w, h]) => {
    expect(thumbSize({ width: width!, height: height! })).toEqual({ width: w, height: h });
    expect(Math.max(w!, h!)).toBeLessThanOrEqual(THUMB_LONG_SIDE);
  });
});

describe('needsReencode', () => {
  const small: SourceFacts = {
    type: 'image/jpeg',
    width: 1600,
    height: 1200,
    bytes: 240_000,
    hasLocation: false,
    orientation: 1,
  };
  it.each<[string, Partial<SourceFacts>, LongSide, boolean]>([
    ['a small, light, upright JPEG is kept', {}, 1920, false],
    ['kept at "original" too', {}, 'original', false],
    ['larger than the setting', {}, 1280, true],
    ['carries a location', { hasLocation: true }, 1920, true],
    ['needs turning upright', { orientation: 6 }, 1920, true],
    ['PNG screenshot', { type: 'image/png' }, 1920, true],
    ['WebP', { type: 'image/webp' }, 1920, true],
    ['heavy (quality 95 from the camera)', { bytes: 900_000 }, 1920, true],
    ['12 MP straight from the camera', { width: 4032, height: 3024, bytes: 3_100_000 }, 1920, true],
  ])('%s', (_case, over, longSide, expected) => {
    expect(needsReencode({ ...small, ...over }, longSide)).toBe(expected);
  });

  it('uses quality 0.8', () => {
    expect(JPEG_QUALITY).toBe(0.8);
  });
});
