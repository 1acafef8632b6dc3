// Reads what an image file says about itself before anything decodes it: format, pixel size,
// EXIF orientation, location data, and whether the file is whole. The pipeline uses it to
// turn away non-images, truncated files and giants with a clear message, and to keep a JPEG
// byte for byte when re-encoding would gain nothing. Pure: runs in Node, workers and pages.

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'bmp' | 'heic' | 'avif';

export interface ImageFacts {
  format: ImageFormat;
  mime: string;
  /** As stored, before orientation; absent when the header was not read (HEIC, AVIF). */
  width?: number;
  height?: number;
  /** EXIF orientation 1 to 8; 1 when absent. 5 to 8 turn the image a quarter. */
  orientation: number;
  /** EXIF GPS position or XMP GPS tags present (JPEG only). */
  hasLocation: boolean;
  /** False when the file stops before its image data ends (JPEG and PNG are checked). */
  complete: boolean;
}

const MIME: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  heic: 'image/heic',
  avif: 'image/avif',
};

const ascii = (b: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...b.subarray(at, at + length));

/** Whether `text` (ASCII) occurs in b[from, to). */
function hasAscii(b: Uint8Array, from: number, to: number, text: string): boolean {
  const first = text.charCodeAt(0);
  for (
    let i = b.indexOf(first, from);
    i >= 0 && i + text.length <= to;
    i = b.indexOf(first, i + 1)
  ) {
    if (ascii(b, i, text.length) === text) return true;
  }
  return false;
}

/** Reads EXIF (a TIFF structure) for orientation and GPS latitude/longitude tags. */
function readExif(view: DataView, tiff: number, end: number) {
  const little = view.getUint16(tiff) === 0x4949;
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  const entries = (ifd: number) => {
    const start = tiff + ifd;
    const count = u16(start);
    if (start + 2 + count * 12 > end) throw new RangeError('EXIF directory runs past its segment');
    return Array.from({ length: count }, (_, i) => start + 2 + i * 12);
  };
  let orientation = 1;
  let hasLocation = false;
  for (const entry of entries(u32(tiff + 4))) {
    const tag = u16(entry);
    if (tag === 0x0112) orientation = u16(entry + 8);
    if (tag === 0x8825) {
      // GPS IFD: a position is tag 2 (latitude) or 4 (longitude); some phones write an
      // empty GPS directory when location is off.
      hasLocation = entries(u32(entry + 8)).some((e) => u16(e) === 2 || u16(e) === 4);
    }
  }
  return { orientation: orientation >= 1 && orientation <= 8 ? orientation : 1, hasLocation };
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Index of the marker ending the entropy-coded data that starts at `from`, or -1. */
function endOfScan(b: Uint8Array, from: number): number {
  for (let j = b.indexOf(0xff, from); j >= 0 && j + 1 < b.length; j = b.indexOf(0xff, j + 1)) {
    const next = b[j + 1] as number;
    // FF 00 is a stuffed data byte, FF D0-D7 a restart marker, FF FF fill: all inside the scan.
    if (next !== 0x00 && next !== 0xff && (next < 0xd0 || next > 0xd7)) return j;
  }
  return -1;
}

function sniffJpeg(b: Uint8Array): ImageFacts {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const facts: ImageFacts = { ...base('jpeg'), complete: false };
  let i = 2;
  while (i + 1 < b.length) {
    if (b[i] !== 0xff) return facts; // not at a marker: damaged
    const marker = b[i + 1] as number;
    if (marker === 0xd9) return { ...facts, complete: true };
    if (marker === 0xff || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += marker === 0xff ? 1 : 2;
      continue;
    }
    if (i + 4 > b.length) return facts;
    const start = i + 4;
    const end = i + 2 + view.getUint16(i + 2);
    if (end > b.length) return facts;
    if (SOF.has(marker) && facts.width === undefined && start + 5 <= end) {
      facts.height = view.getUint16(start + 1);
      facts.width = view.getUint16(start + 3);
    }
    if (marker === 0xe1 && ascii(b, start, 6) === 'Exif\0\0') {
      try {
        Object.assign(facts, readExif(view, start + 6, end));
      } catch {
        facts.hasLocation = true; // unreadable EXIF: assume the worst, re-encoding strips it
      }
    }
    if (marker === 0xe1 && hasAscii(b, start, Math.min(end, start + 40), 'ns.adobe.com/xap')) {
      facts.hasLocation ||= hasAscii(b, start, end, 'GPSLatitude');
    }
    i = end;
    if (marker === 0xda) {
      i = endOfScan(b, end);
      if (i < 0) return facts;
    }
  }
  return facts;
}

function pngComplete(b: Uint8Array, view: DataView): boolean {
  let i = 8;
  while (i + 8 <= b.length) {
    const type = ascii(b, i + 4, 4);
    i += 12 + view.getUint32(i);
    if (type === 'IEND') return i <= b.length;
  }
  return false;
}

function base(format: ImageFormat): ImageFacts {
  return { format, mime: MIME[format], orientation: 1, hasLocation: false, complete: true };
}

/** What the bytes are, or undefined when they are no image format we know. */
export function sniffImage(b: Uint8Array): ImageFacts | undefined {
  if (b.length < 12) return undefined;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return sniffJpeg(b);
  if (ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') {
    const size = b.length >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : {};
    return { ...base('png'), ...size, complete: pngComplete(b, view) };
  }
  if (/^GIF8[79]a$/.test(ascii(b, 0, 6))) {
    return { ...base('gif'), width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    return {
      ...base('webp'),
      ...webpSize(b, view),
      complete: view.getUint32(4, true) + 8 <= b.length,
    };
  }
  if (ascii(b, 0, 2) === 'BM' && b.length >= 26) {
    const height = Math.abs(view.getInt32(22, true));
    return { ...base('bmp'), width: view.getInt32(18, true), height };
  }
  if (ascii(b, 4, 4) === 'ftyp') {
    const brand = ascii(b, 8, 4);
    if (brand === 'avif' || brand === 'avis') return base('avif');
    if (/^(hei[cxms]|hev[cmsx]|mif1|msf1)$/.test(brand)) return base('heic');
  }
  return undefined;
}

function webpSize(b: Uint8Array, view: DataView): { width?: number; height?: number } {
  if (b.length < 30) return {};
  const chunk = ascii(b, 12, 4);
  const u24 = (at: number) => view.getUint16(at, true) + ((b[at + 2] as number) << 16);
  if (chunk === 'VP8X') return { width: u24(24) + 1, height: u24(27) + 1 };
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') {
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  return {};
}

/** Pixel size once EXIF orientation is applied (orientations 5 to 8 swap the sides). */
export function uprightSize(facts: ImageFacts): { width: number; height: number } | undefined {
  const { width, height, orientation } = facts;
  if (width === undefined || height === undefined) return undefined;
  return orientation >= 5 ? { width: height, height: width } : { width, height };
}
