// The database side of sync: the account, each conference's server folder, a snapshot of a
// state file's records with their merge bases and outbox revisions, and applying a merge back
// in one transaction that leaves alone whatever the user changed while the sync ran. It is the
// port sync/store.ts declares; photo bytes and marks go through PhotoRepo.
import { liveQuery, type Observable } from 'dexie';
import { SYNCED_RECORDS } from '../model/check';
import { PARTS, recordIn, recordKey, shareable, tableOf, type PartName } from '../sync/state';
import type { SyncRecord } from '../sync/state';
import type {
  Applied,
  ForeignFolder,
  ReceivedImage,
  Snapshot,
  SyncAccount,
  SyncMeta,
  SyncStore,
} from '../sync/store';
import type { ExportInput, Lang } from '../export/model';
import { ArchiveRepo, exportInput, noRecords, type ConferenceRecords } from './archive-repo';
import { basesId, type ConfnotesDb } from './db';
import { writeWithRetry } from './errors';
import { SYNCED_TABLES, quietTransaction } from './outbox';
import { PhotoRepo } from './photo-repo';
import { onServerMark, photoTables, photosOffServer, removeBytes, withType } from './photo-tables';
import { replaceImages } from './received-image';
import { talksWithUserData } from './user-data';
import type { Conference, Photo, SyncedTable } from './types';

export type { Applied, Snapshot, SyncAccount } from '../sync/store';

const ACCOUNT_KEY = 'sync.account';
const FOREIGN_KEY = 'sync.foreign';

export class SyncRepo implements SyncStore {
  private readonly archives: ArchiveRepo;

  constructor(
    private readonly db: ConfnotesDb,
    private readonly photos: PhotoRepo = new PhotoRepo(db),
  ) {
    this.archives = new ArchiveRepo(db);
  }

  /**
   * The readable write-up of a conference: the talks with notes, photos or an opinion, with
   * only the photos whose image goes to the server.
   */
  async document(
    conferenceId: string,
    lang: Lang,
    held?: ReadonlyMap<string, SyncRecord>,
  ): Promise<ExportInput | undefined> {
    const choice = { lang, onlyWithNotes: true };
    const records = held && conferenceRecords(conferenceId, held);
    if (records) return exportInput(records, choice, true).input;
    return (await this.archives.load([conferenceId], choice, { readyOnly: true })).inputs[0];
  }

  async account(): Promise<SyncAccount | undefined> {
    const row = await this.db.settings.get(ACCOUNT_KEY);
    return row?.value as SyncAccount | undefined;
  }

  async saveAccount(account: SyncAccount | undefined): Promise<void> {
    if (account) await this.db.settings.put({ key: ACCOUNT_KEY, value: { ...account } });
    else await this.db.settings.delete(ACCOUNT_KEY);
  }

  async foreignFolders(account: string): Promise<Record<string, ForeignFolder>> {
    const row = (await this.db.settings.get(FOREIGN_KEY))?.value as
      { account: string; folders: Record<string, ForeignFolder> } | undefined;
    return row?.account === account ? row.folders : {};
  }

  async saveForeignFolders(account: string, folders: Record<string, ForeignFolder>): Promise<void> {
    await writeWithRetry(() =>
      this.db.settings.put({ key: FOREIGN_KEY, value: { account, folders } }),
    );
  }

  /** Conferences that sync: every one but the demo. */
  async conferences(): Promise<Conference[]> {
    return (await this.db.conferences.toArray()).filter((c) => !c.demo);
  }

  metas(): Promise<SyncMeta[]> {
    return this.db.syncMeta.toArray();
  }

  watchMetas(): Observable<SyncMeta[]> {
    return liveQuery(() => this.db.syncMeta.toArray());
  }

  async saveMeta(meta: SyncMeta): Promise<void> {
    await writeWithRetry(() => this.db.syncMeta.put(structuredClone(meta)));
  }

  async forgetMeta(conferenceId: string): Promise<void> {
    await this.db.syncMeta.delete(conferenceId);
  }

  /** Changes waiting for the server, by conference (the demo, which stays here, left out). */
  watchWaiting(): Observable<Map<string, number>> {
    return liveQuery(async () => {
      const synced = new Set((await this.conferences()).map((c) => c.id));
      // Read whole, not walked with a cursor (a round trip a row): this runs after every write.
      const status = this.db.photos.where('status');
      const notReady = await Promise.all([
        status.equals('pending').primaryKeys(),
        status.equals('failed').primaryKeys(),
      ]);
      const notYet = new Set(notReady.flat().map((id) => recordKey('photos', id)));
      const counts = new Map<string, number>();
      for (const row of await this.db.outbox.toArray()) {
        if (synced.has(row.conferenceId) && !notYet.has(row.id)) {
          counts.set(row.conferenceId, (counts.get(row.conferenceId) ?? 0) + 1);
        }
      }
      return counts;
    });
  }

