import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IMAGE_MESSAGES, ImageError } from '../../../src/lib/capture/image-error';
import { CapturePipeline, type CaptureSettings } from '../../../src/lib/capture/pipeline';
import type { ProcessOptions, Processed } from '../../../src/lib/capture/process';
import { imageTag, onTheOriginal } from '../../../src/lib/capture/recrop';
import { createDb, type ConfnotesDb } from '../../../src/lib/db/db';
import type { Corners } from '../../../src/lib/model/types';
import { StorageFullError } from '../../../src/lib/db/errors';
import { contentId, PhotoRepo, unsortedTray } from '../../../src/lib/db/photo-repo';
import { refusePut } from '../../support/refuse-put';
import { image } from './exif';
import { storedJpeg } from '../../support/stored-jpeg';

let db: ConfnotesDb;
let photos: PhotoRepo;
let n = 0;
let shots = 0;
let clock = 0;
const tick = () => ++clock; // distinct createdAt per shot, so "oldest first" is well defined
const CONF = 'fosdem-2015';
const TRAY = unsortedTray(CONF);

/** A distinct real JPEG per call (the slide plus a comment segment). */
function shot(): Blob {
  const jpeg = image('slide.jpg');
  const note = new TextEncoder().encode(`shot ${++shots}`);
  return new Blob(
    [jpeg.subarray(0, 2), new Uint8Array([0xff, 0xfe, 0, note.length + 2]), note, jpeg.subarray(2)],
    {
      type: 'image/jpeg',
    },
  );
}

const result = (): Processed => ({
  ...storedJpeg(image('slide.jpg')),
  thumb: new Blob([image('slide.webp')], { type: 'image/webp' }),
  width: 640,
  height: 480,
  reencoded: true,
});

/** An image processor whose jobs the test finishes by hand. */
function manualImages() {
  const jobs: {
    opts: ProcessOptions;
    resolve: (p: Processed) => void;
    reject: (e: Error) => void;
  }[] = [];
  return {
    jobs,
    process: vi.fn(
      (_blob: Blob, opts: ProcessOptions) =>
        new Promise<Processed>((resolve, reject) => jobs.push({ opts, resolve, reject })),
    ),
  };
}

function pipeline(images = manualImages(), settings: Partial<CaptureSettings> = {}) {
  const persist = vi.fn(() => new Promise<boolean>(() => {})); // never answers, like a prompt
  const p = new CapturePipeline({
    photos,
    images,
    settings: () => ({ longSide: 1920, findSlides: true, keepOriginals: false, ...settings }),
    persist,
  });
  return { p, images, persist };
}

