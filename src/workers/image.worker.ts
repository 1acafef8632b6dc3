// Turns shots into stored photos off the main thread: decode upright, find and straighten the
// slide, downscale, re-encode as JPEG, thumbnail (src/lib/capture/process.ts does the steps,
// canvas-codec.ts the pixels, src/lib/slide the geometry).
// A thin switch: process a shot, or cancel one.
/// <reference lib="webworker" />
import { canvasCodec } from '../lib/capture/canvas-codec';
import type { ImageRequest, ImageResponse } from '../lib/capture/image-client';
import { toImageError } from '../lib/capture/image-error';
import { processImage } from '../lib/capture/process';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();

async function run(request: Extract<ImageRequest, { kind: 'process' }>) {
  const { id, blob, longSide, thumbOnly, slide } = request;
  const controller = new AbortController();
  running.set(id, controller);
  let reply: ImageResponse;
  try {
    const opts = { longSide, thumbOnly, slide, signal: controller.signal };
    const done = await processImage(blob, opts, canvasCodec);
    reply = { id, ok: true, ...done };
  } catch (err) {
    const { code, message } = toImageError(err);
    reply = { id, ok: false, code, message };
  } finally {
    running.delete(id);
  }
  // Blobs cross to the page as handles to the same bytes: no copy, no transfer list needed.
  scope.postMessage(reply);
}

scope.onmessage = (event: MessageEvent<ImageRequest>) => {
  const msg = event.data;
  if (msg.kind === 'cancel') running.get(msg.id)?.abort();
  else void run(msg);
};
