// Encodes camera frames for the shutter, off the page's thread: a VideoFrame in, a JPEG Blob
// out (src/lib/capture/frame-encoder.ts owns it). Apart from the image worker, so a shot never
// waits behind the photo being straightened there.
/// <reference lib="webworker" />
import type { FrameReply, FrameRequest } from '../lib/capture/frame-encoder';
import { sha256Hex } from '../lib/model/photo-ids';

const scope = self as unknown as DedicatedWorkerGlobalScope;

async function encode({ id, frame, quality }: FrameRequest): Promise<FrameReply> {
  try {
    const canvas = new OffscreenCanvas(frame.displayWidth, frame.displayHeight);
    const ctx = canvas.getContext('2d');
    if (!ctx) return { id, ok: false };
    ctx.drawImage(frame, 0, 0);
    frame.close(); // the camera's buffer goes back to it as soon as it is drawn
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    // The photo's id, hashed here where the bytes are, not read back on the page.
    return { id, ok: true, blob, hash: await sha256Hex(await blob.arrayBuffer()) };
  } catch {
    frame.close();
    return { id, ok: false };
  }
}

scope.onmessage = (event: MessageEvent<FrameRequest>) => {
  void encode(event.data).then((reply) => scope.postMessage(reply));
};
