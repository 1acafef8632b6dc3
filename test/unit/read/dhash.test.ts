// The difference hash that proposes re-shots (read/dhash.ts): its bits on known pictures, and
// how little noise, size and a second shot move it next to how much another slide does.
import { describe, expect, it } from 'vitest';
import { dhash, hamming } from '../../../src/lib/read/dhash';

type Paint = (x: number, y: number) => number;

function picture(width: number, height: number, grey: Paint) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = 4 * (y * width + x);
      data.fill(grey(x / width, y / height), at, at + 3);
      data[at + 3] = 255;
    }
  }
  return { data, width, height };
}

/** A slide: a title bar and bullet lines of dark "text" on light, at fractions of its size. */
const slide =
  (lines: number): Paint =>
  (x, y) => {
    if (y > 0.08 && y < 0.18 && x > 0.1 && x < 0.7) return 30;
    for (let i = 0; i < lines; i++) {
      const top = 0.3 + i * 0.15;
      if (y > top && y < top + 0.06 && x > 0.12 && x < 0.5 + 0.1 * ((i * 7) % 4)) return 40;
    }
    return 235;
  };

/** Deterministic noise: a pixel's value moved by up to ±amount. */
function noisy(paint: Paint, amount: number, seed = 1): Paint {
  let s = seed;
  return (x, y) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return paint(x, y) + ((s / 0x7fffffff) * 2 - 1) * amount;
  };
}

describe('dhash', () => {
  it('sets every bit where each cell is darker than the next, none where lighter', () => {
    expect(dhash(picture(90, 80, (x) => 255 * x))).toBe('ffffffffffffffff');
    expect(dhash(picture(90, 80, (x) => 255 * (1 - x)))).toBe('0000000000000000');
  });

  it('reads rows top to bottom, most significant bit first', () => {
    // The top row brightens to the right, the other seven darken.
    expect(dhash(picture(90, 80, (x, y) => (y < 0.125 ? 255 * x : 255 * (1 - x))))).toBe(
      'ff00000000000000',
    );
  });

  it('gives 16 hex digits for images smaller than its grid', () => {
    expect(dhash(picture(3, 2, (x) => 255 * x))).toMatch(/^[0-9a-f]{16}$/);
    expect(() => dhash(picture(0, 10, () => 0))).toThrow(RangeError);
  });

  it('is not moved by strong pixel noise, thanks to the area average', () => {
    const clean = dhash(picture(640, 480, slide(4)));
    for (const seed of [1, 2, 3]) {
      expect(hamming(clean, dhash(picture(640, 480, noisy(slide(4), 60, seed))))).toBe(0);
    }
  });

  it('hardly moves with the size the slide was stored at', () => {
    const big = dhash(picture(1920, 1080, slide(4)));
    expect(hamming(big, dhash(picture(457, 257, slide(4))))).toBeLessThanOrEqual(2);
  });

  it('moves more for another slide than for a re-shot', () => {
    const shot = dhash(picture(640, 360, slide(4)));
    const again = dhash(picture(640, 360, noisy(slide(4), 40, 9)));
    const title = dhash(picture(640, 360, slide(0)));
    expect(hamming(shot, again)).toBeLessThan(hamming(shot, title));
    expect(hamming(shot, title)).toBeGreaterThan(10);
  });
});

describe('hamming', () => {
  it('counts the differing bits', () => {
    expect(hamming('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hamming('8000000000000001', '0000000000000000')).toBe(2);
    expect(hamming('a5a5a5a5a5a5a5a5', 'a5a5a5a5a5a5a5a5')).toBe(0);
  });
});
