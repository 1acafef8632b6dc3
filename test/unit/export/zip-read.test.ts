// The zip reader against zips made to hurt: bombs, lying sizes and offsets, unsafe or doubled
// names, broken directories, and random damage to a real Confnotes zip.
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { archiveEntries } from '../../../src/lib/export/archive';
import { ArchiveError } from '../../../src/lib/export/json';
import { exportZip } from '../../../src/lib/export/zip';
import { nameImages, typeOfFile } from '../../../src/lib/export/slug';
import { MAX_ENTRIES, readZip } from '../../../src/lib/export/zip-read';
import { records } from './records';
import { xebiconInput } from './xebicon-notes';
import { craftZip, deflated, stored, zeros, type CraftEntry } from '../../support/zip-craft';

const MiB = 2 ** 20;
const json = () => stored('confnotes.json', '{"format":"confnotes"}');
const blob = (bytes: Uint8Array<ArrayBuffer>) => new Blob([bytes]);

/** What readZip gives, an ArchiveError's English text or, for anything else, the error itself. */
async function outcome(zip: Blob): Promise<string | Map<string, Blob>> {
  try {
    return await readZip(zip);
  } catch (e) {
    if (e instanceof ArchiveError) return e.message;
    throw e;
  }
}

const execFileAsync = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;

/**
 * What readZip made of a zip read from a file in a fresh process (test/support/zip-probe.ts),
 * and how far that process's resident memory rose at its peak: a bomb inflated and dropped
 * still counts, and nothing this test process did before blurs the figure.
 */
async function probe(zip: Uint8Array): Promise<{ outcome: string; peakRise: number }> {
  const file = join(
    tmpdir(),
    `zip-probe-${process.pid}-${Math.random().toString(36).slice(2)}.zip`,
  );
  writeFileSync(file, zip);
  try {
    const { stdout } = await execFileAsync(
      process.execPath,
      ['--import', 'tsx', 'test/support/zip-probe.ts', file],
      { cwd: ROOT },
    );
    return JSON.parse(stdout) as { outcome: string; peakRise: number };
  } finally {
    rmSync(file);
  }
}

describe('zip bombs', () => {
  // On main this zip was read whole: the reading process peaked 823 MB higher.
  it('a 200 MB entry deflated into a 200 KB zip is refused before it is inflated', async () => {
    const zip = craftZip([json(), await zeros('images/bomb.jpg', 200 * 1e6)]);
    expect(zip.length).toBeLessThan(250_000);
    const { outcome, peakRise } = await probe(zip);
    expect(peakRise).toBeLessThan(100 * MiB);
    expect(outcome).toMatch(
      /^ArchiveError: In this zip, "images\/bomb\.jpg" would unpack to \d+ times its packed size/,
    );
  });

  it('an entry larger than it says is stopped soon after its declared size', async () => {
    const bomb = await zeros('images/liar.jpg', 200 * 1e6);
    // Declares 1 MB: within every cap, so only counting the bytes as they come can catch it.
    // On main all 200 MB were inflated before the size was compared: a 622 MB peak.
    const { outcome, peakRise } = await probe(craftZip([json(), { ...bomb, size: MiB }]));
    expect(peakRise).toBeLessThan(100 * MiB);
    expect(outcome).toBe(
      'ArchiveError: This zip file is damaged ("images/liar.jpg" is larger than it says). Nothing was imported.',
    );
  });

  it('many small bombs: the whole zip would unpack to hundreds of times its size', async () => {
    const one = await zeros('x', MiB - 1);
    const zip = blob(
      craftZip([
        json(),
        ...[...Array(100).keys()].map((n) => ({ ...one, name: `images/${n}.jpg` })),
      ]),
    );
    expect(await outcome(zip)).toMatch(/^This zip would unpack to \d+ times its own size/);
  });

  it('entries sharing one deflated body (overlapping entries) are refused', async () => {
    const one = await zeros('images/0.jpg', MiB - 1);
    const copies: CraftEntry[] = [1, 2, 3].map((n) => ({
      ...one,
      name: `images/${n}.jpg`,
      shared: true,
      local: 0,
    }));
    const zip = blob(craftZip([one, ...copies, json()]));
    expect(await outcome(zip)).toMatch(/"images\/\d\.jpg" overlaps another file/);
  });

  it('a zip inside the zip is a file like any other, never opened', async () => {
    const inner = craftZip([await zeros('inner.bin', 50 * MiB)]);
    const files = await readZip(blob(craftZip([json(), deflated('images/inner.zip', inner)])));
    expect(files.get('images/inner.zip')!.size).toBe(inner.length);
  });
});

