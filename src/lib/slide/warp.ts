// Straightening: the size of the straight slide and the perspective warp that makes it. The
// warp maps every output pixel back into the photo (inverse mapping), so each output pixel is
// written once; the homography's rows are stepped along an output row by addition, leaving one
// division and one bilinear sample per pixel.
import { rectToQuad, sides, type Pixels, type Quad } from './geometry';

/** Size of the straightened slide: the given aspect, long side at most `longSide` and never more than the quad's own longest side (no upscaling); integers >= 1. */
export function straightSize(
  quad: Quad,
  aspect: number,
  longSide: number,
): { width: number; height: number } {
  const [top, right, bottom, left] = sides(quad);
  const ratio = aspect > 0 && Number.isFinite(aspect) ? aspect : (top + bottom) / (left + right);
  const longest = Math.max(top, right, bottom, left);
  const long = Math.max(1, Math.floor(Math.min(longSide, longest) + 1e-9));
  if (!(ratio > 0) || !Number.isFinite(ratio)) return { width: long, height: long };
  return ratio >= 1
    ? { width: long, height: Math.max(1, Math.round(long / ratio)) }
    : { width: Math.max(1, Math.round(long * ratio)), height: long };
}

/**
 * Samples per output pixel along each axis: 1 (plain bilinear) unless the quad is much larger
 * than the output, where one bilinear sample per pixel would skip source pixels and alias fine
 * print; then n x n samples are averaged (n at most 4).
 */
function samplesPerAxis(quad: Quad, width: number, height: number): number {
  const [top, right, bottom, left] = sides(quad);
  const shrink = Math.max(Math.max(top, bottom) / width, Math.max(left, right) / height);
  return Math.min(4, Math.max(1, Math.round(shrink)));
}

/** Perspective warp of `quad` in `src` onto a width x height image: inverse mapping through a homography, bilinear sampling, samples outside src clamped to the edge. Returns new Pixels (alpha 255). */
export function warpQuad(src: Pixels, quad: Quad, width: number, height: number): Pixels {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const out = new Uint8ClampedArray(w * h * 4);
  if (src.width < 1 || src.height < 1 || src.data.length < src.width * src.height * 4) {
    // Nothing to sample: opaque black.
    for (let o = 3; o < out.length; o += 4) out[o] = 255;
    return { width: w, height: h, data: out };
  }
  const m = rectToQuad(w, h, quad);
  const n = samplesPerAxis(quad, w, h);
  if (n === 1 && LITTLE_ENDIAN && src.data.byteOffset % 4 === 0) {
    warpPacked(src, m, w, h, out);
    return { width: w, height: h, data: out };
  }
  const acc = new Float32Array(w * 3);
  const weight = 1 / (n * n);
  for (let j = 0; j < h; j++) {
    acc.fill(0);
    for (let sj = 0; sj < n; sj++) {
      const v = j + (sj + 0.5) / n;
      for (let si = 0; si < n; si++) {
        sampleRow(src, m, (si + 0.5) / n, v, w, acc);
      }
    }
    let o = j * w * 4;
    for (let i = 0, a = 0; i < w; i++, a += 3, o += 4) {
      out[o] = acc[a]! * weight;
      out[o + 1] = acc[a + 1]! * weight;
      out[o + 2] = acc[a + 2]! * weight;
      out[o + 3] = 255;
    }
  }
  return { width: w, height: h, data: out };
}

/** Whether a Uint32 read of RGBA bytes has R in its low byte, as on every browser's platform. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * One bilinear sample per pixel, four channels at a time: pixels read and written as 32-bit
 * words, weights in 7-bit fixed point so that every product stays a small integer (V8 keeps
 * those unboxed); red and blue are weighted together, 16 bits apart.
 */
