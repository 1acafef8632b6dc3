// Straight lines through the edges: a Hough transform that keeps the edge's polarity (dark to
// bright one way or the other are different lines, so a slide's border and its screen frame's
// border a few pixels away stay apart), least-squares fits of the edge points near each peak,
// and along each line a running sum of how much edge runs along it, so the support of any
// stretch of it costs two look-ups.
import type { Edges, Gradients } from './edges';
import type { Point } from './geometry';

/** Angle bins over the full turn (polarity kept): 0.5 degree each. */
const ANGLES = 720;
const STEP = (2 * Math.PI) / ANGLES;
/** An edge votes for the angles within this many bins of its gradient's (2 degrees). */
const SPREAD = 4;
/** Edge points this far from a line's angle (radians) still belong to it. */
const FIT_ANGLE = (12 * Math.PI) / 180;

const COS = Float64Array.from({ length: ANGLES }, (_, k) => Math.cos(k * STEP));
const SIN = Float64Array.from({ length: ANGLES }, (_, k) => Math.sin(k * STEP));

/**
 * A line n . p = c, n = (nx, ny) a unit vector pointing from dark to bright. Points on it are
 * base + t (-ny, nx); `prefix` holds the running support from t = t0 in steps of 1.
 */
export interface Line {
  nx: number;
  ny: number;
  c: number;
  votes: number;
  t0: number;
  prefix: Float64Array;
  /**
   * Running sum of the step across the line: the difference of the grey a few px either side.
   * A border between two regions has one; a thin stroke (a chart's axis, a
   * rule under a title) has about none, being the same colour both sides.
   */
  step: Float64Array;
  /** Running sum of the gradient across the line (as for `prefix`, not capped). */
  grad: Float64Array;
  /** Running counts of the steps with an edge on the line, and of those a thin stroke's. */
  edgy: Float64Array;
  thin: Float64Array;
  /** Set for the photo's own edges, which stand in for a side cut off by the frame. */
  border?: 'top' | 'right' | 'bottom' | 'left';
}

/** Edge indices grouped by angle bin, so a line's fit looks only at edges of about its angle. */
export interface Buckets {
  start: Uint32Array;
  order: Uint32Array;
}

const bin = (angle: number) => {
  const k = Math.round(angle / STEP);
  return ((k % ANGLES) + ANGLES) % ANGLES;
};

export function bucket(edges: Edges): Buckets {
  const start = new Uint32Array(ANGLES + 1);
  const bins = new Uint16Array(edges.count);
  for (let i = 0; i < edges.count; i++) {
    bins[i] = bin(edges.angle[i]!);
    start[bins[i]! + 1]!++;
  }
  for (let k = 0; k < ANGLES; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, ANGLES);
  const order = new Uint32Array(edges.count);
  for (let i = 0; i < edges.count; i++) order[fill[bins[i]!]!++] = i;
  return { start, order };
}

/**
 * Peaks of the Hough transform of the edges, strongest first: (angle bin, offset from the
 * image centre) pairs with at least `minVotes`, each a maximum in its neighbourhood.
 */
export function houghPeaks(
  edges: Edges,
  width: number,
  height: number,
  strong: number,
  minVotes: number,
  max: number,
): { angle: number; rho: number; votes: number }[] {
  const cx = width / 2;
  const cy = height / 2;
  const R = Math.ceil(Math.hypot(cx, cy)) + 2;
  const rows = 2 * R + 1;
  const acc = new Float32Array(ANGLES * rows);
  for (let i = 0; i < edges.count; i++) {
    const x = edges.x[i]! - cx;
    const y = edges.y[i]! - cy;
    const w = Math.min(1, edges.mag[i]! / strong);
    const k0 = bin(edges.angle[i]!);
    for (let d = -SPREAD; d <= SPREAD; d++) {
      const k = (k0 + d + ANGLES) % ANGLES;
      const r = Math.round(x * COS[k]! + y * SIN[k]!) + R;
      acc[k * rows + r]! += w;
    }
  }
  const peaks: { angle: number; rho: number; votes: number }[] = [];
  for (let k = 0; k < ANGLES; k++) {
    for (let r = 2; r < rows - 2; r++) {
      const v = acc[k * rows + r]!;
      if (v < minVotes) continue;
      let top = true;
      for (let dk = -3; dk <= 3 && top; dk++) {
        const row = ((k + dk + ANGLES) % ANGLES) * rows;
        for (let dr = -2; dr <= 2; dr++) {
          if (dk === 0 && dr === 0) continue;
          const u = acc[row + r + dr]!;
          // Ties go to the first cell in scan order, so a flat top gives one peak.
          if (u > v || (u === v && (dk < 0 || (dk === 0 && dr < 0)))) {
            top = false;
            break;
          }
        }
      }
      if (top) peaks.push({ angle: k * STEP, rho: r - R, votes: v });
    }
  }
  peaks.sort((a, b) => b.votes - a.votes);
  return peaks.slice(0, max);
}

