// Records stored in IndexedDB. User data (stars, later notes and photos) is keyed by our own
// talk ids, which a schedule refresh never changes; `sourceKey` is only used to match talks.
import type { ParsedLink, ParsedSpeaker, ScheduleFormat } from '../schedule/types';
import type { Worded } from '../util/words';

export type TimeZoneSource = 'file' | 'user' | 'device';

export interface ScheduleSource {
  kind: 'url' | 'file' | 'demo';
  url?: string;
  fileName?: string;
  format: ScheduleFormat;
  etag?: string;
  lastModified?: string;
  fetchedAt: number;
}

export interface Conference {
  id: string;
  title: string;
  startDate?: string;
  endDate?: string;
  /** IANA zone used to show and compute times. */
  timeZone: string;
  timeZoneSource: TimeZoneSource;
  venue?: string;
  url?: string;
  /** Link to the public programme page, when known (the seed's "Schedule"). */
  programmeUrl?: string;
  source: ScheduleSource;
  demo: boolean;
  /**
   * What was odd in the schedule file, in words to translate (SCHEDULE_WARNINGS). Records
   * stored before, or synced from a device running an older version, hold English strings:
   * whatever shows these must take both.
   */
  warnings: (Worded | string)[];
  createdAt: number;
  updatedAt: number;
}

export interface Talk {
  id: string;
  conferenceId: string;
  sourceKey: string;
  /** Position in the file, for talks without times (the seed has none). */
  order: number;
  title: string;
  subtitle?: string;
  type?: string;
  track?: string;
  language?: string;
  abstract?: string;
  description?: string;
  room?: string;
  /** Conference wall clock `YYYY-MM-DDTHH:mm`, as the file states it. */
  startLocal?: string;
  endLocal?: string;
  startUtc?: number;
  endUtc?: number;
  /** True when the file gave the instant; false when we derived it from the wall clock. */
  utcFromFile: boolean;
  rawStart?: string;
  rawDuration?: string;
  speakers: ParsedSpeaker[];
  links: ParsedLink[];
  url?: string;
  removedFromSchedule: boolean;
}

export interface Star {
  talkId: string;
  conferenceId: string;
  createdAt: number;
}

export interface Setting {
  key: string;
  value: unknown;
}

/** Where a photo waits for processing; 'failed' keeps the original so nothing is lost. */
export type PhotoStatus = 'pending' | 'ready' | 'failed';

/**
 * A slide photo's metadata: lists read only this, never the image bytes. `id` is the SHA-256
 * (hex) of the original shot's bytes, known before processing so the record can be written
 * first; the same file added twice is the same photo. `talkId` is a talk id or the
 * conference's Unsorted tray, `unsorted:<conferenceId>` (see photo-repo unsortedTray), a
 * string so that it can be indexed: IndexedDB skips records whose key is null or missing.
 */
export interface Photo {
  id: string;
  conferenceId: string;
  talkId: string;
  /** Order within the talk (or tray); gaps are allowed, ties broken by id. */
  position: number;
  caption: string;
  takenAt: number;
  /** Of the stored image; 0 until processing has finished. */
  width: number;
  height: number;
  /** Bytes of the stored image, of the original while pending. */
  size: number;
  /** MIME type of the stored image, of the original while pending. */
  type: string;
  status: PhotoStatus;
  /** Plain words for the user when status is 'failed'. */
  error?: string;
  createdAt: number;
  /** Soft delete: hidden everywhere, purged once undo is no longer offered. */
  deletedAt?: number;
  /** When the photo last went out in a zip or to the sync server; unset means never. */
  exportedAt?: number;
  syncedAt?: number;
}

/** Image bytes in their own tables (photoBlobs, thumbs, originals), keyed by photo id. */
export interface StoredBlob {
  id: string;
  blob: Blob;
  /** Kept beside the Blob: Safari and fake-indexeddb can lose Blob.type and File.name. */
  type: string;
  name: string;
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
 * Another device's version of a note, kept when both devices changed it before syncing: the
 * user chooses which to keep. `title` is for free sections only.
 */
export interface OtherVersion {
  text: string;
  title?: string;
  updatedAt: number;
}

/** A written note in a talk's timeline (Markdown-lite, see src/lib/export/model.ts). */
export interface Entry {
  id: string;
  conferenceId: string;
  talkId: string;
  /** Shared with the talk's photos: the timeline is both, ordered by position. */
  position: number;
  text: string;
  createdAt: number;
  updatedAt: number;
  otherVersions?: OtherVersion[];
}

/** The attendee's opinion of a talk (the seed's "Avis"). */
export interface Opinion {
  talkId: string;
  conferenceId: string;
  text: string;
  updatedAt: number;
  otherVersions?: OtherVersion[];
}

/** A section of the conference's write-up the user names ("Buzz words", "Divers"). */
export interface FreeSection {
  id: string;
  conferenceId: string;
  title: string;
  text: string;
  position: number;
  updatedAt: number;
  otherVersions?: OtherVersion[];
}

/** The tables whose records travel to the sync server. */
export type SyncedTable =
  'conferences' | 'talks' | 'stars' | 'photos' | 'entries' | 'opinions' | 'freeSections';

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

/** The hash of a record as the server and this device last agreed on it (the merge base). */
export interface SyncBase {
  id: string;
  conferenceId: string;
  hash: string;
}

/** Where a conference lives on the sync server and what this device last saw of it. */
export interface SyncMeta {
  conferenceId: string;
  /** Folder name under the account's URL. */
  folder: string;
  /** Identity written in the folder's state files: another id means another folder. */
  folderId?: string;
  /** ETag of each state file as last read or written. */
  etags: Record<string, string>;
  /** Hashes of the readable files last written, so unchanged ones are not sent again. */
  files: Record<string, string>;
  lastSyncAt?: number;
  /** Set when the server folder vanished or was replaced: sync waits for the user. */
  lost?: 'missing' | 'replaced';
  /** The user chose not to sync this conference. */
  paused?: boolean;
  /** Images of photos this device deleted, still to be deleted from the server. */
  staleImages?: string[];
}
