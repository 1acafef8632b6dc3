// Writes the export zip as one Blob made of parts: each entry's header bytes, then the entry's
// own Blob, stored as it is (JPEGs do not shrink). No byte of an image is copied: the zip
// refers to the stored Blobs. An image stored with its CRC-32 (worked out when its bytes were
// written) is not read at all; any other is read once for it, up to 64 at a time as one
// stream while the next ones are fetched. Cancel with an AbortSignal; progress is reported in
// bytes laid out.
import { crc32Update } from '../util/crc32';
import { CENTRAL, EOCD, EOCD64, EOCD64_LOCATOR, LOCAL } from './zip-signatures';

export interface ZipEntry {
  /** Path inside the zip, "/" separated. */
  name: string;
  lastModified?: Date;
  input: Blob | string;
  /** The CRC-32 of a Blob `input`, when known: taken as given, and the Blob is not read. */
  crc?: number | undefined;
}

export interface ZipOptions {
  signal?: AbortSignal;
  /** Called with the bytes of zip laid out so far, after each batch of entries. */
  onProgress?: (bytes: number) => void;
}

const UTF8_NAMES = 0x0800;
/** Version 4.5 (zip64) made on Unix, so that the mode in the external attributes counts. */
const MADE_BY = (3 << 8) | 45;
const FILE_MODE = 0o100644 << 16;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;

interface Written {
  name: Uint8Array<ArrayBuffer>;
  crc: number;
  size: number;
  offset: number;
  time: number;
  date: number;
}

function view(size: number): [Uint8Array<ArrayBuffer>, DataView] {
  const bytes = new Uint8Array(size);
  return [bytes, new DataView(bytes.buffer)];
}

function setUint64(v: DataView, at: number, n: number) {
  v.setUint32(at, n % 2 ** 32, true);
  v.setUint32(at + 4, Math.floor(n / 2 ** 32), true);
}

/** MS-DOS time and date, in local time as zip tools show them; clamped to 1980, its epoch. */
function dosTime(d: Date): { time: number; date: number } {
  if (d.getFullYear() < 1980) return { time: 0, date: (1 << 5) | 1 };
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

function localHeader(w: Written): Uint8Array<ArrayBuffer> {
  const [bytes, v] = view(30 + w.name.length);
  v.setUint32(0, LOCAL, true);
  v.setUint16(4, 20, true);
  v.setUint16(6, UTF8_NAMES, true);
  v.setUint16(10, w.time, true);
  v.setUint16(12, w.date, true);
  v.setUint32(14, w.crc, true);
  v.setUint32(18, w.size, true);
  v.setUint32(22, w.size, true);
  v.setUint16(26, w.name.length, true);
  bytes.set(w.name, 30);
  return bytes;
}

/** A central directory record; an offset past 4 GiB goes in a zip64 extra field. */
function centralHeader(w: Written): Uint8Array<ArrayBuffer> {
  const far = w.offset >= MAX32;
  const [bytes, v] = view(46 + w.name.length + (far ? 12 : 0));
  v.setUint32(0, CENTRAL, true);
  v.setUint16(4, MADE_BY, true);
  v.setUint16(6, far ? 45 : 20, true);
  v.setUint16(8, UTF8_NAMES, true);
  v.setUint16(12, w.time, true);
  v.setUint16(14, w.date, true);
  v.setUint32(16, w.crc, true);
  v.setUint32(20, w.size, true);
  v.setUint32(24, w.size, true);
  v.setUint16(28, w.name.length, true);
  v.setUint16(30, far ? 12 : 0, true);
  v.setUint32(38, FILE_MODE, true);
  v.setUint32(42, far ? MAX32 : w.offset, true);
  bytes.set(w.name, 46);
  if (far) {
    const at = 46 + w.name.length;
    v.setUint16(at, 1, true);
    v.setUint16(at + 2, 8, true);
    setUint64(v, at + 4, w.offset);
  }
  return bytes;
}

/** The end records: zip64 ones first when the count or an offset outgrows the classic fields. */
function end(count: number, dirOffset: number, dirSize: number): Uint8Array<ArrayBuffer>[] {
  const out: Uint8Array<ArrayBuffer>[] = [];
  if (count >= MAX16 || dirOffset >= MAX32 || dirSize >= MAX32) {
    const [rec, r] = view(56);
    r.setUint32(0, EOCD64, true);
    setUint64(r, 4, 44);
    r.setUint16(12, MADE_BY, true);
    r.setUint16(14, 45, true);
    setUint64(r, 24, count);
    setUint64(r, 32, count);
    setUint64(r, 40, dirSize);
    setUint64(r, 48, dirOffset);
    const [loc, l] = view(20);
    l.setUint32(0, EOCD64_LOCATOR, true);
    setUint64(l, 8, dirOffset + dirSize);
    l.setUint32(16, 1, true);
    out.push(rec, loc);
  }
  const [eocd, e] = view(22);
  e.setUint32(0, EOCD, true);
  e.setUint16(8, Math.min(count, MAX16), true);
  e.setUint16(10, Math.min(count, MAX16), true);
  e.setUint32(12, Math.min(dirSize, MAX32), true);
  e.setUint32(16, Math.min(dirOffset, MAX32), true);
  out.push(eocd);
  return out;
}

/**
 * Entries whose Blobs (those stored without their CRC-32) are read as one stream. Each stream
 * costs a start: batches of 8 photos made that read path 1.6x a single stream's time, 64 made
 * it 1.04x (export bench).
 */
export const BATCH_ENTRIES = 64;
/** And about this many bytes at most: progress is reported after each batch. */
const BATCH_BYTES = 32 << 20;

const sizeOf = (input: Blob | string) => (typeof input === 'string' ? input.length : input.size);

/** The next entries, up to a batch; none once the source is done. */
async function nextBatch(files: AsyncIterator<ZipEntry>): Promise<ZipEntry[]> {
  const batch: ZipEntry[] = [];
  let bytes = 0;
  while (batch.length < BATCH_ENTRIES && bytes < BATCH_BYTES) {
    const next = await files.next();
    if (next.done) break;
    batch.push(next.value);
    bytes += sizeOf(next.value.input);
  }
  return batch;
}

/**
 * The CRC-32 of each Blob, read as one stream of them all: a Blob made of Blobs copies
 * nothing, and one stream read through was twice as fast in Chromium as reading each photo's
 * Blob on its own (a round trip to the browser's blob store each).
 */
async function checksums(blobs: Blob[], signal: AbortSignal | undefined): Promise<number[]> {
  const crcs: number[] = [];
  let crc = 0;
  let left = blobs[0]?.size ?? 0;
  // Blobs ended (empty ones at once) give their CRC and the next one's size starts.
  const settle = () => {
    while (left === 0 && crcs.length < blobs.length) {
      crcs.push(crc);
      crc = 0;
      left = blobs[crcs.length]?.size ?? 0;
    }
  };
  settle();
  if (crcs.length === blobs.length) return crcs;
  const reader = new Blob(blobs).stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      signal?.throwIfAborted();
      for (let at = 0; at < value.length;) {
        const n = Math.min(left, value.length - at);
        crc = crc32Update(crc, value.subarray(at, at + n));
        at += n;
        left -= n;
        settle();
      }
    }
  } finally {
    reader.releaseLock();
  }
  if (crcs.length !== blobs.length) throw new Error('a stored file ended early');
  return crcs;
}

