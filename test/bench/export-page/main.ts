// The export bench's page (test/bench/export.ts builds it for production and opens it): the
// app's zip writer, its floors and JSZip on the same photo Blobs, read back from IndexedDB as
// the export screen gets them, with the CRC-32 worked out when each was stored (as the image
// worker does). Each run returns its own time in milliseconds.
import JSZip from 'jszip';
import { crc32Update } from '../../../src/lib/util/crc32';
import { exportZip, type ZipEntry } from '../../../src/lib/export/zip';
import { crc32 } from '../../../src/lib/export/zip-inflate';

interface Row {
  blob: Blob;
  crc: number;
}

let photos: Blob[] = [];
let crcs: number[] = [];

function stored(rows: Row[]): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('export-bench', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('photos');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('photos', 'readwrite');
      rows.forEach((row, i) => tx.objectStore('photos').put(row, i));
      tx.onerror = () => reject(tx.error);
      tx.oncomplete = () => {
        const all = db.transaction('photos').objectStore('photos').getAll();
        all.onerror = () => reject(all.error);
        all.onsuccess = () => resolve(all.result as Row[]);
      };
    };
  });
}

const name = (i: number) => `images/bench_${String(i + 1).padStart(3, '0')}.jpg`;

/**
 * The photos as the export screen hands them over: with their stored CRC-32, or (`read`) as
 * photos stored before it was kept, which the writer must read.
 */
async function* entries(read = false): AsyncGenerator<ZipEntry> {
  for (let i = 0; i < photos.length; i++) {
    yield { name: name(i), input: photos[i]!, crc: read ? undefined : crcs[i] };
  }
}

/** Milliseconds a run takes, the mean of `times` runs back to back. */
async function timed(run: () => Promise<unknown>, times = 1): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < times; i++) await run();
  return (performance.now() - t) / times;
}

/**
 * Builds of a zip that reads no byte take about 30 ms, where the machine's noise is a few ms:
 * each timed run makes this many, one after the other.
 */
const BUILDS = 10;

/**
 * The bare zip: the Blobs concatenated, each after as many bytes as its header takes, then as
 * many as the directory and its end take. The parts a zip of them is made of, with no field
 * worked out; the browser's cost of a Blob grows with its parts, headers included.
 */
function bareZip(): Blob {
  const parts: BlobPart[] = photos.flatMap((photo, i) => [
    new Uint8Array(30 + name(i).length),
    photo,
  ]);
  const directory = photos.reduce((n, _, i) => n + 46 + name(i).length, 0);
  return new Blob([...parts, new Uint8Array(directory), new Uint8Array(22)]);
}

const bench = {
  /**
   * Random bytes (JPEGs do not compress) and their CRC-32, stored in IndexedDB and read back.
   */
  async prepare(count: number, size: number): Promise<number> {
    const rows = Array.from({ length: count }, () => {
      const bytes = new Uint8Array(size);
      for (let j = 0; j < size; j += 65536) crypto.getRandomValues(bytes.subarray(j, j + 65536));
      return { blob: new Blob([bytes], { type: 'image/jpeg' }), crc: crc32Update(0, bytes) };
    });
    const back = await stored(rows);
    photos = back.map((r) => r.blob);
    crcs = back.map((r) => r.crc);
    return photos.reduce((n, b) => n + b.size, 0);
  },
  /** The bare zip, no byte of a photo read: all a zip of known CRCs needs. */
  floor: () => timed(async () => bareZip(), BUILDS),
  /** The export screen's writer, to the Blob it shares or downloads. */
  ours: () => timed(() => exportZip(entries()), BUILDS),
  /** The self-check: the same writer made slower on purpose (run twice); the gate must fail it. */
  slowed: () => timed(async () => (await exportZip(entries()), await exportZip(entries())), BUILDS),
  /** The Blobs read once as one stream, a CRC-32 over every byte, and the bare zip. */
  readFloor: () => timed(async () => (await crc32(new Blob(photos)), bareZip())),
  /** The writer on photos stored before their CRC-32 was kept: it reads each once. */
  oursRead: () => timed(() => exportZip(entries(true))),
  jszip: () =>
    timed(() => {
      const zip = new JSZip();
      photos.forEach((b, i) => zip.file(name(i), b));
      return zip.generateAsync({ type: 'blob', compression: 'STORE' });
    }),
  /**
   * The zip is sound either way: JSZip finds every photo in the writer's output, checking each
   * one's CRC-32 against its bytes.
   */
  async check(): Promise<number[]> {
    return Promise.all(
      [false, true].map(async (read) => {
        const zip = await JSZip.loadAsync(await exportZip(entries(read)), { checkCRC32: true });
        return Object.keys(zip.files).length;
      }),
    );
  },
};

(window as unknown as { exportBench: typeof bench }).exportBench = bench;
