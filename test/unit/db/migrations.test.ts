// Each schema version is opened over real data written by the version before it, the way a
// phone that skipped releases meets a new build.
import Dexie, { type EntityTable } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { newConference } from '../../../src/lib/db/conference-record';
import { ConfnotesDb } from '../../../src/lib/db/db';
import { NotesRepo } from '../../../src/lib/db/notes-repo';
import { PhotoRepo } from '../../../src/lib/db/photo-repo';
import { SyncRepo } from '../../../src/lib/db/sync-repo';
import * as v from 'valibot';
import * as R from '../../../src/lib/model/records';
import type { Conference, Photo, Star, Talk } from '../../../src/lib/model/types';
import type { Setting } from '../../../src/lib/db/types';
import { parseSchedule } from '../../../src/lib/schedule/parse';
import { toTalkFields } from '../../../src/lib/schedule/materialise';
import { image, type Bytes } from '../capture/exif';
import { fixtureBytes, FIXTURES } from '../schedule/fixtures';
import { storedJpeg } from '../../support/stored-jpeg';

/** Version 1 exactly as it shipped, declared on its own so later edits to db.ts cannot alter it. */
class ConfnotesDbV1 extends Dexie {
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

/** Version 4 as it shipped: the tables of versions 1 to 4, without the later indexes. */
class ConfnotesDbV4 extends ConfnotesDbV1 {
  constructor(name: string) {
    super(name);
    this.version(2).stores({
      photos: 'id, conferenceId, talkId, [talkId+position], status, takenAt, deletedAt',
      photoBlobs: 'id',
      thumbs: 'id',
      originals: 'id',
    });
    this.version(3).stores({
      entries: 'id, conferenceId, talkId, [talkId+position]',
      opinions: 'talkId, conferenceId',
      freeSections: 'id, conferenceId',
    });
    this.version(4).stores({
      outbox: 'id, conferenceId',
      syncBase: 'id, conferenceId',
      syncMeta: 'conferenceId',
    });
  }
}

/** Version 5 as it shipped: thumbnails gained their stand-in index. */
class ConfnotesDbV5 extends ConfnotesDbV4 {
  constructor(name: string) {
    super(name);
    this.version(5).stores({ thumbs: 'id, standIn' });
  }
}

/** Version 6 as it shipped: photos gained the `cropBy` index; merge bases a row per record. */
class ConfnotesDbV6 extends ConfnotesDbV5 {
  constructor(name: string) {
    super(name);
    this.version(6).stores({
      photos: 'id, conferenceId, talkId, [talkId+position], status, takenAt, deletedAt, cropBy',
    });
  }
}

/** Version 8 as it shipped: merge bases one record per state file, `syncedAt` on photos. */
class ConfnotesDbV8 extends ConfnotesDbV6 {
  constructor(name: string) {
    super(name);
    this.version(7).stores({ syncBases: 'id, conferenceId' });
    this.version(8).stores({ syncBase: null });
  }
}

const opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Each store of a database as IndexedDB itself has it: key path and indexes. */
async function shape(name: string): Promise<Record<string, unknown>> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const tx = idb.transaction([...idb.objectStoreNames]);
  const out: Record<string, unknown> = {};
  for (const store of [...idb.objectStoreNames].map((n) => tx.objectStore(n))) {
    const indexes = [...store.indexNames].map((n) => store.index(n));
    out[store.name] = {
      keyPath: store.keyPath,
      autoIncrement: store.autoIncrement,
      indexes: indexes.map((x) => [x.name, x.keyPath, x.unique, x.multiEntry]),
    };
  }
  idb.close();
  return out;
}

async function snapshot(db: Dexie) {
  return {
    conferences: await db.table('conferences').toArray(),
    talks: await db.table('talks').toArray(),
    stars: await db.table('stars').toArray(),
    settings: await db.table('settings').toArray(),
  };
}

