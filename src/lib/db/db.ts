// The one IndexedDB database of Confnotes and its schema history. Every version that has an
// upgrade() stays here for good: a phone may open the app after skipping many releases.
import Dexie, { type EntityTable } from 'dexie';
import type {
  Conference,
  Entry,
  FreeSection,
  Opinion,
  Photo,
  Setting,
  Star,
  StoredBlob,
  Talk,
} from './types';

export class ConfnotesDb extends Dexie {
  conferences!: EntityTable<Conference, 'id'>;
  talks!: EntityTable<Talk, 'id'>;
  stars!: EntityTable<Star, 'talkId'>;
  settings!: EntityTable<Setting, 'key'>;
  photos!: EntityTable<Photo, 'id'>;
  photoBlobs!: EntityTable<StoredBlob, 'id'>;
  thumbs!: EntityTable<StoredBlob, 'id'>;
  originals!: EntityTable<StoredBlob, 'id'>;
  entries!: EntityTable<Entry, 'id'>;
  opinions!: EntityTable<Opinion, 'talkId'>;
  freeSections!: EntityTable<FreeSection, 'id'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      conferences: 'id, createdAt',
      talks: 'id, conferenceId, [conferenceId+sourceKey]',
      stars: 'talkId, conferenceId',
      settings: 'key',
    });
    // Version 2 only adds tables, so it needs no upgrade(): Dexie carries the version 1 tables
    // over untouched. Image bytes sit in tables of their own, keyed by photo id and never
    // indexed, so listing a talk's photos reads metadata only. `deletedAt` is a sparse index:
    // IndexedDB leaves out records without the field, so it lists only the trash.
    this.version(2).stores({
      photos: 'id, conferenceId, talkId, [talkId+position], status, takenAt, deletedAt',
      photoBlobs: 'id',
      thumbs: 'id',
      originals: 'id',
    });
    // Version 3 adds the written notes. Text entries share the position sequence of a talk's
    // photos, so the timeline interleaves them in the order they were made.
    this.version(3).stores({
      entries: 'id, conferenceId, talkId, [talkId+position]',
      opinions: 'talkId, conferenceId',
      freeSections: 'id, conferenceId',
    });
  }
}

export function createDb(name = 'confnotes'): ConfnotesDb {
  return new ConfnotesDb(name);
}

let shared: ConfnotesDb | undefined;

/** The app's database, opened on first use. Tests use createDb() with their own name. */
export function appDb(): ConfnotesDb {
  shared ??= createDb();
  return shared;
}
