import { createHash } from 'node:crypto';
import Dexie, { liveQuery, type Observable } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConferenceRepo } from '../../../src/lib/db/conference-repo';
import { createDb, type ConfnotesDb } from '../../../src/lib/db/db';
import { StorageFullError } from '../../../src/lib/db/errors';
import { PhotoRepo, unsortedTray, type ProcessedImage } from '../../../src/lib/db/photo-repo';
import { SyncRepo } from '../../../src/lib/db/sync-repo';
import type { Photo, Talk } from '../../../src/lib/model/types';
import { refusePut } from '../../support/refuse-put';
import { image } from '../capture/exif';
import { parsed } from '../schedule/fixtures';
import { storedJpeg } from '../../support/stored-jpeg';

let db: ConfnotesDb;
let photos: PhotoRepo;
let conf: string;
let keynote: Talk;
let openjdk: Talk;
let clock: number;
let n = 0;

/** A distinct real JPEG per call: the slide with a different trailing comment segment. */
let shots = 0;
function shot(): File {
  const jpeg = image('slide.jpg');
  const note = new TextEncoder().encode(`shot ${++shots}`);
  const com = new Uint8Array([0xff, 0xfe, 0, note.length + 2, ...note]);
  return new File([jpeg.subarray(0, 2), com, jpeg.subarray(2)], `IMG_${shots}.jpg`, {
    type: 'image/jpeg',
  });
}

const processed = (width = 1920, height = 1440): ProcessedImage => ({
  ...storedJpeg(image('slide.jpg')),
  thumb: new Blob([image('slide.webp')], { type: 'image/webp' }),
  width,
  height,
});

const domError = (name: string) => new DOMException('from the browser', name);

function next<T>(obs: Observable<T>, ok: (v: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve, reject) => {
    const sub = obs.subscribe({
      next: (v) => {
        if (ok(v)) {
          sub.unsubscribe();
          resolve(v);
        }
      },
      error: reject,
    });
  });
}

beforeEach(async () => {
  db = createDb(`photo-test-${++n}`);
  clock = Date.UTC(2015, 0, 31, 9, 30);
  photos = new PhotoRepo(db, () => clock++);
  const conferences = new ConferenceRepo(db);
  conf = await conferences.create(
    parsed('fosdem'),
    { kind: 'file', fileName: 'fosdem.xml', format: 'frab-xml', fetchedAt: 0 },
    { deviceTimeZone: 'Europe/Brussels' },
  );
  const talks = await conferences.talks(conf);
  keynote = talks.find((t) => t.sourceKey.includes('identity_crisis'))!;
  openjdk = talks.find((t) => t.sourceKey.includes('state_of_openjdk'))!;
});

afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

