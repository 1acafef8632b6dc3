// A stand-in for OffscreenCanvas in Node: the pixels are never drawn, but every size asked for
// comes back as a real JPEG whose header says that size.
import type { Codec, Decoded } from '../../../src/lib/capture/process';
import type { Size } from '../../../src/lib/capture/sizing';
import { uprightSize, type ImageFacts } from '../../../src/lib/capture/sniff';
import { image, withFrameSize } from './exif';

export const slide = image('slide.jpg');

/**
 * Stands in for OffscreenCanvas: "decodes" to the upright size in the header and "encodes" to
 * the real slide JPEG with its frame header set to the requested size.
 */
export function fakeCodec(opts: { failDecode?: Error; abortOnDecode?: AbortController } = {}) {
  const calls = { decode: 0, closed: 0, encodes: [] as [Size, number][] };
  const codec: Codec = {
    decode(_blob: Blob, facts: ImageFacts): Promise<Decoded> {
      calls.decode++;
      if (opts.failDecode) return Promise.reject(opts.failDecode);
      opts.abortOnDecode?.abort();
      const size = uprightSize(facts) ?? { width: 1000, height: 1000 };
      return Promise.resolve({
        ...size,
        encode(target, quality) {
          calls.encodes.push([target, quality]);
          const bytes = withFrameSize(slide, target.width, target.height);
          return Promise.resolve(new Blob([bytes], { type: 'image/jpeg' }));
        },
        close: () => void calls.closed++,
      });
    },
  };
  return { codec, calls };
}
