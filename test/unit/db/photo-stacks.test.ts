// Stacks written to the photos table (db/photo-stacks.ts): joining after reading, "Keep this
// one" and "Unstack", each change recorded in the outbox for sync, nothing deleted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type ConfnotesDb } from '../../../src/lib/db/db';
import { keepThisOne, stackAfterReading, unstack } from '../../../src/lib/db/photo-stacks';
import { STACK_WINDOW_MS } from '../../../src/lib/read/stacks';
import type { Photo } from '../../../src/lib/model/types';

const T0 = Date.UTC(2026, 1, 1, 10);
const SLIDE = 'Kafka at scale\nPartitions are the unit of parallelism\nConsumers share partitions';
const OTHER = 'Exactly once\nIdempotent producers and transactions\nAt a cost';

let db: ConfnotesDb;
let n = 0;
let made = 0;

function photo(over: Partial<Photo> & { words?: string } = {}): Photo {
  const { words = SLIDE, ...rest } = over;
  made++;
  return {
    id: made.toString(16).padStart(64, '0'),
    conferenceId: 'conf',
    talkId: 'talk',
    position: made,
    caption: '',
    takenAt: T0 + made * 1000,
    width: 1920,
    height: 1080,
    size: 1000,
    type: 'image/jpeg',
    status: 'ready',
    createdAt: T0,
    hash: '3c3c7e7e00ff8181',
    text: { words, lang: 'en' },
    ...rest,
  };
}

async function stored(...photos: Photo[]): Promise<Photo[]> {
  await db.photos.bulkPut(photos);
  await db.outbox.clear();
  return photos;
}

const get = async (p: Photo) => (await db.photos.get(p.id))!;
const outboxed = async () => (await db.outbox.toArray()).map((r) => r.id).sort();

beforeEach(() => {
  db = createDb(`photo-stacks-test-${++n}`);
});

afterEach(() => db.close());

describe('stackAfterReading', () => {
  it('starts a stack on the earlier shot and puts the new one in it, both sent to sync', async () => {
    const [first, again] = await stored(photo(), photo());
    await stackAfterReading(db, again!.id);
    expect((await get(first!)).stack).toBe(first!.id);
    expect((await get(again!)).stack).toBe(first!.id);
    expect(await outboxed()).toEqual([`photos/${first!.id}`, `photos/${again!.id}`]);
  });

  it('joins a stack already started, leaving its members as they are', async () => {
    const [a, b, c] = await stored(photo(), photo(), photo());
    await db.photos.bulkUpdate([a, b].map((p) => ({ key: p!.id, changes: { stack: a!.id } })));
    await db.outbox.clear();
    await stackAfterReading(db, c!.id);
    expect((await get(c!)).stack).toBe(a!.id);
    expect(await outboxed()).toEqual([`photos/${c!.id}`]);
  });

  it('leaves alone another slide, another talk, a shot outside the window, a deleted one', async () => {
    const [p, ...others] = await stored(
      photo(),
      photo({ words: OTHER }),
      photo({ talkId: 'talk2' }),
      photo({ takenAt: T0 - STACK_WINDOW_MS }),
      photo({ deletedAt: T0 }),
    );
    await stackAfterReading(db, p!.id);
    for (const q of [p!, ...others]) expect((await get(q)).stack).toBeUndefined();
    expect(await outboxed()).toEqual([]);
  });

  it('never stacks a photo the user unstacked, nor one that is gone', async () => {
    const [, back] = await stored(photo(), photo({ unstacked: true }));
    await stackAfterReading(db, back!.id);
    await stackAfterReading(db, 'f'.repeat(64));
    expect(await db.photos.filter((p) => p.stack !== undefined).count()).toBe(0);
  });
});

describe('keepThisOne and unstack', () => {
  let members: Photo[];
  let elsewhere: Photo;

  beforeEach(async () => {
    const stack = photo().id;
    members = await stored(
      photo({ id: stack, stack }),
      photo({ stack, kept: true }),
      photo({ stack, talkId: 'moved-since' }),
    );
    elsewhere = (await stored(photo({ stack: 'another', kept: true })))[0]!;
  });

  it('keeps the chosen shot and no other of its stack', async () => {
    await keepThisOne(db, members[2]!.id);
    expect((await db.photos.bulkGet(members.map((p) => p.id))).map((p) => p?.kept)).toEqual([
      undefined,
      undefined,
      true,
    ]);
    expect((await get(elsewhere)).kept).toBe(true);
    expect(await outboxed()).toEqual(
      [`photos/${members[1]!.id}`, `photos/${members[2]!.id}`].sort(),
    );
  });

  it('unstacks every member for good, deleting nothing', async () => {
    await unstack(db, members[0]!.id);
    for (const p of members) {
      const now = await get(p);
      expect([now.stack, now.kept, now.unstacked, now.deletedAt]).toEqual([
        undefined,
        undefined,
        true,
        undefined,
      ]);
      expect(Object.keys(now)).not.toContain('stack');
    }
    expect(await db.photos.count()).toBe(4);
    expect((await get(elsewhere)).stack).toBe('another');
    expect(await outboxed()).toEqual(members.map((p) => `photos/${p.id}`).sort());
    await stackAfterReading(db, members[1]!.id);
    expect((await get(members[1]!)).stack).toBeUndefined();
  });

  it('does nothing for a photo on its own', async () => {
    const [single] = await stored(photo());
    await keepThisOne(db, single!.id);
    await unstack(db, single!.id);
    expect(await get(single!)).toEqual(single);
    expect(await outboxed()).toEqual([]);
  });
});
