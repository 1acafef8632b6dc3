// The read worker: Tesseract (tesseract-wasm) reading one photo at a time, off the main thread.
// It fetches its wasm and the model it is asked for from the app's origin, once each, and keeps
// one model loaded: a talk in the other language swaps it. The page closes it when idle.
/// <reference lib="webworker" />
import { openReader, type Reader, type ReadLang } from '../lib/read/engine';
import type { ReadRequest, ReadResponse } from '../lib/read/read-client';
import { dhash } from '../lib/read/dhash';

declare const self: DedicatedWorkerGlobalScope;

/** Photos are stored at 1920 px or less; a larger one is read at this size. */
const MAX_SIDE = 1920;

let reader: Promise<Reader> | undefined;
let model: { url: string; lang: ReadLang } | undefined;

async function bytes(url: string): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The model as stored is gzip; a server that sent it with Content-Encoding left it plain. */
async function gunzip(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  if (data[0] !== 0x1f || data[1] !== 0x8b) return data;
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function pixelsOf(blob: Blob) {
  const bitmap = await createImageBitmap(blob);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.round(bitmap.width * scale);
  const height = Math.round(bitmap.height * scale);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return ctx.getImageData(0, 0, width, height);
}

async function read({ blob, lang, wasm, model: url }: ReadRequest) {
  reader ??= bytes(wasm).then(openReader);
  const engine = await reader.catch((e: unknown) => {
    reader = undefined;
    throw e;
  });
  if (model?.url !== url) {
    engine.use(lang, await gunzip(await bytes(url)));
    model = { url, lang };
  }
  const image = await pixelsOf(blob);
  return { words: engine.read(image), hash: dhash(image) };
}

self.onmessage = (e: MessageEvent<ReadRequest>) => {
  const { id } = e.data;
  read(e.data).then(
    (r) => self.postMessage({ id, ok: true, ...r } satisfies ReadResponse),
    (err: unknown) =>
      self.postMessage({
        id,
        ok: false,
        message: err instanceof Error ? err.message : String(err),
      } satisfies ReadResponse),
  );
};
