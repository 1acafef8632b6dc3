// The reading queue's side of the photos table: which photos still need their slide text read
// (ready, not deleted, and never read or read before their last crop), and storing what was
// read. A photo is read again when its `imageTag` changes, as a new crop shows other text.
import type { ConfnotesDb } from './db';
import { writeWithRetry } from './errors';
import { withType } from './photo-tables';
import type { Photo, SlideText } from './types';

const unread = (p: Photo) => p.deletedAt === undefined && (!p.text || p.text.of !== p.imageTag);

/**
 * Every ready photo, in one request. Dexie's `filter` and `each` walk a cursor instead, a
 * round trip to the database per photo: these run again after every write to the photos
 * table (they are watched), and a walk of a thousand photos slowed a sync's uploads by 15 %.
 */
const readyPhotos = (db: ConfnotesDb) => db.photos.where('status').equals('ready').toArray();

/** Photos waiting to be read, newest first: the talk going on now becomes searchable first. */
export async function photosToRead(db: ConfnotesDb): Promise<Photo[]> {
  const ready = await readyPhotos(db);
  return ready.filter(unread).sort((a, b) => b.takenAt - a.takenAt);
}

/** How many ready photos are read, and how many wait. */
export async function readingCounts(db: ConfnotesDb): Promise<{ read: number; waiting: number }> {
  let read = 0;
  let waiting = 0;
  for (const p of await readyPhotos(db)) {
    if (p.deletedAt !== undefined) continue;
    if (unread(p)) waiting++;
    else read++;
  }
  return { read, waiting };
}

/** The stored image to read, with its tag at that moment. */
export async function imageToRead(
  db: ConfnotesDb,
  id: string,
): Promise<{ blob: Blob; tag: string | undefined } | undefined> {
  return db.transaction('r', [db.photos, db.photoBlobs], async () => {
    const photo = await db.photos.get(id);
    const blob = withType(await db.photoBlobs.get(id));
    return photo && blob ? { blob, tag: photo.imageTag } : undefined;
  });
}

/**
 * Stores the text and hash read from the image tagged `tag`. A photo cropped again, deleted or
 * gone meanwhile is left alone (it is read again, or not at all); returns whether it was stored.
 */
export async function storeReading(
  db: ConfnotesDb,
  id: string,
  tag: string | undefined,
  reading: { words: string; lang: SlideText['lang']; hash: string },
): Promise<boolean> {
  const text: SlideText = { words: reading.words, lang: reading.lang };
  if (tag !== undefined) text.of = tag;
  return writeWithRetry(() =>
    db.transaction('rw', db.photos, async () => {
      const photo = await db.photos.get(id);
      if (!photo || photo.deletedAt !== undefined || photo.imageTag !== tag) return false;
      await db.photos.update(id, { text, hash: reading.hash });
      return true;
    }),
  );
}