  /** A state file's records as this device has them, with bases and outbox revisions. */
  async snapshot(conferenceId: string, part: PartName): Promise<Snapshot> {
    const db = this.db;
    const tables = PARTS[part];
    return db.transaction(
      'r',
      [...tables.map((t) => db.table(t)), db.syncBases, db.outbox],
      async () => {
        const local = new Map<string, SyncRecord>();
        const notYet = new Set<string>();
        for (const table of tables) {
          const rows: SyncRecord[] =
            table === 'conferences'
              ? await db.table<SyncRecord>(table).where({ id: conferenceId }).toArray()
              : await db.table<SyncRecord>(table).where({ conferenceId }).toArray();
          for (const row of rows) {
            const key = recordKey(table, String(row[SYNCED_RECORDS[table].key]));
            // Photos still being processed are not ready to share: they go once they are.
            const photo = recordIn('photos', key, row);
            if (!photo || photo.status === 'ready') local.set(key, shareable(table, row));
            else notYet.add(key);
          }
        }
        const inPart = (id: string) => tables.includes(tableOf(id));
        const base =
          (await db.syncBases.get(basesId(conferenceId, part)))?.hashes ??
          new Map<string, string>();
        // Read whole (one getAll), not walked with a cursor: a step of a cursor is a round
        // trip to the database, and a notebook holds thousands of these.
        const revs = new Map<string, string>();
        // A photo still processing, or that failed, is not sent: its change is not waiting
        // either (becoming ready is a change of its own).
        for (const o of await db.outbox.where({ conferenceId }).toArray()) {
          if (inPart(o.id) && !notYet.has(o.id)) revs.set(o.id, o.rev);
        }
        return { local, base, revs };
      },
    );
  }

  /**
   * Writes a merge's outcome for a conference. A key the user changed since the snapshot
   * (its outbox revision moved) keeps the user's record and its outbox row: the next sync
   * merges it. Everything else takes the merge, and its outbox row goes.
   */
  async apply(conferenceId: string, part: PartName, done: Applied, revs: Map<string, string>) {
    const db = this.db;
    // Also the tables a removal looks at or clears: a talk's notes, a photo's bytes. A merge
    // that brings nothing in writes its bases and outbox alone, and leaves every other table
    // free for reads meanwhile (the write-up's).
    const incoming = done.put.size > 0 || done.remove.length > 0;
    const tables = incoming ? [...SYNCED_TABLES.map((t) => db.table(t)), ...photoTables(db)] : [];
    await writeWithRetry(() =>
      db.transaction('rw', [...tables, db.syncBases, db.outbox], async (tx) => {
        quietTransaction(tx.idbtrans);
        // The records this merge changed, and those waiting to go out when it was taken.
        const ids = [...done.base.keys(), ...done.put.keys(), ...done.remove, ...revs.keys()];
        // The conference's outbox read whole: one request, where a get per record was hundreds;
        // its merge bases at the same time.
        const basesKey = basesId(conferenceId, part);
        const [waiting, bases] = await Promise.all([
          db.outbox.where({ conferenceId }).toArray(),
          done.base.size ? db.syncBases.get(basesKey) : undefined,
        ]);
        const now = new Map(waiting.map((r) => [r.id, r.rev]));
        const untouched = (key: string) => now.get(key) === revs.get(key);
        const held = new Set<string>();
        let kept: Set<string> | undefined;
        // Written a table at a time: hundreds of photos in one sync are common.
        const puts = new Map<SyncedTable, SyncRecord[]>();
        const photos: Photo[] = [];
        for (const [key, record] of done.put) {
          if (!untouched(key)) {
            held.add(key);
            continue;
          }
          const photo = recordIn('photos', key, record);
          if (photo) {
            photos.push(photo);
            continue;
          }
          const table = tableOf(key);
          const list = puts.get(table) ?? [];
          list.push(record);
          puts.set(table, list);
        }
        if (photos.length) {
          // Keep what only this device knows about each photo (when it went out in a zip).
          const mine = await db.photos.bulkGet(photos.map((p) => p.id));
          const merged = photos.map((p, i) => ({ ...p, exportedAt: mine[i]?.exportedAt }));
          puts.set('photos', merged);
          // Their images are on the server: the images came from there.
          await db.onServer.bulkPut(photos.map(onServerMark));
        }
        for (const [table, records] of puts) await db.table(table).bulkPut(records);
        for (const key of done.remove) {
          if (!untouched(key)) {
            held.add(key);
            continue;
          }
          const table = tableOf(key);
          const id = key.slice(key.indexOf('/') + 1);
          if (table === 'talks') kept ??= await talksWithUserData(db, conferenceId);
          if (table === 'talks' && kept?.has(id)) {
            // Another device's schedule refresh dropped a talk this device has notes on: it
            // stays, flagged as removed (as a refresh here would), and goes back up so.
            await db.talks.update(id, { removedFromSchedule: true });
            await db.outbox.put({
              id: key,
              conferenceId,
              rev: `kept${Date.now()}`,
              at: Date.now(),
            });
            held.add(key);
            continue;
          }
          await db.table(table).delete(id);
          if (table === 'photos') await removeBytes(db, id);
        }
        if (done.base.size) {
          const hashes = bases?.hashes ?? new Map<string, string>();
          for (const [key, hash] of done.base) {
            if (held.has(key)) continue;
            if (hash === null) hashes.delete(key);
            else hashes.set(key, hash);
          }
          await db.syncBases.put({ id: basesKey, conferenceId, hashes });
        }
        const cleared = new Set(ids.filter((k) => now.has(k) && untouched(k)));
        // Every row waiting went out (the usual case): the table is emptied in one request,
        // where deleting row by row cost one each.
        const all = cleared.size === waiting.length && (await db.outbox.count()) === cleared.size;
        await (all ? db.outbox.clear() : db.outbox.bulkDelete([...cleared]));
      }),
    );
  }

