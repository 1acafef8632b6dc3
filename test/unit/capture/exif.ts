// Real image fixtures, and EXIF/XMP segments written byte by byte (TIFF 6.0 layout, as
// cameras write it) to splice into them: each test says exactly what metadata it carries.
import { readFileSync } from 'node:fs';

/** Bytes backed by a plain ArrayBuffer, which is what Blob parts accept. */
export type Bytes = Uint8Array<ArrayBuffer>;

const dir = new URL('../../fixtures/images/', import.meta.url);
export const image = (name: string): Bytes => new Uint8Array(readFileSync(new URL(name, dir)));

interface Entry {
  tag: number;
  type: number; // 1 BYTE, 2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL
  count: number;
  /** Inline value bytes (up to 4), or bytes stored after the directory. */
  data: number[];
}

export interface ExifSpec {
  orientation?: number;
  /** 'position': latitude and longitude; 'empty': a GPS directory with the version only. */
  gps?: 'position' | 'empty';
  littleEndian?: boolean;
}

function writer(little: boolean) {
  const bytes: number[] = [];
  const u16 = (v: number) => bytes.push(...(little ? [v & 255, v >> 8] : [v >> 8, v & 255]));
  const u32 = (v: number) =>
    bytes.push(
      ...(little
        ? [v & 255, (v >> 8) & 255, (v >> 16) & 255, v >>> 24]
        : [v >>> 24, (v >> 16) & 255, (v >> 8) & 255, v & 255]),
    );
  return { bytes, u16, u32 };
}

/** One IFD at TIFF offset `at`, its out-of-line data right after it. */
function ifd(entries: Entry[], at: number, little: boolean): number[] {
  const w = writer(little);
  let data = at + 2 + entries.length * 12 + 4;
  const extra: number[] = [];
  w.u16(entries.length);
  for (const e of entries) {
    w.u16(e.tag);
    w.u16(e.type);
    w.u32(e.count);
    if (e.data.length <= 4) {
      w.bytes.push(...e.data, ...Array(4 - e.data.length).fill(0));
    } else {
      w.u32(data);
      extra.push(...e.data);
      data += e.data.length;
    }
  }
  w.u32(0);
  return [...w.bytes, ...extra];
}

function rationals(values: number[], little: boolean): number[] {
  const w = writer(little);
  for (const v of values) {
    w.u32(v);
    w.u32(1);
  }
  return w.bytes;
}

export function exifSegment({ orientation, gps, littleEndian = false }: ExifSpec): Bytes {
  const little = littleEndian;
  const short = (v: number) => (little ? [v & 255, v >> 8] : [v >> 8, v & 255]);
  const ifd0: Entry[] = [];
  if (orientation !== undefined)
    ifd0.push({ tag: 0x0112, type: 3, count: 1, data: short(orientation) });
  const gpsAt = 8 + 2 + (ifd0.length + (gps ? 1 : 0)) * 12 + 4;
  if (gps) {
    const w = writer(little);
    w.u32(gpsAt);
    ifd0.push({ tag: 0x8825, type: 4, count: 1, data: w.bytes });
  }
  const gpsEntries: Entry[] = [{ tag: 0, type: 1, count: 4, data: [2, 3, 0, 0] }];
  if (gps === 'position') {
    // 50° 50' 46" N, 4° 21' 25" E: the ULB Solbosch campus, where FOSDEM is held.
    gpsEntries.push(
      { tag: 1, type: 2, count: 2, data: [78, 0] },
      { tag: 2, type: 5, count: 3, data: rationals([50, 50, 46], little) },
      { tag: 3, type: 2, count: 2, data: [69, 0] },
      { tag: 4, type: 5, count: 3, data: rationals([4, 21, 25], little) },
    );
  }
  const header = little ? [0x49, 0x49, 42, 0, 8, 0, 0, 0] : [0x4d, 0x4d, 0, 42, 0, 0, 0, 8];
  const tiff = [...header, ...ifd(ifd0, 8, little), ...(gps ? ifd(gpsEntries, gpsAt, little) : [])];
  return app1([...'Exif\0\0'].map((c) => c.charCodeAt(0)).concat(tiff));
}

/** An XMP packet naming a GPS position, as phone editors write one. */
export function xmpSegment(withLocation: boolean): Bytes {
  const props = withLocation
    ? 'exif:GPSLatitude="50,50.77N" exif:GPSLongitude="4,21.42E"'
    : 'xmp:CreatorTool="Confnotes test"';
  const xml = `http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description ${props}/></rdf:RDF></x:xmpmeta>`;
  return app1([...new TextEncoder().encode(xml)]);
}

function app1(payload: number[]): Bytes {
  const length = payload.length + 2;
  return new Uint8Array([0xff, 0xe1, length >> 8, length & 255, ...payload]);
}

/** The JPEG with segments inserted right after its start-of-image marker. */
export function withSegments(jpeg: Bytes, ...segments: Bytes[]): Bytes {
  const parts = [jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The JPEG with its frame header claiming another size (the pixels stay as they are). */
export function withFrameSize(jpeg: Bytes, width: number, height: number): Bytes {
  const out = jpeg.slice();
  for (let i = 2; i + 9 < out.length;) {
    const marker = out[i + 1]!;
    if (marker === 0xc0 || marker === 0xc2) {
      out.set([height >> 8, height & 255, width >> 8, width & 255], i + 5);
      return out;
    }
    i += 2 + ((out[i + 2]! << 8) | out[i + 3]!);
  }
  throw new Error('no frame header');
}
