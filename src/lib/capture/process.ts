// The steps from a shot to a stored photo, whatever draws the pixels: check the file, decode
// it upright, find the slide and straighten it, downscale, re-encode as JPEG (which drops EXIF,
// location included) unless that would gain nothing, and make a thumbnail. The worker runs it
// with OffscreenCanvas, the fallback with browser-image-compression (which finds no slide);
// Node tests run it with a fake codec.
import { crc32Update } from '../util/crc32';
import type { Corners } from '../model/types';
import { findSlide, sides, slideAspect, straightSize, warpQuad } from '../slide';
import type { Pixels, Quad } from '../slide';
import { ImageError } from './image-error';
import { fraction } from './recrop';
import {
  fit,
  JPEG_QUALITY,
  MAX_CANVAS_PIXELS,
  MAX_DECODE_PIXELS,
  THUMB_QUALITY,
  needsReencode,
  targetSize,
  thumbSize,
} from './sizing';
import type { LongSide, Size } from './sizing';
import { sniffImage, type ImageFacts } from './sniff';

/** A decoded image, upright (EXIF orientation applied). */
export interface Decoded extends Size {
  encode(size: Size, quality: number): Promise<Blob>;
  /**
   * The RGBA pixels of `region` of it (the whole image when left out) drawn at `size`; codecs
   * that cannot read pixels leave it out.
   */
  pixels?(size: Size, region?: Region): Promise<Pixels>;
  close(): void;
}

export interface Codec {
  decode(blob: Blob, facts: ImageFacts): Promise<Decoded>;
  /** Wraps pixels (a straightened slide) to be encoded like a decoded image. */
  fromPixels?: (pixels: Pixels) => Promise<Decoded>;
}

/** A rectangle of an image, in its pixels. */
export interface Region extends Size {
  x: number;
  y: number;
}

/**
 * What to do about the slide in the shot: look for it ('find'), cut out the one at the given
 * corners (fractions of the upright image), or nothing (the image as taken).
 */
export type SlideRequest = 'find' | Corners | undefined;

export interface ProcessOptions {
  longSide: LongSide;
  /** Only make the thumbnail; the image is returned as it came (for received images). */
  thumbOnly?: boolean | undefined;
  slide?: SlideRequest;
  signal?: AbortSignal | undefined;
}

export interface Processed extends Size {
  jpeg: Blob;
  /** The CRC-32 of `jpeg`, stored with it: a zip of the photo then needs no read of it. */
  crc: number;
  thumb: Blob;
  /** False when the original JPEG was kept byte for byte. */
  reencoded: boolean;
  /** The slide's corners when the image is the straightened slide. */
  corners?: Corners | undefined;
}

/** The long side of the copy the slide is looked for in: enough for its edges, and quick. */
export const FIND_LONG_SIDE = 480;

function toCorners(quad: Quad, { width, height }: Size): Corners {
  const at = ({ x, y }: { x: number; y: number }) => ({
    x: fraction(x / width),
    y: fraction(y / height),
  });
  return {
    topLeft: at(quad.topLeft),
    topRight: at(quad.topRight),
    bottomRight: at(quad.bottomRight),
    bottomLeft: at(quad.bottomLeft),
  };
}

function toQuad(corners: Corners, { width, height }: Size): Quad {
  const at = ({ x, y }: { x: number; y: number }) => ({ x: x * width, y: y * height });
  return {
    topLeft: at(corners.topLeft),
    topRight: at(corners.topRight),
    bottomRight: at(corners.bottomRight),
    bottomLeft: at(corners.bottomLeft),
  };
}

type Readable = Decoded & { pixels: NonNullable<Decoded['pixels']> };
const readable = (d: Decoded): d is Readable => typeof d.pixels === 'function';

/** The slide's corners in a small copy of the image, or undefined when there is none. */
async function locate(decoded: Readable): Promise<Corners | undefined> {
  const small = fit(decoded, FIND_LONG_SIDE);
  const quad = findSlide(await decoded.pixels(small));
  return quad && toCorners(quad, small);
}

