// Slide photos: metadata in `photos`, bytes in `originals` (the raw shot), `photoBlobs` (the
// stored JPEG) and `thumbs`. A shot is written, original included, before any processing, so
// a killed tab loses nothing. Every record written here is built from primitives and Blobs,
// so a Svelte $state proxy handed in by a caller never reaches structured clone.
import { liveQuery, type Observable } from 'dexie';
import { quietTransaction } from './outbox';
import { writeNatively } from './native-write';
import { writeWithRetry } from './errors';
import { PhotoEdits } from './photo-edits';
import { contentId, isUnsortedTray, unsortedTray } from '../model/photo-ids';
import {
  nextFreePosition,
  visibleInTalk,
  photosOffServer,
  photoTables,
  visible,
  withType,
} from './photo-tables';
import type { PhotoStore, ProcessedImage, UserCrop } from '../capture/photo-store';
import type { Photo, Talk } from './types';

export type { UndoToken } from './photo-edits';
export { contentId, isUnsortedTray, unsortedTray };

export type { ProcessedImage };

const SHOT_NOT_SAVED =
  'Your device is out of storage space, so this photo was not saved. Photos already saved are safe. Free some space, then try again.';
const SHOT_NOT_FINISHED =
  'Your device is out of storage space. This photo is safe, and will be finished once some space is freed.';

function jpegName(original: string, id: string): string {
  const base = original.replace(/\.[^.]*$/, '');
  return `${base || `photo-${id.slice(0, 12)}`}.jpg`;
}

