// Corners set on a photo's current image, when its original is no longer kept, said on the
// photo as taken (where corners always live), and the tag naming each version of the image.
import type { Corners } from '../model/types';
import { mapPoint, type Quad } from '../slide';

const UNIT: Quad = {
  topLeft: { x: 0, y: 0 },
  topRight: { x: 1, y: 0 },
  bottomRight: { x: 1, y: 1 },
  bottomLeft: { x: 0, y: 1 },
};

/** `n` held to 0..1, a share of an image's width or height. */
export const fraction = (n: number) => Math.min(1, Math.max(0, n));

/**
 * `corners` set on the current image, on the photo as taken. The current image is the slide
 * at `cropped` straightened (or the whole photo when `cropped` is undefined), so a point on it
 * maps back through the same perspective. Undefined corners (the whole current image) are
 * `cropped` itself.
 */
export function onTheOriginal(
  cropped: Corners | undefined,
  corners: Corners | undefined,
): Corners | undefined {
  if (!cropped || !corners) return corners ?? cropped;
  const back = (p: { x: number; y: number }) => {
    const q = mapPoint(UNIT, cropped, p);
    return { x: fraction(q.x), y: fraction(q.y) };
  };
  return {
    topLeft: back(corners.topLeft),
    topRight: back(corners.topRight),
    bottomRight: back(corners.bottomRight),
    bottomLeft: back(corners.bottomLeft),
  };
}

/**
 * Eight hex digits that change with the corners (FNV-1a of them, rounded to 1/10000): the
 * image a crop gives is named by it on the sync server, so other devices fetch the new one.
 */
export function imageTag(corners: Corners | undefined): string {
  const text = corners
    ? [corners.topLeft, corners.topRight, corners.bottomRight, corners.bottomLeft]
        .flatMap(({ x, y }) => [Math.round(x * 10_000), Math.round(y * 10_000)])
        .join(',')
    : 'whole';
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
