// Candidate slides: every convex quadrilateral of two near-horizontal and two near-vertical
// lines, scored by how much of each side has an edge along it and how fully that edge is a
// border between two regions, with a plausible shape and size. The photo's own edge may stand
// in for one side, cut off by the frame.
import { measuredAspect } from './aspect';
import { pixel, type Gradients } from './edges';
import { area, centre, corners, isConvex, type Point, type Quad } from './geometry';
import { along, meet, stepness, support, thinness, type Line } from './lines';

/** A quad must cover this share of the frame at least. */
export const MIN_AREA = 0.15;
/** A quad covering this share of the frame or more is the frame itself: no crop. */
export const MAX_AREA = 0.9;
/** A side must be a border between regions this much (see stepness in lines.ts). */
export const MIN_STEPNESS = 1;
/** At most this share of a side's edge may be a thin stroke's (see thinness in lines.ts). */
export const MAX_THIN = 0.3;
/** A side this much a border (or more) counts in full; a clean, sharp border is about 3. */
const FULL_STEPNESS = 2;
/** The preference for larger quads: the score is multiplied by the share of the frame to this. */
const AREA_WEIGHT = 0.1;
/** The least support of all but the weakest side (see scoreQuad). */
const SIDE_SUPPORT = 0.6;
/** The least support of every side of a quad with a side on the photo's edge. */
const CUT_SUPPORT = 0.8;
/** Support given to a side that is the photo's own edge. */
const BORDER_SUPPORT = 0.7;

export interface Candidate {
  quad: Quad;
  /** Top, right, bottom, left. */
  lines: [Line, Line, Line, Line];
  score: number;
  /** Share of the frame. */
  area: number;
}

/** Every plausible quad of two lines of each family (one of them the photo's edge at most). */
export function quads(horizontal: Line[], vertical: Line[], w: number, h: number): Candidate[] {
  const out: Candidate[] = [];
  const frame = w * h;
  const slack = 0.01 * Math.max(w, h);
  const yAt = (l: Line, x: number) => (l.c - l.nx * x) / l.ny;
  const xAt = (l: Line, y: number) => (l.c - l.ny * y) / l.nx;
  for (const top of horizontal) {
    for (const bottom of horizontal) {
      if (top === bottom || yAt(bottom, w / 2) - yAt(top, w / 2) < 0.2 * h) continue;
      if (top.border === 'bottom' || bottom.border === 'top' || (top.border && bottom.border))
        continue;
      for (const left of vertical) {
        if (left.border === 'right' || (left.border && (top.border || bottom.border))) continue;
        for (const right of vertical) {
          if (left === right || right.border === 'left') continue;
          if ((top.border || bottom.border || left.border) && right.border) continue;
          if (xAt(right, h / 2) - xAt(left, h / 2) < 0.2 * w) continue;
          const tl = meet(top, left);
          const tr = meet(top, right);
          const br = meet(bottom, right);
          const bl = meet(bottom, left);
          if (!tl || !tr || !br || !bl) continue;
          const ends = [tl, tr, br, bl];
          // A corner outside the photo (beyond a 1% slack) is a corner cut off: not found.
          if (ends.some((p) => p.x < -slack || p.y < -slack || p.x > w + slack || p.y > h + slack))
            continue;
          const quad: Quad = { topLeft: tl, topRight: tr, bottomRight: br, bottomLeft: bl };
          const share = area(quad) / frame;
          if (share < MIN_AREA || share >= MAX_AREA || !isConvex(quad) || !plausibleAngles(ends))
            continue;
          const lines: [Line, Line, Line, Line] = [top, right, bottom, left];
          const score = scoreQuad(quad, lines, ends, share, w, h);
          if (score > 0) out.push({ quad, lines, score, area: share });
        }
      }
    }
  }
  return out;
}

/** Every corner between 50 and 130 degrees, as a slide seen from a seat has. */
function plausibleAngles(p: Point[]): boolean {
  for (let i = 0; i < 4; i++) {
    const a = p[(i + 3) & 3]!;
    const b = p[i]!;
    const c = p[(i + 1) & 3]!;
    const ux = a.x - b.x;
    const uy = a.y - b.y;
    const vx = c.x - b.x;
    const vy = c.y - b.y;
    const cos = (ux * vx + uy * vy) / Math.sqrt((ux * ux + uy * uy) * (vx * vx + vy * vy));
    if (Math.abs(cos) > 0.643) return false;
  }
  return true;
}

