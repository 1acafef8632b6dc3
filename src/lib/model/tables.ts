// The one registry of the tables whose records are the user's and travel (outbox, sync, zip):
// each with the field that is its key and the sync state file it lives in; check.ts adds each
// one's schema (kept apart: the outbox middleware loads this at start, the schemas load later).
// Every list of tables elsewhere is derived from this one, so adding a table is one edit here
// (test/unit/model/tables.test.ts fails if a derived list misses one).

export const TABLES = {
  conferences: { key: 'id', part: 'schedule' },
  talks: { key: 'id', part: 'schedule' },
  stars: { key: 'talkId', part: 'notes' },
  photos: { key: 'id', part: 'notes' },
  entries: { key: 'id', part: 'notes' },
  opinions: { key: 'talkId', part: 'notes' },
  freeSections: { key: 'id', part: 'notes' },
} as const;

export type SyncedTable = keyof typeof TABLES;

/** The sync state file a table's records live in (`.confnotes/<part>.json`). */
export type PartName = (typeof TABLES)[SyncedTable]['part'];

/** Every synced table, in the registry's order (conference first, so parents come first). */
export const SYNCED_TABLES = Object.keys(TABLES) as SyncedTable[];

/** The tables of one sync state file. */
export const tablesOf = (part: PartName): SyncedTable[] =>
  SYNCED_TABLES.filter((t) => TABLES[t].part === part);

/** A record's key in the outbox and the sync state: `<table>/<primary key>`. */
export const recordKey = (table: SyncedTable, key: string) => `${table}/${key}`;

/** The table a record key names (see `recordKey`). */
export function tableOf(key: string): SyncedTable {
  return key.slice(0, key.indexOf('/')) as SyncedTable;
}
