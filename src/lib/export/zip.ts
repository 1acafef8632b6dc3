// Streams the export zip with client-zip: entries are pulled one at a time, images are stored
// as they are (JPEGs do not shrink), so no file is ever held twice. Cancel with an AbortSignal;
// progress is reported in bytes written.
import { makeZip } from 'client-zip';

export interface ZipEntry {
  /** Path inside the zip, "/" separated. */
  name: string;
  lastModified?: Date;
  input: Blob | string;
}

export interface ZipOptions {
  signal?: AbortSignal;
  /** Called with the bytes of zip written so far, after each chunk. */
  onProgress?: (bytes: number) => void;
}

async function* guarded(files: AsyncIterable<ZipEntry>, signal: AbortSignal | undefined) {
  for await (const file of files) {
    signal?.throwIfAborted();
    yield { name: file.name, lastModified: file.lastModified ?? new Date(), input: file.input };
  }
}

/**
 * The zip as a byte stream. Aborting `signal` errors the stream with the signal's reason and
 * stops pulling entries (the source generator is closed).
 */
export function exportZip(
  files: AsyncIterable<ZipEntry>,
  { signal, onProgress }: ZipOptions = {},
): ReadableStream<Uint8Array> {
  const zip = makeZip(guarded(files, signal), { buffersAreUTF8: true });
  let written = 0;
  const count = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      written += chunk.byteLength;
      controller.enqueue(chunk);
      onProgress?.(written);
    },
  });
  return zip.pipeThrough(count, signal ? { signal } : {});
}

/**
 * The whole zip as one Blob (the browser may keep it on disk), typed for sharing. Response
 * lets the browser store the stream as it comes, rather than gathering the chunks and then
 * copying them into a Blob, which would hold the archive twice at the end.
 */
export async function zipToBlob(stream: ReadableStream<Uint8Array>): Promise<Blob> {
  const blob = await new Response(stream).blob();
  return blob.type === 'application/zip' ? blob : new Blob([blob], { type: 'application/zip' });
}
