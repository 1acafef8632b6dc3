// The live camera: asks for the rear camera at up to 4K, keeps the stream only while the
// capture screen is open and visible, and grabs frames as JPEG Blobs for the pipeline (in a
// worker where the browser can hand it the frame, else on a page canvas).
import {
  FRAME_QUALITY,
  FrameEncoder,
  frameEncoderSupported,
} from '../../lib/capture/frame-encoder';
import { t } from './i18n.svelte';

export type CameraState = 'idle' | 'starting' | 'live' | 'denied' | 'unavailable';
type Why = '' | 'no-api' | 'denied' | 'no-camera';

const CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: {
    facingMode: { ideal: 'environment' },
    width: { ideal: 3840 },
    height: { ideal: 2160 },
  },
};

export class Camera {
  state = $state<CameraState>('idle');
  stream = $state.raw<MediaStream | undefined>(undefined);
  #why = $state<Why>('');
  readonly #frames = frameEncoderSupported() ? new FrameEncoder() : undefined;

  /** Why there is no picture, in the interface's language ('' when there is one). */
  get message(): string {
    switch (this.#why) {
      case 'no-api':
        return t(
          'This browser gives no access to the camera. Use "Use the phone camera" or "Add photos" below.',
        );
      case 'denied':
        return t(
          'Camera access was refused. Allow it in the browser settings, or use the phone camera or your gallery below.',
        );
      case 'no-camera':
        return t('No camera could be opened. Use the phone camera or your gallery below.');
      default:
        return '';
    }
  }

  async start(): Promise<void> {
    if (this.stream || this.state === 'starting') return;
    if (!navigator.mediaDevices?.getUserMedia) {
      this.fail('unavailable', 'no-api');
      return;
    }
    this.state = 'starting';
    this.#frames?.start(); // warm by the first tap
    try {
      const stream = await navigator.mediaDevices.getUserMedia(CONSTRAINTS);
      // The screen may have closed while the permission prompt was up.
      if (this.state !== 'starting') {
        stream.getTracks().forEach((t) => t.stop());
        return;
      }
      this.stream = stream;
      this.state = 'live';
      this.#why = '';
    } catch (err) {
      const name = err instanceof DOMException ? err.name : '';
      if (name === 'NotAllowedError' || name === 'SecurityError') {
        this.fail('denied', 'denied');
      } else {
        this.fail('unavailable', 'no-camera');
      }
    }
  }

  /** Releases the camera: the light goes off and other apps can use it. */
  stop(): void {
    this.#frames?.stop();
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = undefined;
    if (this.state === 'live' || this.state === 'starting') this.state = 'idle';
  }

  /** The frame on screen as a JPEG at the stream's full resolution. */
  async grab(video: HTMLVideoElement): Promise<Blob> {
    if (!video.videoWidth) throw new Error(t('The camera has no picture yet. Try again.'));
    return (await this.#frames?.encode(video)) ?? grabFrame(video);
  }

  private fail(state: CameraState, why: Why) {
    this.state = state;
    this.#why = why;
  }
}

/**
 * The current video frame as a JPEG at the stream's full resolution, drawn on a page canvas:
 * for browsers without VideoFrame (the drawing and the start of toBlob hold the page up).
 */
function grabFrame(video: HTMLVideoElement): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const ctx = canvas.getContext('2d');
  if (!ctx || !canvas.width)
    return Promise.reject(new Error(t('The camera has no picture yet. Try again.')));
  ctx.drawImage(video, 0, 0);
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) =>
        blob ? resolve(blob) : reject(new Error(t('The photo could not be taken. Try again.'))),
      'image/jpeg',
      FRAME_QUALITY,
    );
  });
}