/** The whole pixels round `quad`, within an image of `size`. */
function around(quad: Quad, { width, height }: Size): Region {
  const xs = [quad.topLeft.x, quad.topRight.x, quad.bottomRight.x, quad.bottomLeft.x];
  const ys = [quad.topLeft.y, quad.topRight.y, quad.bottomRight.y, quad.bottomLeft.y];
  const x = Math.max(0, Math.floor(Math.min(...xs)) - 1);
  const y = Math.max(0, Math.floor(Math.min(...ys)) - 1);
  const right = Math.min(width, Math.ceil(Math.max(...xs)) + 1);
  const bottom = Math.min(height, Math.ceil(Math.max(...ys)) + 1);
  return { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
}

/**
 * The slide at `corners` straightened: its aspect from the perspective, its long side within
 * the setting and never enlarged. Only the slide's part of the image is read, drawn at about
 * the slide's output scale first, so the warp samples neighbouring pixels rather than skipping
 * them.
 */
async function straighten(
  decoded: Readable,
  corners: Corners,
  longSide: LongSide,
  fromPixels: (pixels: Pixels) => Promise<Decoded>,
): Promise<Decoded> {
  const full = toQuad(corners, decoded);
  const aspect = slideAspect(full, decoded.width, decoded.height);
  const limit = longSide === 'original' ? Math.sqrt(MAX_CANVAS_PIXELS) : longSide;
  const out = straightSize(full, aspect, limit);
  const region = around(full, decoded);
  const scale = Math.min(1, Math.max(out.width, out.height) / Math.max(1, ...sides(full)));
  const drawn = fit(region, Math.round(Math.max(region.width, region.height) * scale));
  const sx = drawn.width / region.width;
  const sy = drawn.height / region.height;
  const at = ({ x, y }: { x: number; y: number }) => ({
    x: (x - region.x) * sx,
    y: (y - region.y) * sy,
  });
  const quad: Quad = {
    topLeft: at(full.topLeft),
    topRight: at(full.topRight),
    bottomRight: at(full.bottomRight),
    bottomLeft: at(full.bottomLeft),
  };
  const source = await decoded.pixels(drawn, region);
  return fromPixels(warpQuad(source, quad, out.width, out.height));
}

/** Facts about a file that is worth decoding; throws a plain-words ImageError otherwise. */
export function inspect(bytes: Uint8Array): ImageFacts {
  const facts = sniffImage(bytes);
  if (!facts) throw new ImageError('not-image');
  if (!facts.complete) throw new ImageError('corrupt');
  if ((facts.width ?? 0) * (facts.height ?? 0) > MAX_DECODE_PIXELS)
    throw new ImageError('too-large');
  return facts;
}

function checkAborted(signal: AbortSignal | undefined) {
  if (signal?.aborted) throw new ImageError('aborted');
}

function decodeError(err: unknown, facts: ImageFacts): ImageError {
  if (err instanceof ImageError) return err;
  if (facts.format === 'heic' || facts.format === 'avif') return new ImageError('unsupported');
  // Chrome reports an allocation failure as "The ImageBitmap could not be allocated."
  if (err instanceof Error && /allocat|memory/i.test(err.message))
    return new ImageError('too-large');
  return new ImageError('corrupt');
}

/**
 * Width and height as written in the encoder's output, which is what is stored, and the CRC-32
 * of its bytes, read once for both.
 */
async function readBack(jpeg: Blob, fallback: Size): Promise<Size & { crc: number }> {
  const bytes = new Uint8Array(await jpeg.arrayBuffer());
  const facts = sniffImage(bytes);
  const size =
    facts?.width && facts.height ? { width: facts.width, height: facts.height } : fallback;
  return { ...size, crc: crc32Update(0, bytes) };
}

export async function processImage(
  blob: Blob,
  opts: ProcessOptions,
  codec: Codec,
): Promise<Processed> {
  const { longSide, thumbOnly, slide, signal } = opts;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const facts = inspect(bytes);
  checkAborted(signal);
  // The MIME type comes from the bytes: a Blob read back from IndexedDB may have lost it.
  const typed = blob.type === facts.mime ? blob : new Blob([bytes], { type: facts.mime });
  const decoded = await codec.decode(typed, facts).catch((err: unknown) => {
    throw decodeError(err, facts);
  });
  try {
    checkAborted(signal);
    if (slide && !thumbOnly && readable(decoded) && codec.fromPixels) {
      const corners = slide === 'find' ? await locate(decoded) : slide;
      checkAborted(signal);
      if (corners) {
        const straight = await straighten(decoded, corners, longSide, codec.fromPixels);
        try {
          checkAborted(signal);
          const size = { width: straight.width, height: straight.height };
          const jpeg = await straight.encode(size, JPEG_QUALITY);
          // Read back while the thumbnail is encoded.
          const [stored, thumb] = await Promise.all([
            readBack(jpeg, size),
            straight.encode(thumbSize(size), THUMB_QUALITY),
          ]);
          return { jpeg, thumb, ...stored, reencoded: true, corners };
        } finally {
          straight.close();
        }
      }
    }
    const source = { width: decoded.width, height: decoded.height };
    const keep =
      thumbOnly ||
      !needsReencode({ ...facts, ...source, type: facts.mime, bytes: bytes.length }, longSide);
    const jpeg = keep ? typed : await decoded.encode(targetSize(source, longSide), JPEG_QUALITY);
    checkAborted(signal);
    const [stored, thumb] = await Promise.all([
      keep
        ? { ...source, crc: crc32Update(0, bytes) }
        : readBack(jpeg, targetSize(source, longSide)),
      decoded.encode(thumbSize(source), THUMB_QUALITY),
    ]);
    return { jpeg, thumb, ...stored, reencoded: !keep };
  } finally {
    decoded.close();
  }
}
