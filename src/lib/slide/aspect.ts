// The real slide's width over height from its four corners in a photo. A rectangle seen in
// perspective fixes its own aspect ratio once the camera's focal length is known, and two
// vanishing points fix the focal length (Zhang and He, "Whiteboard scanning and image
// enhancement", 2007), taking the principal point at the image centre as phone cameras have it.
import { sides, type Quad } from './geometry';

/** Slide shapes worth snapping to, width over height. */
export const SLIDE_RATIOS = [16 / 9, 4 / 3] as const;
/** How far (relative) a measured ratio may be from a slide shape and still be snapped to it. */
export const SNAP_TOLERANCE = 0.045;
/**
 * The focal length taken when the corners cannot tell it (a quad with parallel sides one way),
 * as a share of the image diagonal: a phone's main camera, about 26 mm full-frame equivalent,
 * is 0.6; zoomed shots are longer, so take a middle value.
 */
const DEFAULT_FOCAL = 0.8;

type Vec3 = [number, number, number];

const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/**
 * Width over height of the rectangle seen as `quad`, not snapped. Coordinates are scaled by the
 * image diagonal (so the numbers stay near 1) and centred on the principal point.
 */
export function measuredAspect(quad: Quad, width: number, height: number): number {
  const d = Math.hypot(width, height);
  const h = (p: { x: number; y: number }): Vec3 => [
    (p.x - width / 2) / d,
    (p.y - height / 2) / d,
    1,
  ];
  const m1 = h(quad.topLeft);
  const m2 = h(quad.topRight);
  const m3 = h(quad.bottomLeft);
  const m4 = h(quad.bottomRight);
  const m14 = cross(m1, m4);
  const k2 = dot(m14, m3) / dot(cross(m2, m4), m3);
  const k3 = dot(m14, m2) / dot(cross(m3, m4), m2);
  // n2 and n3 are the slide's width and height directions, each up to the focal scale.
  const n2: Vec3 = [k2 * m2[0] - m1[0], k2 * m2[1] - m1[1], k2 - 1];
  const n3: Vec3 = [k3 * m3[0] - m1[0], k3 * m3[1] - m1[1], k3 - 1];
  // The squared focal length, in diagonals.
  const f2 = -(n2[0] * n3[0] + n2[1] * n3[1]) / (n2[2] * n3[2]);
  // A focal length between a fifth and five diagonals is a camera; anything else is noise in
  // the corners or sides that are parallel in the photo, and the default focal length serves.
  const focal2 = f2 > 0.04 && f2 < 25 ? f2 : DEFAULT_FOCAL * DEFAULT_FOCAL;
  const ratio = Math.sqrt(
    (n2[0] * n2[0] + n2[1] * n2[1] + focal2 * n2[2] * n2[2]) /
      (n3[0] * n3[0] + n3[1] * n3[1] + focal2 * n3[2] * n3[2]),
  );
  if (Number.isFinite(ratio) && ratio > 0) return ratio;
  // Degenerate corners (three in a line): the sides are all there is to go by.
  const [top, right, bottom, left] = sides(quad);
  return (top + bottom) / (left + right);
}

/** The nearest slide shape when `ratio` is within the tolerance of it, else `ratio`. */
export function snapAspect(ratio: number): number {
  for (const r of SLIDE_RATIOS) if (Math.abs(ratio / r - 1) <= SNAP_TOLERANCE) return r;
  return ratio;
}

/** Width over height of the real slide seen as `quad` in an image of that size (perspective-aware, e.g. the Zhang-He whiteboard method with a fallback to side lengths when degenerate), snapped to 16:9 or 4:3 when within a few percent. */
export function slideAspect(quad: Quad, width: number, height: number): number {
  return snapAspect(measuredAspect(quad, width, height));
}
