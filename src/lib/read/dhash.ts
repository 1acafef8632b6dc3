// The difference hash of a slide image: 64 bits that change little when the same slide is shot
// again, so re-shots can be proposed without comparing images. The image is averaged down to
// 9×8 grey cells; each bit says whether a cell is clearly darker than its right-hand
// neighbour.
import type { Pixels } from './engine';

const COLS = 9;
const ROWS = 8;

/**
 * A cell must be this many grey levels (of 255) darker than its neighbour to set its bit. On a
 * slide's plain background neighbouring cells are equal, and without a margin the last
 * fraction of a grey level, noise or rounding, would decide those bits, half of them at times.
 */
const MARGIN = 2;

/** The source pixels a cell covers along one axis, each with the share of it inside the cell. */
function spans(size: number, cells: number): { from: number; weights: number[] }[] {
  const out = [];
  for (let c = 0; c < cells; c++) {
    const start = (c * size) / cells;
    const end = ((c + 1) * size) / cells;
    const from = Math.floor(start);
    const weights = [];
    for (let p = from; p < Math.ceil(end); p++) {
      weights.push(Math.min(p + 1, end) - Math.max(p, start));
    }
    out.push({ from, weights });
  }
  return out;
}

/**
 * Grey cells by area average: every pixel counts by the share of it inside the cell. Nearest-
 * neighbour sampling would read 72 single pixels, and sensor noise on one of them could flip
 * a bit between two shots of the same slide; a mean over thousands of pixels does not move.
 */
function cells({ data, width, height }: Pixels): Float64Array {
  const xs = spans(width, COLS);
  const ys = spans(height, ROWS);
  const grey = new Float64Array(COLS * ROWS);
  for (let r = 0; r < ROWS; r++) {
    const { from: y0, weights: wy } = ys[r]!;
    for (let c = 0; c < COLS; c++) {
      const { from: x0, weights: wx } = xs[c]!;
      let sum = 0;
      let area = 0;
      for (let j = 0; j < wy.length; j++) {
        const row = 4 * (y0 + j) * width;
        for (let i = 0; i < wx.length; i++) {
          const at = row + 4 * (x0 + i);
          const w = wy[j]! * wx[i]!;
          sum += w * (0.299 * data[at]! + 0.587 * data[at + 1]! + 0.114 * data[at + 2]!);
          area += w;
        }
      }
      grey[r * COLS + c] = area ? sum / area : 0;
    }
  }
  return grey;
}

/** The image's 64-bit difference hash as 16 lower-case hex digits, rows top to bottom. */
export function dhash(image: Pixels): string {
  if (image.width < 1 || image.height < 1) throw new RangeError('An empty image has no hash');
  const grey = cells(image);
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let value = 0;
    for (let b = 0; b < 4; b++) {
      const bit = nibble * 4 + b;
      const at = Math.floor(bit / 8) * COLS + (bit % 8);
      value = (value << 1) | (grey[at + 1]! - grey[at]! > MARGIN ? 1 : 0);
    }
    hex += value.toString(16);
  }
  return hex;
}

/** How many of the 64 bits differ between two hashes. */
export function hamming(a: string, b: string): number {
  let bits = 0;
  for (let i = 0; i < 16; i++) {
    let x = parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16);
    for (; x; x &= x - 1) bits++;
  }
  return bits;
}
