// Thumbnails for images received from a zip or the sync server, with the real database and the
// real processing steps (only the pixel codec is faked).
import { beforeEach, describe, expect, it } from 'vitest';
import { ImageError } from '../../../src/lib/capture/image-error';
import { processImage, type ProcessOptions } from '../../../src/lib/capture/process';
import { sniffImage } from '../../../src/lib/capture/sniff';
import { makeThumbnails } from '../../../src/lib/capture/thumbnails';
import { createDb, type ConfnotesDb } from '../../../src/lib/db/db';
import { countStartupWork } from '../../../src/lib/db/photo-tables';
import { PhotoRepo } from '../../../src/lib/db/photo-repo';
import { putReceivedImage } from '../../../src/lib/db/received-image';
import { withFrameSize, type Bytes } from './exif';
import { fakeCodec, slide } from './fake-codec';

let db: ConfnotesDb;
let photos: PhotoRepo;
let n = 0;

beforeEach(() => {
  db = createDb(`thumbnails-${++n}`);
  photos = new PhotoRepo(db);
});

async function receive(id: string, bytes: Bytes) {
  const blob = new Blob([bytes], { type: 'image/jpeg' });
  await db.transaction('rw', db.photoBlobs, db.thumbs, () =>
    putReceivedImage(db, { id, blob, type: 'image/jpeg', name: `${id}.jpg` }),
  );
}

function processor() {
  const { codec } = fakeCodec();
  const seen: ProcessOptions[] = [];
  return {
    seen,
    process(blob: Blob, opts: ProcessOptions) {
      seen.push(opts);
      return processImage(blob, opts, codec);
    },
  };
}

const sizeOf = async (blob: Blob | undefined) =>
  sniffImage(new Uint8Array(await blob!.arrayBuffer()));

describe('makeThumbnails', () => {
  it('replaces each received image standing in as its own thumbnail with a 320 px one', async () => {
    await receive('a', withFrameSize(slide, 1920, 1440));
    await receive('b', withFrameSize(slide, 1440, 1920));
    expect(await countStartupWork(db)).toBe(2);
    // The image is stored once, and stands in for its thumbnail.
    expect((await db.thumbs.get('a'))?.blob).toBeUndefined();
    expect(await sizeOf(await photos.thumb('a'))).toMatchObject({ width: 1920 });

    const images = processor();
    expect(await makeThumbnails({ photos, images })).toBe(2);
    expect(images.seen.every((o) => o.thumbOnly)).toBe(true);
    expect(await sizeOf(await photos.thumb('a'))).toMatchObject({ width: 320, height: 240 });
    expect(await sizeOf(await photos.thumb('b'))).toMatchObject({ width: 240, height: 320 });
    // The image itself is untouched, and nothing is left for the next start.
    expect(await sizeOf(await photos.image('a'))).toMatchObject({ width: 1920 });
    expect(await countStartupWork(db)).toBe(0);
    expect(await makeThumbnails({ photos, images })).toBe(0);
  });

  it('keeps an unreadable image as its own thumbnail, and does not try it again', async () => {
    await receive('bad', new Uint8Array([1, 2, 3, 4]));
    await receive('good', withFrameSize(slide, 1920, 1440));
    const images = processor();
    expect(await makeThumbnails({ photos, images })).toBe(1);
    expect((await db.thumbs.get('bad'))?.standIn).toBe(2);
    expect(await countStartupWork(db)).toBe(0);
    images.seen.length = 0;
    await makeThumbnails({ photos, images });
    expect(images.seen).toEqual([]);
  });

  it('leaves a real thumbnail alone, and stops when aborted', async () => {
    await receive('a', withFrameSize(slide, 1920, 1440));
    await receive('b', withFrameSize(slide, 1920, 1440));
    // A thumbnail made meanwhile (the photo was captured on this device after all) wins.
    const real = new Blob([withFrameSize(slide, 320, 240)], { type: 'image/jpeg' });
    await photos.replaceStandIn('a', real);
    await photos.replaceStandIn('a', new Blob([slide], { type: 'image/jpeg' }));
    expect(await sizeOf(await photos.thumb('a'))).toMatchObject({ width: 320 });

    const controller = new AbortController();
    const images = {
      process(): Promise<never> {
        controller.abort();
        return Promise.reject(new ImageError('aborted'));
      },
    };
    expect(await makeThumbnails({ photos, images }, controller.signal)).toBe(0);
    expect((await db.thumbs.get('b'))?.standIn).toBe(1);
  });
});
