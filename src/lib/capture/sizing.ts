// The size and quality maths of the capture pipeline, kept here so Node tests reach it; the
// image worker and the fallback only carry it out. Sizes are of the upright image (EXIF
// orientation already applied), in pixels.

export type LongSide = 1280 | 1920 | 2560 | 'original';

export const LONG_SIDES: readonly LongSide[] = [1280, 1920, 2560, 'original'];
export const DEFAULT_LONG_SIDE: LongSide = 1920;

/** Measured: about 170 KB for a 12 MP slide at 1920 px, against 1.6 MB at quality 1.0. */
export const JPEG_QUALITY = 0.8;

/** Thumbnails fill a phone-width grid cell three across at 2x density. */
export const THUMB_LONG_SIDE = 320;
export const THUMB_QUALITY = 0.7;

/**
 * The largest canvas every supported browser draws: iOS Safari refuses canvases over
 * 16,777,216 pixels (4096 x 4096). "Original" size is the original up to this area.
 */
export const MAX_CANVAS_PIXELS = 16_777_216;

/**
 * Above this we do not try to decode: a 100 MP image is 400 MB of pixels once decoded, which
 * a phone's tab cannot spare. Phones' own cameras (up to 48 MP by default) stay well under.
 */
export const MAX_DECODE_PIXELS = 100_000_000;

export interface Size {
  width: number;
  height: number;
}

/** Scales to fit `maxLong` and the canvas area limit; never enlarges. */
export function fit(source: Size, maxLong: number): Size {
  const { width, height } = source;
  const bySide = maxLong / Math.max(width, height);
  const byArea = Math.sqrt(MAX_CANVAS_PIXELS / (width * height));
  const factor = Math.min(bySide, byArea);
  if (factor >= 1) return { width, height };
  // Limited by area, round down: rounding up could land a row over the limit.
  const round = byArea < bySide ? Math.floor : Math.round;
  return {
    width: Math.max(1, round(width * factor)),
    height: Math.max(1, round(height * factor)),
  };
}

/** The stored image's size for a long-side setting. */
export function targetSize(source: Size, longSide: LongSide): Size {
  return fit(source, longSide === 'original' ? Infinity : longSide);
}

export function thumbSize(source: Size): Size {
  return fit(source, THUMB_LONG_SIDE);
}

export interface SourceFacts extends Size {
  type: string;
  bytes: number;
  /** EXIF/XMP GPS data present. */
  hasLocation: boolean;
  /** EXIF orientation, 1 (or absent) meaning upright as stored. */
  orientation: number;
}

/**
 * At most this many bytes per pixel for a JPEG to be kept as it is: about twice what quality
 * 0.8 gives a slide, so a camera's quality-95 file still gets compressed.
 */
export const KEEP_MAX_BYTES_PER_PIXEL = 0.25;

/**
 * Whether the shot must be re-encoded. A JPEG already within the target size, upright as
 * stored, without location data and not heavier than quality 0.8 would make it, is kept
 * byte for byte: re-encoding would only lose detail and time.
 */
export function needsReencode(source: SourceFacts, longSide: LongSide): boolean {
  const target = targetSize(source, longSide);
  return (
    source.type !== 'image/jpeg' ||
    source.hasLocation ||
    source.orientation > 1 ||
    target.width !== source.width ||
    target.height !== source.height ||
    source.bytes > source.width * source.height * KEEP_MAX_BYTES_PER_PIXEL
  );
}