beforeEach(() => {
  db = createDb(`pipeline-test-${++n}`);
  photos = new PhotoRepo(db, tick);
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const FOUND: Corners = {
  topLeft: { x: 0.2, y: 0.1 },
  topRight: { x: 0.8, y: 0.15 },
  bottomRight: { x: 0.8, y: 0.85 },
  bottomLeft: { x: 0.2, y: 0.9 },
};

describe('CapturePipeline', () => {
  it('processes a camera frame once stored, and a picked file beside its store', async () => {
    const { p, images } = pipeline();
    const frame = p.capture(CONF, TRAY, shot());
    expect(images.jobs).toHaveLength(0);
    await frame;
    expect(images.jobs).toHaveLength(1);

    const picked = p.capture(CONF, TRAY, shot(), undefined, { alongside: true });
    expect(images.jobs).toHaveLength(2);
    // Done before the shot is even stored: filed once it is.
    images.jobs[1]!.resolve(result());
    const { photo, processed } = await picked;
    expect(photo.status).toBe('pending');
    expect(await processed).toMatchObject({ id: photo.id, status: 'ready' });
  });

  it('drops the early processing of a picked file already stored', async () => {
    const { p, images } = pipeline();
    const blob = shot();
    const first = await p.capture(CONF, TRAY, blob, undefined, { alongside: true });
    images.jobs[0]!.resolve(result());
    const ready = (await first.processed)!;
    const again = await p.capture(CONF, TRAY, blob, undefined, { alongside: true });
    images.jobs[1]!.resolve({ ...result(), width: 1 });
    expect(again.photo).toEqual(ready);
    expect(await again.processed).toEqual(ready);
    expect((await db.photos.get(ready.id))!.width).toBe(640);
  });

  it('keeps the original of a slide the finder cropped until the user confirms the corners', async () => {
    const { p, images } = pipeline();
    const { photo, processed } = await p.capture(CONF, TRAY, shot());
    images.jobs[0]!.resolve({ ...result(), corners: FOUND });
    const ready = (await processed)!;
    expect(ready).toMatchObject({ status: 'ready', cropBy: 'finder', corners: FOUND });
    expect(await db.originals.count()).toBe(1);
    expect(await db.photos.where('cropBy').equals('finder').count()).toBe(1);

    // The user moves a corner on the original: straightened from it, and the choice is final.
    const moved = { ...FOUND, topLeft: { x: 0.25, y: 0.12 } };
    const recropped = p.recrop(ready, (await photos.original(photo.id))!, moved, true);
    await vi.waitFor(() => expect(images.jobs).toHaveLength(2));
    expect(images.jobs[1]!.opts).toEqual({ longSide: 1920, slide: moved });
    images.jobs[1]!.resolve({ ...result(), width: 1700, height: 956, corners: moved });
    expect(await recropped).toMatchObject({
      cropBy: 'user',
      corners: moved,
      imageTag: imageTag(moved),
      width: 1700,
    });
    expect(await db.originals.count()).toBe(0);
  });

  it('leaves the original of a photo where no slide was found, and crops from its image later', async () => {
    const { p, images } = pipeline();
    const { photo, processed } = await p.capture(CONF, TRAY, shot());
    images.jobs[0]!.resolve(result());
    const ready = (await processed)!;
    expect(ready.cropBy).toBe('finder');
    expect(ready.corners).toBeUndefined();
    expect(await db.originals.count()).toBe(0);

    // Corners set on the stored image, the whole photo: they are the photo's corners as they are.
    const recropped = p.recrop(ready, (await photos.jpeg(photo.id))!, FOUND, false);
    await vi.waitFor(() => expect(images.jobs).toHaveLength(2));
    images.jobs[1]!.resolve({ ...result(), corners: FOUND });
    expect((await recropped)?.corners).toEqual(FOUND);
  });

  it('says corners set on an already straightened image on the photo as taken', async () => {
    const { p, images } = pipeline();
    const { photo, processed } = await p.capture(CONF, TRAY, shot());
    images.jobs[0]!.resolve({ ...result(), corners: FOUND });
    await processed;
    await db.originals.clear(); // as on a device that received the photo by sync
    const ready = (await db.photos.get(photo.id))!;
    // The whole straightened image is the slide at FOUND; its inner half maps inside FOUND.
    const inner: Corners = {
      topLeft: { x: 0.25, y: 0.25 },
      topRight: { x: 0.75, y: 0.25 },
      bottomRight: { x: 0.75, y: 0.75 },
      bottomLeft: { x: 0.25, y: 0.75 },
    };
    const recropped = p.recrop(ready, (await photos.jpeg(photo.id))!, inner, false);
    await vi.waitFor(() => expect(images.jobs).toHaveLength(2));
    expect(images.jobs[1]!.opts.slide).toEqual(inner);
    images.jobs[1]!.resolve({ ...result(), corners: inner });
    const stored = (await recropped)!.corners!;
    expect(stored).toEqual(onTheOriginal(FOUND, inner));
    expect(stored.topLeft.x).toBeGreaterThan(FOUND.topLeft.x);
    expect(stored.bottomRight.y).toBeLessThan(FOUND.bottomRight.y);
  });

  it('resolves as soon as the shot is stored, before processing, then completes it', async () => {
    const { p, images } = pipeline();
    const { photo, processed } = await p.capture(CONF, TRAY, shot(), 10);
    expect(await db.photos.get(photo.id)).toMatchObject({ status: 'pending' });
    expect(await db.originals.count()).toBe(1);
    expect(images.jobs).toHaveLength(1);
    expect(images.jobs[0]!.opts).toMatchObject({ longSide: 1920, slide: 'find' });
    images.jobs[0]!.resolve(result());
    expect(await processed).toMatchObject({ status: 'ready', width: 640 });
    expect(await db.originals.count()).toBe(0);
  });

  it('starts processing only once the shot has committed, never for bytes already stored or a shot not stored', async () => {
    const { p, images } = pipeline();
    const blob = shot();
    const capturing = p.capture(CONF, TRAY, blob);
    expect(images.jobs).toHaveLength(0); // nothing competes with storing the shot
    const one = await capturing;
    expect(await db.originals.get(one.photo.id)).toBeTruthy();
    expect(images.jobs).toHaveLength(1);
    const two = await p.capture(CONF, TRAY, blob);
    expect(two.processed).toBe(one.processed);
    expect(images.jobs).toHaveLength(1);
    refusePut('originals', 'QuotaExceededError');
    await expect(p.capture(CONF, TRAY, shot())).rejects.toBeInstanceOf(StorageFullError);
    expect(images.jobs).toHaveLength(1);
    images.jobs[0]!.resolve(result());
    expect(await one.processed).toMatchObject({ id: one.photo.id, status: 'ready', width: 640 });
  });

  it('applies the settings of the moment: long side and keeping originals', async () => {
    const { p, images } = pipeline(manualImages(), { longSide: 2560, keepOriginals: true });
    const { processed } = await p.capture(CONF, TRAY, shot());
    expect(images.jobs[0]!.opts.longSide).toBe(2560);
    images.jobs[0]!.resolve(result());
    await processed;
    expect(await db.originals.count()).toBe(1);
  });

  it('asks for persistent storage at the first capture only, without waiting for it', async () => {
    const { p, persist } = pipeline();
    await p.capture(CONF, TRAY, shot());
    await p.capture(CONF, TRAY, shot());
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('records an image error on the photo as its code, which the screens put in plain words', async () => {
    const { p, images } = pipeline();
    const { photo, processed } = await p.capture(CONF, TRAY, shot());
    images.jobs[0]!.reject(new ImageError('corrupt'));
    expect(await processed).toBeUndefined();
    expect(await db.photos.get(photo.id)).toMatchObject({
      status: 'failed',
      error: 'corrupt',
    });
    expect(IMAGE_MESSAGES.corrupt).toMatch(/damaged or incomplete/);
    expect(await db.originals.count()).toBe(1);
  });

  it('on a full disk keeps the shot pending, and resume() finishes it once there is room', async () => {
    const { p, images } = pipeline();
    const { photo, processed } = await p.capture(CONF, TRAY, shot());
    const full = vi
      .spyOn(db.photoBlobs, 'put')
      .mockImplementation(() =>
        Dexie.Promise.reject(new DOMException('full', 'QuotaExceededError')),
      );
    images.jobs[0]!.resolve(result());
    await expect(processed).rejects.toBeInstanceOf(StorageFullError);
    expect(await db.photos.get(photo.id)).toMatchObject({ status: 'pending' });

    full.mockRestore();
    const resumed = p.resume();
    await vi.waitFor(() => expect(images.jobs).toHaveLength(2));
    images.jobs[1]!.resolve(result());
    await resumed;
    expect(await db.photos.get(photo.id)).toMatchObject({ status: 'ready' });
  });

  it('after a reload finishes every unfinished shot from its stored original, oldest first', async () => {
    const first = pipeline();
    const a = await first.p.capture(CONF, TRAY, shot());
    const b = await first.p.capture(CONF, TRAY, shot());
    // The tab dies here: nothing was processed. A new page opens the same database.
    const name = db.name;
    db.close();
    db = createDb(name);
    photos = new PhotoRepo(db, tick);
    const images = {
      process: vi.fn((blob: Blob) => Promise.resolve({ ...result(), jpeg: blob })),
    };
    const second = pipeline(images as unknown as ReturnType<typeof manualImages>);
    await second.p.resume();
    expect(images.process).toHaveBeenCalledTimes(2);
    const list = (await db.photos.toArray()).sort((x, y) => x.createdAt - y.createdAt);
    // Oldest first, each from its own stored original: the bytes hash to the photo ids.
    const hashed = await Promise.all(images.process.mock.calls.map(([blob]) => contentId(blob)));
    expect(hashed).toEqual([a.photo.id, b.photo.id]);
    expect(list.map((x) => [x.id, x.status])).toEqual([
      [a.photo.id, 'ready'],
      [b.photo.id, 'ready'],
    ]);
  });

  it('processes the same bytes once when they arrive twice', async () => {
    const { p, images } = pipeline();
    const blob = shot();
    const one = await p.capture(CONF, TRAY, blob);
    const two = await p.capture(CONF, TRAY, blob);
    expect(images.jobs).toHaveLength(1);
    expect(two.processed).toBe(one.processed);
    images.jobs[0]!.resolve(result());
    await one.processed;
    const three = await p.capture(CONF, TRAY, blob);
    expect(await three.processed).toMatchObject({ status: 'ready' });
    expect(images.jobs).toHaveLength(1);
  });

  it('retries a failed photo from its kept original', async () => {
    const { p, images } = pipeline();
    const { photo, processed } = await p.capture(CONF, TRAY, shot());
    images.jobs[0]!.reject(new Error('worker died'));
    await processed;
    expect(await db.photos.get(photo.id)).toMatchObject({ status: 'failed' });
    const retried = p.retry(photo.id);
    await vi.waitFor(() => expect(images.jobs).toHaveLength(2));
    images.jobs[1]!.resolve(result());
    expect(await retried).toMatchObject({ status: 'ready' });
  });
});
