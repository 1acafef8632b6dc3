// Changes to photos after capture: move, reorder, caption, delete with undo, purge. Deletion
// is soft (a `deletedAt` mark) so that undo survives a reload; purge erases the bytes.
import type { ConfnotesDb } from './db';
import { WordedError } from '../util/words';
import { RECORD_WORDS, writeWithRetry } from './errors';
import { isUnsortedTray, trayConference } from '../model/photo-ids';
import { nextPosition, photosInTalk, photoTables, removeBytes } from './photo-tables';
import type { Photo } from './types';

export interface UndoToken {
  photoId: string;
  deletedAt: number;
}

export class PhotoEdits {
  constructor(
    protected readonly db: ConfnotesDb,
    protected readonly now: () => number = Date.now,
  ) {}

  /** Moves a photo to the end of another talk (or tray) of its conference; returns the old one. */
  async move(photoId: string, talkId: string): Promise<string> {
    const db = this.db;
    return writeWithRetry(() =>
      db.transaction('rw', [db.photos, db.talks, db.entries], async () => {
        const photo = await db.photos.get(photoId);
        if (!photo) throw new WordedError(RECORD_WORDS.photoGone);
        if (photo.talkId === talkId) return talkId;
        const target = isUnsortedTray(talkId)
          ? trayConference(talkId)
          : (await db.talks.get(talkId))?.conferenceId;
        if (target !== photo.conferenceId) throw new WordedError(RECORD_WORDS.talkElsewhere);
        await db.photos.update(photoId, { talkId, position: await nextPosition(db, talkId) });
        return photo.talkId;
      }),
    );
  }

  /**
   * Puts a talk's photos in the given order; photos missing from the list keep theirs, after.
   * Photos trade places among the positions they already hold, so written notes between them
   * stay where they are in the timeline.
   */
  async reorder(talkId: string, orderedIds: readonly string[]): Promise<void> {
    const order = [...orderedIds]; // a plain copy, in case a caller passed a $state proxy
    const db = this.db;
    await writeWithRetry(() =>
      db.transaction('rw', db.photos, async () => {
        const current = await photosInTalk(db, talkId).toArray();
        const rank = (p: Photo) => {
          const i = order.indexOf(p.id);
          return i < 0 ? order.length + p.position : i;
        };
        const slots = current.map((p) => p.position).sort((a, b) => a - b);
        const sorted = current.sort((a, b) => rank(a) - rank(b));
        await db.photos.bulkUpdate(
          sorted.map((p, i) => ({ key: p.id, changes: { position: slots[i]! } })),
        );
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
      db.transaction('rw', [db.photos, ...photoTables(db)], async () => {
        const ids = await db.photos.where('deletedAt').below(before).primaryKeys();
        await db.photos.bulkDelete(ids);
        for (const id of ids) await removeBytes(db, id);
        return ids.length;
      }),
    );
  }

  /** Erases every photo of a conference, for when the conference itself is deleted. */
  async purgeConference(conferenceId: string): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.photos, ...photoTables(db)], async () => {
      const ids = await db.photos.where({ conferenceId }).primaryKeys();
      await db.photos.bulkDelete(ids);
      for (const id of ids) await removeBytes(db, id);
    });
  }
}
