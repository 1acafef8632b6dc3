// Owns the image worker: started on first use, stopped when idle, one job at a time (a 12 MP
// decode holds about 48 MB; a burst decoded all at once would exhaust a phone), each with its
// own AbortSignal. Browsers without OffscreenCanvas get browser-image-compression instead.
import { canvasCodecSupported } from './canvas-codec';
import { ImageError, type ImageErrorCode } from './image-error';
import { processImage, type ProcessOptions, type Processed, type SlideRequest } from './process';
import type { LongSide } from './sizing';

export type ImageRequest =
  | {
      kind: 'process';
      id: number;
      blob: Blob;
      longSide: LongSide;
      thumbOnly?: boolean | undefined;
      slide?: SlideRequest;
    }
  | { kind: 'cancel'; id: number };

export type ImageResponse =
  | ({ id: number; ok: true } & Processed)
  | { id: number; ok: false; code: ImageErrorCode; message: string };

export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror'>;

interface Job {
  id: number;
  blob: Blob;
  opts: ProcessOptions;
  resolve: (p: Processed) => void;
  reject: (e: ImageError) => void;
  /** Removes the abort listener, so a signal shared by many jobs does not collect them. */
  detach: () => void;
}

export interface ImageProcessorOptions {
  idleMs?: number;
  createWorker?: () => WorkerLike;
  /** Defaults to feature detection; false runs the page fallback. */
  useWorker?: boolean;
}

const startWorker = (): WorkerLike =>
  new Worker(new URL('../../workers/image.worker.ts', import.meta.url), { type: 'module' });

export class ImageProcessor {
  private worker: WorkerLike | undefined;
  private nextId = 1;
  private queue: Job[] = [];
  private active: Job | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly idleMs: number;
  private readonly createWorker: () => WorkerLike;
  private readonly useWorker: boolean;
  private pageChain: Promise<unknown> = Promise.resolve();

  constructor(opts: ImageProcessorOptions = {}) {
    this.idleMs = opts.idleMs ?? 30_000;
    this.createWorker = opts.createWorker ?? startWorker;
    this.useWorker = opts.useWorker ?? canvasCodecSupported();
  }

  /** Downscales and re-encodes one shot; rejects with an ImageError in plain words. */
  process(blob: Blob, opts: ProcessOptions): Promise<Processed> {
    if (!this.useWorker) return this.processOnPage(blob, opts);
    return new Promise<Processed>((resolve, reject) => {
      if (opts.signal?.aborted) return reject(new ImageError('aborted'));
      const onAbort = () => this.abort(job);
      const detach = () => opts.signal?.removeEventListener('abort', onAbort);
      const job: Job = { id: this.nextId++, blob, opts, resolve, reject, detach };
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  /** Jobs queued or running. */
  get busy(): number {
    return this.queue.length + (this.active ? 1 : 0);
  }

  /** Stops the worker now; the job in hand and those waiting fail as 'aborted'. */
  stop(): void {
    const jobs = [...(this.active ? [this.active] : []), ...this.queue];
    this.active = undefined;
    this.queue = [];
    this.terminate();
    for (const job of jobs) {
      job.detach();
      job.reject(new ImageError('aborted'));
    }
  }

  private terminate(): void {
    clearTimeout(this.idleTimer);
    this.worker?.terminate();
    this.worker = undefined;
  }

  /** One at a time here too: shots of a burst wait their turn instead of piling up decodes. */
  private processOnPage(blob: Blob, opts: ProcessOptions): Promise<Processed> {
    const run = async () => {
      const { compressionCodec } = await import('./fallback-codec');
      return processImage(blob, opts, compressionCodec);
    };
    const result = this.pageChain.then(run, run);
    this.pageChain = result.catch(() => undefined);
    return result;
  }

  private pump(): void {
    if (this.active) return;
    const job = this.queue.shift();
    if (!job) {
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => this.terminate(), this.idleMs);
      return;
    }
    clearTimeout(this.idleTimer);
    this.active = job;
    const { id, blob, opts } = job;
    // A Blob is posted as a handle to the same bytes, not copied, so there is nothing to put
    // in a transfer list; the worker's results come back the same way.
    this.ensureWorker().postMessage({
      kind: 'process',
      id,
      blob,
      longSide: opts.longSide,
      thumbOnly: opts.thumbOnly,
      slide: opts.slide,
    } satisfies ImageRequest);
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (e: MessageEvent<ImageResponse>) => this.settle(e.data);
    worker.onerror = (e: Event) => {
      // The worker died (out of memory on a huge image, or its script failed to load): fail
      // the job in hand and start a fresh worker for the next one.
      e.preventDefault();
      const job = this.active;
      this.terminate();
      if (job) this.settle({ id: job.id, ok: false, code: 'failed', message: '' });
    };
    this.worker = worker;
    return worker;
  }

  private settle(reply: ImageResponse): void {
    const job = this.active;
    if (!job || job.id !== reply.id) return;
    this.active = undefined;
    job.detach();
    if (reply.ok) {
      const { jpeg, crc, thumb, width, height, reencoded, corners } = reply;
      job.resolve({ jpeg, crc, thumb, width, height, reencoded, corners });
    } else {
      job.reject(new ImageError(reply.code, reply.message || undefined));
    }
    this.pump();
  }

  private abort(job: Job): void {
    job.reject(new ImageError('aborted'));
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    // The running job is told to stop; the next one waits for the worker's answer, so two
    // decodes never overlap. Its promise has already been rejected, so the answer is dropped.
    else if (this.active === job) this.worker?.postMessage({ kind: 'cancel', id: job.id });
  }
}