/**
 * The geometric mean over the sides of their support (how much of the side has an edge along
 * it) times how fully they are a border between two regions (stepness up to FULL_STEPNESS;
 * the photo's edge counts BORDER_SUPPORT), times a shape factor (a slide is 1.15 to 2.1 times
 * as wide as high, straightened) and a mild preference for larger quads.
 */
function scoreQuad(
  quad: Quad,
  lines: [Line, Line, Line, Line],
  p: Point[],
  share: number,
  w: number,
  h: number,
): number {
  let product = 1;
  let cut = false;
  const supports: number[] = [];
  for (let i = 0; i < 4; i++) {
    const l = lines[i]!;
    if (l.border) {
      product *= BORDER_SUPPORT;
      cut = true;
      continue;
    }
    const ta = along(l, p[i]!);
    const tb = along(l, p[(i + 1) & 3]!);
    const trim = (tb - ta) * 0.03;
    const s = support(l, ta + trim, tb - trim);
    // A thin stroke (a chart's axis, a rule) is no side of a slide.
    const step = stepness(l, ta + trim, tb - trim);
    if (s < 0.2 || step < MIN_STEPNESS || thinness(l, ta + trim, tb - trim) > MAX_THIN) return 0;
    supports.push(s);
    product *= s * Math.min(1, step / FULL_STEPNESS);
  }
  // A slide shows at least three sides whole or nearly (a fourth may hide behind heads); a quad
  // against the photo's edge must show its three others whole.
  supports.sort((a, b) => a - b);
  if (cut ? supports[0]! < CUT_SUPPORT : supports[1]! < SIDE_SUPPORT) return 0;
  let score = Math.sqrt(Math.sqrt(product));
  if (!cut) {
    const r = measuredAspect(quad, w, h);
    if (r < 1.15) score *= (r / 1.15) ** 3;
    else if (r > 2.1) score *= (2.1 / r) ** 3;
  }
  return score * share ** AREA_WEIGHT;
}

/**
 * How many sides have content just outside them: more than 1 sample in 12 on a strong edge
 * across the side (more than 20 degrees off it) in a band 2.5 to 7 px out. Round a slide are its frame, the wall, the dark; round a box or a
 * chart inside a slide are the slide's letters. Heads may crowd one side.
 */
export function busySides(
  c: Candidate,
  g: Gradients,
  mask: Uint8Array,
  strong: number,
  unit: number,
) {
  const p = corners(c.quad);
  const { x: mx, y: my } = centre(c.quad);
  let busy = 0;
  for (let i = 0; i < 4; i++) {
    const l = c.lines[i]!;
    if (l.border) continue;
    const out = l.nx * mx + l.ny * my > l.c ? -1 : 1;
    const a = p[i]!;
    const b = p[(i + 1) & 3]!;
    let hits = 0;
    let samples = 0;
    for (let k = 1; k < 40; k++) {
      const u = k / 40;
      const x = a.x + (b.x - a.x) * u;
      const y = a.y + (b.y - a.y) * u;
      for (let d = 2.5 * unit; d <= 7 * unit; d += unit) {
        const px = x + out * l.nx * d;
        const py = y + out * l.ny * d;
        if (px < 0 || py < 0 || px >= g.width || py >= g.height) continue;
        const j = pixel(g, px, py);
        // Edges along the side (a frame's, a bezel's) are expected; others are content.
        const m = g.mag[j]!;
        if (mask[j] && m >= strong && Math.abs(g.gx[j]! * l.nx + g.gy[j]! * l.ny) < 0.94 * m)
          hits++;
        samples++;
      }
    }
    if (samples && hits > samples / 12) busy++;
  }
  return busy;
}

/** The quad the four lines (top, right, bottom, left) make, if they meet. */
export function quadOf(lines: readonly Line[]): Quad | undefined {
  const [top, right, bottom, left] = lines as [Line, Line, Line, Line];
  const topLeft = meet(top, left);
  const topRight = meet(top, right);
  const bottomRight = meet(bottom, right);
  const bottomLeft = meet(bottom, left);
  if (!topLeft || !topRight || !bottomRight || !bottomLeft) return undefined;
  return { topLeft, topRight, bottomRight, bottomLeft };
}