  /**
   * After the server folder vanished or was replaced: forgets what this device knew of it
   * (merge bases, ETags, which images were sent), so the next sync merges with whatever is
   * there as if for the first time and sends every image again. Nothing local is deleted.
   */
  async reconnect(conferenceId: string): Promise<void> {
    const db = this.db;
    await writeWithRetry(() =>
      db.transaction('rw', db.syncBases, db.syncMeta, db.onServer, async (tx) => {
        quietTransaction(tx.idbtrans);
        await db.syncBases.where({ conferenceId }).delete();
        await db.onServer.where({ conferenceId }).delete();
        const meta = await db.syncMeta.get(conferenceId);
        if (meta) {
          await db.syncMeta.put({ conferenceId, folder: meta.folder, etags: {}, files: {} });
        }
      }),
    );
  }

  /** Ready photos of a conference whose image, as it is now, this device has not sent yet. */
  async photosToUpload(conferenceId: string): Promise<Photo[]> {
    const offServer = await photosOffServer(this.db, conferenceId);
    return offServer.filter((p) => p.status === 'ready');
  }

  /**
   * Marks the images of these photos, as they were when read for sending, as on the server.
   * The marks have a table of their own (see OnServerRow), so no photo record is rewritten.
   */
  async markUploaded(photos: Photo[]): Promise<void> {
    if (photos.length)
      await writeWithRetry(() => this.db.onServer.bulkPut(photos.map(onServerMark)));
  }

  async hasImage(image: { id: string; imageTag: string | undefined }): Promise<boolean> {
    if (!(await this.photos.hasJpeg(image.id))) return false;
    return (await this.db.photos.get(image.id))?.imageTag === image.imageTag;
  }

  /**
   * The stored JPEGs only (a photo's original never goes to the server), read in one
   * transaction with their photos' records. A photo cropped again since it was listed gets
   * undefined: its new bytes must not go up under the name of the image it replaced.
   */
  images(images: { id: string; imageTag?: string | undefined }[]): Promise<(Blob | undefined)[]> {
    const db = this.db;
    const ids = images.map((i) => i.id);
    return db.transaction('r', db.photos, db.photoBlobs, async () => {
      const [photos, jpegs] = await Promise.all([
        db.photos.bulkGet(ids),
        db.photoBlobs.bulkGet(ids),
      ]);
      return jpegs.map((row, i) =>
        photos[i]?.imageTag === images[i]!.imageTag ? withType(row) : undefined,
      );
    });
  }

  /**
   * Images from the server, in one transaction; each serves as its own thumbnail until one is
   * made, and replaces any other version held here (another crop) with its thumbnail.
   */
  async storeImages(images: ReceivedImage[]): Promise<void> {
    const db = this.db;
    const rows = images.map(({ id, blob, name }) => ({ id, blob, type: blob.type, name }));
    await writeWithRetry(() =>
      db.transaction('rw', db.photoBlobs, db.thumbs, () => replaceImages(db, rows)),
    );
  }
}

/**
 * A conference's records from a sync's snapshots (keys `<table>/<id>`), grouped by table as
 * stored; undefined without the conference's own record.
 */
function conferenceRecords(
  conferenceId: string,
  held: ReadonlyMap<string, SyncRecord>,
): ConferenceRecords | undefined {
  const conference = held.get(recordKey('conferences', conferenceId)) as Conference | undefined;
  if (!conference) return undefined;
  const records: ConferenceRecords = { conference, ...noRecords() };
  for (const [key, record] of held) {
    const table = tableOf(key);
    if (table !== 'conferences') (records[table] as SyncRecord[]).push(record);
  }
  return records;
}