/**
 * Weighted total least squares fit of the edge points within `tolerance` px of the line
 * n . p = c whose gradient points within FIT_ANGLE of n; `keep` limits them to a stretch.
 * Returns the fitted line (same polarity) or undefined with fewer than `minPoints` points.
 */
export function fitLine(
  edges: Edges,
  buckets: Buckets,
  nx: number,
  ny: number,
  c: number,
  tolerance: number,
  minPoints: number,
  keep?: (x: number, y: number) => boolean,
): { nx: number; ny: number; c: number; points: number } | undefined {
  const k0 = bin(Math.atan2(ny, nx));
  const reach = Math.ceil(FIT_ANGLE / STEP);
  let sw = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  let points = 0;
  for (let d = -reach; d <= reach; d++) {
    const k = (k0 + d + ANGLES) % ANGLES;
    for (let j = buckets.start[k]!; j < buckets.start[k + 1]!; j++) {
      const i = buckets.order[j]!;
      const x = edges.x[i]!;
      const y = edges.y[i]!;
      if (Math.abs(nx * x + ny * y - c) > tolerance) continue;
      if (keep && !keep(x, y)) continue;
      const w = edges.mag[i]!;
      sw += w;
      sx += w * x;
      sy += w * y;
      sxx += w * x * x;
      sxy += w * x * y;
      syy += w * y * y;
      points++;
    }
  }
  if (points < minPoints || sw <= 0) return undefined;
  const mx = sx / sw;
  const my = sy / sw;
  const cxx = sxx / sw - mx * mx;
  const cxy = sxy / sw - mx * my;
  const cyy = syy / sw - my * my;
  // The normal is the eigenvector of the smaller eigenvalue of the scatter matrix.
  const half = (cxx - cyy) / 2;
  const root = Math.sqrt(half * half + cxy * cxy);
  const small = (cxx + cyy) / 2 - root;
  let fx = cxy;
  let fy = small - cxx;
  if (Math.abs(fx) + Math.abs(fy) < 1e-12) {
    fx = cxx <= cyy ? 1 : 0;
    fy = cxx <= cyy ? 0 : 1;
  }
  const len = Math.hypot(fx, fy);
  fx /= len;
  fy /= len;
  if (fx * nx + fy * ny < 0) {
    fx = -fx;
    fy = -fy;
  }
  return { nx: fx, ny: fy, c: fx * mx + fy * my, points };
}

/** Where the line crosses the image rectangle [0, w] x [0, h], as t along it (undefined: misses). */
function span(
  nx: number,
  ny: number,
  c: number,
  w: number,
  h: number,
): [number, number] | undefined {
  const bx = nx * c;
  const by = ny * c;
  const dx = -ny;
  const dy = nx;
  let lo = -Infinity;
  let hi = Infinity;
  for (const [p, d, max] of [
    [bx, dx, w],
    [by, dy, h],
  ] as const) {
    if (Math.abs(d) < 1e-12) {
      if (p < 0 || p > max) return undefined;
      continue;
    }
    const a = (0 - p) / d;
    const b = (max - p) / d;
    lo = Math.max(lo, Math.min(a, b));
    hi = Math.min(hi, Math.max(a, b));
  }
  return hi - lo >= 1 ? [lo, hi] : undefined;
}

/**
 * The line with its support profile: at each step along it, the gradient across it (either
 * way: a slide's side may be brighter than the wall in one place and darker than a head in
 * another; the best of the pixel on it and those one pixel either side) over `strong`, capped
 * at 1, summed as it goes; and the step across it likewise.
 */
