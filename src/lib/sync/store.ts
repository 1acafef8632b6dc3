// The port: what a sync run needs of this device's storage, and the rows it reads and writes
// there. The db layer implements it (SyncRepo); nothing in src/lib/sync imports the database.
import type { ExportInput, Lang } from '../export/model';
import type { Conference, Photo } from '../model/types';
import type { PartName, SyncRecord } from './state';

export interface SyncAccount {
  url: string;
  username: string;
  /** An app password; it never leaves this device except in the Authorization header. */
  password: string;
  /** Language of the readable write-up, for syncs the service worker runs on its own. */
  lang?: Lang;
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
  /** Images of photos this device deleted or cropped again, still to be deleted from the server. */
  staleImages?: string[];
}

/** A folder with no Confnotes state when last looked into: its ETag then, and when (ms). */
export interface ForeignFolder {
  etag?: string;
  at: number;
}

/** A state file's records as this device has them. */
export interface Snapshot {
  local: Map<string, SyncRecord>;
  base: Map<string, string>;
  /** Outbox revision of each changed key when the snapshot was taken. */
  revs: Map<string, string>;
}

/** What a merge leaves for this device to write. */
export interface Applied {
  put: Map<string, SyncRecord>;
  remove: string[];
  base: Map<string, string | null>;
}

/** An image fetched from the server, named as the server names it. */
export interface ReceivedImage {
  id: string;
  blob: Blob;
  name: string;
}

/** What the engine needs of the database (SyncRepo and the export loader). */
export interface SyncStore {
  conferences(): Promise<Conference[]>;
  metas(): Promise<SyncMeta[]>;
  saveMeta(meta: SyncMeta): Promise<void>;
  snapshot(conferenceId: string, part: PartName): Promise<Snapshot>;
  apply(
    conferenceId: string,
    part: PartName,
    done: Applied,
    revs: Map<string, string>,
  ): Promise<void>;
  photosToUpload(conferenceId: string): Promise<Photo[]>;
  markUploaded(photos: Photo[]): Promise<void>;
  /**
   * Whether this device shows the image `imageTag` names (undefined naming the whole photo,
   * never cropped): a photo held in another version does not count.
   */
  hasImage(image: { id: string; imageTag: string | undefined }): Promise<boolean>;
  /**
   * The stored JPEGs of these images, in their order, in one read: undefined for each photo
   * whose image is no longer the one `imageTag` names (cropped again since it was listed).
   */
  images(images: { id: string; imageTag?: string | undefined }[]): Promise<(Blob | undefined)[]>;
  storeImages(images: ReceivedImage[]): Promise<void>;
  /**
   * The write-up input of a conference: made from `held` (its records of both state files, as
   * a sync read them) when given, else read from the database.
   */
  document(
    conferenceId: string,
    lang: Lang,
    held?: ReadonlyMap<string, SyncRecord>,
  ): Promise<ExportInput | undefined>;
  /** Folders of the account found not to be Confnotes', by name. */
  foreignFolders(account: string): Promise<Record<string, ForeignFolder>>;
  saveForeignFolders(account: string, folders: Record<string, ForeignFolder>): Promise<void>;
}
