// Owns the read worker: started for the first photo to read, one photo at a time, closed when
// the reading queue has nothing left (the engine holds 100 to 250 MB). The files it needs
// come from our own origin (vite.config.ts's read assets), through the service worker's cache
// once "Read slide text" has stored them.
import assets from 'virtual:read-assets';
import type { ReadLang } from './engine';

export interface ReadRequest {
  id: number;
  blob: Blob;
  lang: ReadLang;
  wasm: string;
  model: string;
}

export type ReadResponse =
  | { id: number; ok: true; words: string; hash: string }
  | { id: number; ok: false; message: string };

export interface Reading {
  words: string;
  hash: string;
}

export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror'>;

/**
 * Whether this browser runs WebAssembly SIMD: a module using one v128 instruction validates
 * only where it does. The SIMD build reads about twice as fast; the other is the fallback.
 */
export function simdSupported(): boolean {
  // A module with one function returning v128: i32.const 0, i8x16.splat, i8x16.popcnt.
  const module = new Uint8Array([
    0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253,
    15, 253, 98, 11,
  ]);
  return WebAssembly.validate(module);
}

/** Every file reading may fetch, with its size: what "Read slide text" stores. */
export function readFiles(): { url: string; bytes: number }[] {
  return [simdSupported() ? assets.simd : assets.noSimd, assets.en, assets.fr];
}

const startWorker = (): WorkerLike =>
  new Worker(new URL('../../workers/read.worker.ts', import.meta.url), { type: 'module' });

export class ReadClient {
  private worker: WorkerLike | undefined;
  private nextId = 1;
  private waiting:
    { id: number; resolve: (r: Reading) => void; reject: (e: Error) => void } | undefined;

  constructor(private readonly createWorker: () => WorkerLike = startWorker) {}

  /** Reads one photo; a second call before the first settles is refused. */
  read(blob: Blob, lang: ReadLang): Promise<Reading> {
    if (this.waiting) return Promise.reject(new Error('The reader reads one photo at a time'));
    const worker = (this.worker ??= this.open());
    const id = this.nextId++;
    const wasm = (simdSupported() ? assets.simd : assets.noSimd).url;
    const model = assets[lang].url;
    return new Promise<Reading>((resolve, reject) => {
      this.waiting = { id, resolve, reject };
      worker.postMessage({ id, blob, lang, wasm, model } satisfies ReadRequest);
    });
  }

  /** Stops the worker and frees its memory; a read in progress fails. */
  close(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.settle(new Error('The reader was closed'));
  }

  private open(): WorkerLike {
    const worker = this.createWorker();
    worker.onmessage = (e: MessageEvent<ReadResponse>) => {
      const r = e.data;
      if (r.id !== this.waiting?.id) return;
      this.settle(r.ok ? { words: r.words, hash: r.hash } : new Error(r.message));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      // A worker that failed to load or crashed is started afresh for the next photo.
      this.worker?.terminate();
      this.worker = undefined;
      this.settle(new Error(e.message || 'The read worker stopped'));
    };
    return worker;
  }

  private settle(result: Reading | Error): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (!waiting) return;
    if (result instanceof Error) waiting.reject(result);
    else waiting.resolve(result);
  }
}
