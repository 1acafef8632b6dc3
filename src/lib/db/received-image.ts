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
  if (!(await db.thumbs.get(row.id))) await db.thumbs.put(standInThumb(row));
}

/**
 * Stores received images that replace whatever version of them is held here (another crop):
 * each one's thumbnail goes with the old version. Call inside a transaction over photoBlobs
 * and thumbs.
 */
export async function replaceImages(db: ConfnotesDb, rows: StoredBlob[]): Promise<void> {
  await db.photoBlobs.bulkPut(rows);
  await db.thumbs.bulkPut(rows.map(standInThumb));
}

/** The image is not stored twice: its thumbnail row only says it stands in for one. */
const standInThumb = (row: StoredBlob) => ({ id: row.id, name: row.name, standIn: 1 as const });
