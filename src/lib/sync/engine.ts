// One sync run: every conference of this device to its folder on the user's WebDAV server,
// and every Confnotes folder there that this device has not seen, back. Per conference:
//   <folder>/<folder>.adoc and .md   the write-up, as in the export (talks with notes)
//   <folder>/images/<photo id>.jpg    images named by content hash: they never conflict
//   <folder>/.confnotes/<part>.json   machine state (see state.ts), written with If-Match
// Images go up before the state that names them, and an interrupted sync resumes where it
// stopped: the images the server already lists are not sent again.
import type { Applied, Snapshot, SyncAccount } from '../db/sync-repo';
import type { Conference, Photo } from '../model/types';
import type { SyncMeta } from '../db/types';
import { toAsciiDoc } from '../export/asciidoc';
import { toMarkdown } from '../export/markdown';
import { documentPhotos, type ExportInput, type Lang } from '../export/model';
import { uniqueSlug } from '../export/slug';
import { merge } from './merge';
import {
  PART_NAMES,
  STATE_DIR,
  canonical,
  emptyState,
  hashText,
  parseState,
  stateJson,
  type PartName,
  type StateDoc,
  type SyncRecord,
} from './state';
import { WEAK_MS, alivePhotos, flagRevived, imageFile, isPhotoKey, sameTag } from './revive';
import { DavClient, DavError, type DavEntry, type DavOptions } from './webdav';
import { SYNC_WORDS as W, SyncError } from './words';

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
  markUploaded(ids: string[]): Promise<void>;
  hasImage(id: string): Promise<boolean>;
  image(id: string): Promise<Blob | undefined>;
  storeImage(id: string, blob: Blob, name: string): Promise<void>;
  document(conferenceId: string, lang: Lang): Promise<ExportInput | undefined>;
  /** Folders of the account found not to be Confnotes', by name. */
  foreignFolders(account: string): Promise<Record<string, ForeignFolder>>;
  saveForeignFolders(account: string, folders: Record<string, ForeignFolder>): Promise<void>;
}

/** A folder with no Confnotes state when last looked into: its ETag then, and when (ms). */
export interface ForeignFolder {
  etag?: string;
  at: number;
}

/**
 * How long another app's folder is taken to stay so. Its ETag changing ends this sooner, but
 * not every server changes a folder's ETag when something is added inside it.
 */
const FOREIGN_FOR_MS = 6 * 3600_000;

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

const stateFile = (part: PartName) => `${STATE_DIR}/${part}.json`;

/** A folder of the account that holds no Confnotes state. */
const FOREIGN = Symbol('foreign');

/** Image files of photos the server listed and this merge tombstones: this device deleted them. */
function deletedImages(before: StateDoc, tombstones: Record<string, number>): string[] {
  return Object.keys(tombstones)
    .filter((key) => isPhotoKey(key) && !(key in before.tombstones) && key in before.records)
    .map((key) => imageFile(before.records[key] as unknown as Photo));
}

/** Photos the server had tombstoned and this device's edit brought back. */
function revivedPhotos(before: StateDoc, records: Record<string, SyncRecord>): Photo[] {
  return Object.keys(before.tombstones)
    .filter((key) => isPhotoKey(key) && key in records)
    .map((key) => records[key] as unknown as Photo)
    .filter((photo) => photo.deletedAt === undefined);
}

function newFolderId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Runs `work` over `items`, `width` at a time. After a failure no new item starts, and the
 * ones under way finish before the first error is thrown: nothing keeps running unseen.
 */
async function eachLimited<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const lanes = await Promise.allSettled(
    Array.from({ length: Math.min(width, items.length) }, lane),
  );
  const failure = lanes.find((l) => l.status === 'rejected');
  if (failure) throw failure.reason;
}

export class SyncEngine {
  readonly client: DavClient;
  private readonly now: () => number;

  constructor(
    private readonly store: SyncStore,
    account: SyncAccount,
    private readonly options: SyncOptions,
  ) {
    this.client = new DavClient(account, options);
    this.now = options.now ?? Date.now;
  }

