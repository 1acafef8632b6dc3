// The table registry (src/lib/model/tables.ts) is the one list of synced tables: every place
// that must handle each of them is checked here against it, so a table added to the registry
// and forgotten elsewhere (say, in delete) fails a test instead of leaving data behind.
import { describe, expect, it } from 'vitest';
import { ArchiveRepo } from '../../../src/lib/db/archive-repo';
import { ConferenceRepo } from '../../../src/lib/db/conference-repo';
import { createDb, type ConfnotesDb } from '../../../src/lib/db/db';
import { SYNCED_TABLES as OUTBOX_TABLES } from '../../../src/lib/db/outbox';
import { parseArchiveJson, toArchiveJson } from '../../../src/lib/export/json';
import { SYNCED_RECORDS } from '../../../src/lib/model/check';
import { PARTS } from '../../../src/lib/sync/state';
import { SYNCED_TABLES, TABLES, type SyncedTable } from '../../../src/lib/model/tables';
import { records } from '../export/records';
import { storedJpeg } from '../../support/stored-jpeg';

/** The image every photo of an import gets: the smallest JPEG, and its CRC-32. */
const { jpeg, crc } = storedJpeg(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
const image = { blob: jpeg, crc };

let n = 0;
const counts = async (db: ConfnotesDb) =>
  Object.fromEntries(
    await Promise.all(SYNCED_TABLES.map(async (t) => [t, await db.table(t).count()] as const)),
  ) as Record<SyncedTable, number>;

describe('the table registry', () => {
  it('names a schema and a key field for each table; the outbox and the state files take them all', () => {
    expect(Object.keys(SYNCED_RECORDS)).toEqual(SYNCED_TABLES);
    expect([...OUTBOX_TABLES]).toEqual(SYNCED_TABLES);
    expect(Object.values(PARTS).flat().sort()).toEqual([...SYNCED_TABLES].sort());
    for (const t of SYNCED_TABLES) {
      expect(SYNCED_RECORDS[t].schema.entries).toHaveProperty(TABLES[t].key);
    }
  });

  it('each table is a table of the database', () => {
    const db = createDb(`tables-${++n}`);
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining(SYNCED_TABLES));
  });

  it('confnotes.json carries every table, and an import writes every one', async () => {
    for (const t of SYNCED_TABLES) expect(records[t].length, t).toBeGreaterThan(0);
    const archive = parseArchiveJson(toArchiveJson(records));
    const db = createDb(`tables-${++n}`);
    await new ArchiveRepo(db).import(archive, new Map(archive.photos.map((p) => [p.id, image])));
    const stored = await counts(db);
    for (const t of SYNCED_TABLES) expect(stored[t], t).toBe(records[t].length);
  });

  it('deleting a conference leaves nothing of it in any table', async () => {
    const db = createDb(`tables-${++n}`);
    const archive = parseArchiveJson(toArchiveJson(records));
    await new ArchiveRepo(db).import(archive, new Map(archive.photos.map((p) => [p.id, image])));
    await new ConferenceRepo(db).delete(records.conferences[0]!.id);
    const left = await counts(db);
    for (const t of SYNCED_TABLES) expect(left[t], t).toBe(0);
  });
});
