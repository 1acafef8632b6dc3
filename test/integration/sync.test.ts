// The sync engine and the database together, against a real Apache httpd with mod_dav (started
// here, see test/support/dav-server.ts), through a proxy that injects faults. Each "device" is
// its own IndexedDB (fake-indexeddb), as two browser profiles would be.
import { existsSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Observable } from 'dexie';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type ConfnotesDb } from '../../src/lib/db/db';
import { ConferenceRepo } from '../../src/lib/db/conference-repo';
import { NotesRepo } from '../../src/lib/db/notes-repo';
import { imageTag } from '../../src/lib/capture/recrop';
import { PhotoEdits } from '../../src/lib/db/photo-edits';
import { keepThisOne, stackAfterReading } from '../../src/lib/db/photo-stacks';
import { PhotoRepo } from '../../src/lib/db/photo-repo';
import { StarRepo } from '../../src/lib/db/star-repo';
import { StorageFullError } from '../../src/lib/db/errors';
import { SyncRepo } from '../../src/lib/db/sync-repo';
import type { Corners, Photo } from '../../src/lib/model/types';
import { SyncEngine, type SyncReport } from '../../src/lib/sync/engine';
import { SYNC_WORDS } from '../../src/lib/sync/words';
import { startDav, type DavServer } from '../support/dav-server';
import { startFaultProxy, type FaultProxy, type Hold } from '../support/fault-proxy';
import { parsed } from '../unit/schedule/fixtures';
import { storedJpeg } from '../support/stored-jpeg';

let dav: DavServer;
let proxy: FaultProxy;
let n = 0;

/**
 * Apache as the tests first knew it (strong ETags, a digest of the content) and as Debian sets
 * it up by default (`FileETag MTime Size`: an ETag stays weak for a second after a write).
 */
const APACHES = [
  { name: 'FileETag Digest', etag: 'digest' as const },
  { name: 'FileETag MTime Size (the default)', etag: 'mtime' as const },
];

class Device {
  db: ConfnotesDb;
  repo: SyncRepo;
  notes: NotesRepo;
  constructor(readonly name: string) {
    this.db = createDb(`sync-${name}-${++n}`);
    this.repo = new SyncRepo(this.db);
    this.notes = new NotesRepo(this.db);
  }

  /** The stored JPEG of a photo here. */
  image(id: string): Promise<Blob | undefined> {
    return new PhotoRepo(this.db).jpeg(id);
  }

  /**
   * Crops a photo here as the user does: corners whose left edge is at `x`, `bytes` the new
   * image. Returns the corners and the name the image goes under on the server.
   */
  async crop(
    id: string,
    x: number,
    bytes: Uint8Array<ArrayBuffer>,
  ): Promise<{ corners: Corners; file: string }> {
    const corners = {
      topLeft: { x, y: 0.1 },
      topRight: { x: 0.9, y: 0.1 },
      bottomRight: { x: 0.9, y: 0.9 },
      bottomLeft: { x, y: 0.9 },
    };
    const { jpeg, crc } = storedJpeg(bytes);
    const tag = imageTag(corners);
    await new PhotoRepo(this.db).storeCrop(
      id,
      { jpeg, crc, thumb: jpeg, width: 1600, height: 900 },
      { corners, imageTag: tag, keepOriginal: false },
    );
    return { corners, file: `${id}-${tag}.jpg` };
  }

  /** Through the fault proxy, unless `server` says otherwise (Apache itself, past it). */
  sync(lang: 'en' | 'fr' = 'en', now?: () => number, server = proxy.url): Promise<SyncReport> {
    const account = { url: server + folder, username: dav.user, password: dav.password };
    return new SyncEngine(this.repo, account, { lang, ...(now && { now }) }).run();
  }

  async importRc3(): Promise<{ conferenceId: string; talkId: string }> {
    const conferenceId = await new ConferenceRepo(this.db).create(
      parsed('rc3'),
      { kind: 'file', fileName: 'rc3.json', format: 'frab-json', fetchedAt: 0 },
      { deviceTimeZone: 'UTC' },
    );
    const talks = await this.db.talks.where({ conferenceId }).sortBy('order');
    return { conferenceId, talkId: talks[0]!.id };
  }

  /** A processed photo, as capture leaves it: record and image in one transaction. */
  async addPhoto(conferenceId: string, talkId: string, seed: number): Promise<Photo> {
    const bytes = new Uint8Array(2048).map((_, i) => (i * seed) % 251);
    const id = `${seed.toString(16).padStart(8, '0')}${'ab'.repeat(28)}`;
    const photo: Photo = {
      id,
      conferenceId,
      talkId,
      position: 100 + seed,
      caption: `slide ${seed}`,
      takenAt: seed,
      width: 1920,
      height: 1080,
      size: bytes.byteLength,
      type: 'image/jpeg',
      status: 'ready',
      createdAt: seed,
    };
    const blob = new Blob([bytes], { type: 'image/jpeg' });
    await this.db.transaction('rw', this.db.photos, this.db.photoBlobs, async () => {
      await this.db.photos.add(photo);
      await this.db.photoBlobs.add({ id, blob, type: 'image/jpeg', name: `${id}.jpg` });
    });
    return photo;
  }

  async text(id: string) {
    return (await this.db.entries.get(id))?.text;
  }
}

// Each test syncs into its own account folder.
let folder = '';
beforeEach(async () => {
  folder = `account-${++n}/`;
  expect((await dav.request('MKCOL', folder)).status).toBe(201);
  proxy.clear();
  proxy.requests.length = 0;
});

