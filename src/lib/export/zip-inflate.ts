// The byte work of reading a zip entry: CRC-32, and inflating a deflated entry as a stream that
// is stopped the moment it gives more than the entry declared, so a lying entry never unpacks
// past its declared size (already within the reader's caps) plus one small step.
import { crc32Update } from '../util/crc32';

/**
 * Deflated bytes handed to the inflater at a time: 16 KiB can unpack to 16.5 MB at most, so
 * that is all an entry can give beyond what it declared before it is stopped.
 */
const INFLATE_STEP = 16 * 1024;
const READ_BLOCK = 64 * INFLATE_STEP;

export async function crc32(blob: Blob): Promise<number> {
  let crc = 0;
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return crc;
    crc = crc32Update(crc, value);
  }
}

/** The blob in small pieces, read a block at a time: what one pull can make the inflater do. */
function pieces(blob: Blob): ReadableStream<BufferSource> {
  let at = 0;
  let block = new Uint8Array(0);
  return new ReadableStream<BufferSource>(
    {
      async pull(controller) {
        if (!block.length) {
          if (at >= blob.size) return controller.close();
          block = new Uint8Array(await blob.slice(at, at + READ_BLOCK).arrayBuffer());
          at += READ_BLOCK;
        }
        controller.enqueue(block.subarray(0, INFLATE_STEP));
        block = block.subarray(INFLATE_STEP);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Inflates one entry, counting and checksumming bytes as they come: one byte more than the
 * entry declared (already within the caps) errors the stream, which cancels the inflater and
 * the read. Response lets the browser store the result as it comes, outside the JS heap; the
 * Blob gets `type` ("" for none).
 */
export async function inflate(
  raw: Blob,
  declared: number,
  type: string,
  refuse: { larger: () => Error; broken: () => Error },
): Promise<{ data: Blob; crc: number }> {
  let seen = 0;
  let crc = 0;
  let refusal: Error | undefined;
  const count = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > declared) {
        refusal = refuse.larger();
        throw refusal;
      }
      crc = crc32Update(crc, chunk);
      controller.enqueue(chunk);
    },
  });
  try {
    const inflated = pieces(raw).pipeThrough(new DecompressionStream('deflate-raw'));
    const headers = type ? { 'Content-Type': type } : undefined;
    const data = await new Response(inflated.pipeThrough(count), { headers }).blob();
    return { data, crc };
  } catch {
    throw refusal ?? refuse.broken();
  }
}