describe('schema version 1 to the current one (9)', () => {
  it('keeps every record of a real FOSDEM import and adds the photo tables', async () => {
    const name = 'migration-v1-v2';
    const v1 = new ConfnotesDbV1(name);
    opened.push(v1);
    // Written as version 1 wrote an import: the conference and its talks, nothing else.
    const schedule = parseSchedule(fixtureBytes('fosdem'), FIXTURES.fosdem);
    const zone = schedule.conference.timeZone ?? 'Europe/Brussels';
    const source = {
      kind: 'file' as const,
      fileName: FIXTURES.fosdem,
      format: schedule.format,
      fetchedAt: 1_422_000_000_000,
    };
    const conference = newConference(
      schedule,
      'fosdem-2015',
      [zone, schedule.conference.timeZone ? 'file' : 'device'],
      source,
      1_422_000_000_000,
    );
    const conferenceId = conference.id;
    await v1.transaction('rw', v1.conferences, v1.talks, async () => {
      await v1.conferences.add(conference);
      await v1.talks.bulkAdd(
        toTalkFields(schedule.talks, zone).map((t, i) => ({ ...t, id: `talk-${i}`, conferenceId })),
      );
    });
    const talks = await v1.talks.where({ conferenceId }).limit(3).toArray();
    await v1.stars.bulkAdd(talks.map((t) => ({ talkId: t.id, conferenceId, createdAt: 1 })));
    await v1.settings.bulkPut([
      { key: 'demoDismissed', value: true },
      { key: 'lastConference', value: conferenceId },
    ]);
    const before = await snapshot(v1);
    expect(before.talks).toHaveLength(551);
    expect(v1.verno).toBe(1);
    v1.close();

    const db = new ConfnotesDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(9);
    expect(await snapshot(db)).toEqual(before);

    const idb = db.backendDB();
    expect([...idb.objectStoreNames].sort()).toEqual([
      'conferences',
      'entries',
      'freeSections',
      'onServer',
      'opinions',
      'originals',
      'outbox',
      'photoBlobs',
      'photos',
      'settings',
      'stars',
      'syncBases',
      'syncMeta',
      'talks',
      'thumbs',
    ]);
    const photoIndexes = [...idb.transaction('photos').objectStore('photos').indexNames].sort();
    expect(photoIndexes).toEqual(
      [
        '[talkId+position]',
        'conferenceId',
        'cropBy',
        'deletedAt',
        'status',
        'takenAt',
        'talkId',
      ].sort(),
    );

    // The new tables work on the migrated data: a shot filed under a version 1 talk.
    const photos = new PhotoRepo(db);
    const talk = talks[0]!;
    const photo = await photos.addShot(conferenceId, talk.id, new Blob([image('slide.jpg')]), 5);
    expect(photo.talkId).toBe(talk.id);
    expect(await photos.pending()).toHaveLength(1);

    // Version 3: a written note after that photo lands after it in the talk's timeline.
    const notes = new NotesRepo(db);
    await notes.saveEntry(conferenceId, talk.id, undefined, '- first bullet');
    expect((await notes.timeline(talk.id)).map((r) => r.kind)).toEqual(['photo', 'text']);

    // Version 4: records from before the outbox existed have no row (their first sync sends
    // them all, having no merge base); changes made since do.
    expect((await db.outbox.toArray()).map((r) => r.id.split('/')[0]).sort()).toEqual([
      'entries',
      'photos',
    ]);
  });

  it('drops, from version 4, the copies of received images kept as their own thumbnails', async () => {
    const name = 'migration-v4-v5';
    const v4 = new ConfnotesDbV4(name);
    opened.push(v4);
    const jpeg = (bytes: Bytes) => new Blob([bytes], { type: 'image/jpeg' });
    const full = image('slide.jpg');
    const row = (id: string, blob: Blob) => ({ id, blob, type: 'image/jpeg', name: `${id}.jpg` });
    // `synced` came from the server (the image as its thumbnail); `shot` was taken here.
    await v4.table('photoBlobs').bulkPut([row('synced', jpeg(full)), row('shot', jpeg(full))]);
    await v4
      .table('thumbs')
      .bulkPut([row('synced', jpeg(full)), row('shot', jpeg(full.slice(0, 1000)))]);
    v4.close();

    const db = new ConfnotesDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(9);
    expect(await new PhotoRepo(db).standInThumbs()).toEqual(['synced']);
    // The copy of the image is dropped; the photo's image stands in for its thumbnail.
    expect((await db.thumbs.get('synced'))?.blob).toBeUndefined();
    expect((await new PhotoRepo(db).thumb('synced'))?.size).toBe(full.byteLength);
    expect((await db.thumbs.get('shot'))?.blob?.size).toBe(1000);
  });

  it('keeps, from version 5, photos processed before slides were found, uncropped', async () => {
    const name = 'migration-v5-v6';
    const v5 = new ConfnotesDbV5(name);
    opened.push(v5);
    const { jpeg, crc } = storedJpeg(image('slide.jpg'));
    const ids = ['a', 'b'].map((c) => c.repeat(64));
    const photo = (id: string, position: number): Photo => ({
      id,
      conferenceId: 'c1',
      talkId: 't1',
      position,
      caption: `taken ${position}`,
      takenAt: 1_700_000_000_000,
      width: 1920,
      height: 1440,
      size: jpeg.size,
      type: 'image/jpeg',
      status: 'ready',
      createdAt: 1_700_000_000_000,
    });
    const before = ids.map(photo);
    await v5.table('photos').bulkPut(before);
    const row = (id: string) => ({ id, blob: jpeg, type: 'image/jpeg', name: `${id}.jpg` });
    await v5.table('photoBlobs').bulkPut(ids.map(row));
    await v5.table('originals').put(row(ids[1]!));
    v5.close();

    const db = new ConfnotesDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(9);
    // Nothing to convert: the old records are valid as they are, and read back unchanged.
    expect(await db.photos.toArray()).toEqual(before);
    for (const p of await db.photos.toArray()) expect(v.safeParse(R.Photo, p).success).toBe(true);
    expect(await db.photos.where('cropBy').anyOf('finder', 'user').count()).toBe(0);

    // The finder's crop of the photo whose original is kept: found by the new index.
    const repo = new PhotoRepo(db);
    const corners = {
      topLeft: { x: 0.1, y: 0.12 },
      topRight: { x: 0.9, y: 0.1 },
      bottomRight: { x: 0.88, y: 0.8 },
      bottomLeft: { x: 0.12, y: 0.82 },
    };
    const processed = { jpeg, crc, thumb: jpeg, width: 1600, height: 900, corners };
    await repo.completeProcessing(ids[1]!, processed, { keepOriginal: true, foundBy: 'finder' });
    const cropped = await db.photos.where('cropBy').equals('finder').toArray();
    expect(cropped.map((p) => [p.id, p.corners, p.width, p.height])).toEqual([
      [ids[1], corners, 1600, 900],
    ]);
    expect(await repo.original(ids[1]!)).toBeDefined();
  });

  it('moves, from version 6, the merge bases of each state file into one record', async () => {
    const name = 'migration-v6-v8';
    const v6 = new ConfnotesDbV6(name);
    opened.push(v6);
    const photoId = 'c'.repeat(64);
    // As version 6 left them after syncing two conferences: a row per record.
    const rows = [
      { id: 'conferences/c1', conferenceId: 'c1', hash: 'h-conf' },
      { id: 'talks/t1', conferenceId: 'c1', hash: 'h-talk' },
      { id: `photos/${photoId}`, conferenceId: 'c1', hash: 'h-photo' },
      { id: 'entries/e1', conferenceId: 'c1', hash: 'h-entry' },
      { id: 'stars/t1', conferenceId: 'c1', hash: 'h-star' },
      { id: 'talks/t9', conferenceId: 'c2', hash: 'h-other' },
      // A key of no synced table (none was ever written so): left out, not guessed at.
      { id: 'ghosts/g1', conferenceId: 'c1', hash: 'h-ghost' },
    ];
    await v6.table('syncBase').bulkPut(rows);
    v6.close();

    const db = new ConfnotesDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(9);
    expect(db.backendDB().objectStoreNames.contains('syncBase')).toBe(false);
    const bundles = await db.syncBases.orderBy('id').toArray();
    expect(bundles.map((b) => [b.id, b.conferenceId, Object.fromEntries(b.hashes)])).toEqual([
      [
        'c1/notes',
        'c1',
        { [`photos/${photoId}`]: 'h-photo', 'entries/e1': 'h-entry', 'stars/t1': 'h-star' },
      ],
      ['c1/schedule', 'c1', { 'conferences/c1': 'h-conf', 'talks/t1': 'h-talk' }],
      ['c2/schedule', 'c2', { 'talks/t9': 'h-other' }],
    ]);
    // The next sync merges against them as before: its snapshot finds each record's base.
    const notes = await new SyncRepo(db).snapshot('c1', 'notes');
    expect(Object.fromEntries(notes.base)).toEqual({
      [`photos/${photoId}`]: 'h-photo',
      'entries/e1': 'h-entry',
      'stars/t1': 'h-star',
    });
    expect((await new SyncRepo(db).snapshot('c2', 'schedule')).base.get('talks/t9')).toBe(
      'h-other',
    );
  });

  it('moves, from version 8, the marks of images sent to the server out of the photos', async () => {
    const name = 'migration-v8-v9';
    const v8 = new ConfnotesDbV8(name);
    opened.push(v8);
    const photo = (c: string, position: number, more: object) => ({
      id: c.repeat(64),
      conferenceId: 'c1',
      talkId: 't1',
      position,
      caption: '',
      takenAt: 1_700_000_000_000,
      width: 1920,
      height: 1440,
      size: 1000,
      type: 'image/jpeg',
      status: 'ready',
      createdAt: 1_700_000_000_000,
      ...more,
    });
    // Sent whole; sent after a crop (its tag); never sent; sent, then in another conference.
    const sent = photo('a', 0, { syncedAt: 5 });
    const cropped = photo('b', 1, { syncedAt: 6, imageTag: '0badcafe', cropBy: 'user' });
    const unsent = photo('c', 2, { exportedAt: 7 });
    const other = photo('d', 0, { conferenceId: 'c2', syncedAt: 8 });
    await v8.table('photos').bulkPut([sent, cropped, unsent, other]);
    v8.close();

    const db = new ConfnotesDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(9);
    const photos = await db.photos.orderBy('id').toArray();
    expect(photos.some((p) => 'syncedAt' in p)).toBe(false);
    expect(photos.map((p) => p.exportedAt)).toEqual([undefined, undefined, 7, undefined]);
    for (const p of photos) expect(v.safeParse(R.Photo, p).success).toBe(true);
    expect(await db.onServer.orderBy('id').toArray()).toEqual([
      { id: sent.id, conferenceId: 'c1' },
      { id: cropped.id, conferenceId: 'c1', tag: '0badcafe' },
      { id: other.id, conferenceId: 'c2' },
    ]);
    // A local mark, not a change to share; and the next sync sends only the unsent photo.
    expect(await db.outbox.count()).toBe(0);
    const sync = new SyncRepo(db);
    expect((await sync.photosToUpload('c1')).map((p) => p.id)).toEqual([unsent.id]);
    expect(await sync.photosToUpload('c2')).toEqual([]);
  });

  it('ends every upgrade with the stores and indexes of a fresh database', async () => {
    const fresh = new ConfnotesDb('migration-shape-fresh');
    opened.push(fresh);
    await fresh.open();
    const want = await shape('migration-shape-fresh');
    expect(Object.keys(want)).toHaveLength(15);
    const olds = [ConfnotesDbV1, ConfnotesDbV4, ConfnotesDbV5, ConfnotesDbV6, ConfnotesDbV8];
    for (const [i, Old] of olds.entries()) {
      const name = `migration-shape-${i}`;
      const old = new Old(name);
      await old.open();
      old.close();
      const db = new ConfnotesDb(name);
      opened.push(db);
      await db.open();
      expect(await shape(name), Old.name).toEqual(want);
    }
  });

  it('creates a fresh database at the current version', async () => {
    const db = new ConfnotesDb('migration-fresh');
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(9);
    expect(await db.photos.count()).toBe(0);
    expect(await db.entries.count()).toBe(0);
  });
});