const onDisk = (...parts: string[]) => join(dav.root, folder, ...parts);

function firstValue<T>(observable: Observable<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const sub = observable.subscribe({
      next: (value) => {
        resolve(value);
        queueMicrotask(() => sub.unsubscribe());
      },
      error: reject,
    });
  });
}

function clean(report: SyncReport) {
  expect(report.error?.message).toBeUndefined();
  for (const c of report.conferences) {
    expect(c.error).toBeUndefined();
    expect(c.lost).toBeUndefined();
  }
  return report;
}

/** A phone and a laptop sharing one conference with one photo, synced to both. */
async function sharedPhoto(seed: number) {
  const phone = new Device('phone');
  const laptop = new Device('laptop');
  const { conferenceId, talkId } = await phone.importRc3();
  const photo = await phone.addPhoto(conferenceId, talkId, seed);
  const slug = clean(await phone.sync()).conferences[0]!.folder;
  clean(await laptop.sync());
  return { phone, laptop, photo, slug };
}

/**
 * Holds the read-back of a state file (the GET after a PUT of it that the server took) until
 * released: a PUT refused with 412 is followed by a read to merge again, let through.
 */
async function readBackHeld(path: RegExp): Promise<Hold> {
  for (;;) {
    const put = proxy.hold({ method: 'PUT', path });
    await put.reached;
    const get = proxy.hold({ method: 'GET', path });
    put.release();
    await get.reached;
    const written = proxy.requests.filter((r) => r.method === 'PUT' && path.test(r.path)).at(-1);
    if (written?.status !== 412) return get;
    get.release();
  }
}

