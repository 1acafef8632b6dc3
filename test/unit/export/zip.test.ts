import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { archiveEntries, readArchive } from '../../../src/lib/export/archive';
import { crc32 } from '../../../src/lib/export/zip-inflate';
import { BATCH_ENTRIES, exportZip } from '../../../src/lib/export/zip';
import { readZip } from '../../../src/lib/export/zip-read';
import type { Photo } from '../../../src/lib/model/types';
import { records } from './records';
import { xebiconInput } from './xebicon-notes';

/** Random bytes standing for a JPEG (which does not compress either). */
function fakeJpeg(seed: number, size = 50_000): Blob {
  const bytes = new Uint8Array(size);
  let x = seed * 2654435761;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return new Blob([bytes], { type: 'image/jpeg' });
}

const input = xebiconInput();
const photoIds = [...input.notes.values()].flatMap((n) =>
  n.timeline.filter((i) => i.kind === 'photo').map((i) => i.id),
);
const blobs = new Map(photoIds.map((id, i) => [id, fakeJpeg(i + 1)]));
const crcs = new Map(
  await Promise.all(photoIds.map(async (id) => [id, await crc32(blobs.get(id)!)] as const)),
);
const { file: _file, ...photoRecord } = records.photos[0]!;
const photos: Photo[] = photoIds.map((id, i) => ({
  ...photoRecord,
  id,
  talkId: [...input.notes.values()].find((n) => n.timeline.some((t) => t.id === id))!.talkId,
  position: i,
  size: blobs.get(id)!.size,
}));
const toExport = { ...records, photos };

/**
 * The zip's entries, each image as the database gives it: every other one with the CRC-32 its
 * row keeps (`crc` says which, by the image's place in the zip), the others stored before it
 * was kept. `crc` may also lie.
 */
function entries(crc = (id: string, i: number) => (i % 2 ? undefined : crcs.get(id))) {
  let asked = 0;
  return archiveEntries(
    [input],
    toExport,
    (ids) => Promise.resolve(ids.map((id) => ({ blob: blobs.get(id)!, crc: crc(id, asked++) }))),
    new Date('2019-11-28T18:00:00Z'),
  );
}

async function sameBytes(a: Blob | Uint8Array, b: Blob): Promise<boolean> {
  const left = a instanceof Blob ? new Uint8Array(await a.arrayBuffer()) : a;
  return Buffer.from(left).equals(Buffer.from(await b.arrayBuffer()));
}

/** Compression method of every entry, from the central directory. */
function methods(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out = new Map<string, number>();
  for (let p = 0; p + 46 <= zip.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const nameLen = view.getUint16(p + 28, true);
    out.set(
      new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLen)),
      view.getUint16(p + 10, true),
    );
  }
  return out;
}

