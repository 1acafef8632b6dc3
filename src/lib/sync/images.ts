// Image transfer for one conference folder: images of photos the merge brings are fetched
// before their records land, this device's images go up once (each marked when the server
// has it), and images of photos deleted here are deleted there, with the revive check.
import type { Photo } from '../model/types';
import { Batches } from './batches';
import { eachLimited } from './limit';
import { flagRevived, imageFile, imageRef } from './revive';
import type { SyncRun, ConferenceReport } from './run';
import { recordIn, type SyncRecord } from './state';
import type { ReceivedImage, SyncMeta } from './store';
import { DavError } from './webdav';
import { SyncError } from './words';

/** Fetches the images of photos the merge brings, before their records land here. */
export async function downloadImages(
  run: SyncRun,
  meta: SyncMeta,
  dir: string,
  put: Map<string, SyncRecord>,
  report: ConferenceReport,
) {
  const wanted: { key: string; photo: Photo }[] = [];
  for (const [key, record] of put) {
    const photo = recordIn('photos', key, record);
    if (!photo || photo.deletedAt !== undefined) continue;
    // The image this version shows: a record without a tag shows the whole photo.
    if (!(await run.store.hasImage({ id: photo.id, imageTag: photo.imageTag }))) {
      wanted.push({ key, photo });
    }
  }
  let done = 0;
  // Stored a batch at a time, each batch one transaction, while the next images come.
  const stored = new Batches(STORE_BATCH, async (images: ReceivedImage[]) => {
    await run.store.storeImages(images);
    report.downloaded += images.length;
  });
  try {
    await eachLimited(wanted, run.parallel, async ({ key, photo }) => {
      run.progress(meta, 'downloading', done, wanted.length);
      const got = await run.client.get(`${dir}images/${imageFile(photo)}`);
      if (!got) {
        // Its image is not on the server (yet): leave the photo for a later sync.
        put.delete(key);
        return;
      }
      // Kept as the browser holds it, with no CRC-32: reading its bytes here for one took
      // longer than an export's read of them (1 s against 0.3 s for 100 MB in Chromium).
      const bytes = await got.res.blob();
      const blob = bytes.type === photo.type ? bytes : bytes.slice(0, bytes.size, photo.type);
      stored.add({ id: photo.id, blob, name: imageFile(photo) });
      run.progress(meta, 'downloading', ++done, wanted.length);
    });
  } finally {
    await stored.flush();
  }
}

/**
 * Deletes the images of photos this device deleted, and those its crops replaced, once the
 * state file says so. Cleanup only: a failure leaves the name for the next sync and never
 * fails this one.
 */
export async function removeStaleImages(run: SyncRun, meta: SyncMeta, dir: string) {
  const names = meta.staleImages;
  if (!names?.length) return;
  const left: string[] = [];
  const deleted: string[] = [];
  for (const name of names) {
    // Shown here again since (another device's edit outlived the deletion or the crop, or
    // the same corners were set again): the image stays.
    if (await run.store.hasImage(imageRef(name))) continue;
    try {
      await run.client.remove(`${dir}images/${name}`);
      deleted.push(name);
    } catch (err) {
      if (!(err instanceof SyncError)) throw err;
      left.push(name);
    }
  }
  try {
    if (deleted.length) await flagRevived(run.client, dir, deleted, meta.etags.notes);
  } catch (err) {
    if (!(err instanceof SyncError)) throw err;
    // Kept: deleting again is harmless (404), and the check is made again next time.
    left.push(...deleted);
  }
  if (left.length) meta.staleImages = left;
  else delete meta.staleImages;
}

/** What `uploadImages` sends besides this device's unsent photos, and what it already knows. */
export interface MoreImages {
  /** Photos the merge brought back: sent whatever a listing says, as their image may be gone. */
  revived?: Photo[];
  /** Photos alive in the state: each one's image is sent if the server lacks it. */
  alive?: Photo[];
  /** The images a listing earlier in this sync found, with those sent since: not listed again. */
  there?: Set<string>;
  /** Whether this device's unsent photos go too: not once an earlier upload took them. */
  own?: boolean;
  /** This device's unsent photos, when read already (at the start of the run). */
  unsent?: Promise<Photo[]>;
}

/**
 * Sends the images of this device's photos the server lacks, each marked once there (through
 * `run.marks`, whose last batch is still being written when this returns), and those of
 * `revived` and missing `alive` photos. Returns the images the server is known to hold once
 * done, when it had to list them.
 */
