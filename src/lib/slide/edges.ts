// Edges of a small photo for the slide finder: grey levels, a light blur, Sobel gradients and
// thin edges (non-maximum suppression) with a sub-pixel position each. Typed arrays
// throughout, allocated once per image; nothing is allocated per pixel.
import type { Pixels } from './geometry';

export interface Gradients {
  width: number;
  height: number;
  /** Grey level 0..255 after the blur. */
  grey: Float32Array;
  /** Brightness change per pixel along x and y (Sobel / 8). */
  gx: Float32Array;
  gy: Float32Array;
  mag: Float32Array;
  /** What the gradient of plain noise reaches: 3 x the median magnitude, at least 1. */
  noise: number;
}

/** Thin edges: position (pixel centre plus a sub-pixel step along the gradient), direction, strength. */
export interface Edges {
  count: number;
  x: Float32Array;
  y: Float32Array;
  /** Direction of the gradient (dark to bright), radians in (-pi, pi]. */
  angle: Float32Array;
  mag: Float32Array;
  /** 1 where a thin edge at least `noise` strong is. */
  mask: Uint8Array;
}

/** Grey (Rec. 601 luma), blurred by [1 4 6 4 1] / 16 both ways, then Sobel gradients. */
export function gradients(image: Pixels): Gradients {
  const { width: w, height: h, data } = image;
  const n = w * h;
  const grey = new Float32Array(n);
  for (let i = 0, o = 0; i < n; i++, o += 4) {
    grey[i] = 0.299 * data[o]! + 0.587 * data[o + 1]! + 0.114 * data[o + 2]!;
  }
  const tmp = new Float32Array(n);
  for (let y = 0; y < h; y++) {
    const r = y * w;
    for (let x = 0; x < w; x++) {
      const a = grey[r + Math.max(0, x - 2)]!;
      const b = grey[r + Math.max(0, x - 1)]!;
      const c = grey[r + x]!;
      const d = grey[r + Math.min(w - 1, x + 1)]!;
      const e = grey[r + Math.min(w - 1, x + 2)]!;
      tmp[r + x] = (a + 4 * b + 6 * c + 4 * d + e) / 16;
    }
  }
  for (let y = 0; y < h; y++) {
    const ra = Math.max(0, y - 2) * w;
    const rb = Math.max(0, y - 1) * w;
    const rc = y * w;
    const rd = Math.min(h - 1, y + 1) * w;
    const re = Math.min(h - 1, y + 2) * w;
    for (let x = 0; x < w; x++) {
      grey[rc + x] =
        (tmp[ra + x]! + 4 * tmp[rb + x]! + 6 * tmp[rc + x]! + 4 * tmp[rd + x]! + tmp[re + x]!) / 16;
    }
  }
  const gx = new Float32Array(n);
  const gy = new Float32Array(n);
  const mag = new Float32Array(n);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1, i = y * w + 1; x < w - 1; x++, i++) {
      const tl = grey[i - w - 1]!;
      const t = grey[i - w]!;
      const tr = grey[i - w + 1]!;
      const l = grey[i - 1]!;
      const r = grey[i + 1]!;
      const bl = grey[i + w - 1]!;
      const b = grey[i + w]!;
      const br = grey[i + w + 1]!;
      const sx = (tr + 2 * r + br - tl - 2 * l - bl) / 8;
      const sy = (bl + 2 * b + br - tl - 2 * t - tr) / 8;
      gx[i] = sx;
      gy[i] = sy;
      mag[i] = Math.sqrt(sx * sx + sy * sy);
    }
  }
  return { width: w, height: h, grey, gx, gy, mag, noise: Math.max(1, 3 * median(mag)) };
}

/** Median of the values, from a 256-bin histogram of a sample (exact enough for a threshold). */
function median(values: Float32Array): number {
  let top = 0;
  for (let i = 0; i < values.length; i += 7) top = Math.max(top, values[i]!);
  if (top === 0) return 0;
  const bins = new Uint32Array(256);
  let count = 0;
  for (let i = 0; i < values.length; i += 7) {
    bins[Math.min(255, ((values[i]! / top) * 255) | 0)]!++;
    count++;
  }
  let seen = 0;
  for (let b = 0; b < 256; b++) {
    seen += bins[b]!;
    if (seen * 2 >= count) return ((b + 0.5) / 255) * top;
  }
  return top;
}

/**
 * Thin edges: pixels at least `min` strong whose magnitude is a maximum across the edge, each
 * moved to the top of a parabola through the three magnitudes across it.
 */
export function thinEdges(g: Gradients, min: number): Edges {
  const { width: w, height: h, gx, gy, mag } = g;
  let cap = 4096;
  let x: Float32Array = new Float32Array(cap);
  let y: Float32Array = new Float32Array(cap);
  let angle: Float32Array = new Float32Array(cap);
  let strength: Float32Array = new Float32Array(cap);
  const mask = new Uint8Array(w * h);
  let count = 0;
  const TAN22 = 0.41421356;
  for (let py = 2; py < h - 2; py++) {
    for (let px = 2, i = py * w + 2; px < w - 2; px++, i++) {
      const m = mag[i]!;
      if (m < min) continue;
      const ax = gx[i]!;
      const ay = gy[i]!;
      // The neighbour across the edge: one of four directions by the gradient's angle.
      let step: number;
      if (Math.abs(ay) <= TAN22 * Math.abs(ax)) step = 1;
      else if (Math.abs(ax) <= TAN22 * Math.abs(ay)) step = w;
      else step = ax * ay > 0 ? w + 1 : w - 1;
      const before = mag[i - step]!;
      const after = mag[i + step]!;
      if (m < before || m <= after) continue;
      const curve = before - 2 * m + after;
      const off = curve < 0 ? (0.5 * (before - after)) / curve : 0;
      if (count === cap) {
        cap *= 2;
        x = grow(x, cap);
        y = grow(y, cap);
        angle = grow(angle, cap);
        strength = grow(strength, cap);
      }
      // The parabola's top is `off` steps to the neighbour (sx, sy); only the part of that
      // along the gradient moves the edge.
      const sx = step === w ? 0 : step === w - 1 ? -1 : 1;
      const sy = step === 1 ? 0 : 1;
      const along = (off * (sx * ax + sy * ay)) / m;
      x[count] = px + 0.5 + (along * ax) / m;
      y[count] = py + 0.5 + (along * ay) / m;
      angle[count] = Math.atan2(ay, ax);
      strength[count] = m;
      mask[i] = 1;
      count++;
    }
  }
  return { count, x, y, angle, mag: strength, mask };
}

function grow(a: Float32Array, cap: number): Float32Array {
  const b = new Float32Array(cap);
  b.set(a);
  return b;
}

/** Index of the pixel holding point (x, y), clamped to the image. */
export const pixel = (g: { width: number; height: number }, x: number, y: number) =>
  Math.min(g.height - 1, Math.max(0, Math.floor(y))) * g.width +
  Math.min(g.width - 1, Math.max(0, Math.floor(x)));

/** The q-quantile of the values (sorts them in place). */
export function quantile(values: number[], q: number): number {
  values.sort((a, b) => a - b);
  return values[Math.min(values.length - 1, Math.floor(q * values.length))]!;
}
