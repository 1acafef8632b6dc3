// The byte work of reading a zip entry: CRC-32, and inflating a deflated entry as a stream that
// is stopped the moment it gives more than the entry declared, so a lying entry never unpacks
// past its declared size (already within the reader's caps) plus one small step.

/**
 * Deflated bytes handed to the inflater at a time: 16 KiB can unpack to 16.5 MB at most, so
 * that is all an entry can give beyond what it declared before it is stopped.
 */
const INFLATE_STEP = 16 * 1024;
const READ_BLOCK = 64 * INFLATE_STEP;

const TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crcUpdate(crc: number, bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) crc = TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return crc;
}

export async function crc32(blob: Blob): Promise<number> {
  let crc = 0xffffffff;
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    crc = crcUpdate(crc, value);
  }
  return (crc ^ 0xffffffff) >>> 0;
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
 * the read. Response lets the browser store the result as it comes, outside the JS heap.
 */
export async function inflate(
  raw: Blob,
  declared: number,
  refuse: { larger: () => Error; broken: () => Error },
): Promise<{ data: Blob; crc: number }> {
  let seen = 0;
  let crc = 0xffffffff;
  let refusal: Error | undefined;
  const count = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > declared) {
        refusal = refuse.larger();
        throw refusal;
      }
      crc = crcUpdate(crc, chunk);
      controller.enqueue(chunk);
    },
  });
  try {
    const inflated = pieces(raw).pipeThrough(new DecompressionStream('deflate-raw'));
    const data = await new Response(inflated.pipeThrough(count)).blob();
    return { data, crc: (crc ^ 0xffffffff) >>> 0 };
  } catch {
    throw refusal ?? refuse.broken();
  }
}
