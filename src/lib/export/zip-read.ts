// Reads an import zip without loading it whole, and without trusting it: the central directory
// gives each entry's place and declared size, every read of it is bounds-checked, and the caps
// below are checked on the declared sizes before anything is inflated. Stored entries become
// zero-copy Blob slices; deflated ones (a zip re-made by the OS) are inflated as a stream that
// stops as soon as an entry gives more than it declared (zip-inflate.ts). Every entry's CRC-32
// is checked. An image's Blob carries the type its extension names, as a file picked from a
// disk does, so the photos take their Blobs as they are.
import { worded, type WordValues } from '../util/words';
import { ArchiveError } from './json';
import { ARCHIVE_PARTS as P, ARCHIVE_WORDS as W } from './words';
import { typeOfFile } from './slug';
import { crc32, inflate } from './zip-inflate';
import { CENTRAL, EOCD, EOCD64, EOCD64_LOCATOR, LOCAL } from './zip-signatures';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

// The caps, sized against real use. A conference export holds at most a few thousand photos of
// about 250 KB (1920 px), or a few MB at full resolution, plus a photo's original when it was
// never processed: tens of MB at worst (100 MP at most). The write-ups and confnotes.json of
// thousands of notes stay within a few MB. Each cap leaves room for several times that, yet
// stops a zip built to fill the device (a 65 KiB zip once took the page to 1.2 GiB).
/** Files in one zip: ten photos a talk, 200 talks, ten times over. */
export const MAX_ENTRIES = 20_000;
/** The table of contents read into memory: 20,000 entries with long names fit in 4 MB. */
export const MAX_DIRECTORY_BYTES = 16 * MiB;
/** One file unpacked: ten times the largest original Confnotes keeps. */
export const MAX_ENTRY_BYTES = 256 * MiB;
/** The whole zip unpacked: several conferences of photos at full resolution. */
export const MAX_TOTAL_BYTES = 8 * GiB;
// Deflate can shrink a file 1,032 times; JPEGs do not shrink, notes shrink 5 to 20 times. A
// small file may shrink as it likes (it cannot fill anything), so ratios count above a floor.
/** How many times larger than its deflated bytes one file may unpack. */
export const MAX_ENTRY_RATIO = 100;
export const ENTRY_RATIO_FLOOR = MiB;
/** How many times larger than the zip itself all of it may unpack. */
export const MAX_ARCHIVE_RATIO = 20;
export const ARCHIVE_RATIO_FLOOR = 64 * MiB;

const notZip = () => new ArchiveError(W.notZip);
const damaged = (why: string, values: WordValues = {}) =>
  new ArchiveError(W.zipDamaged, { why: worded(why, values) });

async function view(blob: Blob, start: number, end: number): Promise<DataView> {
  if (!(start >= 0 && end <= blob.size && start <= end)) throw damaged(P.endsEarly);
  return new DataView(await blob.slice(start, end).arrayBuffer());
}

// A zip64 field beyond 2^53 loses precision as a number, but only ever to a value that fails
// the caps or the bounds checks.
const u64 = (v: DataView, at: number) => Number(v.getBigUint64(at, true));

interface Directory {
  count: number;
  size: number;
  offset: number;
}

async function directory(blob: Blob): Promise<Directory> {
  if (blob.size < 22) throw notZip();
  const tailStart = Math.max(0, blob.size - 22 - 0xffff);
  const tail = await view(blob, tailStart, blob.size);
  let at = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (tail.getUint32(i, true) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw notZip();
  let dir = {
    count: tail.getUint16(at + 10, true),
    size: tail.getUint32(at + 12, true),
    offset: tail.getUint32(at + 16, true),
  };
  if (at >= 20 && tail.getUint32(at - 20, true) === EOCD64_LOCATOR) {
    const where = u64(tail, at - 12);
    const rec = await view(blob, where, where + 56);
    if (rec.getUint32(0, true) !== EOCD64) throw damaged(P.zip64Missing);
    dir = { count: u64(rec, 32), size: u64(rec, 40), offset: u64(rec, 48) };
  }
  if (dir.offset + dir.size > blob.size) throw damaged(P.endsEarly);
  if (dir.count * 46 > dir.size) throw damaged(P.contentsBroken);
  if (dir.count > MAX_ENTRIES || dir.size > MAX_DIRECTORY_BYTES) {
    throw new ArchiveError(W.tooMany, { count: MAX_ENTRIES });
  }
  return dir;
}

interface Item {
  name: string;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  local: number;
}

/** The entries listed in the central directory; any field running past its end is damage. */
function items(cd: DataView, count: number): Item[] {
  const broken = () => damaged(P.contentsBroken);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const out: Item[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.byteLength || cd.getUint32(p, true) !== CENTRAL) throw broken();
    const flags = cd.getUint16(p + 8, true);
    if (flags & 1) throw new ArchiveError(W.encrypted);
    const nameLen = cd.getUint16(p + 28, true);
    const extraLen = cd.getUint16(p + 30, true);
    const commentLen = cd.getUint16(p + 32, true);
    const end = p + 46 + nameLen + extraLen;
    if (end + commentLen > cd.byteLength) throw broken();
    const bytes = new Uint8Array(cd.buffer, cd.byteOffset + p + 46, nameLen);
    const item: Item = {
      name: decoder.decode(bytes),
      method: cd.getUint16(p + 10, true),
      crc: cd.getUint32(p + 16, true),
      compressed: cd.getUint32(p + 20, true),
      size: cd.getUint32(p + 24, true),
      local: cd.getUint32(p + 42, true),
    };
    for (let e = p + 46 + nameLen; e + 4 <= end;) {
      const id = cd.getUint16(e, true);
      const len = cd.getUint16(e + 2, true);
      if (e + 4 + len > end) throw broken();
      if (id === 1) {
        let f = e + 4;
        for (const key of ['size', 'compressed', 'local'] as const) {
          if (item[key] === 0xffffffff && f + 8 <= e + 4 + len) {
            item[key] = u64(cd, f);
            f += 8;
          }
        }
      }
      e += 4 + len;
    }
    out.push(item);
    p = end + commentLen;
  }
  return out;
}