export async function uploadImages(
  run: SyncRun,
  meta: SyncMeta,
  dir: string,
  report: ConferenceReport,
  { revived = [], alive = [], there: known, own = true, unsent: read }: MoreImages = {},
): Promise<Set<string> | undefined> {
  const unsent = own ? await (read ?? run.store.photosToUpload(meta.conferenceId)) : [];
  const photos = [...unsent, ...revived];
  if (!photos.length && !alive.length) return known;
  // Listing `images/` can take long on a slow server or network, and grows with the photos
  // already there, so this device's unsent photos start going up meanwhile. Each PUT says
  // If-None-Match, so an image already there is refused, never replaced; once the listing is
  // in, the photos it names are marked without being sent. Only a sync resumed after a crash
  // loses by this: the few images sent but not yet marked may go up again before it comes.
  let there = known;
  const listed = known
    ? Promise.resolve(known)
    : run.client.list(`${dir}images/`, 1, { names: true }).then((listing) => {
        there = new Set((listing ?? []).map((e) => e.name));
        return there;
      });
  listed.catch(() => undefined); // awaited below, after the photos under way
  const sent = new Set<string>();
  const { marks } = run;
  let total = photos.reduce((n, p) => n + p.size, 0);
  let bytes = 0;
  if (total) run.progress(meta, 'uploading', 0, total);
  const send = async (photo: Photo, images: ImageReader) => {
    const name = imageFile(photo);
    if (there?.has(name)) {
      marks.add(photo);
      total -= photo.size;
      return;
    }
    const blob = await images.get(photo);
    if (!blob) {
      total -= photo.size; // gone, or cropped again since: its new image goes under its own name
      return;
    }
    try {
      await run.client.put(`${dir}images/${name}`, blob, { type: photo.type, ifNoneMatch: '*' });
    } catch (err) {
      // Already there (another device sent the same photo): that is what we wanted.
      if (!(err instanceof DavError && err.code === 'precondition')) throw err;
    }
    sent.add(name);
    marks.add(photo);
    report.uploaded++;
    bytes += photo.size;
    run.progress(meta, 'uploading', bytes, total);
  };
  const sendAll = (list: Photo[]) => {
    const images = new ImageReader(list, (chunk) => run.store.images(chunk));
    return eachLimited(list, run.parallel, (photo) => send(photo, images));
  };
  try {
    await sendAll(photos);
    // Images missing on the server of photos the state says are alive: sent if held here.
    const listing = await listed;
    const queued = new Set(photos.map((p) => p.id));
    const missing = alive.filter((p) => !listing.has(imageFile(p)) && !queued.has(p.id));
    total += missing.reduce((n, p) => n + p.size, 0);
    await sendAll(missing);
    return new Set([...listing, ...sent]);
  } finally {
    // The last marks go now, beside what comes next (the state file), not before it.
    marks.flush().catch(() => undefined); // a failure is thrown where the engine waits for them
  }
}

/** Images to send read this many at a time, a chunk ahead of the lanes. */
export const READ_CHUNK = 25;

/**
 * The stored images of the photos to send, read a chunk at a time (one request each) and a
 * chunk ahead of the lanes. Read one by one as each lane came to it, an image waited behind the
 * merge's large reads of the database, which went first, and so did the lane. Every photo of
 * the list is asked for in its order (eachLimited), so the chunk before the one a lane starts
 * is let go: only the lanes still on it hold its images.
 */
class ImageReader {
  readonly #at: Map<string, number>;
  readonly #chunks = new Map<number, Promise<(Blob | undefined)[]>>();

  constructor(
    private readonly photos: Photo[],
    private readonly read: (photos: Photo[]) => Promise<(Blob | undefined)[]>,
  ) {
    this.#at = new Map(photos.map((p, i) => [p.id, i]));
  }

  async get(photo: Photo): Promise<Blob | undefined> {
    const i = this.#at.get(photo.id) ?? -1;
    if (i < 0) return undefined;
    const chunk = Math.floor(i / READ_CHUNK);
    const images = this.#load(chunk);
    if (!this.#chunks.has(chunk + 1)) {
      // The first lane into this chunk: the one before is let go, the next one read ahead
      // (a failure to read it is met by the lane that needs it).
      this.#chunks.delete(chunk - 1);
      void this.#load(chunk + 1);
    }
    return (await images)[i % READ_CHUNK];
  }

  #load(chunk: number): Promise<(Blob | undefined)[]> {
    let images = this.#chunks.get(chunk);
    if (!images) {
      const photos = this.photos.slice(chunk * READ_CHUNK, (chunk + 1) * READ_CHUNK);
      images = photos.length ? this.read(photos) : Promise.resolve([]);
      images.catch(() => undefined); // thrown to the lane that awaits it
      this.#chunks.set(chunk, images);
    }
    return images;
  }
}

/** Images fetched stored this many at a time, while the next ones come. */
const STORE_BATCH = 25;
