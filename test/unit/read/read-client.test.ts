// The page's side of the read worker, with a stand-in worker: what it asks for (the engine
// build this runtime validates, the model of the language asked), one photo at a time, and
// what a crash or close does to a read in flight.
import { describe, expect, it } from 'vitest';
import assets from 'virtual:read-assets';
import {
  ReadClient,
  readFiles,
  simdSupported,
  type ReadRequest,
  type ReadResponse,
  type WorkerLike,
} from '../../../src/lib/read/read-client';

class FakeWorker implements WorkerLike {
  posted: ReadRequest[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(message: ReadRequest) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(r: ReadResponse) {
    this.onmessage?.(new MessageEvent('message', { data: r }));
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

function client() {
  const workers: FakeWorker[] = [];
  const c = new ReadClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  return { c, workers };
}

const blob = new Blob(['jpeg']);

describe('ReadClient', () => {
  it('asks for the build this runtime validates and the language’s model, from our origin', async () => {
    // Node 20 runs WebAssembly SIMD, so the SIMD build is the one chosen here.
    expect(simdSupported()).toBe(true);
    const { c, workers } = client();
    const reading = c.read(blob, 'fr');
    const [req] = workers[0]!.posted;
    expect(req).toMatchObject({ lang: 'fr', wasm: assets.simd.url, model: assets.fr.url });
    expect(assets.simd.url).toMatch(/^\/read\/tesseract-core-[0-9a-f]{10}\.wasm$/);
    expect(assets.fr.url).toMatch(/^\/read\/fra-[0-9a-f]{10}\.traineddata\.gz$/);
    workers[0]!.answer({ id: req!.id, ok: true, words: 'Bonjour', hash: 'ffffffffffffffff' });
    await expect(reading).resolves.toEqual({ words: 'Bonjour', hash: 'ffffffffffffffff' });
    expect(readFiles().map((f) => f.url)).toEqual([assets.simd.url, assets.en.url, assets.fr.url]);
    expect(readFiles().every((f) => f.bytes > 500_000)).toBe(true);
  });

  it('reads one photo at a time, and ignores answers to another request', async () => {
    const { c, workers } = client();
    const first = c.read(blob, 'en');
    await expect(c.read(blob, 'en')).rejects.toThrow('one photo at a time');
    const id = workers[0]!.posted[0]!.id;
    workers[0]!.answer({ id: id + 1, ok: true, words: 'stale', hash: '0000000000000000' });
    workers[0]!.answer({ id, ok: false, message: 'cannot decode' });
    await expect(first).rejects.toThrow('cannot decode');
    const second = c.read(blob, 'en');
    expect(workers).toHaveLength(1);
    workers[0]!.answer({ id: id + 1, ok: true, words: 'ok', hash: '0000000000000000' });
    await expect(second).resolves.toMatchObject({ words: 'ok' });
  });

  it('starts a new worker after a crash, and close() ends the read in flight', async () => {
    const { c, workers } = client();
    const crashed = c.read(blob, 'en');
    workers[0]!.crash('out of memory');
    await expect(crashed).rejects.toThrow('out of memory');
    expect(workers[0]!.terminated).toBe(true);
    const closed = c.read(blob, 'en');
    expect(workers).toHaveLength(2);
    c.close();
    await expect(closed).rejects.toThrow('closed');
    expect(workers[1]!.terminated).toBe(true);
  });
});
