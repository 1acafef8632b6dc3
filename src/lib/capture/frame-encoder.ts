// The shutter's frame encoder: the frame on screen is taken as a VideoFrame (a handle to the
// camera's buffer, no copy, no colour conversion on the page) and encoded as JPEG in a worker
// of its own. Drawing a 1080p frame on a page canvas and starting toBlob blocked the page for
// the length of a long task at each tap; here the tap costs the page next to nothing.
import { knownContentId } from '../model/photo-ids';
import { canvasCodecSupported } from './canvas-codec';

/** The grabbed frame is the original: kept sharp, compressed later like any shot. */
export const FRAME_QUALITY = 0.92;

export interface FrameRequest {
  id: number;
  frame: VideoFrame;
  quality: number;
}

/** The JPEG, with its content id (the SHA-256 of its bytes, as contentId gives it). */
export type FrameReply =
  { id: number; ok: true; blob: Blob; hash: string } | { id: number; ok: false };

/** Whether frames can be taken and encoded off the page (WebCodecs and OffscreenCanvas). */
export function frameEncoderSupported(): boolean {
  return typeof VideoFrame === 'function' && canvasCodecSupported();
}

export class FrameEncoder {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, (blob: Blob | undefined) => void>();

  /** Starts the worker ahead of the first shot, when the camera opens. */
  start(): void {
    if (this.worker) return;
    this.worker = new Worker(new URL('../../workers/image-frame.worker.ts', import.meta.url), {
      type: 'module',
    });
    this.worker.onmessage = ({ data }: MessageEvent<FrameReply>) => {
      if (data.ok) knownContentId(data.blob, data.hash);
      this.waiting.get(data.id)?.(data.ok ? data.blob : undefined);
      this.waiting.delete(data.id);
    };
    // A worker that failed to load or died answers nothing more: what waits gets undefined.
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.stop();
    };
  }

  /** The frame on screen as a JPEG; undefined when it could not be taken or encoded. */
  encode(video: HTMLVideoElement): Promise<Blob | undefined> {
    this.start();
    let frame: VideoFrame;
    try {
      frame = new VideoFrame(video);
    } catch {
      return Promise.resolve(undefined); // no frame decoded yet
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      // Transferred: the worker closes it, and the page keeps no reference to the buffer.
      this.worker!.postMessage({ id, frame, quality: FRAME_QUALITY } satisfies FrameRequest, [
        frame,
      ]);
    });
  }

  /** Ends the worker; shots still being encoded resolve undefined. */
  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const resolve of this.waiting.values()) resolve(undefined);
    this.waiting.clear();
  }
}