/** A name shown to the user: control characters (a NUL included) made visible. */
// eslint-disable-next-line no-control-regex
const shown = (name: string) => name.replace(/[\u0000-\u001f\u007f]/g, '\ufffd');

/** Refuses names that could become a path elsewhere, names given twice, and the caps. */
function checkEntries(list: Item[], zipSize: number): void {
  const names = new Set<string>();
  let total = 0;
  for (const item of list) {
    const name = shown(item.name);
    // Backslash is a separator on Windows, NUL ends a name in C: either lets the name checked
    // here differ from the file written later.
    if (/^\/|\\|\0/.test(item.name) || item.name.split('/').includes('..')) {
      throw new ArchiveError(W.unsafeName, { name });
    }
    if (names.has(item.name)) throw damaged(P.entryTwice, { name });
    names.add(item.name);
    if (item.size > MAX_ENTRY_BYTES) {
      throw new ArchiveError(W.entryTooLarge, { name, size: MAX_ENTRY_BYTES / MiB });
    }
    const ratio = item.size / Math.max(item.compressed, 1);
    if (item.size > ENTRY_RATIO_FLOOR && ratio > MAX_ENTRY_RATIO) {
      throw new ArchiveError(W.entryRatio, { name, ratio: Math.round(ratio) });
    }
    total += item.size;
    if (total > MAX_TOTAL_BYTES)
      throw new ArchiveError(W.tooLarge, { size: MAX_TOTAL_BYTES / GiB });
  }
  const ratio = total / zipSize;
  if (total > ARCHIVE_RATIO_FLOOR && ratio > MAX_ARCHIVE_RATIO) {
    throw new ArchiveError(W.archiveRatio, { ratio: Math.round(ratio) });
  }
}

/** An entry's bytes, which must end before `next` (the next entry, or the directory). */
async function content(blob: Blob, item: Item, next: number, dirStart: number): Promise<Blob> {
  const name = shown(item.name);
  const head = await view(blob, item.local, item.local + 30);
  if (head.getUint32(0, true) !== LOCAL) throw damaged(P.entryMissing, { name });
  const start = item.local + 30 + head.getUint16(26, true) + head.getUint16(28, true);
  if (start + item.compressed > dirStart) throw damaged(P.entryCut, { name });
  // Entries sharing bytes let a small zip list the same deflated data thousands of times.
  if (start + item.compressed > next) throw damaged(P.entryOverlaps, { name });
  if (item.method !== 0 && item.method !== 8) throw new ArchiveError(W.compression, { name });
  const type = typeOfFile(item.name);
  const raw = blob.slice(start, start + item.compressed, item.method === 0 ? type : '');
  const { data, crc } =
    item.method === 0
      ? { data: raw, crc: await crc32(raw) }
      : await inflate(raw, item.size, type, {
          larger: () => damaged(P.entryLarger, { name }),
          broken: () => damaged(P.entryInflate, { name }),
        });
  if (data.size !== item.size || crc !== item.crc) throw damaged(P.entryChecksum, { name });
  return data;
}

export const ARCHIVE_JSON = 'confnotes.json';

/** A zip's files by path, and the CRC-32 each was checked against (kept with an image). */
export class ZipFiles extends Map<string, Blob> {
  readonly crcs = new Map<string, number>();
}

/**
 * Every file of a Confnotes zip by path (folders skipped), each checked against its size and
 * CRC-32. Rejects with an ArchiveError in plain words for anything that is not a sound zip, a
 * zip over the caps, or a zip without confnotes.json.
 */
export async function readZip(blob: Blob): Promise<ZipFiles> {
  const dir = await directory(blob);
  const cd = await view(blob, dir.offset, dir.offset + dir.size);
  const list = items(cd, dir.count);
  checkEntries(list, blob.size);
  // Where the next entry starts, for each: two entries at one place overlap.
  const byPlace = [...list].sort((a, b) => a.local - b.local);
  const next = new Map(byPlace.map((item, i) => [item, byPlace[i + 1]?.local ?? dir.offset]));
  const files = new ZipFiles();
  for (const item of list) {
    if (item.name.endsWith('/')) continue;
    files.set(item.name, await content(blob, item, next.get(item)!, dir.offset));
    files.crcs.set(item.name, item.crc);
  }
  if (!files.has(ARCHIVE_JSON)) {
    throw new ArchiveError(W.noJson);
  }
  return files;
}