describe('addShot', () => {
  it('stores the original and a pending record, keyed by the SHA-256 of the bytes', async () => {
    const file = shot();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const photo = await photos.addShot(conf, keynote.id, file, 1000);
    expect(photo.id).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await db.photos.get(photo.id)).toEqual({
      id: photo.id,
      conferenceId: conf,
      talkId: keynote.id,
      position: 0,
      caption: '',
      takenAt: 1000,
      width: 0,
      height: 0,
      size: file.size,
      type: 'image/jpeg',
      status: 'pending',
      createdAt: Date.UTC(2015, 0, 31, 9, 30),
    });
    const original = await db.originals.get(photo.id);
    expect(original).toMatchObject({ type: 'image/jpeg', name: file.name });
    expect(new Uint8Array(await original!.blob.arrayBuffer())).toEqual(bytes);
  });

  it('numbers shots per talk, the Unsorted tray counting on its own', async () => {
    const a = await photos.addShot(conf, keynote.id, shot(), 1);
    const b = await photos.addShot(conf, keynote.id, shot(), 2);
    const c = await photos.addShot(conf, unsortedTray(conf), shot(), 3);
    expect([a.position, b.position, c.position]).toEqual([0, 1, 0]);
    expect(c.talkId).toBe(`unsorted:${conf}`);
  });

  it('files to the Unsorted tray when the talk is gone or belongs to another conference', async () => {
    const gone = await photos.addShot(conf, 'no-such-talk', shot(), 1);
    const other = await photos.addShot('other-conference', keynote.id, shot(), 1);
    expect(gone.talkId).toBe(unsortedTray(conf));
    expect(other.talkId).toBe(unsortedTray('other-conference'));
  });

  it('returns the stored photo when the same bytes come again', async () => {
    const file = shot();
    const first = await photos.addShot(conf, keynote.id, file, 1);
    const again = await photos.addShot(conf, openjdk.id, file, 2);
    expect(again).toEqual(first);
    expect(await db.photos.count()).toBe(1);
  });

  it('shows a new shot in every live list of its talk, and in the outbox', async () => {
    // Two lists of one talk share Dexie's cached query: the shot, written without Dexie, must
    // reach both, and neither may be served the cached empty list again.
    const lists = [photos.watchTalkPhotos(keynote.id), photos.watchTalkPhotos(keynote.id)];
    const latest: Photo[][][] = [[], []];
    const subs = lists.map((list, i) => list.subscribe((v) => latest[i]!.push(v)));
    const waiting = liveQuery(() => db.outbox.where({ conferenceId: conf }).primaryKeys());
    const outbox: string[][] = [];
    subs.push(waiting.subscribe((keys) => outbox.push(keys)));
    await vi.waitFor(() => expect(latest.map((l) => l.length)).toEqual([1, 1]));
    await vi.waitFor(() => expect(outbox).toHaveLength(1));

    const photo = await photos.addShot(conf, keynote.id, shot(), 1);
    await vi.waitFor(() => expect(latest.map((l) => l.at(-1))).toEqual([[photo], [photo]]));
    await vi.waitFor(() => expect(outbox.at(-1)).toContain(`photos/${photo.id}`));
    for (const sub of subs) sub.unsubscribe();
  });

  it('on a full disk writes nothing at all and says so in plain words', async () => {
    const outbox = await db.outbox.count();
    refusePut('photos', 'QuotaExceededError');
    const err = await photos.addShot(conf, keynote.id, shot(), 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as Error).message).toMatch(
      /this photo was not saved\. Photos already saved are safe/,
    );
    // The original was put first; the failed transaction took it back out.
    expect(await db.originals.count()).toBe(0);
    expect(await db.photos.count()).toBe(0);
    expect(await db.outbox.count()).toBe(outbox);
  });

  it("retries Safari's UnknownError once and then stores the shot", async () => {
    refusePut('photos', 'UnknownError', 1);
    const photo = await photos.addShot(conf, keynote.id, shot(), 1);
    expect(await db.photos.get(photo.id)).toMatchObject({ status: 'pending' });
    expect(await db.originals.count()).toBe(1);
    expect(await db.outbox.get(`photos/${photo.id}`)).toMatchObject({ conferenceId: conf });
  });
});

