import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createDb, type ConfnotesDb } from '../../../src/lib/db/db';
import { ConferenceRepo } from '../../../src/lib/db/conference-repo';
import { NotesRepo } from '../../../src/lib/db/notes-repo';
import { StarRepo } from '../../../src/lib/db/star-repo';
import { quietTransaction } from '../../../src/lib/db/outbox';
import { parsed } from '../schedule/fixtures';

let db: ConfnotesDb;
let notes: NotesRepo;
let conferenceId: string;
let talkId: string;
let n = 0;

beforeEach(async () => {
  db = createDb(`outbox-test-${++n}`);
  notes = new NotesRepo(db);
  conferenceId = await new ConferenceRepo(db).create(
    parsed('rc3'),
    { kind: 'file', format: 'frab-json', fetchedAt: 0 },
    { deviceTimeZone: 'UTC' },
  );
  talkId = (await db.talks.where({ conferenceId }).first())!.id;
});

const ids = async () => (await db.outbox.toArray()).map((r) => r.id);

describe('outbox middleware', () => {
  it('records an imported schedule as one change, its conference, which its talks go with', async () => {
    const rows = await db.outbox.where({ conferenceId }).toArray();
    expect(rows.map((r) => r.id)).toEqual([`conferences/${conferenceId}`]);
    expect(await db.talks.where({ conferenceId }).count()).toBe(48);
  });

  it('adds a row in the same transaction as a note, and a new rev on each change', async () => {
    await db.outbox.clear();
    const id = await notes.saveEntry(conferenceId, talkId, undefined, 'first');
    const before = await db.outbox.get(`entries/${id}`);
    expect(before).toMatchObject({ conferenceId });
    await notes.saveEntry(conferenceId, talkId, id, 'second');
    const after = await db.outbox.get(`entries/${id}`);
    expect(after!.rev).not.toBe(before!.rev);
    expect(await ids()).toEqual([`entries/${id}`]);
  });

  it('records deletions, including range deletes, with the deleted record’s conference', async () => {
    await new StarRepo(db).set(talkId, conferenceId, true);
    await db.outbox.clear();
    await db.stars.where({ conferenceId }).delete();
    await db.opinions.put({ talkId, conferenceId, text: 'good', updatedAt: 1 });
    await db.opinions.delete(talkId);
    expect((await db.outbox.toArray()).map((r) => [r.id, r.conferenceId])).toEqual([
      [`opinions/${talkId}`, conferenceId],
      [`stars/${talkId}`, conferenceId],
    ]);
  });

  it('writes nothing when the change fails with its transaction', async () => {
    await db.outbox.clear();
    await expect(
      db.transaction('rw', db.entries, async () => {
        await db.entries.put({
          id: 'e1',
          conferenceId,
          talkId,
          position: 1,
          text: 'lost',
          createdAt: 0,
          updatedAt: 0,
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.entries.get('e1')).toBeUndefined();
    expect(await ids()).toEqual([]);
  });

  it('leaves out writes of a quiet transaction (what came from the server)', async () => {
    await db.outbox.clear();
    await db.transaction('rw', db.opinions, async () => {
      quietTransaction(Dexie.currentTransaction!.idbtrans);
      await db.opinions.put({ talkId, conferenceId, text: 'from the server', updatedAt: 1 });
    });
    expect(await db.opinions.get(talkId)).toMatchObject({ text: 'from the server' });
    expect(await ids()).toEqual([]);
  });

  it('records updates made through modify() and bulkUpdate()', async () => {
    await db.outbox.clear();
    const [a, b] = await db.talks.where({ conferenceId }).limit(2).primaryKeys();
    await db.talks.where({ conferenceId }).limit(1).modify({ room: 'Hall A' });
    await db.talks.bulkUpdate([{ key: b!, changes: { room: 'Hall B' } }]);
    expect((await ids()).sort()).toEqual([`talks/${a}`, `talks/${b}`].sort());
    expect((await db.outbox.toArray()).every((r) => r.conferenceId === conferenceId)).toBe(true);
  });
});
