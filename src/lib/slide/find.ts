// The slide finder: lines through the edges of a small copy of the photo, the best quad of
// them (quads.ts) with nothing but frame or wall round it, its screen's frame peeled off
// (frame.ts), then each side refitted to the edge points along it for sub-pixel corners.
// A side cut off by the photo's edge is the photo's edge: the finder then gives the visible
// part of the slide, two corners on the photo's edge where the slide's sides cross it (one side
// at most; a slide with a corner cut off is not found). Screenshots and photos cropped to the
// slide are left alone: an image whose lines are mostly square to its axes, a quad square to
// them, a quad (nearly) the whole frame. Corners are in the image's pixels, (0, 0) its top-left
// corner and (width, height) its bottom-right, so they scale with the image.
import { gradients, thinEdges, type Edges } from './edges';
import { area, corners, isConvex, type Pixels, type Point, type Quad } from './geometry';
import { peelFrames } from './frame';
import {
  along,
  borderLine,
  bucket,
  fitLine,
  houghPeaks,
  meet,
  withProfile,
  type Buckets,
  type Line,
} from './lines';
import { busySides, MAX_AREA, MIN_AREA, quads, type Candidate } from './quads';

/** The least score of a slide (see scoreQuad in quads.ts). */
export const MIN_SCORE = 0.5;
/** Lines kept of each family (near-horizontal, near-vertical), strongest first. */
const KEEP = 20;
/** Of the best quads by score, how many are looked at for one clear of content round it. */
const LOOK = 60;
/** Sides all within this many degrees of the image's axes are a screenshot's (see square). */
export const SQUARE = 0.5;
/**
 * An image whose lines (by votes) are this much or more square to its axes (within SQUARE / 2)
 * is a screenshot: slides drawn by a computer have their text, boxes and charts square, a photo
 * from a seat has them turned and keystoned (measured: 0.7 to 1 for generated screenshots, 0
 * to 0.3 for most generated photos, 0.76 for the squarest).
 */
const SCREENSHOT = 0.6;

/** What the finder saw, for tests and tuning; `quad` is the answer. */
export interface Search {
  /** The lines found, near-horizontal and near-vertical (the photo's edges last). */
  lines?: { horizontal: Line[]; vertical: Line[] };
  /** Every quad considered, best score first. */
  candidates: Candidate[];
  /** The best quad with content round one side at most, before peeling. */
  chosen?: Candidate;
  /** The chosen quad with its frame peeled off, before refitting. */
  peeled?: Candidate;
  quad?: Quad;
  /** Why there is no answer. */
  reason?: 'too small' | 'screenshot' | 'no quad' | 'whole frame' | 'square';
}

/** Finds the slide in a small copy of a photo (about 480 px on its long side). Corners in that copy's pixels, or undefined when there is no convincing slide, or when the frame already is the slide (a screenshot, or a photo cropped to the slide). */
export function findSlide(image: Pixels): Quad | undefined {
  return searchSlide(image).quad;
}

/** findSlide, telling what it saw on the way. */
export function searchSlide(image: Pixels): Search {
  const { width: w, height: h } = image;
  if (w < 32 || h < 32) return { candidates: [], reason: 'too small' };
  const g = gradients(image);
  const strong = 2 * g.noise;
  const edges = thinEdges(g, g.noise);
  const buckets = bucket(edges);
  const unit = Math.max(w, h) / 480;
  const horizontal: Line[] = [];
  const vertical: Line[] = [];
  for (const p of houghPeaks(edges, w, h, strong, 0.08 * Math.max(w, h), 120)) {
    const nx = Math.cos(p.angle);
    const ny = Math.sin(p.angle);
    const c = p.rho + (nx * w) / 2 + (ny * h) / 2;
    let fit = fitLine(edges, buckets, nx, ny, c, 2 * unit, 12);
    if (fit) fit = fitLine(edges, buckets, fit.nx, fit.ny, fit.c, 1.2 * unit, 12) ?? fit;
    if (!fit) continue;
    // Within 40 degrees of level, or of upright.
    const family =
      Math.abs(fit.ny) > 0.766 ? horizontal : Math.abs(fit.nx) > 0.766 ? vertical : undefined;
    if (!family || family.length >= KEEP) continue;
    const f = fit;
    if (family.some((l) => l.nx * f.nx + l.ny * f.ny > 0.9998 && Math.abs(l.c - f.c) < unit))
      continue;
    const line = withProfile(g, f.nx, f.ny, f.c, p.votes, strong);
    if (line) family.push(line);
  }
  if (squareShare([...horizontal, ...vertical]) >= SCREENSHOT)
    return { lines: { horizontal, vertical }, candidates: [], reason: 'screenshot' };
  horizontal.push(borderLine('top', w, h), borderLine('bottom', w, h));
  vertical.push(borderLine('left', w, h), borderLine('right', w, h));
  const candidates = quads(horizontal, vertical, w, h).sort((a, b) => b.score - a.score);
  const chosen = candidates
    .slice(0, LOOK)
    .find((c) => c.score >= MIN_SCORE && busySides(c, g, edges.mask, strong, unit) <= 1);
  if (!chosen) return { lines: { horizontal, vertical }, candidates, reason: 'no quad' };
  const peeled = peelFrames(chosen, horizontal, vertical, g, unit);
  const quad = refine(peeled, edges, buckets, w, h, unit);
  const share = area(quad) / (w * h);
  const found = { lines: { horizontal, vertical }, candidates, chosen, peeled };
  if (share >= MAX_AREA) return { ...found, reason: 'whole frame' };
  if (!isConvex(quad) || share < MIN_AREA) return { ...found, reason: 'no quad' };
  if (square(quad)) return { ...found, reason: 'square' };
  return { ...found, quad };
}