describe('export zip', () => {
  it('holds the write-ups, confnotes.json and every image byte for byte, images stored', async () => {
    const progress: number[] = [];
    const zip = await exportZip(entries(), { onProgress: (b) => progress.push(b) });
    expect(zip.type).toBe('application/zip');
    const bytes = new Uint8Array(await zip.arrayBuffer());
    expect(progress.at(-1)).toBe(bytes.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    // JSZip checks each entry's CRC-32 against its bytes: stored and worked out alike.
    const unzipped = await JSZip.loadAsync(bytes, { checkCRC32: true });
    const names = Object.keys(unzipped.files);
    expect(names.slice(0, 3)).toEqual(['xebicon-2019.adoc', 'xebicon-2019.md', 'confnotes.json']);
    expect(names.slice(3)).toEqual(
      Array.from(
        { length: 22 },
        (_, i) => `images/xebicon-2019_${String(i + 1).padStart(2, '0')}.jpg`,
      ),
    );
    const adoc = await unzipped.file('xebicon-2019.adoc')!.async('string');
    for (const [, n] of adoc.matchAll(/image:(\S+)\[\]/g)) expect(names).toContain(`images/${n}`);
    const json = JSON.parse(await unzipped.file('confnotes.json')!.async('string')) as {
      photos: { id: string; file: string }[];
    };
    for (const p of json.photos) {
      const got = await unzipped.file(p.file)!.async('uint8array');
      expect(await sameBytes(got, blobs.get(p.id)!)).toBe(true);
    }
    expect([...methods(bytes).values()].every((m) => m === 0)).toBe(true);
  });

  it('stops when cancelled, without asking for the remaining images', async () => {
    const controller = new AbortController();
    let asked = 0;
    const total = 5 * BATCH_ENTRIES;
    async function* images() {
      while (asked < total) {
        const n = ++asked;
        yield { name: `images/${n}.jpg`, input: blobs.get(photoIds[n % photoIds.length]!)! };
      }
    }
    const zip = exportZip(images(), {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(zip).rejects.toThrow(/abort/i);
    await new Promise((r) => setTimeout(r, 20));
    // The batch checksummed and the next one asked for meanwhile, and no more.
    expect(asked).toBeLessThanOrEqual(2 * BATCH_ENTRIES);
  });

  it('comes back through readArchive identical, images byte for byte', async () => {
    const zip = await exportZip(entries());
    const { archive, images } = await readArchive(zip);
    expect(archive.photos.map(({ file: _file, ...p }) => p)).toEqual(photos);
    expect(archive.talks).toEqual(records.talks);
    expect(archive.entries).toEqual(records.entries);
    for (const [id, { blob, crc }] of images) {
      expect(blob.type).toBe('image/jpeg');
      expect(await sameBytes(blob, blobs.get(id)!)).toBe(true);
      // The CRC-32 the entry was checked against, to be stored with the image.
      expect(crc).toBe(crcs.get(id));
    }
    expect(images.size).toBe(22);
  });

  it('takes a stored CRC-32 as given, and the zip is the same as one that read every image', async () => {
    const zip = async (crc: (id: string, i: number) => number | undefined) =>
      Buffer.from(await (await exportZip(entries(crc))).arrayBuffer());
    const read = await zip(() => undefined);
    expect((await zip((id) => crcs.get(id))).equals(read)).toBe(true);
    expect((await zip((id, i) => (i % 2 ? undefined : crcs.get(id)))).equals(read)).toBe(true);
    // Not read: a wrong one goes into the zip as it is, which any reader then rejects.
    const lying = await zip((id, i) => (i === 5 ? 0 : crcs.get(id)));
    expect(lying.equals(read)).toBe(false);
    await expect(readZip(new Blob([lying]))).rejects.toThrow(/checksum/);
  });

  it('reads a Confnotes zip re-made (deflated) by another tool', async () => {
    const zip = await exportZip(entries());
    const again = await JSZip.loadAsync(await zip.arrayBuffer());
    const remade = await again.generateAsync({ type: 'blob', compression: 'DEFLATE' });
    const files = await readZip(remade);
    expect(await files.get('confnotes.json')!.text()).toBe(
      await again.file('confnotes.json')!.async('string'),
    );
  });
});

describe('readZip rejects with plain words', () => {
  it('a truncated zip', async () => {
    const zip = await exportZip(entries());
    await expect(readZip(zip.slice(0, Math.floor(zip.size / 2)))).rejects.toThrow(
      'This file is not a zip archive, or it was cut short. Nothing was imported.',
    );
  });

  it('a zip whose image bytes were damaged', async () => {
    const bytes = new Uint8Array(await (await exportZip(entries())).arrayBuffer());
    const at = bytes.length - 60_000;
    bytes[at] = bytes[at]! ^ 0xff;
    await expect(readZip(new Blob([bytes]))).rejects.toThrow(/damaged .*checksum/);
  });

  it('a zip without confnotes.json', async () => {
    const other = new JSZip();
    other.file('holiday.jpg', await fakeJpeg(9).arrayBuffer());
    const blob = await other.generateAsync({ type: 'blob' });
    await expect(readZip(blob)).rejects.toThrow(
      'This zip is not a Confnotes export: it has no confnotes.json. Nothing was imported.',
    );
  });

  it('a file that is not a zip', async () => {
    await expect(readZip(new Blob(['<html>nope</html>']))).rejects.toThrow(/not a zip archive/);
  });
});

describe('exportZip checksums', () => {
  it('gives every entry its own CRC-32, whatever the mix of sizes, empty files and texts (property)', async () => {
    const entry = fc.oneof(
      // Up to two of the stream's 64 KB chunks, so an entry's bytes start and end inside them.
      fc.nat({ max: 140_000 }).map((size) => ({ size })),
      fc.string({ maxLength: 200 }).map((text) => ({ text })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 2 * BATCH_ENTRIES + 3 }), async (list) => {
        const made = list.map((e, i) => ({
          name: `f${i}`,
          input: 'text' in e ? e.text : new Blob([randomBytes(e.size)]),
        }));
        async function* source() {
          yield* made;
        }
        const zip = await JSZip.loadAsync(await (await exportZip(source())).arrayBuffer(), {
          checkCRC32: true,
        });
        for (const { name, input } of made) {
          const got = await zip.file(name)!.async('uint8array');
          const want =
            typeof input === 'string'
              ? new TextEncoder().encode(input)
              : new Uint8Array(await input.arrayBuffer());
          expect(Buffer.from(got).equals(want), name).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });
});
