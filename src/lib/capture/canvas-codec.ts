// Decoding and encoding with createImageBitmap and OffscreenCanvas, for the image worker: the
// measured fastest path (DESIGN.md), and it keeps a 12 MP decode off the main thread.
import { ImageError } from './image-error';
import type { Pixels } from '../slide';
import type { Codec, Decoded, Region } from './process';
import type { Size } from './sizing';

/** Whether this browser can run the worker path; else the fallback runs on the page. */
export function canvasCodecSupported(): boolean {
  try {
    return (
      typeof createImageBitmap === 'function' &&
      typeof OffscreenCanvas === 'function' &&
      'convertToBlob' in OffscreenCanvas.prototype &&
      // Safari 16.0 to 16.3 had OffscreenCanvas without a 2D context.
      new OffscreenCanvas(1, 1).getContext('2d') !== null
    );
  } catch {
    return false;
  }
}

async function encode(
  source: ImageBitmap | OffscreenCanvas,
  { width, height }: Size,
  quality: number,
): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new ImageError('failed');
  // JPEG has no transparency: without a white ground, transparent parts of a PNG turn black.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, width, height);
  try {
    // Re-encoding writes pixels only: EXIF, and the location in it, is left behind.
    return await canvas.convertToBlob({ type: 'image/jpeg', quality });
  } finally {
    // Safari keeps a canvas's pixels until garbage collection and caps all canvases together
    // (about 384 MB on iOS); shrinking it to nothing gives the memory back now.
    canvas.width = 0;
    canvas.height = 0;
  }
}

/**
 * `region` of the bitmap (all of it when left out) drawn at `size`, read back as RGBA from a
 * canvas kept in memory (read once, so it never goes to the GPU and back). Drawn straight from
 * the bitmap: a scaled copy made first (createImageBitmap) added a fifth of the floor's time.
 */
function readPixels(bitmap: ImageBitmap, size: Size, region?: Region): Pixels {
  const { x, y, width, height } = region ?? {
    x: 0,
    y: 0,
    width: bitmap.width,
    height: bitmap.height,
  };
  const canvas = new OffscreenCanvas(size.width, size.height);
  try {
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new ImageError('failed');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, x, y, width, height, 0, 0, size.width, size.height);
    return ctx.getImageData(0, 0, size.width, size.height);
  } finally {
    canvas.width = 0;
    canvas.height = 0;
  }
}

function wrap(bitmap: ImageBitmap): Decoded {
  return {
    width: bitmap.width,
    height: bitmap.height,
    encode: (size, quality) => encode(bitmap, size, quality),
    pixels: (size, region) => Promise.resolve(readPixels(bitmap, size, region)),
    close: () => bitmap.close(),
  };
}

/**
 * Pixels (the straightened slide, opaque) put on a canvas as they are: encoded from there at
 * their own size, and drawn from there when smaller (the thumbnail). Making an ImageBitmap of
 * them first was a second decode's worth of work.
 */
function wrapPixels({ width, height, data }: Pixels): Decoded {
  // The warp's pixels sit in a plain ArrayBuffer of its own, never a shared one.
  const own = data as Uint8ClampedArray<ArrayBuffer>;
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new ImageError('failed');
  ctx.putImageData(new ImageData(own, width, height), 0, 0);
  return {
    width,
    height,
    encode: (size, quality) =>
      size.width === width && size.height === height
        ? canvas.convertToBlob({ type: 'image/jpeg', quality })
        : encode(canvas, size, quality),
    close: () => {
      canvas.width = 0;
      canvas.height = 0;
    },
  };
}

export const canvasCodec: Codec = {
  async decode(blob: Blob): Promise<Decoded> {
    // 'from-image' applies the EXIF orientation, so the bitmap is upright; the pixels are then
    // drawn as they are and the orientation tag, like the rest of EXIF, is not written out.
    return wrap(await createImageBitmap(blob, { imageOrientation: 'from-image' }));
  },
  fromPixels: (pixels: Pixels) => Promise.resolve(wrapPixels(pixels)),
};
