// CRC-32 (the zip polynomial), sixteen bytes a step ("slicing by 16"). A stored image's is
// worked out as its bytes are written (by the image worker; an import keeps the zip's) and
// kept for the zip writer; the zip reader checks every entry with it. A byte a step was most
// of an export's time.

const TABLES = new Int32Array(16 * 256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  TABLES[n] = c;
}
// Table t gives the CRC of a byte followed by t zero bytes.
for (let t = 1; t < 16; t++) {
  for (let n = 0; n < 256; n++) {
    const prev = TABLES[(t - 1) * 256 + n]!;
    TABLES[t * 256 + n] = (prev >>> 8) ^ TABLES[prev & 0xff]!;
  }
}

/** Folds `bytes` into a running CRC-32 (start from 0); returns it, unsigned. */
export function crc32Update(crc: number, bytes: Uint8Array): number {
  const T = TABLES;
  let c = ~crc;
  let i = 0;
  for (const end = bytes.length - 16; i <= end; i += 16) {
    const a =
      c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    c =
      T[3840 + (a & 0xff)]! ^
      T[3584 + ((a >>> 8) & 0xff)]! ^
      T[3328 + ((a >>> 16) & 0xff)]! ^
      T[3072 + (a >>> 24)]! ^
      T[2816 + bytes[i + 4]!]! ^
      T[2560 + bytes[i + 5]!]! ^
      T[2304 + bytes[i + 6]!]! ^
      T[2048 + bytes[i + 7]!]! ^
      T[1792 + bytes[i + 8]!]! ^
      T[1536 + bytes[i + 9]!]! ^
      T[1280 + bytes[i + 10]!]! ^
      T[1024 + bytes[i + 11]!]! ^
      T[768 + bytes[i + 12]!]! ^
      T[512 + bytes[i + 13]!]! ^
      T[256 + bytes[i + 14]!]! ^
      T[bytes[i + 15]!]!;
  }
  for (; i < bytes.length; i++) c = (c >>> 8) ^ T[(c ^ bytes[i]!) & 0xff]!;
  return ~c >>> 0;
}