/** A Blob entry stored without its CRC-32, which must be read for it. */
const unread = (e: ZipEntry): e is ZipEntry & { input: Blob } =>
  typeof e.input !== 'string' && e.crc === undefined;

/**
 * The zip of `files`, in their order, typed for sharing. Aborting `signal` rejects with the
 * signal's reason and asks for no further entry (the source generator is closed).
 */
export async function exportZip(
  files: AsyncIterable<ZipEntry>,
  { signal, onProgress }: ZipOptions = {},
): Promise<Blob> {
  const source = files[Symbol.asyncIterator]();
  const parts: BlobPart[] = [];
  const written: Written[] = [];
  const encoder = new TextEncoder();
  let offset = 0;
  // The next batch is asked for while this one is read: its entries may wait on the database.
  let pending = nextBatch(source);
  try {
    for (;;) {
      const batch = await pending;
      signal?.throwIfAborted();
      if (!batch.length) break;
      pending = nextBatch(source);
      pending.catch(() => undefined); // awaited next turn, or dropped with the source below
      const crcs = await checksums(
        batch.filter(unread).map((e) => e.input),
        signal,
      );
      let b = 0;
      for (const entry of batch) {
        const { input } = entry;
        const text = typeof input === 'string' ? encoder.encode(input) : undefined;
        const size = text ? text.length : sizeOf(input);
        // Past 4 GiB an entry would need zip64 sizes; no photo or write-up comes near.
        if (size >= MAX32) throw new RangeError(`${entry.name} is too large for a zip`);
        const w: Written = {
          name: encoder.encode(entry.name),
          crc: text ? crc32Update(0, text) : (entry.crc ?? crcs[b++]!),
          size,
          offset,
          ...dosTime(entry.lastModified ?? new Date()),
        };
        const header = localHeader(w);
        // The entry's own Blob, not bytes read from it: the zip refers to what is stored.
        parts.push(header, text ?? input);
        written.push(w);
        offset += header.length + size;
      }
      onProgress?.(offset);
    }
  } finally {
    // On a failure or a cancel, the batch asked for is dropped and the source closed.
    await source.return?.();
  }
  const records = written.map(centralHeader);
  const dirSize = records.reduce((n, d) => n + d.length, 0);
  // One part, not one a record: the browser's cost of making the Blob grows with its parts.
  const directory = new Uint8Array(dirSize);
  records.reduce((at, d) => (directory.set(d, at), at + d.length), 0);
  const zip = new Blob([...parts, directory, ...end(written.length, offset, dirSize)], {
    type: 'application/zip',
  });
  onProgress?.(zip.size);
  return zip;
}