export function withProfile(
  g: Gradients,
  nx: number,
  ny: number,
  c: number,
  votes: number,
  strong: number,
): Line | undefined {
  const { width: w, height: h, gx, gy } = g;
  const s = span(nx, ny, c, w, h);
  if (!s) return undefined;
  const [t0, t1] = s;
  const n = Math.floor(t1 - t0) + 1;
  const prefix = new Float64Array(n + 1);
  const step = new Float64Array(n + 1);
  const grad = new Float64Array(n + 1);
  const bx = nx * c;
  const by = ny * c;
  const reach = 3 * Math.max(1, Math.max(w, h) / 480);
  const thin = new Float64Array(n + 1);
  const edgy = new Float64Array(n + 1);
  const grey = (x: number, y: number) =>
    g.grey[
      Math.min(h - 1, Math.max(0, Math.floor(y))) * w + Math.min(w - 1, Math.max(0, Math.floor(x)))
    ]!;
  for (let k = 0; k < n; k++) {
    const t = t0 + k;
    const px = bx - ny * t;
    const py = by + nx * t;
    const across = Math.abs(
      grey(px + reach * nx, py + reach * ny) - grey(px - reach * nx, py - reach * ny),
    );
    step[k + 1] = step[k]! + across;
    let best = 0;
    for (let d = -1; d <= 1; d++) {
      const x = Math.floor(px + d * nx);
      const y = Math.floor(py + d * ny);
      if (x < 0 || y < 0 || x >= w || y >= h) continue;
      const i = y * w + x;
      const along = Math.abs(gx[i]! * nx + gy[i]! * ny);
      if (along > best) best = along;
    }
    prefix[k + 1] = prefix[k]! + Math.min(1, best / strong);
    grad[k + 1] = grad[k]! + best;
    const edge = best >= strong / 2 ? 1 : 0;
    edgy[k + 1] = edgy[k]! + edge;
    thin[k + 1] = thin[k]! + (edge && across < best ? 1 : 0);
  }
  return { nx, ny, c, votes, t0, prefix, step, grad, edgy, thin };
}

/** The photo's edge as a line, its normal pointing into the photo, with no profile. */
export function borderLine(border: NonNullable<Line['border']>, w: number, h: number): Line {
  const zero = new Float64Array(1);
  const none = {
    votes: 0,
    t0: 0,
    prefix: zero,
    step: zero,
    grad: zero,
    edgy: zero,
    thin: zero,
    border,
  };
  if (border === 'top') return { nx: 0, ny: 1, c: 0, ...none };
  if (border === 'bottom') return { nx: 0, ny: -1, c: -h, ...none };
  if (border === 'left') return { nx: 1, ny: 0, c: 0, ...none };
  return { nx: -1, ny: 0, c: -w, ...none };
}

/** t of point p along the line. */
export const along = (l: Line, p: Point) => -l.ny * p.x + l.nx * p.y;

/** Mean support between t = a and t = b (either order), 0 where the line leaves the image. */
export function support(l: Line, a: number, b: number): number {
  return mean(l.prefix, l.t0, a, b);
}

/**
 * How much of a border between two regions the line is between t = a and t = b: the mean step
 * across it over the mean gradient on it. About 2 or more for a border (the step is the whole
 * contrast, the blurred gradient a part of it a pixel), about 0 for a thin stroke.
 */
export function stepness(l: Line, a: number, b: number): number {
  const grad = mean(l.grad, l.t0, a, b);
  return grad > 0 ? mean(l.step, l.t0, a, b) / grad : 0;
}

/**
 * The share of the line's edge between t = a and t = b that is a thin stroke's: an edge with
 * the same grey either side of it (a rule, an axis, a box's outline), not a border.
 */
export function thinness(l: Line, a: number, b: number): number {
  const edges = mean(l.edgy, l.t0, a, b);
  return edges > 0 ? mean(l.thin, l.t0, a, b) / edges : 0;
}

function mean(sums: Float64Array, t0: number, a: number, b: number): number {
  const n = sums.length - 1;
  const lo = Math.min(a, b) - t0;
  const hi = Math.max(a, b) - t0;
  if (hi - lo < 1) return 0;
  const i = Math.max(0, Math.min(n, Math.round(lo)));
  const j = Math.max(0, Math.min(n, Math.round(hi)));
  return (sums[j]! - sums[i]!) / (hi - lo);
}

/** Where two lines cross (undefined when parallel). */
export function meet(a: Line, b: Line): Point | undefined {
  const det = a.nx * b.ny - a.ny * b.nx;
  if (Math.abs(det) < 1e-9) return undefined;
  return { x: (a.c * b.ny - a.ny * b.c) / det, y: (a.nx * b.c - a.c * b.nx) / det };
}