describe.each(APACHES)('sync against Apache mod_dav, $name', ({ etag }) => {
  beforeAll(async () => {
    dav = await startDav({ password: 'app-pw-7c1e9b', etag });
    proxy = await startFaultProxy(dav.url);
  }, 60_000);

  afterAll(async () => {
    await proxy?.stop();
    await dav?.stop();
  });

  it('puts a readable folder on the server and brings everything to a second device', async () => {
    const phone = new Device('phone');
    const { conferenceId, talkId } = await phone.importRc3();
    await new StarRepo(phone.db).set(talkId, conferenceId, true);
    const photo = await phone.addPhoto(conferenceId, talkId, 7);
    const noteId = await phone.notes.saveEntry(conferenceId, talkId, undefined, '- first point');
    await phone.notes.saveOpinion(conferenceId, talkId, 'Worth it');
    const first = clean(await phone.sync());
    expect(first.conferences).toHaveLength(1);
    expect(first.conferences[0]!.uploaded).toBe(1);
    expect(await phone.db.outbox.count()).toBe(0);

    const slug = first.conferences[0]!.folder;
    expect(readdirSync(onDisk(slug)).sort()).toEqual(
      ['.confnotes', 'images', `${slug}.adoc`, `${slug}.md`].sort(),
    );
    expect(readdirSync(onDisk(slug, 'images'))).toEqual([`${photo.id}.jpg`]);
    const adoc = readFileSync(onDisk(slug, `${slug}.adoc`), 'utf8');
    expect(adoc).toContain(`image:${photo.id}.jpg[]`);
    expect(adoc).toContain('* first point');
    expect(readFileSync(onDisk(slug, `${slug}.md`), 'utf8')).toContain(`](images/${photo.id}.jpg)`);

    const laptop = new Device('laptop');
    const pulled = clean(await laptop.sync());
    expect(pulled.conferences.map((c) => c.conferenceId)).toEqual([conferenceId]);
    expect(await laptop.db.talks.where({ conferenceId }).count()).toBe(48);
    expect(await laptop.text(noteId!)).toBe('- first point');
    expect((await laptop.db.opinions.get(talkId))?.text).toBe('Worth it');
    expect(await laptop.db.stars.get(talkId)).toBeTruthy();
    const image = await laptop.image(photo.id);
    const sent = new Uint8Array(await (await phone.image(photo.id))!.arrayBuffer());
    expect(new Uint8Array(await image!.arrayBuffer())).toEqual(sent);
    // Stored without a CRC-32 (reading it here costs more than the export's read of it).
    expect((await laptop.db.photoBlobs.get(photo.id))?.crc).toBeUndefined();
    expect(await laptop.db.outbox.count()).toBe(0);

    // The password is on neither the server nor in any synced file.
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
      );
    for (const file of files(onDisk())) {
      expect(readFileSync(file, 'latin1'), file).not.toContain(dav.password);
    }
  });

  it('needs only listings when nothing changed, and sends each photo once', async () => {
    const phone = new Device('phone');
    const { conferenceId, talkId } = await phone.importRc3();
    for (let i = 1; i <= 3; i++) await phone.addPhoto(conferenceId, talkId, i);
    const slug = clean(await phone.sync()).conferences[0]!.folder;
    const puts = proxy.requests.filter((r) => r.method === 'PUT' && r.path.includes('/images/'));
    expect(puts).toHaveLength(3);

    // A photo that could not be processed is not sent, and does not count as waiting.
    const failed = await phone.addPhoto(conferenceId, talkId, 9);
    await phone.db.photos.update(failed.id, { status: 'failed', error: 'damaged' });
    const waiting = await firstValue(phone.repo.watchWaiting());
    expect(waiting.get(conferenceId) ?? 0).toBe(0);

    proxy.requests.length = 0;
    // The conference's state folder is listed without waiting for the account's listing.
    const account = proxy.hold({ method: 'PROPFIND', path: new RegExp(`/${folder}$`) });
    const syncing = phone.sync();
    await account.reached;
    // A held request is listed once let through.
    await expect
      .poll(() => proxy.requests.map((r) => r.path))
      .toEqual([`/dav/${folder}${slug}/.confnotes/`]);
    account.release();
    clean(await syncing);
    expect(proxy.requests.map((r) => r.method)).toEqual(['PROPFIND', 'PROPFIND']);
  });

  it('looks into another app’s folder once, then again only when its ETag changes or hours later', async () => {
    const phone = new Device('phone');
    await phone.importRc3();
    await dav.request('MKCOL', `${folder}Documents/`);
    await dav.request('PUT', `${folder}Documents/taxes.pdf`, 'not ours');
    clean(await phone.sync());
    const into = (name: string) =>
      proxy.requests.filter((r) => r.method === 'PROPFIND' && r.path.includes(`/${name}/`));
    expect(into('Documents')).toHaveLength(1);

    proxy.requests.length = 0;
    clean(await phone.sync());
    expect(proxy.requests.map((r) => r.method)).toEqual(['PROPFIND', 'PROPFIND']);
    expect(into('Documents')).toHaveLength(0);

    // Once it holds Confnotes state (here moved in from another device's folder), the
    // conference in it is adopted, hours later at most.
    const laptop = new Device('laptop');
    const other = await laptop.importRc3();
    const pushed = clean(await laptop.sync()).conferences;
    const slug = pushed.find((c) => c.conferenceId === other.conferenceId)!.folder;
    renameSync(onDisk(slug, '.confnotes'), onDisk('Documents', '.confnotes'));
    proxy.requests.length = 0;
    let adopted = clean(await phone.sync());
    if (etag === 'digest') {
      // Apache's digest ETag of a folder never changes: only the hours bring it back. With
      // MTime ETags the folder's tag changed with the move, so it was looked into at once.
      expect(into('Documents')).toHaveLength(0);
      adopted = clean(await phone.sync('en', () => Date.now() + 7 * 3600_000));
    }
    expect(into('Documents').length).toBeGreaterThan(0);
    expect(adopted.conferences.map((c) => c.folder)).toContain('Documents');
    expect(await phone.db.conferences.get(other.conferenceId)).toBeTruthy();
  });

  it('never sends a request outside the conference’s folder, even for a photo id that is a path', async () => {
    const phone = new Device('phone');
    const laptop = new Device('laptop');
    const { conferenceId, talkId } = await phone.importRc3();
    const gone = await phone.addPhoto(conferenceId, talkId, 5);
    await phone.notes.saveEntry(conferenceId, talkId, undefined, 'a note');
    const slug = clean(await phone.sync()).conferences[0]!.folder;
    clean(await laptop.sync());
    const edits = new PhotoEdits(phone.db);
    await edits.delete(gone.id);
    await edits.purgeDeleted(Date.now() + 1);
    clean(await phone.sync());
    clean(await laptop.sync());

    // A photo whose id is a path, as a hostile zip once brought in, next to the user's own
    // Photos folder: the client refuses it in plain words, and Photos is untouched.
    await dav.request('MKCOL', `${folder}Photos/`);
    await dav.request('PUT', `${folder}Photos/IMG_0001.jpg`, 'the user’s photo');
    const hostile = await phone.addPhoto(conferenceId, talkId, 6);
    await phone.db.transaction('rw', phone.db.photos, phone.db.photoBlobs, async () => {
      await phone.db.photos.delete(hostile.id);
      await phone.db.photoBlobs.delete(hostile.id);
      const id = '../../../Photos/IMG_0001';
      await phone.db.photos.add({ ...hostile, id });
      const blob = new Blob(['overwritten'], { type: 'image/jpeg' });
      await phone.db.photoBlobs.add({ id, blob, type: 'image/jpeg', name: 'x.jpg' });
    });
    const refused = await phone.sync();
    expect(refused.conferences[0]!.error?.words).toBe(SYNC_WORDS.outside);
    expect(readFileSync(onDisk('Photos', 'IMG_0001.jpg'), 'utf8')).toBe('the user’s photo');

    // Above the conference's folder, only reads that find conferences: the account listing
    // and a listing of another folder's .confnotes/ (the test's own two requests aside).
    const account = `/dav/${folder}`;
    const lines = (await dav.accessLog()).filter((l) => l.split(' ')[1]!.startsWith(account));
    const seen = [...lines, ...proxy.requests.map((r) => `${r.method} ${r.path}`)];
    expect(seen.filter((l) => l.includes(`${account}${slug}/`)).length).toBeGreaterThan(10);
    const mine = [account, `${account}Photos/`, `${account}Photos/IMG_0001.jpg`].map(
      (p, i) => `${i === 2 ? 'PUT' : 'MKCOL'} ${p}`,
    );
    for (const line of seen) {
      const [method, path] = line.split(' ') as [string, string];
      if (path.startsWith(`${account}${slug}/`) || mine.includes(`${method} ${path}`)) continue;
      expect(`${method} ${path}`).toMatch(
        new RegExp(`^PROPFIND ${account}([^/]+/\\.confnotes/)?$`),
      );
    }
    expect(seen.some((l) => l.startsWith('DELETE '))).toBe(true);
  });

  it('carries edits both ways, and deletions as tombstones', async () => {
    const phone = new Device('phone');
    const laptop = new Device('laptop');
    const { conferenceId, talkId } = await phone.importRc3();
    const noteId = (await phone.notes.saveEntry(conferenceId, talkId, undefined, 'v1'))!;
    await new StarRepo(phone.db).set(talkId, conferenceId, true);
    clean(await phone.sync());
    clean(await laptop.sync());

    await laptop.notes.saveEntry(conferenceId, talkId, noteId, 'v2 from the laptop');
    await new StarRepo(laptop.db).set(talkId, conferenceId, false);
    clean(await laptop.sync());
    clean(await phone.sync());
    expect(await phone.text(noteId)).toBe('v2 from the laptop');
    expect(await phone.db.stars.get(talkId)).toBeUndefined();

    await phone.notes.saveEntry(conferenceId, talkId, noteId, '');
    clean(await phone.sync());
    clean(await laptop.sync());
    expect(await laptop.db.entries.get(noteId)).toBeUndefined();
  });

  it('deletes the server’s image of a deleted photo, unless an edit elsewhere brought it back', async () => {
    const phone = new Device('phone');
    const laptop = new Device('laptop');
    const { conferenceId, talkId } = await phone.importRc3();
    const gone = await phone.addPhoto(conferenceId, talkId, 3);
    const kept = await phone.addPhoto(conferenceId, talkId, 4);
    const slug = clean(await phone.sync()).conferences[0]!.folder;
    clean(await laptop.sync());
    const images = () => readdirSync(onDisk(slug, 'images')).sort();
    expect(images()).toEqual([`${gone.id}.jpg`, `${kept.id}.jpg`]);

    // Deleted on the phone while the laptop captions `kept`, deleted on the phone too.
    const edits = new PhotoEdits(phone.db);
    await edits.delete(gone.id);
    await edits.delete(kept.id);
    await edits.purgeDeleted(Date.now() + 1);
    await new PhotoEdits(laptop.db).setCaption(kept.id, 'worth keeping');
    clean(await phone.sync());
    expect(images()).toEqual([]);
    expect(proxy.requests.filter((r) => r.method === 'DELETE')).toHaveLength(2);

    // The laptop's edit outlives the deletion: its image goes back up, and the phone gets both.
    clean(await laptop.sync());
    expect(await laptop.db.photos.get(gone.id)).toBeUndefined();
    expect(await laptop.image(gone.id)).toBeUndefined();
    expect(images()).toEqual([`${kept.id}.jpg`]);
    clean(await phone.sync());
    expect((await phone.db.photos.get(kept.id))?.caption).toBe('worth keeping');
    expect(await phone.image(kept.id)).toBeTruthy();
    expect(images()).toEqual([`${kept.id}.jpg`]);
  });

  it('brings a photo cropped again on one device, corners and new image, to the other', async () => {
    const { phone, laptop, photo, slug } = await sharedPhoto(6);
    expect((await laptop.image(photo.id))?.size).toBe(2048);

    const straight = new Uint8Array(1500).map((_, i) => (i * 7) % 253);
    const { corners, file: tagged } = await phone.crop(photo.id, 0.1, straight);
    const report = clean(await phone.sync());
    expect(report.conferences[0]!.uploaded).toBe(1);
    // The image it replaced is gone: nothing names it any more.
    expect(readdirSync(onDisk(slug, 'images'))).toEqual([tagged]);
    // The write-up names the new image.
    expect(readFileSync(onDisk(slug, `${slug}.md`), 'utf8')).toContain(`](images/${tagged})`);

    clean(await laptop.sync());
    const there = await laptop.db.photos.get(photo.id);
    expect(there).toMatchObject({ corners, cropBy: 'user', width: 1600, height: 900 });
    const image = await laptop.image(photo.id);
    expect(new Uint8Array(await image!.arrayBuffer())).toEqual(straight);
    // Nothing more to fetch on the next sync: the laptop holds this version.
    proxy.requests.length = 0;
    clean(await laptop.sync());
    expect(proxy.requests.filter((r) => r.method === 'GET' && r.path.includes('/images/'))).toEqual(
      [],
    );
  });

  it('deletes the image a crop replaced, keeping whichever image the photo shows', async () => {
    const { phone, laptop, photo, slug } = await sharedPhoto(7);
    const images = () => readdirSync(onDisk(slug, 'images')).sort();
    const crop = async (x: number) =>
      (await phone.crop(photo.id, x, new Uint8Array(900).fill(x * 100))).file;

    // Cropped twice between two syncs: only the last crop goes up, and the first image goes.
    await crop(0.2);
    const second = await crop(0.3);
    // Meanwhile the laptop captions the photo it still shows whole.
    await new PhotoEdits(laptop.db).setCaption(photo.id, 'the architecture');
    clean(await phone.sync());
    expect(images()).toEqual([second]);
    // Both changed the photo: the laptop, merging last, keeps its version, whole image and
    // all (merge.ts). Its image goes back up, and the crop's goes in turn.
    clean(await laptop.sync());
    expect(images()).toEqual([`${photo.id}.jpg`]);
    clean(await phone.sync());
    const whole = await phone.db.photos.get(photo.id);
    expect(whole).toMatchObject({ caption: 'the architecture' });
    expect(whole?.imageTag).toBeUndefined();
    expect((await phone.image(photo.id))?.size).toBe(2048);
    // The crop's thumbnail went with its image: lists show the whole one until a new one is made.
    expect(await phone.db.thumbs.get(photo.id)).toMatchObject({ standIn: 1 });

    // A DELETE that fails leaves the name for the next sync, which deletes it.
    const third = await crop(0.4);
    proxy.fail({ method: 'DELETE', path: /\/images\//, fault: { status: 503 } });
    clean(await phone.sync());
    expect(images()).toEqual([`${photo.id}.jpg`, third].sort());
    clean(await phone.sync());
    expect(images()).toEqual([third]);

    // The same corners as before: its image goes up again, and the one it replaced goes.
    expect(await crop(0.3)).toBe(second);
    clean(await phone.sync());
    expect(images()).toEqual([second]);
    clean(await laptop.sync());
    const shown = await laptop.image(photo.id);
    expect(new Uint8Array(await shown!.arrayBuffer())[0]).toBe(30);
    const md = readFileSync(onDisk(slug, `${slug}.md`), 'utf8');
    expect(md).toContain(`](images/${second})`);
  });

  it('carries slide text and stack choices both ways, merging a photo changed on both', async () => {
    const phone = new Device('phone');
    const laptop = new Device('laptop');
    const { conferenceId, talkId } = await phone.importRc3();
    const first = await phone.addPhoto(conferenceId, talkId, 8);
    const again = await phone.addPhoto(conferenceId, talkId, 9);
    const slug = clean(await phone.sync()).conferences[0]!.folder;
    clean(await laptop.sync());

    // The phone reads both shots while the laptop captions the first: one photo, two changes.
    const text = { words: 'Kafka at scale\nPartitions are the unit', lang: 'en' as const };
    await phone.db.photos.update(first.id, { text, hash: '3c3c7e7e00ff8181' });
    await phone.db.photos.update(again.id, { text, hash: '3c3c7e7e00ff8180' });
    await laptop.db.photos.update(first.id, { caption: 'Intro' });
    clean(await phone.sync());
    clean(await laptop.sync());
    clean(await phone.sync());
    for (const device of [phone, laptop]) {
      expect(await device.db.photos.get(first.id)).toMatchObject({ caption: 'Intro', text });
    }
    const state = JSON.parse(readFileSync(onDisk(slug, '.confnotes', 'notes.json'), 'utf8'));
    expect(state.version).toBe(2);

    // The laptop stacks the re-shot and keeps the first; the phone gets both choices.
    await stackAfterReading(laptop.db, again.id);
    await keepThisOne(laptop.db, first.id);
    clean(await laptop.sync());
    clean(await phone.sync());
    const there = await phone.db.photos.bulkGet([first.id, again.id]);
    expect(there.map((p) => [p?.stack, p?.kept])).toEqual([
      [first.id, true],
      [first.id, undefined],
    ]);
    // The write-up shows the stack once, by the shot kept; the server keeps both images.
    const md = readFileSync(onDisk(slug, `${slug}.md`), 'utf8');
    expect(md.match(/!\[.*?\]\(images\/[^)]+\)/g)).toEqual([
      `![Kafka at scale Partitions are the unit](images/${first.id}.jpg)`,
    ]);
    expect(readdirSync(onDisk(slug, 'images')).sort()).toEqual(
      [`${first.id}.jpg`, `${again.id}.jpg`].sort(),
    );
  });

  describe('a photo revived on one device while another deletes its image', () => {
    /** The phone deletes a photo the laptop captions; the phone's DELETE of its image waits. */
    async function race() {
      const { phone, laptop, photo, slug } = await sharedPhoto(8);
      const edits = new PhotoEdits(phone.db);
      await edits.delete(photo.id);
      await edits.purgeDeleted(Date.now() + 1);
      await new PhotoEdits(laptop.db).setCaption(photo.id, 'keep it');
      const held = proxy.hold({ method: 'DELETE', path: /\/images\// });
      const deleting = phone.sync();
      await held.reached;
      const image = () => existsSync(onDisk(slug, 'images', `${photo.id}.jpg`));
      return { phone, laptop, photo, held, deleting, image };
    }

    it('the DELETE after the reviving write: the next sync sends the image again', async () => {
      const { phone, laptop, photo, held, deleting, image } = await race();
      // The laptop revives the photo; its image check finds the file, still there.
      clean(await laptop.sync());
      held.release();
      clean(await deleting);
      expect(image()).toBe(false);
      clean(await laptop.sync());
      expect(image()).toBe(true);
      clean(await phone.sync());
      expect((await phone.db.photos.get(photo.id))?.caption).toBe('keep it');
      expect(await phone.image(photo.id)).toBeTruthy();
    });

    it('the DELETE between the image check and the reviving write: sent again at once', async () => {
      const { phone, laptop, held, deleting, image } = await race();
      const write = proxy.hold({ method: 'PUT', path: /notes\.json/ });
      const reviving = laptop.sync();
      await write.reached;
      held.release();
      clean(await deleting);
      expect(image()).toBe(false);
      write.release();
      clean(await reviving);
      expect(image()).toBe(true);
      clean(await phone.sync());
      expect(await phone.image((await phone.db.photos.toArray())[0]!.id)).toBeTruthy();
    });
  });

  it('keeps both versions of a note changed on both devices offline', async () => {
    const phone = new Device('phone');
    const laptop = new Device('laptop');
    const { conferenceId, talkId } = await phone.importRc3();
    const noteId = (await phone.notes.saveEntry(conferenceId, talkId, undefined, '- base'))!;
    clean(await phone.sync());
    clean(await laptop.sync());
    await phone.notes.saveEntry(conferenceId, talkId, noteId, '- base\n- from the phone');
    await laptop.notes.saveEntry(conferenceId, talkId, noteId, '- base\n- from the laptop');
    clean(await phone.sync());
    const second = clean(await laptop.sync());
    expect(second.conferences[0]!.conflicts).toBe(1);
    clean(await phone.sync());
    for (const device of [phone, laptop]) {
      const entry = await device.db.entries.get(noteId);
      expect(entry!.text).toBe('- base\n- from the phone');
      expect(entry!.otherVersions!.map((v) => v.text)).toEqual(['- base\n- from the laptop']);
    }
    await laptop.notes.keepVersion('entries', noteId, 0);
    clean(await laptop.sync());
    clean(await phone.sync());
    const settled = await phone.db.entries.get(noteId);
    expect(settled!.text).toBe('- base\n- from the laptop');
    expect(settled!.otherVersions).toBeUndefined();
  });

  it('writes the write-up again when another device wrote the state between its read and write', async () => {
    const phone = new Device('phone');
    const laptop = new Device('laptop');
    const { conferenceId, talkId } = await phone.importRc3();
    const slug = clean(await phone.sync()).conferences[0]!.folder;
    clean(await laptop.sync());
    await phone.notes.saveEntry(conferenceId, talkId, undefined, '- from the phone');
    await laptop.notes.saveEntry(conferenceId, talkId, undefined, '- from the laptop');
    // The phone's write-up goes beside its state file, which waits here while the laptop
    // writes its own, straight to the server: the phone's write is refused, and it merges again.
    const write = proxy.hold({ method: 'PUT', path: /notes\.json/ });
    const syncing = phone.sync();
    await write.reached;
    clean(await laptop.sync('en', undefined, dav.url));
    write.release();
    clean(await syncing);
    const adoc = readFileSync(onDisk(slug, `${slug}.adoc`), 'utf8');
    expect(adoc).toContain('from the phone');
    expect(adoc).toContain('from the laptop');
  });

  it('reads back only the end of the state it wrote, and never takes another write for its own', async () => {
    const phone = new Device('phone');
    const laptop = new Device('laptop');
    const { conferenceId, talkId } = await phone.importRc3();
    // A state file of some size: reading it back whole would show in the bytes.
    await phone.notes.saveEntry(conferenceId, talkId, undefined, '- long\n'.repeat(4000));
    clean(await phone.sync());
    clean(await laptop.sync());
    await phone.notes.saveEntry(conferenceId, talkId, undefined, '- from the phone');
    await laptop.notes.saveEntry(conferenceId, talkId, undefined, '- from the laptop');
    proxy.requests.length = 0;
    // Apache returns no ETag from a PUT, so the phone reads its state back after writing it;
    // that read waits here while the laptop writes its own state, straight to Apache.
    const syncing = phone.sync();
    const back = await readBackHeld(/notes\.json$/);
    clean(await laptop.sync('en', undefined, dav.url));
    back.release();
    clean(await syncing);
    const gets = proxy.requests.filter((r) => r.method === 'GET' && r.path.endsWith('notes.json'));
    // Read whole before the merge (again after a 412 from a weak ETag), then only its end.
    expect(gets.map((r) => r.status).slice(-2)).toEqual([200, 206]);
    expect(gets.at(-2)!.bytesOut).toBeGreaterThan(32_000);
    expect(gets.at(-1)!.bytesOut).toBeLessThan(2048);
    // The laptop's write was not taken for the phone's: the next sync reads and merges it.
    proxy.requests.length = 0;
    clean(await phone.sync());
    const read = proxy.requests.filter((r) => r.method === 'GET' && r.path.endsWith('notes.json'));
    expect(read).toHaveLength(1);
    const texts = (await phone.db.entries.toArray()).map((e) => e.text);
    expect(texts).toContain('- from the laptop');
  });

  it('loses nothing to a fault, and converges on the next sync', async () => {
    const phone = new Device('phone');
    const laptop = new Device('laptop');
    const { conferenceId, talkId } = await phone.importRc3();
    clean(await phone.sync());
    clean(await laptop.sync());
    const faults = [
      { method: 'PUT', path: /notes\.json/, fault: { status: 500 } },
      { method: 'PUT', path: /notes\.json/, fault: { status: 503 } },
      { method: 'PUT', path: /images\//, fault: { status: 507 } },
      { method: 'PROPFIND', fault: { status: 401 } },
      { method: 'PUT', path: /notes\.json/, fault: { status: 412 } },
      { method: 'PUT', path: /images\//, fault: { drop: 'mid-upload' as const } },
      { method: 'GET', path: /notes\.json/, fault: { drop: 'before' as const } },
    ];
    let seed = 100;
    for (const rule of faults) {
      const label = `${rule.method} ${'status' in rule.fault ? rule.fault.status : rule.fault.drop}`;
      const text = `written before ${label}`;
      const id = (await phone.notes.saveEntry(conferenceId, talkId, undefined, text))!;
      const photo = await phone.addPhoto(conferenceId, talkId, ++seed);
      proxy.fail(rule);
      proxy.requests.length = 0;
      const failed = await phone.sync();
      const hit = 'status' in rule.fault ? rule.fault.status : 0;
      expect(
        proxy.requests.some((r) => r.method === rule.method && r.status === hit),
        label,
      ).toBe(true);
      // 412 is not a failure: the engine reads the other write and merges again.
      if (!('status' in rule.fault && rule.fault.status === 412)) {
        const problem = failed.error?.message ?? failed.conferences[0]?.error;
        expect(problem, label).toBeTruthy();
        expect(await phone.db.outbox.get(`entries/${id}`), label).toBeTruthy();
      }
      expect(await phone.text(id), label).toBe(text);
      clean(await phone.sync());
      clean(await laptop.sync());
      expect(await laptop.text(id), label).toBe(text);
      expect(await laptop.image(photo.id), label).toBeTruthy();
    }
  });

  it('sends every conference’s changes in one sync, each cleared only once it is written', async () => {
    const phone = new Device('phone');
    const laptop = new Device('laptop');
    const first = await phone.importRc3();
    const second = await phone.importRc3();
    const note = async ({ conferenceId, talkId }: typeof first, text: string) =>
      (await phone.notes.saveEntry(conferenceId, talkId, undefined, text))!;
    // Both folders hold notes already, so a sync that finds no change waiting here for one
    // of them reads nothing more than its listing.
    await note(first, 'before');
    await note(second, 'before');
    clean(await phone.sync());
    clean(await laptop.sync());
    const notes = [await note(first, first.conferenceId), await note(second, second.conferenceId)];
    await phone.addPhoto(first.conferenceId, first.talkId, 31);
    expect(await phone.db.outbox.count()).toBeGreaterThan(2);
    clean(await phone.sync());
    expect(await phone.db.outbox.count()).toBe(0);
    clean(await laptop.sync());
    expect(await laptop.text(notes[0]!)).toBe(first.conferenceId);
    expect(await laptop.text(notes[1]!)).toBe(second.conferenceId);
  });

  it('keeps nothing half-received when the disk fills while images come in', async () => {
    const phone = new Device('phone');
    const laptop = new Device('laptop');
    const { conferenceId, talkId } = await phone.importRc3();
    const photos: Photo[] = [];
    for (let i = 1; i <= 30; i++) photos.push(await phone.addPhoto(conferenceId, talkId, 200 + i));
    clean(await phone.sync());
    // The laptop's disk is full from its second batch of received images on.
    const storeImages = laptop.repo.storeImages.bind(laptop.repo);
    let batches = 0;
    laptop.repo.storeImages = async (images) => {
      if (++batches > 1) throw new StorageFullError();
      await storeImages(images);
    };
    await expect(laptop.sync()).rejects.toBeInstanceOf(StorageFullError);
    // No photo lands without its image.
    expect(await laptop.db.photos.count()).toBe(0);
    const kept = await laptop.db.photoBlobs.count();
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(photos.length);

    // Space freed: the next sync fetches only the images not kept, and every photo lands.
    laptop.repo.storeImages = storeImages;
    proxy.requests.length = 0;
    clean(await laptop.sync());
    const gets = proxy.requests.filter((r) => r.method === 'GET' && r.path.includes('/images/'));
    expect(gets).toHaveLength(photos.length - kept);
    expect(await laptop.db.photos.count()).toBe(photos.length);
    for (const photo of photos) expect(await laptop.image(photo.id), photo.id).toBeTruthy();
  });

  it('asks before anything when the folder was emptied, and can send it all again', async () => {
    const phone = new Device('phone');
    const { conferenceId, talkId } = await phone.importRc3();
    const id = (await phone.notes.saveEntry(conferenceId, talkId, undefined, 'keep me'))!;
    const photo = await phone.addPhoto(conferenceId, talkId, 9);
    const slug = clean(await phone.sync()).conferences[0]!.folder;
    rmSync(onDisk(slug), { recursive: true });

    const report = await phone.sync();
    expect(report.conferences[0]!.lost).toBe('missing');
    expect(await phone.text(id)).toBe('keep me');
    expect(await phone.db.talks.where({ conferenceId }).count()).toBe(48);
    expect(existsSync(onDisk(slug))).toBe(false);

    await phone.repo.reconnect(conferenceId);
    clean(await phone.sync());
    expect(readFileSync(onDisk(slug, `${slug}.adoc`), 'utf8')).toContain('keep me');
    expect(readdirSync(onDisk(slug, 'images'))).toEqual([`${photo.id}.jpg`]);
  });

  it('resumes an interrupted upload without sending finished images again', async () => {
    const phone = new Device('phone');
    const { conferenceId, talkId } = await phone.importRc3();
    for (let i = 1; i <= 6; i++) await phone.addPhoto(conferenceId, talkId, 40 + i);
    clean(await phone.sync());
    for (let i = 1; i <= 6; i++) await phone.addPhoto(conferenceId, talkId, 60 + i);
    // The connection drops during one image of the second batch.
    proxy.fail({ method: 'PUT', path: /images\//, fault: { drop: 'mid-upload' } });
    proxy.requests.length = 0;
    const failed = await phone.sync();
    expect(failed.error ?? failed.conferences[0]?.error).toBeTruthy();
    const sentBefore = proxy.requests.filter((r) => r.method === 'PUT' && r.status === 201).length;
    proxy.requests.length = 0;
    clean(await phone.sync());
    const puts = proxy.requests.filter((r) => r.method === 'PUT' && r.path.includes('/images/'));
    expect(sentBefore + puts.length).toBe(6);
    expect(readdirSync(onDisk(failed.conferences[0]!.folder, 'images'))).toHaveLength(12);
  });

  it('reads the images to send a chunk at a time, and marks each one sent under its tag', async () => {
    const phone = new Device('phone');
    const { conferenceId, talkId } = await phone.importRc3();
    for (let i = 1; i <= 60; i++) await phone.addPhoto(conferenceId, talkId, 100 + i);
    const reads = vi.spyOn(phone.repo, 'images');
    const slug = clean(await phone.sync()).conferences[0]!.folder;
    expect(reads.mock.calls.map(([images]) => images.length)).toEqual([25, 25, 10]);
    expect(readdirSync(onDisk(slug, 'images'))).toHaveLength(60);
    expect(await phone.db.onServer.where({ conferenceId }).count()).toBe(60);
    expect(await phone.repo.photosToUpload(conferenceId)).toEqual([]);
  });

  it('never sends a crop made during the upload under the name of the image it replaced', async () => {
    const phone = new Device('phone');
    const { conferenceId, talkId } = await phone.importRc3();
    const photo = await phone.addPhoto(conferenceId, talkId, 7);
    const bytes = new Uint8Array(1200).fill(77);
    // The user crops the photo after the sync listed it to send, before its bytes are read.
    const read = phone.repo.images.bind(phone.repo);
    let tagged = '';
    vi.spyOn(phone.repo, 'images').mockImplementationOnce(async (images) => {
      tagged = (await phone.crop(photo.id, 0.2, bytes)).file;
      return read(images);
    });
    proxy.requests.length = 0;
    const slug = clean(await phone.sync()).conferences[0]!.folder;
    const puts = proxy.requests.filter((r) => r.method === 'PUT' && r.path.includes('/images/'));
    // Only the crop went up, under its own name, once the state named it.
    expect(puts.map((r) => r.path.split('/').pop())).toEqual([tagged]);
    expect(readdirSync(onDisk(slug, 'images'))).toEqual([tagged]);
    expect(new Uint8Array(readFileSync(onDisk(slug, 'images', tagged)))).toEqual(bytes);
    expect(await phone.repo.photosToUpload(conferenceId)).toEqual([]);
  });

  it('stops and asks when another copy replaced the folder', async () => {
    const phone = new Device('phone');
    const tablet = new Device('tablet');
    const { conferenceId, talkId } = await phone.importRc3();
    const id = (await phone.notes.saveEntry(conferenceId, talkId, undefined, 'phone words'))!;
    const slug = clean(await phone.sync()).conferences[0]!.folder;
    clean(await tablet.sync());
    await tablet.notes.saveEntry(conferenceId, talkId, undefined, 'tablet words');
    // Someone empties the folder; the tablet, asked what to do, sends its copy again.
    rmSync(onDisk(slug), { recursive: true });
    expect((await tablet.sync()).conferences[0]!.lost).toBe('missing');
    await tablet.repo.reconnect(conferenceId);
    clean(await tablet.sync());

    const report = await phone.sync();
    expect(report.conferences[0]!.lost).toBe('replaced');
    expect(await phone.text(id)).toBe('phone words');
    await phone.repo.reconnect(conferenceId);
    clean(await phone.sync());
    const texts = (await phone.db.entries.where({ conferenceId }).toArray()).map((e) => e.text);
    expect(texts.sort()).toEqual(['phone words', 'tablet words']);
  });

  it('deleting a conference here leaves the server copy, and sync does not bring it back', async () => {
    const phone = new Device('phone');
    const { conferenceId, talkId } = await phone.importRc3();
    await phone.notes.saveEntry(conferenceId, talkId, undefined, 'archived on the server');
    const slug = clean(await phone.sync()).conferences[0]!.folder;
    await new ConferenceRepo(phone.db).delete(conferenceId);
    expect(await phone.db.outbox.count()).toBe(0);
    const after = clean(await phone.sync());
    expect(after.conferences).toEqual([]);
    expect(await phone.db.conferences.get(conferenceId)).toBeUndefined();
    expect(readFileSync(onDisk(slug, `${slug}.md`), 'utf8')).toContain('archived on the server');
    // Another device still gets it.
    const laptop = new Device('laptop');
    clean(await laptop.sync());
    expect(await laptop.db.conferences.get(conferenceId)).toBeTruthy();
  });

  it('keeps a talk another device’s schedule refresh dropped, when this device has notes on it', async () => {
    const phone = new Device('phone');
    const laptop = new Device('laptop');
    const { conferenceId, talkId } = await phone.importRc3();
    clean(await phone.sync());
    clean(await laptop.sync());
    const noteId = (await laptop.notes.saveEntry(conferenceId, talkId, undefined, 'mine'))!;
    // The phone refreshes with a schedule that no longer lists that talk; it has no notes on it.
    // A copy: parsed() caches the fixture, and the next tests import it whole.
    const schedule = { ...parsed('rc3') };
    const dropped = (await phone.db.talks.get(talkId))!;
    schedule.talks = schedule.talks.filter((t) => t.title !== dropped.title);
    await new ConferenceRepo(phone.db).refresh(conferenceId, schedule, {
      kind: 'file',
      fileName: 'rc3.json',
      format: 'frab-json',
      fetchedAt: 1,
    });
    expect(await phone.db.talks.get(talkId)).toBeUndefined();
    clean(await phone.sync());
    clean(await laptop.sync());
    expect(await laptop.db.talks.get(talkId)).toMatchObject({ removedFromSchedule: true });
    expect(await laptop.text(noteId)).toBe('mine');
    clean(await laptop.sync());
    clean(await phone.sync());
    expect(await phone.db.talks.get(talkId)).toMatchObject({ removedFromSchedule: true });
    expect(await phone.text(noteId)).toBe('mine');
  });
});
