import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Update } from '../../../src/lib/util/crc32';

describe('crc32Update', () => {
  it('gives the check value of the zip polynomial', () => {
    expect(crc32Update(0, new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32Update(0, new Uint8Array(0))).toBe(0);
  });

  it('agrees with zlib on every length around its 16-byte step, whole or in pieces', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 151 + (i >> 3)) & 0xff);
    for (let n = 0; n <= 40; n++) {
      const part = bytes.subarray(0, n * 23);
      expect(crc32Update(0, part)).toBe(zlibCrc32(part));
      const cut = Math.floor(part.length / 3);
      expect(crc32Update(crc32Update(0, part.subarray(0, cut)), part.subarray(cut))).toBe(
        zlibCrc32(part),
      );
    }
  });
});
