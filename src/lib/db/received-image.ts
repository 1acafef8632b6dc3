// Images that come from elsewhere (a zip, the sync server) carry no thumbnail. Kept out of
// photo-tables.ts, which start-up loads.
import type { ConfnotesDb } from './db';
import type { StoredBlob } from './types';

/**
 * Stores a received image; until a thumbnail is made (see makeThumbnails), lists show the
 * image itself. Call inside a transaction over photoBlobs and thumbs.
 */
export async function putReceivedImage(db: ConfnotesDb, row: StoredBlob): Promise<void> {
  await db.photoBlobs.put(row);
  // The image is not stored twice: its thumbnail row only says it stands in for one.
  if (!(await db.thumbs.get(row.id)))
    await db.thumbs.put({ id: row.id, name: row.name, standIn: 1 });
}
