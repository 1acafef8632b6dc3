// The steps from a shot to a stored photo, whatever draws the pixels: check the file, decode
// it upright, downscale, re-encode as JPEG (which drops EXIF, location included) unless that
// would gain nothing, and make a thumbnail. The worker runs it with OffscreenCanvas, the
// fallback with browser-image-compression; Node tests run it with a fake codec.
import { ImageError } from './image-error';
import {
  JPEG_QUALITY,
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
  close(): void;
}

export interface Codec {
  decode(blob: Blob, facts: ImageFacts): Promise<Decoded>;
}

export interface ProcessOptions {
  longSide: LongSide;
  /** Only make the thumbnail; the image is returned as it came (for received images). */
  thumbOnly?: boolean | undefined;
  signal?: AbortSignal | undefined;
}

export interface Processed extends Size {
  jpeg: Blob;
  thumb: Blob;
  /** False when the original JPEG was kept byte for byte. */
  reencoded: boolean;
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

/** Width and height as written in the encoder's output, which is what was stored. */
async function sizeOf(jpeg: Blob, fallback: Size): Promise<Size> {
  const facts = sniffImage(new Uint8Array(await jpeg.arrayBuffer()));
  return facts?.width && facts.height ? { width: facts.width, height: facts.height } : fallback;
}

export async function processImage(
  blob: Blob,
  opts: ProcessOptions,
  codec: Codec,
): Promise<Processed> {
  const { longSide, thumbOnly, signal } = opts;
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
    const source = { width: decoded.width, height: decoded.height };
    const keep =
      thumbOnly ||
      !needsReencode({ ...facts, ...source, type: facts.mime, bytes: bytes.length }, longSide);
    const jpeg = keep ? typed : await decoded.encode(targetSize(source, longSide), JPEG_QUALITY);
    checkAborted(signal);
    const thumb = await decoded.encode(thumbSize(source), THUMB_QUALITY);
    const size = keep ? source : await sizeOf(jpeg, targetSize(source, longSide));
    return { jpeg, thumb, ...size, reencoded: !keep };
  } finally {
    decoded.close();
  }
}
