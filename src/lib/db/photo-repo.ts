// Slide photos: metadata in `photos`, bytes in `originals` (the raw shot), `photoBlobs` (the
// stored JPEG) and `thumbs`. A shot is written, original included, before any processing, so
// a killed tab loses nothing; every record written here is built from primitives and Blobs,
// so a Svelte $state proxy handed in by a caller never reaches structured clone.
import Dexie, { liveQuery, type Observable } from 'dexie';
import type { ConfnotesDb } from './db';
import { writeWithRetry } from './errors';
import type { Photo, StoredBlob } from './types';

const TRAY_PREFIX = 'unsorted:';

/** The conference's Unsorted tray, stored in `talkId` so that it is indexed like a talk. */
export const unsortedTray = (conferenceId: string): string => TRAY_PREFIX + conferenceId;
export const isUnsortedTray = (talkId: string): boolean => talkId.startsWith(TRAY_PREFIX);

export interface ProcessedImage {
  jpeg: Blob;
  thumb: Blob;
  width: number;
  height: number;
}

export interface UndoToken {
  photoId: string;
  deletedAt: number;
}

/** SHA-256 of the bytes, lowercase hex: the photo id. */
export async function contentId(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The Blob with its MIME type, which Safari and fake-indexeddb may have dropped. */
function withType(row: StoredBlob | undefined): Blob | undefined {
  if (!row) return undefined;
  return row.blob.type === row.type ? row.blob : new Blob([row.blob], { type: row.type });
}

function jpegName(original: string, id: string): string {
  const base = original.replace(/\.[^.]*$/, '');
  return `${base || `photo-${id.slice(0, 12)}`}.jpg`;
}

const visible = (p: Photo) => p.deletedAt === undefined;

export class PhotoRepo {
  constructor(
    private readonly db: ConfnotesDb,
    private readonly now: () => number = Date.now,
  ) {}

  /** Photos of a talk or tray, in order: where [talkId+position] has keys for this talk. */
  private inTalk(talkId: string) {
    return this.db.photos
      .where('[talkId+position]')
      .between([talkId, Dexie.minKey], [talkId, Dexie.maxKey]);
  }

  private async nextPosition(talkId: string): Promise<number> {
    const last = await this.inTalk(talkId).last();
    return last ? last.position + 1 : 0;
  }

  /**
   * Stores a new shot with status 'pending', original included, in one transaction; resolves
   * once it has committed, which is when the UI may say "Saved". The same bytes added again
   * return the photo already stored. A talk that no longer exists files to the Unsorted tray.
   */
  async addShot(conferenceId: string, talkId: string, blob: Blob, takenAt: number): Promise<Photo> {
    // Hash before the transaction opens: awaiting anything but IndexedDB inside one lets it
    // commit early, and the next write would fail with TransactionInactiveError.
    const id = await contentId(blob);
    const name = blob instanceof File ? blob.name : '';
    const db = this.db;
    return writeWithRetry(() =>
      db.transaction(
        'rw',
        [db.photos, db.originals, db.photoBlobs, db.thumbs, db.talks],
        async () => {
          const existing = await db.photos.get(id);
          if (existing && visible(existing)) return existing;
          if (existing) await this.removeBytes(id);
          const talk = isUnsortedTray(talkId) ? undefined : await db.talks.get(talkId);
          const home = talk?.conferenceId === conferenceId ? talkId : unsortedTray(conferenceId);
          const photo: Photo = {
            id,
            conferenceId,
            talkId: home,
            position: await this.nextPosition(home),
            caption: '',
            takenAt,
            width: 0,
            height: 0,
            size: blob.size,
            type: blob.type,
            status: 'pending',
            createdAt: this.now(),
          };
          await db.originals.put({ id, blob, type: blob.type, name });
          await db.photos.put(photo);
          return photo;
        },
      ),
    );
  }

  /** Stores the processed image and thumbnail and marks the photo ready, in one transaction. */
  async completeProcessing(
    id: string,
    result: ProcessedImage,
    { keepOriginal = false }: { keepOriginal?: boolean } = {},
  ): Promise<Photo | undefined> {
    const { jpeg, thumb, width, height } = result;
    const db = this.db;
    return writeWithRetry(() =>
      db.transaction('rw', [db.photos, db.photoBlobs, db.thumbs, db.originals], async () => {
        const photo = await db.photos.get(id);
        if (!photo) return undefined; // purged while it was being processed
        const original = await db.originals.get(id);
        const name = jpegName(original?.name ?? '', id);
        const type = jpeg.type || 'image/jpeg';
        await db.photoBlobs.put({ id, blob: jpeg, type, name });
        await db.thumbs.put({ id, blob: thumb, type: thumb.type || 'image/jpeg', name });
        if (!keepOriginal) await db.originals.delete(id);
        const ready: Photo = { ...photo, status: 'ready', width, height, size: jpeg.size, type };
        delete ready.error;
        await db.photos.put(ready);
        return ready;
      }),
    );
  }

  /** Keeps the original (nothing is lost) and records why processing failed, in plain words. */
  async markFailed(id: string, message: string): Promise<void> {
    await writeWithRetry(() => this.db.photos.update(id, { status: 'failed', error: message }));
  }

  /** Shots stored but not processed (the tab died mid-burst): to finish at start, oldest first. */
  async pending(): Promise<Photo[]> {
    const list = await this.db.photos.where({ status: 'pending' }).filter(visible).toArray();
    return list.sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Moves a photo to the end of another talk (or a tray) of its conference; returns the old one. */
  async move(photoId: string, talkId: string): Promise<string> {
    const db = this.db;
    return writeWithRetry(() =>
      db.transaction('rw', db.photos, db.talks, async () => {
        const photo = await db.photos.get(photoId);
        if (!photo) throw new Error('This photo no longer exists.');
        if (photo.talkId === talkId) return talkId;
        const target = isUnsortedTray(talkId)
          ? talkId.slice(TRAY_PREFIX.length)
          : (await db.talks.get(talkId))?.conferenceId;
        if (target !== photo.conferenceId) throw new Error('That talk is not in this conference.');
        await db.photos.update(photoId, { talkId, position: await this.nextPosition(talkId) });
        return photo.talkId;
      }),
    );
  }

  /** Puts a talk's photos in the given order; photos missing from the list keep theirs, after. */
  async reorder(talkId: string, orderedIds: readonly string[]): Promise<void> {
    const order = [...orderedIds]; // a plain copy, in case a caller passed a $state proxy
    const db = this.db;
    await writeWithRetry(() =>
      db.transaction('rw', db.photos, async () => {
        const current = await this.inTalk(talkId).toArray();
        const rank = (p: Photo) => {
          const i = order.indexOf(p.id);
          return i < 0 ? order.length + p.position : i;
        };
        const sorted = current.sort((a, b) => rank(a) - rank(b));
        await db.photos.bulkUpdate(sorted.map((p, i) => ({ key: p.id, changes: { position: i } })));
      }),
    );
  }

  async setCaption(id: string, caption: string): Promise<void> {
    await writeWithRetry(() => this.db.photos.update(id, { caption }));
  }

  /**
   * Hides a photo and returns what undoes it. The bytes stay until purgeDeleted(): a Blob
   * read back from IndexedDB is not guaranteed to outlive its record on every browser, so
   * undo cannot rely on holding Blobs in memory.
   */
  async delete(id: string): Promise<UndoToken> {
    const deletedAt = this.now();
    await writeWithRetry(() => this.db.photos.update(id, { deletedAt }));
    return { photoId: id, deletedAt };
  }

  async restore(token: UndoToken): Promise<void> {
    const db = this.db;
    await writeWithRetry(() =>
      db.transaction('rw', db.photos, async () => {
        const photo = await db.photos.get(token.photoId);
        if (photo?.deletedAt === token.deletedAt) {
          await db.photos.update(token.photoId, { deletedAt: undefined });
        }
      }),
    );
  }

  /** Erases photos deleted before `before` (ms), bytes included; returns how many. */
  async purgeDeleted(before: number): Promise<number> {
    const db = this.db;
    return writeWithRetry(() =>
      db.transaction('rw', [db.photos, db.originals, db.photoBlobs, db.thumbs], async () => {
        const ids = await db.photos.where('deletedAt').below(before).primaryKeys();
        await db.photos.bulkDelete(ids);
        for (const id of ids) await this.removeBytes(id);
        return ids.length;
      }),
    );
  }

  /** Erases every photo of a conference, for when the conference itself is deleted. */
  async purgeConference(conferenceId: string): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.photos, db.originals, db.photoBlobs, db.thumbs], async () => {
      const ids = await db.photos.where({ conferenceId }).primaryKeys();
      await db.photos.bulkDelete(ids);
      for (const id of ids) await this.removeBytes(id);
    });
  }

  private async removeBytes(id: string): Promise<void> {
    await Promise.all([
      this.db.originals.delete(id),
      this.db.photoBlobs.delete(id),
      this.db.thumbs.delete(id),
    ]);
  }

  /** Metadata of a talk's (or tray's) photos in order; never loads image bytes. */
  watchTalkPhotos(talkId: string): Observable<Photo[]> {
    return liveQuery(() => this.inTalk(talkId).filter(visible).toArray());
  }

  /** How many shots are stored but not yet processed, for the capture screen's counter. */
  watchProcessing(): Observable<number> {
    return liveQuery(() => this.db.photos.where({ status: 'pending' }).filter(visible).count());
  }

  /** Talks of a conference that hold photos: a schedule refresh must keep these talks. */
  async talkIdsWithPhotos(conferenceId: string): Promise<Set<string>> {
    const photos = await this.db.photos.where({ conferenceId }).toArray();
    return new Set(photos.map((p) => p.talkId));
  }

  thumb(id: string): Promise<Blob | undefined> {
    return this.db.thumbs.get(id).then(withType);
  }

  /** The stored JPEG, or the original while the photo is still pending or failed. */
  async image(id: string): Promise<Blob | undefined> {
    return withType(await this.db.photoBlobs.get(id)) ?? withType(await this.db.originals.get(id));
  }

  /** The raw shot, kept until processing succeeds (or for good with "Keep originals"). */
  original(id: string): Promise<Blob | undefined> {
    return this.db.originals.get(id).then(withType);
  }

  /** Photos never exported nor synced: the badge count. */
  countUnexported(conferenceId: string): Promise<number> {
    return this.unexported(conferenceId).count();
  }

  watchUnexported(conferenceId: string): Observable<number> {
    return liveQuery(() => this.unexported(conferenceId).count());
  }

  private unexported(conferenceId: string) {
    return this.db.photos
      .where({ conferenceId })
      .filter((p) => visible(p) && p.exportedAt === undefined && p.syncedAt === undefined);
  }

  async markSent(ids: readonly string[], field: 'exportedAt' | 'syncedAt', at: number) {
    const changes = [...ids].map((key) => ({ key, changes: { [field]: at } }));
    await writeWithRetry(() => this.db.photos.bulkUpdate(changes));
  }
}
