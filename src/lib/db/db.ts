// The one IndexedDB database of Confnotes and its schema history. Every version that has an
// upgrade() stays here for good: a phone may open the app after skipping many releases.
import Dexie, { type EntityTable } from 'dexie';
import type {
  Conference,
  Entry,
  FreeSection,
  Opinion,
  OnServerRow,
  OutboxRow,
  Photo,
  Setting,
  Star,
  StoredBlob,
  SyncBase,
  SyncBases,
  SyncMeta,
  Talk,
  ThumbRow,
} from './types';
import { TABLES, tableOf, type PartName } from '../model/tables';
import { outboxMiddleware, quietTransaction } from './outbox';

export class ConfnotesDb extends Dexie {
  conferences!: EntityTable<Conference, 'id'>;
  talks!: EntityTable<Talk, 'id'>;
  stars!: EntityTable<Star, 'talkId'>;
  settings!: EntityTable<Setting, 'key'>;
  photos!: EntityTable<Photo, 'id'>;
  photoBlobs!: EntityTable<StoredBlob, 'id'>;
  thumbs!: EntityTable<ThumbRow, 'id'>;
  originals!: EntityTable<StoredBlob, 'id'>;
  entries!: EntityTable<Entry, 'id'>;
  opinions!: EntityTable<Opinion, 'talkId'>;
  freeSections!: EntityTable<FreeSection, 'id'>;
  outbox!: EntityTable<OutboxRow, 'id'>;
  syncBases!: EntityTable<SyncBases, 'id'>;
  syncMeta!: EntityTable<SyncMeta, 'conferenceId'>;
  onServer!: EntityTable<OnServerRow, 'id'>;

  constructor(name: string) {
    super(name);
    // Dexie diffs the installed database against the declared schema, so only the versions
    // with an upgrade() or a table to drop are declared, and the first of them whole. Declaring
    // all eight cost a first launch 14 ms of its main thread on this machine: each stores()
    // call parses every version declared before it again.
    //
    // Version 1: conferences, talks, stars, settings. Version 2 adds photos, their image bytes
    // in tables of their own keyed by photo id and never indexed (listing a talk's photos reads
    // metadata only); `deletedAt` is sparse, so it lists only the trash. Version 3 adds the
    // written notes; entries share the position sequence of a talk's photos, so the timeline
    // interleaves them in the order they were made. Version 4 adds sync: the outbox of changes
    // not yet on the server (filled by outboxMiddleware in the same transaction as each
    // change), the merge base of every synced record, and each conference's server folder.
    // Version 5 indexes thumbnails that are stand-ins (see ThumbRow), sparsely, so finding the
    // ones still to make reads no image. Before it, a received image was stored again as its
    // own thumbnail: told by its size, that copy is dropped for a stand-in mark.
    this.version(5)
      .stores({
        conferences: 'id, createdAt',
        talks: 'id, conferenceId, [conferenceId+sourceKey]',
        stars: 'talkId, conferenceId',
        settings: 'key',
        photos: 'id, conferenceId, talkId, [talkId+position], status, takenAt, deletedAt',
        photoBlobs: 'id',
        thumbs: 'id, standIn',
        originals: 'id',
        entries: 'id, conferenceId, talkId, [talkId+position]',
        opinions: 'talkId, conferenceId',
        freeSections: 'id, conferenceId',
        outbox: 'id, conferenceId',
        syncBase: 'id, conferenceId',
        syncMeta: 'conferenceId',
      })
      .upgrade(async (tx) => {
        const images = new Map<string, number>();
        await tx.table<StoredBlob, string>('photoBlobs').each((row) => {
          images.set(row.id, row.blob.size);
        });
        await tx
          .table<ThumbRow, string>('thumbs')
          .toCollection()
          .modify((row, ref) => {
            if (row.blob && images.get(row.id) === row.blob.size) {
              ref.value = { id: row.id, name: row.name, standIn: 1 };
            }
          });
      });
    // Version 6 indexes who decided each photo's crop (the Photo record gained `corners`,
    // `cropBy` and `imageTag`). Sparse: photos processed before slides were found have none,
    // and need no upgrade; the index finds the finder's crops whose originals are still kept.
    // Version 7 keeps the merge bases of a conference's state file in one record, where version
    // 4 kept a row per synced record: a sync of 300 new photos wrote 300 rows of bases after its
    // last image, and each sync read them all back.
    // Version 8 drops the old rows once copied: a table an upgrade reads goes in a later one.
    this.version(7)
      .stores({
        photos: 'id, conferenceId, talkId, [talkId+position], status, takenAt, deletedAt, cropBy',
        syncBases: 'id, conferenceId',
      })
      .upgrade(async (tx) => {
        const bundles = new Map<string, SyncBases>();
        await tx.table<SyncBase, string>('syncBase').each((row) => {
          const table = tableOf(row.id);
          if (!Object.hasOwn(TABLES, table)) return;
          const id = basesId(row.conferenceId, TABLES[table].part);
          let bundle = bundles.get(id);
          if (!bundle)
            bundles.set(id, (bundle = { id, conferenceId: row.conferenceId, hashes: new Map() }));
          bundle.hashes.set(row.id, row.hash);
        });
        await tx.table<SyncBases, string>('syncBases').bulkPut([...bundles.values()]);
      });
    this.version(8).stores({ syncBase: null });
    // Version 9 moves the mark of a photo's image sent to the sync server (`syncedAt`) out of
    // the photo record into a table of its own, with the image tag it was sent under.
    this.version(9)
      .stores({ onServer: 'id, conferenceId' })
      .upgrade(async (tx) => {
        // A local mark, not a change to share: nothing enters the outbox.
        quietTransaction(tx.idbtrans);
        const marks: OnServerRow[] = [];
        await tx
          .table<Photo & { syncedAt?: number }, string>('photos')
          .toCollection()
          .modify((photo) => {
            if (photo.syncedAt === undefined) return;
            const mark: OnServerRow = { id: photo.id, conferenceId: photo.conferenceId };
            if (photo.imageTag !== undefined) mark.tag = photo.imageTag;
            marks.push(mark);
            delete photo.syncedAt;
          });
        await tx.table<OnServerRow, string>('onServer').bulkPut(marks);
      });
    this.use(outboxMiddleware);
  }
}

/** The key of a conference's merge bases for one state file. */
export const basesId = (conferenceId: string, part: PartName) => `${conferenceId}/${part}`;

export function createDb(name = 'confnotes'): ConfnotesDb {
  return new ConfnotesDb(name);
}

let shared: ConfnotesDb | undefined;

/** The app's database, opened on first use. Tests use createDb() with their own name. */
export function appDb(): ConfnotesDb {
  shared ??= createDb();
  return shared;
}
