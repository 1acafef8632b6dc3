// One sync run as its parts see it: the options it was started with, the client and store it
// works through, its clock and progress, and the report it hands back to the screens.
import type { Lang } from '../export/model';
import type { Photo } from '../model/types';
import { Batches } from './batches';
import type { SyncMeta, SyncStore } from './store';
import type { DavClient, DavError, DavOptions } from './webdav';
import type { SyncError } from './words';

export interface SyncProgress {
  conference: string;
  phase: 'checking' | 'uploading' | 'downloading' | 'saving';
  done: number;
  total: number;
}

export interface ConferenceReport {
  conferenceId: string;
  title: string;
  folder: string;
  /** Images sent. */
  uploaded: number;
  /** Records and images received. */
  downloaded: number;
  conflicts: number;
  /** Set when the server folder vanished or was replaced: nothing was changed here. */
  lost?: 'missing' | 'replaced';
  error?: SyncError;
}

export interface SyncReport {
  conferences: ConferenceReport[];
  /** A failure that stopped the whole run (account, network); per-conference ones are above. */
  error?: DavError;
}

export interface SyncOptions extends DavOptions {
  lang: Lang;
  onProgress?: (p: SyncProgress) => void;
  now?: () => number;
  /** Images sent at once. */
  parallel?: number;
}

/** Images sent or fetched at once, unless the options say otherwise. */
export const IMAGE_LANES = 4;

/**
 * Photos marked as on the server this many at a time, while the next images go up: each batch
 * is a database transaction, and a mark lost to a crash costs only a look at the listing.
 */
const MARK_BATCH = 100;

/** What every part of a run is handed. */
export class SyncRun {
  readonly now: () => number;
  /** Images sent or fetched at once. */
  readonly parallel: number;
  /**
   * Photos whose image the server now has, marked so a batch at a time. The last batch is
   * written while the state file goes up, and the engine waits for it once the folder is done.
   * A failure to write one (the database full or gone) fails that folder and those after it.
   */
  readonly marks: Batches<Photo>;

  constructor(
    readonly store: SyncStore,
    readonly client: DavClient,
    readonly options: SyncOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.parallel = options.parallel ?? IMAGE_LANES;
    this.marks = new Batches(MARK_BATCH, (done) => store.markUploaded(done));
  }

  progress(meta: SyncMeta, phase: SyncProgress['phase'], done: number, total: number): void {
    this.options.onProgress?.({ conference: meta.conferenceId, phase, done, total });
  }
}
