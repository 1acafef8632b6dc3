// One sync run: every conference of this device to its folder on the user's WebDAV server,
// and every Confnotes folder there that this device has not seen, back. Per conference:
//   <folder>/<folder>.adoc and .md   the write-up, as in the export (talks with notes)
//   <folder>/images/<photo id>.jpg    images named by content hash: they never conflict
//   <folder>/.confnotes/<part>.json   machine state (see state.ts), written with If-Match
// Images go up before the state that names them, and an interrupted sync resumes where it
// stopped: the images the server already lists are not sent again. This module runs the
// folder's life; discovery, the state files, the images and the write-up are parts of their own.
import { discoverFolders, type Held } from './discovery';
import { sameTag } from './etag';
import { removeStaleImages, uploadImages } from './images';
import { SyncRun, type ConferenceReport, type SyncOptions, type SyncReport } from './run';
import { PART_NAMES, STATE_DIR, type PartName, type SyncRecord } from './state';
import { syncPart, type WriteUp } from './state-file';
import type { SyncAccount, SyncMeta, SyncStore } from './store';
import type { DavEntry } from './dav-listing';
import type { Photo } from '../model/types';
import { DavClient, DavError } from './webdav';
import { writeDocuments } from './write-up';
import { SyncError } from './words';

export type { ConferenceReport, SyncOptions, SyncProgress, SyncReport } from './run';
export type { ForeignFolder, SyncStore } from './store';

/** Failures that stop the whole run rather than one conference's sync. */
const ACCOUNT_WIDE = ['auth', 'offline', 'unreachable', 'cors', 'redirect', 'unsafe'];

/**
 * Whether a run syncs this folder: not paused, nor the folder of a conference deleted here
 * (its record stays, so that the folder is not fetched back).
 */
const syncs = (meta: SyncMeta, here: boolean) => !meta.paused && (here || !meta.lastSyncAt);

function newFolderId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the run started for its first folder while it listed the account (startFirstFolder). */
interface Early {
  conferenceId: string;
  listing: Promise<DavEntry[] | null> | undefined;
  unsent: Promise<Photo[]>;
}

export class SyncEngine {
  readonly client: DavClient;
  private readonly ctx: SyncRun;

  constructor(store: SyncStore, account: SyncAccount, options: SyncOptions) {
    this.client = new DavClient(account, options);
    this.ctx = new SyncRun(store, this.client, options);
  }

  async run(): Promise<SyncReport> {
    const report: SyncReport = { conferences: [] };
    try {
      const { store } = this.ctx;
      const [stored, here] = await Promise.all([store.metas(), store.conferences()]);
      const held: Held = { metas: stored, local: here };
      const early = this.startFirstFolder(held);
      const { local, remote, metas } = await discoverFolders(this.ctx, held);
      const byId = new Map(local.map((c) => [c.id, c]));
      for (const meta of metas.values()) {
        const conference = byId.get(meta.conferenceId);
        if (!syncs(meta, !!conference)) continue;
        const entry: ConferenceReport = {
          conferenceId: meta.conferenceId,
          title: conference?.title ?? meta.folder,
          folder: meta.folder,
          uploaded: 0,
          downloaded: 0,
          conflicts: 0,
        };
        report.conferences.push(entry);
        if (meta.lost) {
          entry.lost = meta.lost;
          continue;
        }
        try {
          const exists = remote.has(meta.folder);
          const first = early?.conferenceId === meta.conferenceId ? early : undefined;
          await this.syncConference(meta, exists, entry, first);
        } catch (err) {
          // Account-wide problems stop the run; others are this conference's.
          const accountWide = err instanceof DavError && ACCOUNT_WIDE.includes(err.code);
          if (accountWide || !(err instanceof SyncError)) throw err;
          entry.error = err;
        }
      }
    } catch (err) {
      if (err instanceof DavError) report.error = err;
      else throw err;
    }
    return report;
  }

