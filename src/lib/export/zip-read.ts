// Reads an import zip without loading it whole: the central directory gives each entry's place,
// stored entries become zero-copy Blob slices, deflated ones (a zip re-made by the OS) are
// inflated by the browser's DecompressionStream. Every entry's CRC-32 is checked.
import { worded, type WordValues } from '../util/words';
import { ArchiveError } from './json';
import { ARCHIVE_PARTS as P, ARCHIVE_WORDS as W } from './words';

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const notZip = () => new ArchiveError(W.notZip);
const damaged = (why: string, values: WordValues = {}) =>
  new ArchiveError(W.zipDamaged, { why: worded(why, values) });

async function view(blob: Blob, start: number, end: number): Promise<DataView> {
  if (start < 0 || end > blob.size || start > end) throw damaged(P.endsEarly);
  return new DataView(await blob.slice(start, end).arrayBuffer());
}

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

function items(cd: DataView, count: number): Item[] {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const out: Item[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.byteLength || cd.getUint32(p, true) !== CENTRAL) {
      throw damaged(P.contentsBroken);
    }
    const flags = cd.getUint16(p + 8, true);
    if (flags & 1) throw new ArchiveError(W.encrypted);
    const nameLen = cd.getUint16(p + 28, true);
    const extraLen = cd.getUint16(p + 30, true);
    const commentLen = cd.getUint16(p + 32, true);
    const bytes = new Uint8Array(cd.buffer, cd.byteOffset + p + 46, nameLen);
    const item: Item = {
      name: decoder.decode(bytes),
      method: cd.getUint16(p + 10, true),
      crc: cd.getUint32(p + 16, true),
      compressed: cd.getUint32(p + 20, true),
      size: cd.getUint32(p + 24, true),
      local: cd.getUint32(p + 42, true),
    };
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = cd.getUint16(e, true);
      const len = cd.getUint16(e + 2, true);
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

const TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

async function crc32(blob: Blob): Promise<number> {
  let crc = 0xffffffff;
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let i = 0; i < value.length; i++) crc = TABLE[(crc ^ value[i]!) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

async function content(blob: Blob, item: Item, end: number): Promise<Blob> {
  const head = await view(blob, item.local, item.local + 30);
  if (head.getUint32(0, true) !== LOCAL) throw damaged(P.entryMissing, { name: item.name });
  const start = item.local + 30 + head.getUint16(26, true) + head.getUint16(28, true);
  if (start + item.compressed > end) throw damaged(P.entryCut, { name: item.name });
  const raw = blob.slice(start, start + item.compressed);
  if (item.method === 0) return raw;
  if (item.method !== 8) {
    throw new ArchiveError(W.compression, { name: item.name });
  }
  try {
    return await new Response(
      raw.stream().pipeThrough(new DecompressionStream('deflate-raw')),
    ).blob();
  } catch {
    throw damaged(P.entryInflate, { name: item.name });
  }
}

export const ARCHIVE_JSON = 'confnotes.json';

/**
 * Every file of a Confnotes zip by path (folders skipped), each checked against its size and
 * CRC-32. Rejects with an ArchiveError in plain words for anything that is not a sound zip, or
 * a zip without confnotes.json.
 */
export async function readZip(blob: Blob): Promise<Map<string, Blob>> {
  const dir = await directory(blob);
  const cd = await view(blob, dir.offset, dir.offset + dir.size);
  const files = new Map<string, Blob>();
  for (const item of items(cd, dir.count)) {
    if (item.name.endsWith('/')) continue;
    const data = await content(blob, item, dir.offset);
    if (data.size !== item.size || (await crc32(data)) !== item.crc) {
      throw damaged(P.entryChecksum, { name: item.name });
    }
    files.set(item.name, data);
  }
  if (!files.has(ARCHIVE_JSON)) {
    throw new ArchiveError(W.noJson);
  }
  return files;
}
