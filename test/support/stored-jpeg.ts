// A processed image's JPEG as the image worker hands it over: the Blob and the CRC-32 of its
// bytes, which the photo's row keeps for the zip writer.
import { crc32Update } from '../../src/lib/util/crc32';

export function storedJpeg(bytes: Uint8Array<ArrayBuffer>): { jpeg: Blob; crc: number } {
  return { jpeg: new Blob([bytes], { type: 'image/jpeg' }), crc: crc32Update(0, bytes) };
}