describe('caps on what the directory declares', () => {
  it('more files than any export', async () => {
    const many = Array.from({ length: MAX_ENTRIES + 1 }, (_, n) => stored(`images/${n}`, ''));
    expect(await outcome(blob(craftZip([json(), ...many])))).toBe(
      `This zip holds more than ${MAX_ENTRIES} files, more than any Confnotes export. Nothing was imported.`,
    );
  });

  it('one file over the per-file cap', async () => {
    const big = {
      ...stored('images/big.jpg', 'x'),
      method: 8 as const,
      size: 300 * MiB,
      compressed: 10 * MiB,
    };
    expect(await outcome(blob(craftZip([json(), big])))).toBe(
      'In this zip, "images/big.jpg" would unpack to more than 256 MB, more than any photo or notes file. Nothing was imported.',
    );
  });

  it('files each within the caps that add up to more than the total cap', async () => {
    const big = { ...stored('x', 'x'), method: 8 as const, size: 250 * MiB, compressed: 3 * MiB };
    const all = Array.from({ length: 40 }, (_, n) => ({ ...big, name: `images/${n}.jpg` }));
    expect(await outcome(blob(craftZip([json(), ...all])))).toBe(
      'This zip would unpack to more than 8 GB, more than any Confnotes export. Nothing was imported.',
    );
  });
});

describe('names', () => {
  it.each([
    '../evil.jpg',
    'images/../../evil.jpg',
    '/etc/passwd',
    'images\\evil.jpg',
    'images/a\0.jpg',
  ])('refuses %j', async (name) => {
    expect(await outcome(blob(craftZip([json(), stored(name, 'x')])))).toMatch(
      /^This zip holds a file named ".*", which could point outside the export\. Nothing was imported\.$/,
    );
  });

  it('refuses a name given twice (the file checked would not be the file used)', async () => {
    const zip = craftZip([json(), stored('confnotes.json', '{"format":"other"}')]);
    expect(await outcome(blob(zip))).toBe(
      'This zip file is damaged ("confnotes.json" is in it twice). Nothing was imported.',
    );
  });
});

describe('types', () => {
  it('an image entry, stored or deflated, carries the type its extension names', async () => {
    const zip = craftZip([
      json(),
      stored('images/a_01.jpg', 'abc'),
      deflated('images/a_02.PNG', 'def'.repeat(100)),
      stored('images/a_03.heic', 'ghi'),
      stored('a.adoc', '= A'),
      deflated('images/no-extension', 'jkl'.repeat(100)),
    ]);
    const files = await readZip(blob(zip));
    const types = Object.fromEntries([...files].map(([name, b]) => [name, b.type]));
    expect(types).toEqual({
      'confnotes.json': '',
      'images/a_01.jpg': 'image/jpeg',
      'images/a_02.PNG': 'image/png',
      'images/a_03.heic': 'image/heic',
      'a.adoc': '',
      'images/no-extension': '',
    });
    expect(await files.get('images/a_02.PNG')!.text()).toBe('def'.repeat(100));
  });

  it('a type survives the trip: each name an export gives an image reads back as its type', () => {
    const types = [
      'image/jpeg',
      'image/png',
      'image/webp',
      'image/avif',
      'image/gif',
      'image/heic',
    ];
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9-]{1,20}$/),
        fc.array(fc.constantFrom(...types), { minLength: 1, maxLength: 150 }),
        (slug, photoTypes) => {
          const photos = photoTypes.map((type, i) => ({ id: `photo-${i}`, type }));
          const names = nameImages(slug, photos);
          for (const p of photos) expect(typeOfFile(`images/${names.get(p.id)}`)).toBe(p.type);
        },
      ),
    );
    expect(typeOfFile('images.jpg/readme')).toBe('');
    expect(typeOfFile('photo.jpeg')).toBe('image/jpeg');
  });
});