  async run(): Promise<SyncReport> {
    const report: SyncReport = { conferences: [] };
    try {
      const top = await this.client.list('', 1);
      if (top === null) {
        const { host, pathname: path } = this.client.base;
        throw new DavError('not-found', W.accountFolderMissing, { path, host }, 404);
      }
      const folders = top.filter((e) => e.folder && e.path);
      const remote = new Set(folders.map((e) => e.name));
      const metas = new Map((await this.store.metas()).map((m) => [m.conferenceId, m]));
      const local = await this.store.conferences();
      const known = new Set([...metas.values()].map((m) => m.folder));

      // Folders this device has not met: another device's conferences, or this device's own
      // after its sync records were lost. Adopted only if they hold Confnotes state. Other
      // apps' folders are looked into again only when their ETag changes, or hours later.
      const account = this.client.base.href;
      const wasForeign = await this.store.foreignFolders(account);
      const foreign: Record<string, ForeignFolder> = {};
      for (const { name: folder, etag: listed } of folders) {
        if (known.has(folder)) continue;
        // Compared weakly: Apache marks an ETag weak (W/) for a second after a change.
        const etag = listed?.replace(/^W\//, '');
        const seen = wasForeign[folder];
        if (seen && seen.etag === etag && this.now() - seen.at < FOREIGN_FOR_MS) {
          foreign[folder] = seen;
          continue;
        }
        const found = await this.readFolderIdentity(folder);
        if (found === FOREIGN) {
          foreign[folder] = etag === undefined ? { at: this.now() } : { etag, at: this.now() };
          continue;
        }
        if (!found || metas.has(found)) continue;
        metas.set(found, { conferenceId: found, folder, etags: {}, files: {} });
        known.add(folder);
      }
      if (canonical(foreign) !== canonical(wasForeign)) {
        await this.store.saveForeignFolders(account, foreign);
      }
      const taken = new Set([...remote, ...known]);
      for (const conference of local) {
        if (!metas.has(conference.id)) {
          const folder = uniqueSlug(conference.title, taken);
          metas.set(conference.id, { conferenceId: conference.id, folder, etags: {}, files: {} });
        }
      }
      const byId = new Map(local.map((c) => [c.id, c]));
      for (const meta of metas.values()) {
        const conference = byId.get(meta.conferenceId);
        // A conference deleted here keeps its record, so its folder is not fetched back.
        if (meta.paused || (!conference && meta.lastSyncAt)) continue;
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
          await this.syncConference(meta, remote.has(meta.folder), entry);
        } catch (err) {
          // Account-wide problems stop the run; others are this conference's.
          const accountWide =
            err instanceof DavError &&
            ['auth', 'offline', 'unreachable', 'cors', 'redirect', 'unsafe'].includes(err.code);
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
   * The conference id a folder's state names; FOREIGN when it has no state folder at all;
   * undefined when the state is not complete or readable yet.
   */
  private async readFolderIdentity(folder: string): Promise<string | typeof FOREIGN | undefined> {
    // A listing first: another app's folder costs one PROPFIND, never a download.
    const state = await this.client.list(`${folder}/${STATE_DIR}/`, 1);
    if (state === null) return FOREIGN;
    if (!state.some((e) => e.name === 'schedule.json')) return undefined;
    const got = await this.client.get(`${folder}/${stateFile('schedule')}`);
    if (!got) return undefined;
    try {
      return parseState(await got.res.text(), 'schedule').conferenceId;
    } catch {
      return undefined;
    }
  }

  private progress(meta: SyncMeta, phase: SyncProgress['phase'], done: number, total: number) {
    this.options.onProgress?.({ conference: meta.conferenceId, phase, done, total });
  }

  private async syncConference(meta: SyncMeta, exists: boolean, report: ConferenceReport) {
    const dir = `${meta.folder}/`;
    this.progress(meta, 'checking', 0, 1);
    const listing = exists ? await this.client.list(`${dir}${STATE_DIR}/`, 1) : null;
    const etags = new Map<string, string | undefined>();
    for (const entry of listing ?? []) {
      if (!entry.folder) etags.set(entry.name.replace(/\.json$/, ''), entry.etag);
    }
    if (!etags.has('schedule') && meta.lastSyncAt) {
      // The folder was emptied, moved or deleted: never take that as "delete everything".
      meta.lost = 'missing';
      report.lost = meta.lost;
      await this.store.saveMeta(meta);
      return;
    }
    if (!listing) {
      await this.client.mkcol(dir);
      await this.client.mkcol(`${dir}${STATE_DIR}/`);
    }
    if (!listing || !exists) await this.client.mkcol(`${dir}images/`);
    if (!etags.has('schedule')) meta.folderId ??= newFolderId();
    // The folder is this conference's from now on, even if this first sync stops halfway.
    await this.store.saveMeta(meta);

    for (const part of PART_NAMES) {
      const lost = await this.syncPart(meta, dir, part, etags.get(part), report);
      if (lost) {
        meta.lost = lost;
        report.lost = lost;
        await this.store.saveMeta(meta);
        return;
      }
    }
    await this.removeStaleImages(meta, dir);
    await this.writeDocuments(meta, dir);
    meta.lastSyncAt = this.now();
    await this.store.saveMeta(meta);
  }

  /** Merges one state file; returns why the folder is not ours any more, if it is not. */
  private async syncPart(
    meta: SyncMeta,
    dir: string,
    part: PartName,
    listedEtag: string | undefined,
    report: ConferenceReport,
  ): Promise<SyncMeta['lost'] | undefined> {
    const path = `${dir}${stateFile(part)}`;
    for (let attempt = 0; ; attempt++) {
      const snap = await this.store.snapshot(meta.conferenceId, part);
      // Nothing changed on either side since the last sync: the listing was all it took.
      if (listedEtag && sameTag(listedEtag, meta.etags[part]) && snap.revs.size === 0) {
        if (part === 'notes') await this.uploadImages(meta, dir, report);
        return undefined;
      }
      let doc: StateDoc;
      let etag: string | undefined;
      const got = listedEtag ? await this.client.get(path) : null;
      if (got) {
        doc = parseState(await got.res.text(), part);
        etag = got.etag;
        if (meta.folderId && doc.folderId !== meta.folderId) return 'replaced';
        meta.folderId ??= doc.folderId;
      } else {
        if (!meta.folderId) return 'missing';
        doc = emptyState(meta.folderId, meta.conferenceId, part);
      }
      const outcome = merge({ local: snap.local, base: snap.base, remote: doc, now: this.now() });

      const revived = part === 'notes' ? revivedPhotos(doc, outcome.records) : [];
      if (part === 'notes') {
        await this.downloadImages(meta, dir, outcome.put, report);
        // Every photo alive in the state is checked too: a deleting device may have removed
        // the image of one revived before (see revive.ts); the device holding it sends it.
        await this.uploadImages(meta, dir, report, revived, alivePhotos(outcome.records));
      }
      if (outcome.changed) {
        this.progress(meta, 'saving', 0, 1);
        const next: StateDoc = {
          ...doc,
          records: outcome.records,
          tombstones: outcome.tombstones,
          writtenAt: new Date(this.now()).toISOString(),
        };
        const body = stateJson(next);
        await this.client.checkPreconditions(dir);
        try {
          const put = await this.client.put(path, body, {
            type: 'application/json',
            ...(got?.etag ? { ifMatch: got.etag } : { ifNoneMatch: '*' as const }),
          });
          etag = put.etag ?? (await this.etagIfStill(path, body));
          // The deleting device's DELETE may have come between our image check and this
          // write: look again now that the revival is on the server.
          if (revived.length) await this.uploadImages(meta, dir, report, revived);
        } catch (err) {
          // Another device wrote in between: read its version and merge again.
          if (err instanceof DavError && err.code === 'precondition' && attempt < 4) {
            // Apache (FileETag MTime Size, its default) marks an ETag weak for a second after a
            // write, and a weak ETag never satisfies If-Match: wait that second out first.
            if (got?.etag?.startsWith('W/')) await new Promise((r) => setTimeout(r, WEAK_MS));
            listedEtag = 'changed';
            continue;
          }
          throw err;
        }
      }
      await this.store.apply(meta.conferenceId, part, outcome, snap.revs);
      // Counted once written: a merge redone after a 412 would count the same conflict twice.
      report.conflicts += outcome.conflicts.length;
      report.downloaded += outcome.put.size + outcome.remove.length;
      const stale = outcome.changed ? deletedImages(doc, outcome.tombstones) : [];
      if (stale.length) {
        // Kept with the folder's state until deleted, so a stop before that only delays it.
        meta.staleImages = [...new Set([...(meta.staleImages ?? []), ...stale])];
        await this.store.saveMeta(meta);
      }
      // Without an ETag from the PUT, the next listing's one is unknown: read again next time.
      if (etag) meta.etags[part] = etag;
      else delete meta.etags[part];
      return undefined;
    }
  }

  /**
   * The ETag of what we just wrote, for servers that do not return one from PUT (Apache): read
   * back, and kept only if the file still holds our text, so a write by another device in
   * between is never mistaken for ours.
   */
  private async etagIfStill(path: string, body: string): Promise<string | undefined> {
    const got = await this.client.get(path);
    if (!got?.etag) return undefined;
    return (await got.res.text()) === body ? got.etag : undefined;
  }

  /** Fetches the images of photos the merge brings, before their records land here. */
  private async downloadImages(
    meta: SyncMeta,
    dir: string,
    put: Map<string, Record<string, unknown>>,
    report: ConferenceReport,
  ) {
    const wanted: { key: string; photo: Photo }[] = [];
    for (const [key, record] of put) {
      if (!isPhotoKey(key)) continue;
      const photo = record as unknown as Photo;
      if (photo.deletedAt === undefined && !(await this.store.hasImage(photo.id))) {
        wanted.push({ key, photo });
      }
    }
    let done = 0;
    await eachLimited(wanted, this.options.parallel ?? 4, async ({ key, photo }) => {
      this.progress(meta, 'downloading', done, wanted.length);
      const got = await this.client.get(`${dir}images/${imageFile(photo)}`);
      if (!got) {
        // Its image is not on the server (yet): leave the photo for a later sync.
        put.delete(key);
        return;
      }
      const bytes = await got.res.blob();
      const blob = bytes.type === photo.type ? bytes : bytes.slice(0, bytes.size, photo.type);
      await this.store.storeImage(photo.id, blob, imageFile(photo));
      report.downloaded++;
      this.progress(meta, 'downloading', ++done, wanted.length);
    });
  }

  /**
   * Deletes the images of photos this device deleted, once the state file says so. Cleanup
   * only: a failure leaves the name for the next sync and never fails this one.
   */
  private async removeStaleImages(meta: SyncMeta, dir: string) {
    const names = meta.staleImages;
    if (!names?.length) return;
    const left: string[] = [];
    const deleted: string[] = [];
    for (const name of names) {
      // Back here since (another device's edit outlived the deletion): the image stays.
      if (await this.store.hasImage(name.slice(0, name.lastIndexOf('.')))) continue;
      try {
        await this.client.remove(`${dir}images/${name}`);
        deleted.push(name);
      } catch (err) {
        if (!(err instanceof SyncError)) throw err;
        left.push(name);
      }
    }
    try {
      if (deleted.length) await flagRevived(this.client, dir, deleted, meta.etags.notes);
    } catch (err) {
      if (!(err instanceof SyncError)) throw err;
      // Kept: deleting again is harmless (404), and the check is made again next time.
      left.push(...deleted);
    }
    if (left.length) meta.staleImages = left;
    else delete meta.staleImages;
  }

  /**
   * Sends the images of this device's photos the server lacks, each marked once there, and
   * those of `revived` photos, whose image the deleting device may have removed.
   */
  private async uploadImages(
    meta: SyncMeta,
    dir: string,
    report: ConferenceReport,
    revived: Photo[] = [],
    alive: Photo[] = [],
  ) {
    const photos = [...(await this.store.photosToUpload(meta.conferenceId)), ...revived];
    if (!photos.length && !alive.length) return;
    const listing: DavEntry[] = (await this.client.list(`${dir}images/`, 1)) ?? [];
    const there = new Set(listing.map((e) => e.name));
    const todo: Photo[] = [];
    // Photos on the server are marked as sent in one write at the end, failed or not: one
    // transaction per photo would cost more than the upload. A mark lost to a crash costs
    // nothing either, since the listing above shows the server has the image.
    const marked: string[] = [];
    for (const photo of photos) {
      if (there.has(imageFile(photo))) marked.push(photo.id);
      else todo.push(photo);
    }
    // Images missing on the server of photos the state says are alive: sent if held here.
    const queued = new Set(todo.map((p) => p.id));
    todo.push(...alive.filter((p) => !there.has(imageFile(p)) && !queued.has(p.id)));
    const total = todo.reduce((n, p) => n + p.size, 0);
    let sent = 0;
    this.progress(meta, 'uploading', 0, total);
    try {
      await eachLimited(todo, this.options.parallel ?? 4, async (photo) => {
        const blob = await this.store.image(photo.id);
        if (!blob) return;
        try {
          await this.client.put(`${dir}images/${imageFile(photo)}`, blob, {
            type: photo.type,
            ifNoneMatch: '*',
          });
        } catch (err) {
          // Already there (another device sent the same photo): that is what we wanted.
          if (!(err instanceof DavError && err.code === 'precondition')) throw err;
        }
        marked.push(photo.id);
        report.uploaded++;
        sent += photo.size;
        this.progress(meta, 'uploading', sent, total);
      });
    } finally {
      await this.store.markUploaded(marked);
    }
  }

  /** The readable write-up, sent only when its text changed. */
  private async writeDocuments(meta: SyncMeta, dir: string) {
    const input = await this.store.document(meta.conferenceId, this.options.lang);
    if (!input) return;
    const types = new Map(documentPhotos(input).map((p) => [p.id, p.type]));
    const name = (id: string) => imageFile({ id, type: types.get(id) ?? 'image/jpeg' });
    const docs: [string, string, string][] = [
      [`${meta.folder}.adoc`, toAsciiDoc(input, name), 'text/asciidoc; charset=utf-8'],
      [`${meta.folder}.md`, toMarkdown(input, name), 'text/markdown; charset=utf-8'],
    ];
    for (const [name, text, type] of docs) {
      const hash = hashText(text);
      if (meta.files[name] === hash) continue;
      await this.client.put(`${dir}${name}`, text, { type });
      meta.files[name] = hash;
    }
  }
}