export class PhotoRepo extends PhotoEdits implements PhotoStore {
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
    const bytes = photoTables(this.db).map((t) => t.name);
    const stores = ['photos', 'talks', 'entries', ...bytes];
    // Written on IndexedDB directly: the shot's "Saved" waits on this transaction alone.
    return writeWithRetry(
      () =>
        writeNatively(this.db, stores, async (write) => {
          // Reads go out together, and so do the writes: two round trips before "Saved". The
          // position is read for the talk asked for, where nearly every shot goes; a talk gone
          // since files to the tray, whose position is read then.
          const tray = isUnsortedTray(talkId);
          const [existing, talk, position] = await Promise.all([
            write.get<Photo>('photos', id),
            tray ? undefined : write.get<Talk>('talks', talkId),
            nextFreePosition(write, talkId),
          ]);
          if (existing && visible(existing)) return existing;
          const filed = tray
            ? talkId === unsortedTray(conferenceId)
            : talk?.conferenceId === conferenceId;
          const home = filed ? talkId : unsortedTray(conferenceId);
          const photo: Photo = {
            id,
            conferenceId,
            talkId: home,
            position: filed ? position : await nextFreePosition(write, home),
            caption: '',
            takenAt,
            width: 0,
            height: 0,
            size: blob.size,
            type: blob.type,
            status: 'pending',
            createdAt: this.now(),
          };
          // One in the trash starts afresh: its bytes and sync mark go.
          const stale = existing ? bytes.filter((t) => t !== 'originals') : [];
          await Promise.all([
            ...stale.map((t) => write.delete(t, id)),
            write.put('originals', { id, blob, type: blob.type, name }),
            write.put('photos', photo, existing),
          ]);
          return photo;
        }),
      SHOT_NOT_SAVED,
    );
  }

  /**
   * Stores the processed image and thumbnail and marks the photo ready, with the slide's
   * corners when the finder straightened it, in one transaction; the original goes in the same
   * transaction unless it is to be kept.
   */
  async completeProcessing(
    id: string,
    result: ProcessedImage,
    {
      keepOriginal = false,
      foundBy,
    }: { keepOriginal?: boolean; foundBy?: 'finder' | undefined } = {},
  ): Promise<Photo | undefined> {
    return this.storeImage(id, result, keepOriginal, (photo) => {
      const ready: Photo = { ...photo };
      if (foundBy) ready.cropBy = foundBy;
      if (result.corners) ready.corners = result.corners;
      else delete ready.corners;
      return ready;
    });
  }

  /**
   * Replaces a ready photo's image and thumbnail with the user's crop, and records it as final
   * (`cropBy: 'user'`) under a new image tag, to be sent again; one transaction.
   */
  async storeCrop(id: string, result: ProcessedImage, crop: UserCrop): Promise<Photo | undefined> {
    return this.storeImage(id, result, crop.keepOriginal, (photo) => {
      const cropped: Photo = { ...photo, cropBy: 'user', imageTag: crop.imageTag };
      if (crop.corners) cropped.corners = crop.corners;
      else delete cropped.corners;
      // Not in a zip yet; nor on the server, as its `onServer` mark names the previous tag.
      delete cropped.exportedAt;
      return cropped;
    });
  }

  /** Stores a photo's image and thumbnail and marks it ready, as `change` says, in one go. */
  private storeImage(
    id: string,
    { jpeg, crc, thumb, width, height }: ProcessedImage,
    keepOriginal: boolean,
    change: (photo: Photo) => Photo,
  ): Promise<Photo | undefined> {
    const db = this.db;
    return writeWithRetry(
      () =>
        db.transaction('rw', [db.photos, db.photoBlobs, db.thumbs, db.originals], async () => {
          // The requests of each step go out together: one round trip each, not one per table.
          const [photo, original] = await Promise.all([db.photos.get(id), db.originals.get(id)]);
          if (!photo) return undefined; // purged while it was being processed
          const name = jpegName(original?.name ?? '', id);
          const type = jpeg.type || 'image/jpeg';
          const ready = change({ ...photo, status: 'ready', width, height, size: jpeg.size, type });
          delete ready.error;
          await Promise.all([
            db.photoBlobs.put({ id, blob: jpeg, type, name, crc }),
            db.thumbs.put({ id, blob: thumb, type: thumb.type || 'image/jpeg', name }),
            keepOriginal ? undefined : db.originals.delete(id),
            db.photos.put(ready),
          ]);
          return ready;
        }),
      SHOT_NOT_FINISHED,
    );
  }

  /**
   * Keeps the original (nothing is lost) and records why processing failed: the image error's
   * code, which the screens put in words (see the `error` field of Photo).
   */
  async markFailed(id: string, error: string): Promise<void> {
    await writeWithRetry(() => this.db.photos.update(id, { status: 'failed', error }));
  }

  /** Shots stored but not processed (the tab died mid-burst): to finish at start, oldest first. */
  async pending(): Promise<Photo[]> {
    const list = await this.db.photos.where({ status: 'pending' }).filter(visible).toArray();
    return list.sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Metadata of a talk's (or tray's) photos in order; never loads image bytes. */
  watchTalkPhotos(talkId: string): Observable<Photo[]> {
    return liveQuery(() => visibleInTalk(this.db, talkId));
  }

  /** Talks of a conference that hold photos: a schedule refresh must keep these talks. */
  async talkIdsWithPhotos(conferenceId: string): Promise<Set<string>> {
    const photos = await this.db.photos.where({ conferenceId }).toArray();
    return new Set(photos.map((p) => p.talkId));
  }

  /** Photos whose thumbnail is still the full image (received from a zip or the server). */
  standInThumbs(): Promise<string[]> {
    return this.db.thumbs.where('standIn').equals(1).primaryKeys();
  }

  /**
   * Replaces a stand-in with the thumbnail made for it, or marks that none could be made
   * (`thumb` undefined). A real thumbnail, or a photo purged meanwhile, is left alone.
   */
  async replaceStandIn(id: string, thumb: Blob | undefined): Promise<void> {
    const db = this.db;
    await writeWithRetry(() =>
      db.transaction('rw', db.thumbs, async () => {
        const row = await db.thumbs.get(id);
        if (row?.standIn !== 1) return;
        if (!thumb) await db.thumbs.update(id, { standIn: 2 });
        else await db.thumbs.put({ id, blob: thumb, type: thumb.type, name: row.name });
      }),
    );
  }

  /** The thumbnail, or the image itself while it stands in for one. */
  async thumb(id: string): Promise<Blob | undefined> {
    const row = await this.db.thumbs.get(id);
    if (row && !row.blob) return this.image(id);
    return withType(row);
  }

  /** The stored JPEG, or the original while the photo is still pending or failed. */
  async image(id: string): Promise<Blob | undefined> {
    return (await this.jpeg(id)) ?? withType(await this.db.originals.get(id));
  }

  /** The stored JPEG alone: undefined while the photo is pending or failed. */
  async jpeg(id: string): Promise<Blob | undefined> {
    return withType(await this.db.photoBlobs.get(id));
  }

  /** Whether the stored JPEG is here, without loading it. */
  async hasJpeg(id: string): Promise<boolean> {
    return (await this.db.photoBlobs.where('id').equals(id).count()) > 0;
  }

  /** The raw shot, kept until processing succeeds (or for good with "Keep originals"). */
  async original(id: string): Promise<Blob | undefined> {
    return withType(await this.db.originals.get(id));
  }

  /**
   * Originals kept only so the finder's crops can still be changed: how many, and their bytes.
   * Reads the originals of the finder's crops only (the `cropBy` index), never the others.
   */
  async heldOriginals(): Promise<{ count: number; bytes: number }> {
    const ids = await this.finderCrops();
    const rows = await this.db.originals.bulkGet(ids);
    const held = rows.filter((r) => r !== undefined);
    return { count: held.length, bytes: held.reduce((n, r) => n + r.blob.size, 0) };
  }

  /** Keeps the finder's crops as they are: their originals go, freeing the space. */
  async dropHeldOriginals(): Promise<void> {
    const db = this.db;
    await writeWithRetry(() =>
      db.transaction('rw', db.photos, db.originals, async () => {
        await db.originals.bulkDelete(await this.finderCrops());
      }),
    );
  }

  private async finderCrops(): Promise<string[]> {
    const photos = await this.db.photos.where('cropBy').equals('finder').toArray();
    return photos.filter((p) => p.corners && p.status === 'ready').map((p) => p.id);
  }

  /** Photos never exported nor synced: the badge count. */
  countUnexported(conferenceId: string): Promise<number> {
    return this.unexported(conferenceId);
  }

  watchUnexported(conferenceId: string): Observable<number> {
    return liveQuery(() => this.unexported(conferenceId));
  }

  private async unexported(conferenceId: string): Promise<number> {
    const offServer = await photosOffServer(this.db, conferenceId);
    return offServer.filter((p) => p.exportedAt === undefined).length;
  }

  /** Records that photos went out in a zip. Only this device cares: not for the sync outbox. */
  async markExported(ids: readonly string[], at: number) {
    const db = this.db;
    const changes = ids.map((key) => ({ key, changes: { exportedAt: at } }));
    await writeWithRetry(() =>
      db.transaction('rw', db.photos, async (tx) => {
        quietTransaction(tx.idbtrans);
        await db.photos.bulkUpdate(changes);
      }),
    );
  }
}
