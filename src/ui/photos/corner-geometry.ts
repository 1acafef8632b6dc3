// The corner editor's geometry, free of the DOM so unit tests reach it: corners are fractions
// (0..1) of the image's width and height, as stored on the photo; the screen works in pixels
// of the image as fitted to the editor. Every move keeps the quad inside the image and convex.
import type { Corners } from '../../lib/model/types';

export type Point = { x: number; y: number };
export type CornerKey = keyof Corners;

/** Clockwise on screen (y down), the order the polygon is drawn and the handles are tabbed. */
export const CORNER_KEYS: readonly CornerKey[] = [
  'topLeft',
  'topRight',
  'bottomRight',
  'bottomLeft',
] as const;

/** No crop: the whole image. */
export const WHOLE: Corners = {
  topLeft: { x: 0, y: 0 },
  topRight: { x: 1, y: 0 },
  bottomRight: { x: 1, y: 1 },
  bottomLeft: { x: 0, y: 1 },
};

/**
 * How much each turn of the quad must bend, as the cross product of two edges in fractions of
 * the image: above zero means a clockwise, convex corner; this margin keeps the quad from
 * flattening into a line or a triangle that could not be straightened.
 */
export const MIN_TURN = 1e-3;

/**
 * Keyboard steps as fractions of the image: an arrow moves the focused corner 1 % of the
 * image's width or height; with Shift, 0.2 % (a few pixels of a 1920 px photo), for the fine
 * placement after a drag or a coarse run of presses.
 */
export const STEP = 0.01;
export const FINE_STEP = 0.002;

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const cross = (o: Point, a: Point, b: Point) =>
  (a.x - o.x) * (b.y - a.y) - (a.y - o.y) * (b.x - a.x);

/** The turn at each corner: the cross product of the edge into it and the edge out of it. */
function turns(q: Corners): number[] {
  return CORNER_KEYS.map((key, i) => {
    const prev = q[CORNER_KEYS[(i + 3) % 4]!];
    const next = q[CORNER_KEYS[(i + 1) % 4]!];
    return cross(prev, q[key], next);
  });
}

/**
 * True when the quad is convex, simple and clockwise in the order of its names, with every
 * corner inside the image. Four turns of one sign, each under half a turn, add up to exactly
 * one full turn, so such a quad cannot cross itself. Scaling x and y by the image's width and
 * height keeps every sign, so this holds in screen pixels too.
 */
export function isValidQuad(q: Corners): boolean {
  const inside = CORNER_KEYS.every((k) => {
    const { x, y } = q[k];
    return x >= 0 && x <= 1 && y >= 0 && y <= 1;
  });
  return inside && turns(q).every((t) => t > MIN_TURN);
}

/**
 * The furthest share t (0..1) of the way from `from` to `to` that the corner `key` can go with
 * the quad still valid. The three turns that involve the moved corner are linear in its
 * position, so each bounds t by a single division; the fourth does not depend on it.
 */
function reach(q: Corners, key: CornerKey, from: Point, to: Point): number {
  const at = (p: Point) => turns({ ...q, [key]: p });
  const start = at(from);
  const end = at(to);
  let t = 1;
  for (let i = 0; i < 4; i++) {
    const a = start[i]! - MIN_TURN;
    const b = end[i]! - MIN_TURN;
    if (b > 0) continue;
    t = a > 0 ? Math.min(t, a / (a - b)) : 0;
  }
  return t;
}

function along(q: Corners, key: CornerKey, to: Point): Corners {
  const from = q[key];
  const limit = reach(q, key, from, to);
  // When blocked, a hair short of the limit, so rounding never lands on it.
  const t = limit >= 1 ? 1 : Math.max(0, limit - 1e-9);
  const p = t === 1 ? to : { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
  const moved = { ...q, [key]: p };
  return isValidQuad(moved) ? moved : q;
}

/**
 * Moves one corner towards `target` (fractions; may lie outside the image). The target is
 * first clamped to the image; a move that would make the quad concave, crossed or flat stops
 * at the last valid position on the way, then slides along the blocking edge by moving in x
 * and in y on their own, so a drag past a limit follows it instead of sticking. A quad that
 * was not valid to begin with (see `startingQuad`) is returned unchanged.
 */
export function moveCorner(q: Corners, key: CornerKey, target: Point): Corners {
  if (!isValidQuad(q)) return q;
  const to = { x: clamp01(target.x), y: clamp01(target.y) };
  let next = along(q, key, to);
  if (next[key].x === to.x && next[key].y === to.y) return next;
  next = along(next, key, { x: to.x, y: next[key].y });
  return along(next, key, { x: next[key].x, y: to.y });
}

/** The corner moved by one arrow key press, or unchanged for any other key. */
export function keyMove(q: Corners, key: CornerKey, arrow: string, fine: boolean): Corners {
  const step = fine ? FINE_STEP : STEP;
  const d: Record<string, Point> = {
    ArrowLeft: { x: -step, y: 0 },
    ArrowRight: { x: step, y: 0 },
    ArrowUp: { x: 0, y: -step },
    ArrowDown: { x: 0, y: step },
  };
  const by = d[arrow];
  if (!by) return q;
  const p = q[key];
  return moveCorner(q, key, { x: p.x + by.x, y: p.y + by.y });
}

/** The corners the editor starts from: the stored ones when valid, else the whole image. */
export function startingQuad(stored: Corners | undefined): Corners {
  return stored && isValidQuad(stored) ? stored : WHOLE;
}

/** Where and how large the image is drawn: contained in the box, centred, `pad` px inside. */
export interface Fit {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function fitImage(
  image: { width: number; height: number },
  box: { width: number; height: number },
  pad: number,
): Fit {
  const roomW = Math.max(0, box.width - 2 * pad);
  const roomH = Math.max(0, box.height - 2 * pad);
  if (image.width <= 0 || image.height <= 0) return { left: pad, top: pad, width: 0, height: 0 };
  const scale = Math.min(roomW / image.width, roomH / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  return { left: (box.width - width) / 2, top: (box.height - height) / 2, width, height };
}

/** A corner in pixels of the fitted image, from its top-left corner. */
export function toScreen(p: Point, fit: Fit): Point {
  return { x: p.x * fit.width, y: p.y * fit.height };
}

/** Pixels of the fitted image (from its top-left) as fractions; not clamped (moveCorner does). */
export function toFraction(px: Point, fit: Fit): Point {
  return {
    x: fit.width > 0 ? px.x / fit.width : 0,
    y: fit.height > 0 ? px.y / fit.height : 0,
  };
}

/**
 * The centre of the magnifier for a finger at `at` (px in a box of `box` size): above the
 * finger with `gap` px between them, so the thumb does not hide it; near the top, beside the
 * finger on the side with more room; always wholly inside the box.
 */
export function lensCentre(
  at: Point,
  box: { width: number; height: number },
  size: number,
  gap: number,
): Point {
  const r = size / 2;
  let c = { x: at.x, y: at.y - gap - r };
  if (c.y - r < 0) {
    const right = at.x + gap + r;
    const left = at.x - gap - r;
    c = { x: at.x < box.width / 2 ? right : left, y: at.y };
  }
  return {
    x: Math.min(Math.max(c.x, r), Math.max(r, box.width - r)),
    y: Math.min(Math.max(c.y, r), Math.max(r, box.height - r)),
  };
}