function warpPacked(src: Pixels, m: Float64Array, w: number, h: number, out: Uint8ClampedArray) {
  const s = new Int32Array(src.data.buffer, src.data.byteOffset, src.width * src.height);
  const o32 = new Int32Array(out.buffer);
  const sw = src.width;
  const maxX = sw - 1;
  const maxY = src.height - 1;
  const dx = m[0]!;
  const dy = m[3]!;
  const dw = m[6]!;
  for (let j = 0, o = 0; j < h; j++) {
    const v = j + 0.5;
    let px = dx * 0.5 + m[1]! * v + m[2]!;
    let py = dy * 0.5 + m[4]! * v + m[5]!;
    let pw = dw * 0.5 + m[7]! * v + m[8]!;
    for (let i = 0; i < w; i++, o++) {
      const inv = 1 / pw;
      let x = px * inv - 0.5;
      let y = py * inv - 0.5;
      px += dx;
      py += dy;
      pw += dw;
      // NaN (a degenerate quad) fails both tests and is clamped to 0.
      if (!(x > 0)) x = 0;
      else if (x > maxX) x = maxX;
      if (!(y > 0)) y = 0;
      else if (y > maxY) y = maxY;
      const x0 = x | 0;
      const y0 = y | 0;
      const fx = ((x - x0) * 128) | 0;
      const fy = ((y - y0) * 128) | 0;
      const gx = 128 - fx;
      const gy = 128 - fy;
      const i00 = y0 * sw + x0;
      const i01 = x0 < maxX ? i00 + 1 : i00;
      const i10 = y0 < maxY ? i00 + sw : i00;
      const a = s[i00]!;
      const b = s[i01]!;
      const c = s[i10]!;
      const d = s[i10 + i01 - i00]!;
      const rbTop = (a & 0xff00ff) * gx + (b & 0xff00ff) * fx;
      const rbBottom = (c & 0xff00ff) * gx + (d & 0xff00ff) * fx;
      const gTop = ((a >> 8) & 0xff) * gx + ((b >> 8) & 0xff) * fx;
      const gBottom = ((c >> 8) & 0xff) * gx + ((d >> 8) & 0xff) * fx;
      const r = ((rbTop & 0xffff) * gy + (rbBottom & 0xffff) * fy + 0x2000) >> 14;
      const bl = ((rbTop >> 16) * gy + (rbBottom >> 16) * fy + 0x2000) >> 14;
      const g = (gTop * gy + gBottom * fy + 0x2000) >> 14;
      o32[o] = 0xff000000 | (bl << 16) | (g << 8) | r;
    }
  }
}

/**
 * Adds to `acc` (3 floats a pixel) the bilinear samples of `src` at the images of the points
 * (i + u, v), i = 0 .. w - 1, through `m`. Source pixel centres sit at (x + 0.5, y + 0.5).
 */
function sampleRow(
  src: Pixels,
  m: Float64Array,
  u: number,
  v: number,
  w: number,
  acc: Float32Array,
) {
  const s = src.data;
  const sw = src.width;
  const maxX = sw - 1;
  const maxY = src.height - 1;
  const row = sw * 4;
  const dx = m[0]!;
  const dy = m[3]!;
  const dw = m[6]!;
  let px = m[0]! * u + m[1]! * v + m[2]!;
  let py = m[3]! * u + m[4]! * v + m[5]!;
  let pw = m[6]! * u + m[7]! * v + m[8]!;
  for (let i = 0, a = 0; i < w; i++, a += 3) {
    let x = px / pw - 0.5;
    let y = py / pw - 0.5;
    px += dx;
    py += dy;
    pw += dw;
    // NaN (a degenerate quad) fails both tests and is clamped to 0 below.
    if (!(x > 0)) x = 0;
    else if (x > maxX) x = maxX;
    if (!(y > 0)) y = 0;
    else if (y > maxY) y = maxY;
    const x0 = x | 0;
    const y0 = y | 0;
    const fx = x - x0;
    const fy = y - y0;
    const i00 = y0 * row + x0 * 4;
    const i01 = x0 < maxX ? i00 + 4 : i00;
    const i10 = y0 < maxY ? i00 + row : i00;
    const i11 = x0 < maxX ? i10 + 4 : i10;
    const w00 = (1 - fx) * (1 - fy);
    const w01 = fx * (1 - fy);
    const w10 = (1 - fx) * fy;
    const w11 = fx * fy;
    acc[a] = acc[a]! + s[i00]! * w00 + s[i01]! * w01 + s[i10]! * w10 + s[i11]! * w11;
    acc[a + 1] =
      acc[a + 1]! + s[i00 + 1]! * w00 + s[i01 + 1]! * w01 + s[i10 + 1]! * w10 + s[i11 + 1]! * w11;
    acc[a + 2] =
      acc[a + 2]! + s[i00 + 2]! * w00 + s[i01 + 2]! * w01 + s[i10 + 2]! * w10 + s[i11 + 2]! * w11;
  }
}
