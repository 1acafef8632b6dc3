// Queries the photo modules share: a talk's photos in order, the next free position, the three
// byte tables (originals, photoBlobs, thumbs) and the sync mark (onServer) that hang off a
// photo id.
import Dexie from 'dexie';
import type { ConfnotesDb } from './db';
import type { NativeWrite } from './native-write';
import type { OnServerRow, Photo } from './types';

/** Photos of a talk or tray, in order: the [talkId+position] index between its two ends. */
export function photosInTalk(db: ConfnotesDb, talkId: string) {
  return db.photos
    .where('[talkId+position]')
    .between([talkId, Dexie.minKey], [talkId, Dexie.maxKey]);
}

/**
 * A talk's photos not in the trash, in order: read whole and filtered here, as Dexie's `filter`
 * walks a cursor, a round trip per photo (these run again after every change to the photos).
 */
export async function visibleInTalk(db: ConfnotesDb, talkId: string): Promise<Photo[]> {
  return (await photosInTalk(db, talkId).toArray()).filter(visible);
}

/**
 * Photos needing work at start: shots a closed tab left unprocessed, deleted ones whose undo
 * is over, and received ones still without a thumbnail. Counted from the indexes, without
 * loading a photo.
 */
export async function countStartupWork(db: ConfnotesDb): Promise<number> {
  const pending = await db.photos.where('status').equals('pending').count();
  const deleted = await db.photos.where('deletedAt').above(0).count();
  return pending + deleted + (await db.thumbs.where('standIn').equals(1).count());
}

/**
 * The next free place at the end of a talk's timeline, after its photos and written notes.
 * Call inside a transaction that includes both the photos and the entries tables.
 */
export async function nextPosition(db: ConfnotesDb, talkId: string): Promise<number> {
  const range = [
    [talkId, Dexie.minKey],
    [talkId, Dexie.maxKey],
  ] as const;
  const [photo, entry] = await Promise.all([
    photosInTalk(db, talkId).last(),
    db.entries
      .where('[talkId+position]')
      .between(...range)
      .last(),
  ]);
  return Math.max(photo ? photo.position + 1 : 0, entry ? entry.position + 1 : 0);
}

/** `nextPosition` in a transaction made without Dexie, from the two indexes' last keys. */
export async function nextFreePosition(write: NativeWrite, talkId: string): Promise<number> {
  const range = IDBKeyRange.bound([talkId], [talkId, []]);
  const ends = await Promise.all(
    ['photos', 'entries'].map((store) => write.lastKey(store, '[talkId+position]', range)),
  );
  return Math.max(0, ...ends.map((key) => (key ? (key as [string, number])[1] + 1 : 0)));
}

/**
 * Deletes a photo's bytes and its sync mark; call inside a transaction over those four tables
 * (`photoTables`).
 */
export async function removeBytes(db: ConfnotesDb, id: string): Promise<void> {
  await Promise.all([
    db.originals.delete(id),
    db.photoBlobs.delete(id),
    db.thumbs.delete(id),
    db.onServer.delete(id),
  ]);
}

/** The tables that hang off a photo id, which `removeBytes` clears. */
export const photoTables = (db: ConfnotesDb) => [
  db.originals,
  db.photoBlobs,
  db.thumbs,
  db.onServer,
];

export const visible = (p: Photo): boolean => p.deletedAt === undefined;

/** The mark saying that a photo's image, as it is now, is on the sync server. */
export function onServerMark({ id, conferenceId, imageTag }: Photo): OnServerRow {
  return imageTag === undefined ? { id, conferenceId } : { id, conferenceId, tag: imageTag };
}

/**
 * The conference's photos, not deleted, whose current image is not known to be on the sync
 * server: unmarked, or marked under another image tag (a crop since is a new image). Photos
 * and marks are each read whole: a cursor is a round trip per photo.
 */
export async function photosOffServer(db: ConfnotesDb, conferenceId: string): Promise<Photo[]> {
  const [photos, marks] = await Promise.all([
    db.photos.where({ conferenceId }).toArray(),
    db.onServer.where({ conferenceId }).toArray(),
  ]);
  const tags = new Map(marks.map((m) => [m.id, m.tag]));
  const onServer = (p: Photo) => tags.has(p.id) && tags.get(p.id) === p.imageTag;
  return photos.filter((p) => visible(p) && !onServer(p));
}

/** The Blob with its MIME type, which Safari and fake-indexeddb may have dropped. */
export function withType(row: { blob?: Blob; type?: string } | undefined): Blob | undefined {
  if (!row?.blob) return undefined;
  const { blob, type } = row;
  return !type || blob.type === type ? blob : new Blob([blob], { type });
}