describe('a damaged directory gives plain words, never a RangeError', () => {
  const good = () => craftZip([json(), stored('images/a.jpg', 'abc')]);
  const endAt = (zip: Uint8Array) => zip.length - 22;
  const cdAt = (zip: Uint8Array) =>
    new DataView(zip.buffer, zip.byteOffset).getUint32(endAt(zip) + 16, true);
  const damagedText = /^This zip file is damaged \(.*\)\. Nothing was imported\.$/;

  it('reads the good one', async () => {
    expect([...(await readZip(blob(good()))).keys()]).toEqual(['confnotes.json', 'images/a.jpg']);
  });

  it('a count that lies', async () => {
    expect(await outcome(blob(craftZip([json()], { count: 3 })))).toMatch(damagedText);
    expect(await outcome(blob(craftZip([json()], { count: 0xffff })))).toMatch(damagedText);
  });

  it('a directory offset that lies', async () => {
    expect(await outcome(blob(craftZip([json()], { offset: 0 })))).toMatch(damagedText);
    expect(await outcome(blob(craftZip([json()], { offset: 5 })))).toMatch(damagedText);
  });

  it('a local offset past the end', async () => {
    const zip = craftZip([{ ...json(), local: 0x7fffffff }]);
    expect(await outcome(blob(zip))).toMatch(damagedText);
  });

  it('a name length running past the end of the directory', async () => {
    const zip = good();
    new DataView(zip.buffer, zip.byteOffset).setUint16(cdAt(zip) + 28, 0xffff, true);
    expect(await outcome(blob(zip))).toMatch(damagedText);
  });

  it('an extra field running past the end of the directory', async () => {
    const zip = good();
    // The last record: after the first one's 46 bytes and its name, "confnotes.json".
    new DataView(zip.buffer, zip.byteOffset).setUint16(cdAt(zip) + 60 + 30, 0x100, true);
    expect(await outcome(blob(zip))).toMatch(damagedText);
  });

  it('a directory cut inside a name, its end record rewritten to match', async () => {
    const zip = good();
    const kept = 60 + 46 + 3;
    const cut = Buffer.concat([zip.subarray(0, cdAt(zip) + kept), zip.subarray(endAt(zip))]);
    new DataView(cut.buffer, cut.byteOffset).setUint32(cut.length - 22 + 12, kept, true);
    expect(await outcome(blob(cut))).toMatch(damagedText);
  });

  it('a directory cut short, its end record left as it was', async () => {
    const zip = good();
    const cut = Buffer.concat([zip.subarray(0, cdAt(zip) + 50), zip.subarray(endAt(zip))]);
    expect(await outcome(blob(cut))).toMatch(damagedText);
  });
});

describe('random damage to a real Confnotes zip', () => {
  /** The Xebicon demo's export (22 photos of 200 bytes), as written and re-made deflated. */
  async function realZips(): Promise<Uint8Array<ArrayBuffer>[]> {
    const photo = (ids: string[]) =>
      Promise.resolve(ids.map(() => ({ blob: new Blob([new Uint8Array(200).fill(7)]) })));
    const files = archiveEntries([xebiconInput()], { ...records, photos: [] }, photo);
    const plain = new Uint8Array(await (await exportZip(files)).arrayBuffer());
    const remade = await (
      await JSZip.loadAsync(plain)
    ).generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    return [plain, new Uint8Array(remade)];
  }

  it('byte flips and truncations give files or an ArchiveError, nothing else', async () => {
    for (const zip of await realZips()) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.nat(zip.length - 1), fc.integer({ min: 1, max: 255 })), {
            maxLength: 8,
          }),
          fc.option(fc.nat(zip.length - 1)),
          async (flips, cut) => {
            const bytes = zip.slice(0, cut ?? zip.length);
            for (const [at, x] of flips) if (at < bytes.length) bytes[at] = bytes[at]! ^ x;
            await outcome(blob(bytes));
          },
        ),
        { numRuns: 400 },
      );
    }
  });
});
