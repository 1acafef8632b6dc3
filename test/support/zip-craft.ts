// Builds zips byte by byte for the zip reader's tests, the lying ones included: every field of
// the central directory can be set by hand, and a zip bomb is deflated as a stream so that
// making it never holds what it unpacks to.
import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface CraftEntry {
  name: string;
  /** The bytes as they sit in the zip (deflated when method is 8). */
  packed: Uint8Array;
  method: 0 | 8;
  /** What the central directory declares. */
  size: number;
  crc: number;
  /** Overrides of the central directory record: its compressed size and local offset. */
  compressed?: number;
  local?: number;
  /** Write no local header nor data: the entry points at another one's (set `local`). */
  shared?: boolean;
}

export function stored(name: string, data: Uint8Array | string): CraftEntry {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return { name, packed: bytes, method: 0, size: bytes.length, crc: crc32(bytes) };
}

export function deflated(name: string, data: Uint8Array | string): CraftEntry {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return { name, packed: deflateRawSync(bytes), method: 8, size: bytes.length, crc: crc32(bytes) };
}

/** `bytes` zeros deflated as a stream, 1 MiB at a time: about 1 KB of zip per MB unpacked. */
export async function zeros(name: string, bytes: number): Promise<CraftEntry> {
  const MiB = 2 ** 20;
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const block = Buffer.alloc(MiB);
  let crc = 0;
  for (let done = 0; done < bytes; done += MiB) {
    const piece = block.subarray(0, Math.min(MiB, bytes - done));
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return { name, packed: Buffer.concat(out), method: 8, size: bytes, crc };
}

export interface CraftOptions {
  /** Entry count written in the end record (default: the real count). */
  count?: number;
  /** Directory offset written in the end record (default: the real one). */
  offset?: number;
}

/** A zip of the entries in order, with their central directory and end record. */
export function craftZip(
  entries: CraftEntry[],
  options: CraftOptions = {},
): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let at = 0;
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const local = e.local ?? at;
    if (!e.shared) {
      const head = new DataView(new ArrayBuffer(30));
      head.setUint32(0, 0x04034b50, true);
      head.setUint16(4, 20, true);
      head.setUint16(8, e.method, true);
      head.setUint32(14, e.crc, true);
      head.setUint32(18, e.packed.length, true);
      head.setUint32(22, e.size, true);
      head.setUint16(26, name.length, true);
      parts.push(new Uint8Array(head.buffer), name, e.packed);
      at += 30 + name.length + e.packed.length;
    }
    const rec = new DataView(new ArrayBuffer(46));
    rec.setUint32(0, 0x02014b50, true);
    rec.setUint16(4, 20, true);
    rec.setUint16(6, 20, true);
    rec.setUint16(10, e.method, true);
    rec.setUint32(16, e.crc, true);
    rec.setUint32(20, e.compressed ?? e.packed.length, true);
    rec.setUint32(24, e.size, true);
    rec.setUint16(28, name.length, true);
    rec.setUint32(42, local, true);
    central.push(new Uint8Array(rec.buffer), name);
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, options.count ?? entries.length, true);
  end.setUint16(10, options.count ?? entries.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, options.offset ?? at, true);
  return Buffer.concat([...parts, ...central, new Uint8Array(end.buffer)]);
}
