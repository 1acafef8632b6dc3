// Rows only IndexedDB holds (image bytes, thumbnails, settings, the outbox and sync state);
// the domain's records are in src/lib/model/types.ts and re-exported here for the db layer.

export type * from '../model/types';

export interface Setting {
  key: string;
  value: unknown;
}

/** Image bytes in their own tables (photoBlobs, thumbs, originals), keyed by photo id. */
export interface StoredBlob {
  id: string;
  blob: Blob;
  /** Kept beside the Blob: Safari and fake-indexeddb can lose Blob.type and File.name. */
  type: string;
  name: string;
  /**
   * The CRC-32 of the bytes, worked out when they were written (a zip of them then reads
   * none). Absent on rows stored before it was kept, and on originals and thumbnails.
   */
  crc?: number;
}

/**
 * A photo's thumbnail, or a mark that its image stands in for one. An image received from
 * elsewhere (a zip, the sync server) comes without a thumbnail: its row holds no bytes and
 * `standIn: 1` until one is made, or `standIn: 2` when making one failed (so it is not tried
 * again at every start).
 */
export interface ThumbRow {
  id: string;
  name: string;
  /** The thumbnail; absent while the photo's image stands in for one. */
  blob?: Blob;
  type?: string;
  standIn?: 1 | 2;
}

/**
 * A record changed since it was last synced, written in the same transaction as the change
 * (see outbox.ts). One row per record however often it changes; `rev` is new on each change,
 * so a sync removes the row only if nothing changed the record while it ran.
 */
export interface OutboxRow {
  /** `<table>/<primary key>`, the record's key in the sync state too. */
  id: string;
  conferenceId: string;
  rev: string;
  at: number;
}

/**
 * The merge bases of one conference's state file: the hash of each record as the server and
 * this device last agreed on it, by record key (`<table>/<primary key>`).
 */
export interface SyncBases {
  /** `<conference id>/<part>`: see `basesId`. */
  id: string;
  conferenceId: string;
  hashes: Map<string, string>;
}

/**
 * A photo whose image this device knows the sync server holds: sent from here, found in the
 * server's listing, or received from it. `tag` is the photo's `imageTag` at that moment, so a
 * crop made since (a new tag, a new image) counts as not sent, with no write to the mark.
 * Kept apart from the photo record: marking 300 sent photos rewrote 300 records with seven
 * indexes each, and woke every query that watches photos, mid-upload.
 */
export interface OnServerRow {
  /** The photo's id. */
  id: string;
  conferenceId: string;
  tag?: string;
}

/** Version 4 to 6 kept a row per record (the `syncBase` table, gone since version 8). */
export interface SyncBase {
  id: string;
  conferenceId: string;
  hash: string;
}

/** Where a conference lives on the sync server: declared by the sync port. */
export type { SyncMeta } from '../sync/store';
