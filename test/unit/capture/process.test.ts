import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ImageError } from '../../../src/lib/capture/image-error';
import { processImage, type ProcessOptions } from '../../../src/lib/capture/process';
import { sniffImage } from '../../../src/lib/capture/sniff';
import { exifSegment, image, withFrameSize, withSegments, type Bytes } from './exif';
import { fakeCodec, slide } from './fake-codec';

const blob = (bytes: Bytes, type = 'image/jpeg') => new Blob([bytes], { type });
const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

describe('processImage', () => {
  it('downscales a 12 MP shot to 1920 px at quality 0.8, with a 320 px thumbnail', async () => {
    const { codec, calls } = fakeCodec();
    const shot = blob(withFrameSize(slide, 4032, 3024));
    const out = await processImage(shot, { longSide: 1920 }, codec);
    expect(calls.encodes).toEqual([
      [{ width: 1920, height: 1440 }, 0.8],
      [{ width: 320, height: 240 }, 0.7],
    ]);
    expect(out).toMatchObject({ width: 1920, height: 1440, reencoded: true });
    expect(sniffImage(await bytesOf(out.thumb))).toMatchObject({ width: 320, height: 240 });
    expect(calls.closed).toBe(1);
  });

  it('only makes the thumbnail of a received image, however large', async () => {
    const { codec, calls } = fakeCodec();
    const received = blob(withFrameSize(slide, 4032, 3024));
    const out = await processImage(received, { longSide: 1280, thumbOnly: true }, codec);
    expect(calls.encodes).toEqual([[{ width: 320, height: 240 }, 0.7]]);
    expect(out.jpeg).toBe(received);
    expect(out.reencoded).toBe(false);
  });

  it('keeps a small, clean JPEG byte for byte and only makes the thumbnail', async () => {
    const { codec, calls } = fakeCodec();
    const out = await processImage(blob(slide), { longSide: 1920 }, codec);
    expect(out).toMatchObject({ width: 640, height: 480, reencoded: false });
    expect(await bytesOf(out.jpeg)).toEqual(slide);
    expect(calls.encodes).toEqual([[{ width: 320, height: 240 }, 0.7]]);
  });

  it.each([
    ['a GPS position', { gps: 'position' as const }],
    ['an orientation to apply', { orientation: 6 }],
  ])('re-encodes a small JPEG with %s, so the stored file has no EXIF', async (_case, spec) => {
    const { codec } = fakeCodec();
    const shot = withSegments(slide, exifSegment(spec));
    const out = await processImage(blob(shot), { longSide: 1920 }, codec);
    expect(out.reencoded).toBe(true);
    const stored = sniffImage(await bytesOf(out.jpeg))!;
    expect(stored).toMatchObject({ hasLocation: false, orientation: 1 });
  });

  it('gives the CRC-32 of the JPEG it hands over, kept or re-encoded', async () => {
    const { codec } = fakeCodec();
    const shots: [Blob, ProcessOptions][] = [
      [blob(slide), { longSide: 1920 }], // kept byte for byte
      [blob(withFrameSize(slide, 4032, 3024)), { longSide: 1920 }], // re-encoded
      [blob(withFrameSize(slide, 4032, 3024)), { longSide: 1280, thumbOnly: true }], // received
    ];
    for (const [shot, opts] of shots) {
      const out = await processImage(shot, opts, codec);
      expect(out.crc).toBe(crc32(await bytesOf(out.jpeg)));
    }
  });

  it('works in upright pixels: orientation 6 turns 640 x 480 into 480 x 640', async () => {
    const { codec, calls } = fakeCodec();
    const shot = withSegments(slide, exifSegment({ orientation: 6 }));
    const out = await processImage(blob(shot), { longSide: 1920 }, codec);
    expect(out).toMatchObject({ width: 480, height: 640 });
    expect(calls.encodes[1]).toEqual([{ width: 240, height: 320 }, 0.7]);
  });

  it('re-encodes a PNG screenshot as JPEG, reading the type from the bytes', async () => {
    const { codec } = fakeCodec();
    const untyped = new Blob([image('slide.png')]); // as a Blob may come back from IndexedDB
    const out = await processImage(untyped, { longSide: 1920 }, codec);
    expect(out).toMatchObject({ reencoded: true, width: 640, height: 480 });
    expect(out.jpeg.type).toBe('image/jpeg');
  });

  it.each<[string, Bytes, { failDecode?: Error }, string]>([
    ['a PDF', new TextEncoder().encode('%PDF-1.7 badge.pdf, not a photo'), {}, 'not-image'],
    ['a JPEG cut short', slide.subarray(0, 9000), {}, 'corrupt'],
    ['a 108 MP JPEG', withFrameSize(slide, 12000, 9000), {}, 'too-large'],
    [
      'bytes the decoder rejects',
      slide,
      { failDecode: new Error('could not be decoded') },
      'corrupt',
    ],
    [
      'a decode that runs out of memory',
      slide,
      { failDecode: new Error('The ImageBitmap could not be allocated.') },
      'too-large',
    ],
    [
      'HEIC on a browser that cannot read it',
      new TextEncoder().encode('\0\0\0\x28ftypheic\0\0\0\0mif1MiHEMiPr'),
      { failDecode: new Error('The source image could not be decoded.') },
      'unsupported',
    ],
  ])('refuses %s with a plain-words ImageError', async (_case, bytes, opts, code) => {
    const { codec } = fakeCodec(opts);
    const err = await processImage(blob(bytes), { longSide: 1920 }, codec).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageError);
    expect(err).toMatchObject({ code });
    expect((err as ImageError).message).not.toMatch(/undefined|Error:/);
  });

  it('does not decode when already aborted', async () => {
    const { codec, calls } = fakeCodec();
    const signal = AbortSignal.abort();
    await expect(
      processImage(blob(slide), { longSide: 1920, signal }, codec),
    ).rejects.toMatchObject({
      code: 'aborted',
    });
    expect(calls.decode).toBe(0);
  });

  it('stops after decoding when aborted meanwhile, and frees the bitmap', async () => {
    const controller = new AbortController();
    const { codec, calls } = fakeCodec({ abortOnDecode: controller });
    const run = processImage(blob(slide), { longSide: 1920, signal: controller.signal }, codec);
    await expect(run).rejects.toMatchObject({ code: 'aborted' });
    expect(calls.encodes).toEqual([]);
    expect(calls.closed).toBe(1);
  });
});
