import { describe, expect, it } from 'vitest';
import { inspect } from '../../../src/lib/capture/process';
import { sniffImage, uprightSize } from '../../../src/lib/capture/sniff';
import { exifSegment, image, withFrameSize, withSegments, xmpSegment } from './exif';

const jpeg = image('slide.jpg');
const ascii = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

describe('sniffImage on real files', () => {
  it.each([
    ['slide.jpg', { format: 'jpeg', mime: 'image/jpeg', width: 640, height: 480 }],
    ['slide.png', { format: 'png', mime: 'image/png', width: 640, height: 480 }],
    ['slide.webp', { format: 'webp', mime: 'image/webp', width: 640, height: 480 }],
  ])('%s', (name, expected) => {
    expect(sniffImage(image(name))).toMatchObject({
      ...expected,
      orientation: 1,
      hasLocation: false,
      complete: true,
    });
  });
});

describe('JPEG metadata', () => {
  it.each([
    // [case, segments, orientation, hasLocation]
    ['no EXIF', [], 1, false],
    ['orientation 6, big-endian', [exifSegment({ orientation: 6 })], 6, false],
    [
      'orientation 8, little-endian',
      [exifSegment({ orientation: 8, littleEndian: true })],
      8,
      false,
    ],
    ['GPS position', [exifSegment({ orientation: 1, gps: 'position' })], 1, true],
    [
      'GPS position, little-endian',
      [exifSegment({ gps: 'position', littleEndian: true })],
      1,
      true,
    ],
    ['GPS directory without a position', [exifSegment({ orientation: 3, gps: 'empty' })], 3, false],
    ['XMP with a position', [xmpSegment(true)], 1, true],
    ['XMP without one', [xmpSegment(false)], 1, false],
    ['EXIF and XMP', [exifSegment({ orientation: 6 }), xmpSegment(true)], 6, true],
    ['orientation out of range', [exifSegment({ orientation: 9 })], 1, false],
  ])('%s', (_case, segments, orientation, hasLocation) => {
    const facts = sniffImage(withSegments(jpeg, ...segments));
    expect(facts).toMatchObject({ orientation, hasLocation, complete: true, width: 640 });
  });

  it('reports the upright size: orientations 5 to 8 swap the sides', () => {
    const turned = sniffImage(withSegments(jpeg, exifSegment({ orientation: 6 })))!;
    expect(uprightSize(turned)).toEqual({ width: 480, height: 640 });
    expect(uprightSize(sniffImage(jpeg)!)).toEqual({ width: 640, height: 480 });
  });

  it('treats an EXIF block that runs past its segment as carrying a location', () => {
    const exif = exifSegment({ gps: 'position' });
    const broken = exif.slice(0, 30);
    broken.set([0, 28], 2); // segment length now says 28 bytes: the directory is cut off
    expect(sniffImage(withSegments(jpeg, broken))).toMatchObject({ hasLocation: true });
  });
});

describe('complete or cut short', () => {
  const png = image('slide.png');
  const webp = image('slide.webp');
  it.each([
    ['JPEG whole', jpeg, true],
    ['JPEG missing its end marker', jpeg.subarray(0, jpeg.length - 2), false],
    ['JPEG cut in the image data', jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), false],
    ['JPEG cut in its headers', jpeg.subarray(0, 100), false],
    ['JPEG with bytes after the end marker', new Uint8Array([...jpeg, 0, 0, 1, 2]), true],
    ['PNG whole', png, true],
    ['PNG cut short', png.subarray(0, png.length - 20), false],
    ['WebP whole', webp, true],
    ['WebP cut short', webp.subarray(0, 4000), false],
  ])('%s', (_case, bytes, complete) => {
    expect(sniffImage(bytes)?.complete).toBe(complete);
  });
});

describe('other formats and non-images', () => {
  // The classic 1x1 transparent GIF, byte for byte.
  const gif = Uint8Array.from(
    atob('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'),
    (c) => c.charCodeAt(0),
  );
  it.each([
    ['GIF', gif, { format: 'gif', width: 1, height: 1 }],
    ['HEIC (iPhone ftyp box)', ascii('\0\0\0\x28ftypheic\0\0\0\0mif1MiHE'), { format: 'heic' }],
    ['AVIF', ascii('\0\0\0\x20ftypavif\0\0\0\0avifmif1'), { format: 'avif' }],
  ])('%s', (_case, bytes, expected) => {
    expect(sniffImage(bytes)).toMatchObject(expected);
  });

  it.each([
    ['a PDF', ascii('%PDF-1.7\n%âãÏÓ\n1 0 obj')],
    ['a text file', ascii('Notes from the keynote: offline first.')],
    ['an MP4 video', ascii('\0\0\0\x18ftypmp42\0\0\0\0mp42isom')],
    ['an empty file', new Uint8Array()],
  ])('%s is no image', (_case, bytes) => {
    expect(sniffImage(bytes)).toBeUndefined();
  });
});

describe('inspect: what is refused before decoding', () => {
  it.each([
    ['not an image', ascii('%PDF-1.7 a conference badge'), 'not-image'],
    ['truncated JPEG', jpeg.subarray(0, 9000), 'corrupt'],
    ['JPEG claiming 12000 x 9000 (108 MP)', withFrameSize(jpeg, 12000, 9000), 'too-large'],
  ])('%s', (_case, bytes, code) => {
    expect(() => inspect(bytes)).toThrow(expect.objectContaining({ code }));
  });

  it('lets a 48 MP phone photo through', () => {
    expect(inspect(withFrameSize(jpeg, 8064, 6048))).toMatchObject({ width: 8064 });
  });
});