describe('processing', () => {
  it('stores the JPEG and thumbnail beside their types, marks ready and drops the original', async () => {
    const { id } = await photos.addShot(conf, keynote.id, shot(), 1);
    const ready = await photos.completeProcessing(id, processed());
    expect(ready).toMatchObject({ status: 'ready', width: 1920, height: 1440, type: 'image/jpeg' });
    expect(ready!.size).toBe(image('slide.jpg').length);
    expect(await db.photoBlobs.get(id)).toMatchObject({
      type: 'image/jpeg',
      name: `IMG_${shots}.jpg`,
    });
    expect(await db.thumbs.get(id)).toMatchObject({ type: 'image/webp' });
    expect(await db.originals.get(id)).toBeUndefined();
    expect((await photos.image(id))!.size).toBe(image('slide.jpg').length);
    expect((await photos.thumb(id))!.type).toBe('image/webp');
  });

  it('keeps the original when "Keep originals" is on', async () => {
    const file = shot();
    const { id } = await photos.addShot(conf, keynote.id, file, 1);
    await photos.completeProcessing(id, processed(), { keepOriginal: true });
    expect((await photos.original(id))!.size).toBe(file.size);
  });

  it('stores the user’s crop as final: new image and thumbnail, sent again, original dropped', async () => {
    const sync = new SyncRepo(db, photos);
    const { id } = await photos.addShot(conf, keynote.id, shot(), 1);
    const found = { keepOriginal: true, foundBy: 'finder' } as const;
    const ready = await photos.completeProcessing(id, processed(), found);
    await sync.markUploaded([ready!]);
    await photos.markExported([id], 6);
    expect(await sync.photosToUpload(conf)).toEqual([]);
    expect(await photos.countUnexported(conf)).toBe(0);
    const corners = {
      topLeft: { x: 0.1, y: 0.1 },
      topRight: { x: 0.9, y: 0.1 },
      bottomRight: { x: 0.9, y: 0.9 },
      bottomLeft: { x: 0.1, y: 0.9 },
    };
    const jpeg = storedJpeg(image('slide.jpg').slice(0, 900));
    const thumb = new Blob([image('slide.jpg').subarray(0, 300)], { type: 'image/jpeg' });
    const crop = { corners, imageTag: '12345678', keepOriginal: false };
    const cropped = await photos.storeCrop(id, { ...jpeg, thumb, width: 1200, height: 900 }, crop);
    expect(cropped).toMatchObject({ cropBy: 'user', corners, imageTag: '12345678', size: 900 });
    expect(cropped!.exportedAt).toBeUndefined();
    // Its mark names the image before the crop: the crop goes to the server, mark untouched.
    expect((await sync.photosToUpload(conf)).map((p) => p.id)).toEqual([id]);
    expect(await photos.countUnexported(conf)).toBe(1);
    expect(await db.onServer.get(id)).toEqual({ id, conferenceId: conf });
    expect((await photos.jpeg(id))!.size).toBe(900);
    expect((await photos.thumb(id))!.size).toBe(300);
    expect(await photos.original(id)).toBeUndefined();

    // "No crop" keeps no corners.
    const whole = { corners: undefined, imageTag: '9abcdef0', keepOriginal: false };
    const back = await photos.storeCrop(id, { ...jpeg, thumb, width: 1920, height: 1440 }, whole);
    expect(back!.corners).toBeUndefined();
    expect(back).toMatchObject({ cropBy: 'user', imageTag: '9abcdef0', width: 1920 });
  });

  it('counts the originals kept only for the finder’s crops, and frees them on request', async () => {
    const corners = {
      topLeft: { x: 0.1, y: 0.1 },
      topRight: { x: 0.9, y: 0.1 },
      bottomRight: { x: 0.9, y: 0.9 },
      bottomLeft: { x: 0.1, y: 0.9 },
    };
    const cropped = shot();
    const a = await photos.addShot(conf, keynote.id, cropped, 1);
    await photos.completeProcessing(
      a.id,
      { ...processed(), corners },
      { keepOriginal: true, foundBy: 'finder' },
    );
    // No slide found, kept by "Keep originals": not held for a crop, so not counted.
    const b = await photos.addShot(conf, keynote.id, shot(), 2);
    await photos.completeProcessing(b.id, processed(), { keepOriginal: true, foundBy: 'finder' });
    expect(await photos.heldOriginals()).toEqual({ count: 1, bytes: cropped.size });

    await photos.dropHeldOriginals();
    expect(await photos.heldOriginals()).toEqual({ count: 0, bytes: 0 });
    expect(await photos.original(a.id)).toBeUndefined();
    expect(await photos.original(b.id)).toBeDefined();
    expect(await db.photos.get(a.id)).toMatchObject({ corners, status: 'ready' });
  });

  it('serves the original as the image while the photo is pending', async () => {
    const file = shot();
    const { id } = await photos.addShot(conf, keynote.id, file, 1);
    expect((await photos.image(id))!.size).toBe(file.size);
    expect(await photos.thumb(id)).toBeUndefined();
  });

  it('puts the MIME type back on a Blob that lost it', async () => {
    const { id } = await photos.addShot(conf, keynote.id, shot(), 1);
    await photos.completeProcessing(id, { ...processed(), thumb: new Blob([image('slide.jpg')]) });
    await db.thumbs.update(id, { blob: new Blob([image('slide.jpg')]), type: 'image/jpeg' });
    expect((await photos.thumb(id))!.type).toBe('image/jpeg');
  });

  it('on a full disk keeps the photo pending with its original, storing none of the result', async () => {
    const { id } = await photos.addShot(conf, keynote.id, shot(), 1);
    vi.spyOn(db.thumbs, 'put').mockImplementation(() =>
      Dexie.Promise.reject(domError('QuotaExceededError')),
    );
    await expect(photos.completeProcessing(id, processed())).rejects.toBeInstanceOf(
      StorageFullError,
    );
    expect(await db.photos.get(id)).toMatchObject({ status: 'pending' });
    expect(await db.photoBlobs.count()).toBe(0);
    expect(await db.originals.count()).toBe(1);
  });

  it('writes nothing for a photo purged while it was processed', async () => {
    const { id } = await photos.addShot(conf, keynote.id, shot(), 1);
    await photos.delete(id);
    await photos.purgeDeleted(Infinity);
    expect(await photos.completeProcessing(id, processed())).toBeUndefined();
    expect(await db.photoBlobs.count()).toBe(0);
  });

  it('marks a failure in plain words and keeps the original', async () => {
    const { id } = await photos.addShot(conf, keynote.id, shot(), 1);
    await photos.markFailed(id, 'This photo is damaged.');
    expect(await db.photos.get(id)).toMatchObject({
      status: 'failed',
      error: 'This photo is damaged.',
    });
    expect(await db.originals.count()).toBe(1);
    await photos.completeProcessing(id, processed());
    expect((await db.photos.get(id))!.error).toBeUndefined();
  });

  it('finds unfinished shots after the database is closed and reopened (a killed tab)', async () => {
    const a = await photos.addShot(conf, keynote.id, shot(), 1);
    const b = await photos.addShot(conf, keynote.id, shot(), 2);
    const c = await photos.addShot(conf, keynote.id, shot(), 3);
    await photos.completeProcessing(b.id, processed());
    await photos.markFailed(c.id, 'Damaged.');
    const name = db.name;
    db.close();
    const reopened = new PhotoRepo(createDb(name));
    expect((await reopened.pending()).map((p) => p.id)).toEqual([a.id]);
    expect(await reopened.original(a.id)).toBeDefined();
  });
});