/** The share of the lines' votes on lines within SQUARE / 2 degrees of the image's axes. */
function squareShare(lines: Line[]): number {
  const tolerance = Math.sin((SQUARE / 2) * (Math.PI / 180));
  let all = 0;
  let square = 0;
  for (const l of lines) {
    all += l.votes;
    if (Math.min(Math.abs(l.nx), Math.abs(l.ny)) < tolerance) square += l.votes;
  }
  return all > 0 ? square / all : 0;
}

/**
 * True when every side lies along the image's axes (within SQUARE degrees): no photo from a
 * seat sees a slide so, but a screenshot shows its boxes and charts so. Such a quad is a part
 * of a slide that fills the frame, and the frame is left as it is.
 */
function square(q: Quad): boolean {
  const p = corners(q);
  for (let i = 0; i < 4; i++) {
    const a = p[i]!;
    const b = p[(i + 1) & 3]!;
    const dx = Math.abs(b.x - a.x);
    const dy = Math.abs(b.y - a.y);
    const off = i % 2 ? Math.atan2(dx, dy) : Math.atan2(dy, dx);
    if (off > (SQUARE * Math.PI) / 180) return false;
  }
  return true;
}

/**
 * Refits each side to the edge points along it (between its corners, ends left out, within
 * 2 then 1 px of it, same polarity) and meets the refitted sides again. The photo's edge stays.
 */
function refine(
  c: Candidate,
  edges: Edges,
  buckets: Buckets,
  w: number,
  h: number,
  unit: number,
): Quad {
  const p = [c.quad.topLeft, c.quad.topRight, c.quad.bottomRight, c.quad.bottomLeft];
  const lines = c.lines.map((l, i) => {
    if (l.border) return l;
    const a = p[i]!;
    const b = p[(i + 1) & 3]!;
    const ta = along(l, a);
    const tb = along(l, b);
    const lo = Math.min(ta, tb) + Math.abs(tb - ta) * 0.05;
    const hi = Math.max(ta, tb) - Math.abs(tb - ta) * 0.05;
    let fit: { nx: number; ny: number; c: number } = l;
    for (const tolerance of [2 * unit, 1 * unit]) {
      const keep = (x: number, y: number) => {
        const t = -l.ny * x + l.nx * y;
        return t >= lo && t <= hi;
      };
      fit = fitLine(edges, buckets, fit.nx, fit.ny, fit.c, tolerance, 8, keep) ?? fit;
    }
    return { ...l, nx: fit.nx, ny: fit.ny, c: fit.c };
  });
  const [top, right, bottom, left] = lines as [Line, Line, Line, Line];
  const clamp = (q: Point | undefined, fallback: Point): Point => {
    const r = q && Number.isFinite(q.x) && Number.isFinite(q.y) ? q : fallback;
    return { x: Math.min(w, Math.max(0, r.x)), y: Math.min(h, Math.max(0, r.y)) };
  };
  return {
    topLeft: clamp(meet(top, left), p[0]!),
    topRight: clamp(meet(top, right), p[1]!),
    bottomRight: clamp(meet(bottom, right), p[2]!),
    bottomLeft: clamp(meet(bottom, left), p[3]!),
  };
}
