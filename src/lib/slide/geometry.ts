// Plane geometry for slides: points, quadrilaterals, and the homography (projective map) that
// takes one quadrilateral onto another. Pixel coordinates are continuous: pixel (i, j) covers
// [i, i + 1) x [j, j + 1), so its centre is (i + 0.5, j + 0.5) and an image of width w spans
// [0, w]. Scaling an image by s scales these coordinates by s exactly.

export interface Point {
  x: number;
  y: number;
}

/** Corners in pixels of some image, named as the user sees them. */
export interface Quad {
  topLeft: Point;
  topRight: Point;
  bottomRight: Point;
  bottomLeft: Point;
}

/** RGBA pixels, row-major, like ImageData (ImageData satisfies it). */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * A 3 x 3 matrix, row-major: (x, y) maps to ((m0 x + m1 y + m2) / w, (m3 x + m4 y + m5) / w)
 * with w = m6 x + m7 y + m8.
 */
export type Homography = Float64Array;
type Matrix = [number, number, number, number, number, number, number, number, number];

/** The corners in order round the quad: top-left, top-right, bottom-right, bottom-left. */
export function corners(q: Quad): [Point, Point, Point, Point] {
  return [q.topLeft, q.topRight, q.bottomRight, q.bottomLeft];
}

export function quad(p: readonly Point[]): Quad {
  const [topLeft, topRight, bottomRight, bottomLeft] = p as [Point, Point, Point, Point];
  return { topLeft, topRight, bottomRight, bottomLeft };
}

/** Maps every corner through `f`. */
export function mapQuad(q: Quad, f: (p: Point) => Point): Quad {
  return {
    topLeft: f(q.topLeft),
    topRight: f(q.topRight),
    bottomRight: f(q.bottomRight),
    bottomLeft: f(q.bottomLeft),
  };
}

/** The mean of the corners. */
export function centre(q: Quad): Point {
  return {
    x: (q.topLeft.x + q.topRight.x + q.bottomRight.x + q.bottomLeft.x) / 4,
    y: (q.topLeft.y + q.topRight.y + q.bottomRight.y + q.bottomLeft.y) / 4,
  };
}

/** Signed area by the shoelace formula: positive when the corners run clockwise on screen. */
export function signedArea(q: Quad): number {
  const p = corners(q);
  let s = 0;
  for (let i = 0; i < 4; i++) {
    const a = p[i]!;
    const b = p[(i + 1) & 3]!;
    s += a.x * b.y - b.x * a.y;
  }
  return s / 2;
}

export function area(q: Quad): number {
  return Math.abs(signedArea(q));
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Side lengths: top, right, bottom, left. */
export function sides(q: Quad): [number, number, number, number] {
  return [
    distance(q.topLeft, q.topRight),
    distance(q.topRight, q.bottomRight),
    distance(q.bottomRight, q.bottomLeft),
    distance(q.bottomLeft, q.topLeft),
  ];
}

/**
 * True when the corners, in their order, turn the same way at every corner (clockwise on
 * screen, as named) and the quad has some area: a convex quadrilateral the user would draw.
 */
export function isConvex(q: Quad): boolean {
  const p = corners(q);
  const scale = Math.max(...sides(q));
  if (!(scale > 0) || !Number.isFinite(scale)) return false;
  for (let i = 0; i < 4; i++) {
    const a = p[i]!;
    const b = p[(i + 1) & 3]!;
    const c = p[(i + 2) & 3]!;
    const cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    if (!(cross > 1e-9 * scale * scale)) return false;
  }
  return true;
}

/**
 * The homography taking the unit square's corners (0,0), (1,0), (1,1), (0,1) onto the quad's
 * top-left, top-right, bottom-right, bottom-left (Heckbert's closed form).
 */
export function squareToQuad(q: Quad): Homography {
  const { x: x0, y: y0 } = q.topLeft;
  const { x: x1, y: y1 } = q.topRight;
  const { x: x2, y: y2 } = q.bottomRight;
  const { x: x3, y: y3 } = q.bottomLeft;
  const sx = x0 - x1 + x2 - x3;
  const sy = y0 - y1 + y2 - y3;
  const dx1 = x1 - x2;
  const dx2 = x3 - x2;
  const dy1 = y1 - y2;
  const dy2 = y3 - y2;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / den;
  const h = (dx1 * sy - sx * dy1) / den;
  return Float64Array.of(
    x1 - x0 + g * x1,
    x3 - x0 + h * x3,
    x0,
    y1 - y0 + g * y1,
    y3 - y0 + h * y3,
    y0,
    g,
    h,
    1,
  );
}

export function multiply(a: Homography, b: Homography): Homography {
  const m = new Float64Array(9);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      m[r * 3 + c] = a[r * 3]! * b[c]! + a[r * 3 + 1]! * b[3 + c]! + a[r * 3 + 2]! * b[6 + c]!;
    }
  }
  return m;
}

/** The inverse up to scale (the adjugate), scaled so its largest entry is about 1. */
export function invert(m: Homography): Homography {
  const [a, b, c, d, e, f, g, h, i] = Array.from(m) as Matrix;
  const adj = Float64Array.of(
    e * i - f * h,
    c * h - b * i,
    b * f - c * e,
    f * g - d * i,
    a * i - c * g,
    c * d - a * f,
    d * h - e * g,
    b * g - a * h,
    a * e - b * d,
  );
  return normalise(adj);
}

function normalise(m: Homography): Homography {
  let big = 0;
  for (const v of m) big = Math.max(big, Math.abs(v));
  if (big > 0 && Number.isFinite(big)) for (let k = 0; k < 9; k++) m[k]! /= big;
  return m;
}

/** The homography taking quad `from` onto quad `to`, corner by corner. */
export function quadToQuad(from: Quad, to: Quad): Homography {
  return normalise(multiply(squareToQuad(to), invert(squareToQuad(from))));
}

/** The homography taking the rectangle [0, width] x [0, height] onto the quad. */
export function rectToQuad(width: number, height: number, q: Quad): Homography {
  const m = squareToQuad(q);
  for (const r of [0, 3, 6]) {
    m[r]! /= width;
    m[r + 1]! /= height;
  }
  return m;
}

export function apply(m: Homography, p: Point): Point {
  const w = m[6]! * p.x + m[7]! * p.y + m[8]!;
  return {
    x: (m[0]! * p.x + m[1]! * p.y + m[2]!) / w,
    y: (m[3]! * p.x + m[4]! * p.y + m[5]!) / w,
  };
}

/** Maps a point through the homography that takes quad `from` to quad `to` (used to compose corners on a re-crop). */
export function mapPoint(from: Quad, to: Quad, p: Point): Point {
  return apply(quadToQuad(from, to), p);
}