  /**
   * The first conference to sync, started beside the account's listing rather than after it:
   * its unsent photos read and, when it synced before, its state folder listed. Its first
   * image goes a round trip sooner, which on a venue's network is much of a small sync. The
   * first only: the others' turn may come minutes later. A failure is met where it is used.
   */
  private startFirstFolder({ metas, local }: Held): Early | undefined {
    const here = new Set(local.map((c) => c.id));
    // Taken as the run takes them: discovery keeps the stored order, then adds folders.
    const first = metas.find((m) => syncs(m, here.has(m.conferenceId)));
    if (!first || first.lost) return undefined;
    const unsent = this.ctx.store.photosToUpload(first.conferenceId);
    unsent.catch(() => undefined);
    const listing = first.lastSyncAt
      ? this.client.list(`${first.folder}/${STATE_DIR}/`, 1)
      : undefined;
    listing?.catch(() => undefined);
    return { conferenceId: first.conferenceId, listing, unsent };
  }

  /** A conference's folder from its listing (perhaps started early) to its write-up. */
  private async syncConference(
    meta: SyncMeta,
    exists: boolean,
    report: ConferenceReport,
    early?: Early,
  ) {
    const { client, store } = this.ctx;
    const dir = `${meta.folder}/`;
    this.ctx.progress(meta, 'checking', 0, 1);
    const listing = exists ? await (early?.listing ?? client.list(`${dir}${STATE_DIR}/`, 1)) : null;
    const etags = new Map<string, string | undefined>();
    for (const entry of listing ?? []) {
      if (!entry.folder) etags.set(entry.name.replace(/\.json$/, ''), entry.etag);
    }
    if (!etags.has('schedule') && meta.lastSyncAt) {
      // The folder was emptied, moved or deleted: never take that as "delete everything".
      meta.lost = 'missing';
      report.lost = meta.lost;
      await store.saveMeta(meta);
      return;
    }
    if (!listing) {
      await client.mkcol(dir);
      await client.mkcol(`${dir}${STATE_DIR}/`);
    }
    if (!listing || !exists) await client.mkcol(`${dir}images/`);
    if (!etags.has('schedule')) meta.folderId ??= newFolderId();
    // The folder is this conference's from now on, even if this first sync stops halfway. A
    // folder synced before is stored as it is here (only a lost one changed, and returned).
    if (!meta.lastSyncAt) await store.saveMeta(meta);

    // This device's new images go up while the state files are read and merged: named by their
    // content, they never conflict, and the notes state that names them is written only once
    // they are all there. Only into a folder known to be ours: one without a schedule file yet,
    // or whose schedule file is the very one the last sync saw (a replaced folder has another).
    const schedule = etags.get('schedule');
    const ours = schedule === undefined || sameTag(schedule, meta.etags.schedule);
    const unsent = early?.unsent;
    const sending = ours ? uploadImages(this.ctx, meta, dir, report, { unsent }) : undefined;
    sending?.catch(() => undefined); // thrown where the notes part waits for it
    // The readable write-up, written once its images are all on the server: by the notes part,
    // beside the state file, when its merge leaves this device's records as they are; else at
    // the end. One written before a state file another device changed meanwhile is stale.
    // It is made from the records both parts' snapshots hold when neither merge brought any
    // in (the usual case), else from the database.
    let documents: Promise<void> | undefined;
    const kept = new Map<PartName, ReadonlyMap<string, SyncRecord>>();
    const held = () =>
      PART_NAMES.every((p) => kept.has(p))
        ? new Map(PART_NAMES.flatMap((p) => [...kept.get(p)!]))
        : undefined;
    const writeUp: WriteUp = {
      keep: (part, records) => kept.set(part, records),
      start: (ready) => (documents ??= writeDocuments(this.ctx, meta, dir, ready, held())),
      stale: () => {
        documents = undefined;
        kept.delete('notes');
      },
    };
    try {
      for (const part of PART_NAMES) {
        const lost = await syncPart(
          this.ctx,
          meta,
          dir,
          part,
          etags.get(part),
          report,
          sending,
          writeUp,
        );
        if (lost) {
          meta.lost = lost;
          report.lost = lost;
          await store.saveMeta(meta);
          return;
        }
      }
    } finally {
      // Never left running past its conference's sync.
      await sending?.catch(() => undefined);
      // The marks too; a failure to write them is thrown by the flush below, once the parts went.
      await this.ctx.marks.flush().catch(() => undefined);
    }
    await removeStaleImages(this.ctx, meta, dir);
    await writeUp.start();
    await this.ctx.marks.flush();
    meta.lastSyncAt = this.ctx.now();
    await store.saveMeta(meta);
  }
}
