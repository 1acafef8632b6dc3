// The one IndexedDB database of Confnotes and its schema history. Every version that has an
// upgrade() stays here for good: a phone may open the app after skipping many releases.
import Dexie, { type EntityTable } from 'dexie';
import type { Conference, Setting, Star, Talk } from './types';

export class ConfnotesDb extends Dexie {
  conferences!: EntityTable<Conference, 'id'>;
  talks!: EntityTable<Talk, 'id'>;
  stars!: EntityTable<Star, 'talkId'>;
  settings!: EntityTable<Setting, 'key'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      conferences: 'id, createdAt',
      talks: 'id, conferenceId, [conferenceId+sourceKey]',
      stars: 'talkId, conferenceId',
      settings: 'key',
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
