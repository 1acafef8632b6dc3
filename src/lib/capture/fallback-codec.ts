// The path for browsers without OffscreenCanvas (Safari before 16.4): browser-image-compression
// on the page. Loaded only when needed, so it never weighs on the first load.
import imageCompression, { type Options } from 'browser-image-compression';
import type { Codec, Decoded } from './process';
import type { Size } from './sizing';
import { uprightSize, type ImageFacts } from './sniff';

/**
 * useWebWorker: false. Its worker mode builds a worker that importScripts() the library from
 * `libURL`, by default cdn.jsdelivr.net, which fails offline and calls another host. Pointing
 * libURL at a copy of our own would not help either: that worker draws on OffscreenCanvas or
 * else document.createElement('canvas'), and this path exists for browsers with no
 * OffscreenCanvas, where a worker has no canvas at all. Without a worker, libURL is never read
 * (checked in 2.0.2: only compressOnWebWorker uses it). The cost is main-thread time, on
 * those older browsers only.
 */
const BASE: Options = {
  useWebWorker: false,
  fileType: 'image/jpeg',
  preserveExif: false,
  // Its minimum. With no size cap it only retries when the output came out larger than the
  // input; one retry at most bounds the time the page is busy.
  maxIteration: 1,
};

async function measure(file: File): Promise<Size> {
  const [image, canvas] = await imageCompression.drawFileInCanvas(file);
  const size = { width: canvas.width, height: canvas.height };
  if ('close' in image) image.close();
  canvas.width = 0;
  canvas.height = 0;
  return size;
}

export const compressionCodec: Codec = {
  async decode(blob: Blob, facts: ImageFacts): Promise<Decoded> {
    // The library wants a File with an image/* type; the bytes' own type is in `facts`.
    const file = new File([blob], `shot.${facts.format}`, { type: facts.mime });
    const size = uprightSize(facts) ?? (await measure(file));
    let source: File = file;
    let sourceLong = Math.max(size.width, size.height);
    return {
      ...size,
      async encode({ width, height }, quality) {
        const long = Math.max(width, height);
        const out = await imageCompression(source, {
          ...BASE,
          maxWidthOrHeight: long,
          initialQuality: quality,
        });
        // Smaller encodes that follow (the thumbnail) start from this output: decoding a
        // 1920 px JPEG on the page costs a fraction of decoding a 12 MP original.
        if (long < sourceLong) [source, sourceLong] = [out, long];
        return out;
      },
      close: () => undefined,
    };
  },
};
