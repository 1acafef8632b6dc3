// The export bench's page (test/bench/export.ts builds it for production and opens it): the
// app's zip writer, the floor and JSZip on the same photo Blobs, read back from IndexedDB as
// the export screen gets them. Each run returns its own time in milliseconds.
import JSZip from 'jszip';
import { exportZip, type ZipEntry } from '../../../src/lib/export/zip';

let photos: Blob[] = [];

function stored(blobs: Blob[]): Promise<Blob[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('export-bench', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('photos');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('photos', 'readwrite');
      blobs.forEach((b, i) => tx.objectStore('photos').put(b, i));
      tx.onerror = () => reject(tx.error);
      tx.oncomplete = () => {
        const all = db.transaction('photos').objectStore('photos').getAll();
        all.onerror = () => reject(all.error);
        all.onsuccess = () => resolve(all.result as Blob[]);
      };
    };
  });
}

const name = (i: number) => `images/bench_${String(i + 1).padStart(3, '0')}.jpg`;

async function* entries(): AsyncGenerator<ZipEntry> {
  for (let i = 0; i < photos.length; i++) yield { name: name(i), input: photos[i]! };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

/** Reads a Blob to its end, as the download or the share sheet does. */
async function readAll(blob: Blob): Promise<number> {
  const reader = blob.stream().getReader();
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return n;
    n += value.byteLength;
  }
}

const bench = {
  /** Random bytes (JPEGs do not compress), stored in IndexedDB and read back as Blobs. */
  async prepare(count: number, size: number): Promise<number> {
    const blobs = Array.from({ length: count }, () => {
      const bytes = new Uint8Array(size);
      for (let j = 0; j < size; j += 65536) crypto.getRandomValues(bytes.subarray(j, j + 65536));
      return new Blob([bytes], { type: 'image/jpeg' });
    });
    photos = await stored(blobs);
    return photos.reduce((n, b) => n + b.size, 0);
  },
  /** The Blobs concatenated, and read once: the one pass over the bytes a zip's CRC-32 needs. */
  floor: () => timed(() => readAll(new Blob(photos))),
  /** The Blobs concatenated, not read (reported: what the browser does without touching bytes). */
  concat: () => timed(async () => new Blob(photos)),
  /** The export screen's writer, to the Blob it shares or downloads. */
  ours: () => timed(() => exportZip(entries())),
  /** The self-check: the same writer made slower on purpose (run twice); the gate must fail it. */
  slowed: () => timed(async () => (await exportZip(entries()), await exportZip(entries()))),
  jszip: () =>
    timed(() => {
      const zip = new JSZip();
      photos.forEach((b, i) => zip.file(name(i), b));
      return zip.generateAsync({ type: 'blob', compression: 'STORE' });
    }),
  /** The zip is sound: JSZip finds every photo in the writer's output. */
  async check(): Promise<number> {
    const zip = await JSZip.loadAsync(await exportZip(entries()));
    return Object.keys(zip.files).length;
  },
};

(window as unknown as { exportBench: typeof bench }).exportBench = bench;
