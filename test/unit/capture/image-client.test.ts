import { afterEach, describe, expect, it, vi } from 'vitest';
import { compressionCodec } from '../../../src/lib/capture/fallback-codec';
import {
  ImageProcessor,
  type ImageRequest,
  type ImageResponse,
  type WorkerLike,
} from '../../../src/lib/capture/image-client';
import { sniffImage } from '../../../src/lib/capture/sniff';
import { image } from './exif';

/** A worker double: records what it is sent; the test answers for it. */
class FakeWorker {
  sent: ImageRequest[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<ImageResponse>) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  postMessage(msg: ImageRequest) {
    this.sent.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  reply(r: ImageResponse) {
    this.onmessage?.({ data: r } as MessageEvent<ImageResponse>);
  }
  ok(id: number) {
    const jpeg = new Blob(['j'], { type: 'image/jpeg' });
    const crc = 0x1234;
    this.reply({
      id,
      ok: true,
      jpeg,
      crc,
      thumb: jpeg,
      width: 1920,
      height: 1440,
      reencoded: true,
    });
  }
  crash() {
    this.onerror?.(new Event('error'));
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const processor = new ImageProcessor({
    useWorker: true,
    idleMs: 1000,
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as WorkerLike;
    },
  });
  return { processor, workers };
}

const shot = () => new Blob([image('slide.jpg')], { type: 'image/jpeg' });

afterEach(() => {
  vi.useRealTimers();
});

describe('ImageProcessor (worker owner)', () => {
  it('starts no worker until the first job', () => {
    const { workers } = setup();
    expect(workers).toHaveLength(0);
  });

  it('sends one job at a time, in order', async () => {
    const { processor, workers } = setup();
    const a = processor.process(shot(), { longSide: 1920 });
    const b = processor.process(shot(), { longSide: 1280 });
    const w = workers[0]!;
    expect(w.sent).toEqual([expect.objectContaining({ kind: 'process', id: 1, longSide: 1920 })]);
    expect(processor.busy).toBe(2);
    w.ok(1);
    await expect(a).resolves.toMatchObject({ width: 1920 });
    expect(w.sent[1]).toMatchObject({ kind: 'process', id: 2, longSide: 1280 });
    w.ok(2);
    await b;
    expect(workers).toHaveLength(1);
  });

  it('turns a worker error reply into an ImageError with its words', async () => {
    const { processor, workers } = setup();
    const job = processor.process(shot(), { longSide: 1920 });
    workers[0]!.reply({ id: 1, ok: false, code: 'corrupt', message: 'Damaged.' });
    await expect(job).rejects.toMatchObject({
      name: 'ImageError',
      code: 'corrupt',
      message: 'Damaged.',
    });
  });

  it('drops a queued job on abort without sending it', async () => {
    const { processor, workers } = setup();
    const first = processor.process(shot(), { longSide: 1920 });
    const controller = new AbortController();
    const second = processor.process(shot(), { longSide: 1920, signal: controller.signal });
    controller.abort();
    await expect(second).rejects.toMatchObject({ code: 'aborted' });
    workers[0]!.ok(1);
    await first;
    expect(workers[0]!.sent.map((m) => m.kind)).toEqual(['process']);
  });

  it('cancels the running job in the worker, and waits for it before the next', async () => {
    const { processor, workers } = setup();
    const controller = new AbortController();
    const first = processor.process(shot(), { longSide: 1920, signal: controller.signal });
    const second = processor.process(shot(), { longSide: 1920 });
    controller.abort();
    await expect(first).rejects.toMatchObject({ code: 'aborted' });
    const w = workers[0]!;
    expect(w.sent.map((m) => m.kind)).toEqual(['process', 'cancel']);
    w.reply({ id: 1, ok: false, code: 'aborted', message: '' });
    expect(w.sent[2]).toMatchObject({ kind: 'process', id: 2 });
    w.ok(2);
    await expect(second).resolves.toMatchObject({ width: 1920 });
  });

  it('rejects at once when the signal was already aborted', async () => {
    const { processor, workers } = setup();
    const job = processor.process(shot(), { longSide: 1920, signal: AbortSignal.abort() });
    await expect(job).rejects.toMatchObject({ code: 'aborted' });
    expect(workers).toHaveLength(0);
  });

  it('fails the job in hand when the worker dies, and starts a new one for the next', async () => {
    const { processor, workers } = setup();
    const first = processor.process(shot(), { longSide: 1920 });
    const second = processor.process(shot(), { longSide: 1920 });
    workers[0]!.crash();
    await expect(first).rejects.toMatchObject({ code: 'failed' });
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    workers[1]!.ok(2);
    await expect(second).resolves.toBeDefined();
  });

  it('stop() ends the worker and fails every job in hand or waiting', async () => {
    const { processor, workers } = setup();
    const first = processor.process(shot(), { longSide: 1920 });
    const second = processor.process(shot(), { longSide: 1920 });
    processor.stop();
    await expect(first).rejects.toMatchObject({ code: 'aborted' });
    await expect(second).rejects.toMatchObject({ code: 'aborted' });
    expect(workers[0]!.terminated).toBe(true);
    expect(processor.busy).toBe(0);
    const third = processor.process(shot(), { longSide: 1920 });
    workers[1]!.ok(3);
    await expect(third).resolves.toBeDefined();
  });

  it('terminates the worker once idle', async () => {
    vi.useFakeTimers();
    const { processor, workers } = setup();
    const job = processor.process(shot(), { longSide: 1920 });
    workers[0]!.ok(1);
    await job;
    vi.advanceTimersByTime(999);
    expect(workers[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(workers[0]!.terminated).toBe(true);
    const again = processor.process(shot(), { longSide: 1920 });
    expect(workers).toHaveLength(2);
    workers[1]!.ok(2);
    await again;
  });
});

describe('the fallback path (no OffscreenCanvas)', () => {
  it('loads browser-image-compression on demand and refuses a non-image first', async () => {
    const processor = new ImageProcessor({ useWorker: false });
    const pdf = new Blob(['%PDF-1.7 not a slide'], { type: 'application/pdf' });
    await expect(processor.process(pdf, { longSide: 1920 })).rejects.toMatchObject({
      code: 'not-image',
    });
  });

  it('never starts a Worker, so it never fetches its script from a CDN', async () => {
    // browser-image-compression's worker mode builds a Worker that importScripts() its own
    // code from `libURL` (cdn.jsdelivr.net by default). A Worker double records any attempt.
    const constructed: unknown[] = [];
    vi.stubGlobal(
      'Worker',
      class {
        constructor(url: unknown) {
          constructed.push(url);
        }
        addEventListener() {}
        postMessage(msg: unknown) {
          constructed.push(msg);
        }
      },
    );
    try {
      const bytes = image('slide.jpg');
      const decoded = await compressionCodec.decode(new Blob([bytes]), sniffImage(bytes)!);
      expect(decoded).toMatchObject({ width: 640, height: 480 });
      // Node has no canvas, so on this thread the library fails at once; in worker mode it
      // would instead sit waiting on the Worker double, having sent it the CDN address.
      const encoding = decoded.encode({ width: 320, height: 240 }, 0.8);
      const outcome = await Promise.race([
        encoding.then(
          () => 'resolved',
          () => 'rejected',
        ),
        new Promise((resolve) => setTimeout(() => resolve('waiting'), 200)),
      ]);
      expect(constructed).toEqual([]);
      expect(outcome).toBe('rejected');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