describe('lists and edits', () => {
  async function three(talkId = keynote.id): Promise<Photo[]> {
    const out: Photo[] = [];
    for (let i = 0; i < 3; i++) out.push(await photos.addShot(conf, talkId, shot(), i));
    return out;
  }
  const ids = (list: Photo[]) => list.map((p) => p.id);

  it('watches a talk: metadata only, in order, updated on every change', async () => {
    const [a, b] = await three();
    const first = await next(photos.watchTalkPhotos(keynote.id));
    expect(first).toHaveLength(3);
    expect(ids(first).slice(0, 2)).toEqual([a!.id, b!.id]);
    for (const p of first)
      expect(Object.values(p).some((v: unknown) => v instanceof Blob)).toBe(false);
    const later = next(photos.watchTalkPhotos(keynote.id), (list) => list.length === 4);
    await photos.addShot(conf, keynote.id, shot(), 9);
    expect(await later).toHaveLength(4);
  });

  it('moves a photo to the end of another talk and back to the tray, within its conference', async () => {
    const [a] = await three();
    const [x] = await three(openjdk.id);
    expect(await photos.move(a!.id, openjdk.id)).toBe(keynote.id);
    expect(await db.photos.get(a!.id)).toMatchObject({ talkId: openjdk.id, position: 3 });
    await photos.move(x!.id, unsortedTray(conf));
    expect(await db.photos.get(x!.id)).toMatchObject({ talkId: unsortedTray(conf), position: 0 });
    await expect(photos.move(a!.id, unsortedTray('another'))).rejects.toThrow(
      /not in this conference/,
    );
    await expect(photos.move(a!.id, 'no-such-talk')).rejects.toThrow(/not in this conference/);
  });

  it('reorders; photos the caller did not list keep their order after the rest', async () => {
    const [a, b, c] = await three();
    const late = await photos.addShot(conf, keynote.id, shot(), 9); // arrived mid-drag
    await photos.reorder(keynote.id, [c!.id, a!.id, b!.id]);
    const list = await next(photos.watchTalkPhotos(keynote.id));
    expect(ids(list)).toEqual([c!.id, a!.id, b!.id, late.id]);
    expect(list.map((p) => p.position)).toEqual([0, 1, 2, 3]);
  });

  it('captions', async () => {
    const [a] = await three();
    await photos.setCaption(a!.id, 'The architecture slide');
    expect((await db.photos.get(a!.id))!.caption).toBe('The architecture slide');
  });

  it('deletes with undo, survives a reload, and purges the bytes later', async () => {
    const [a, b] = await three();
    await photos.completeProcessing(a!.id, processed());
    const token = await photos.delete(a!.id);
    expect(ids(await next(photos.watchTalkPhotos(keynote.id)))).not.toContain(a!.id);
    expect(await photos.countUnexported(conf)).toBe(2);
    await photos.restore(token);
    expect(ids(await next(photos.watchTalkPhotos(keynote.id)))[0]).toBe(a!.id);

    await new SyncRepo(db, photos).markUploaded([(await db.photos.get(a!.id))!]);
    const again = await photos.delete(a!.id);
    await photos.delete(b!.id);
    expect(await photos.purgeDeleted(again.deletedAt)).toBe(0); // nothing deleted before it
    expect(await photos.purgeDeleted(Infinity)).toBe(2);
    expect(await db.photoBlobs.get(a!.id)).toBeUndefined();
    expect(await db.thumbs.get(a!.id)).toBeUndefined();
    expect(await db.originals.get(b!.id)).toBeUndefined();
    expect(await db.onServer.count()).toBe(0);
    await photos.restore(again); // too late: nothing comes back
    expect(await db.photos.get(a!.id)).toBeUndefined();
  });

  it('ignores a stale undo token once the photo was deleted again', async () => {
    const [a] = await three();
    const first = await photos.delete(a!.id);
    await photos.restore(first);
    await photos.delete(a!.id);
    await photos.restore(first);
    expect((await db.photos.get(a!.id))!.deletedAt).toBeDefined();
  });

  it('adding a deleted photo again brings it back fresh', async () => {
    const file = shot();
    const first = await photos.addShot(conf, keynote.id, file, 1);
    const ready = await photos.completeProcessing(first.id, processed());
    await new SyncRepo(db, photos).markUploaded([ready!]);
    await photos.delete(first.id);
    const again = await photos.addShot(conf, openjdk.id, file, 2);
    expect(again).toMatchObject({ id: first.id, talkId: openjdk.id, status: 'pending' });
    expect(again.deletedAt).toBeUndefined();
    expect(await db.photoBlobs.get(first.id)).toBeUndefined();
    expect(await db.onServer.get(first.id)).toBeUndefined();
  });

  it('counts photos not yet exported or synced, live', async () => {
    const [a, b, c] = await three();
    expect(await photos.countUnexported(conf)).toBe(3);
    const badge = next(photos.watchUnexported(conf), (count) => count === 1);
    await photos.markExported([a!.id], 100);
    await new SyncRepo(db, photos).markUploaded([b!]);
    expect(await badge).toBe(1);
    expect(await photos.countUnexported('other')).toBe(0);
    expect(c).toBeDefined();
  });

  it('names the talks holding photos, so a schedule refresh keeps them', async () => {
    await three();
    await photos.addShot(conf, unsortedTray(conf), shot(), 1);
    expect(await photos.talkIdsWithPhotos(conf)).toEqual(new Set([keynote.id, unsortedTray(conf)]));
  });

  it('purges a whole conference', async () => {
    const [a] = await three();
    await photos.completeProcessing(a!.id, processed());
    await photos.purgeConference(conf);
    expect(await db.photos.count()).toBe(0);
    expect(await db.originals.count()).toBe(0);
    expect(await db.photoBlobs.count()).toBe(0);
  });
});
