// The sync's write-up input (SyncRepo.document): made from the records a sync's snapshots hold,
// it must be the one the database gives, on a real schedule with every kind of note.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConferenceRepo } from '../../../src/lib/db/conference-repo';
import { createDb, type ConfnotesDb } from '../../../src/lib/db/db';
import { NotesRepo } from '../../../src/lib/db/notes-repo';
import { SyncRepo } from '../../../src/lib/db/sync-repo';
import type { Photo } from '../../../src/lib/model/types';
import type { SyncRecord } from '../../../src/lib/sync/state';
import { parsed } from '../schedule/fixtures';

let db: ConfnotesDb;
let n = 0;

beforeEach(() => {
  db = createDb(`sync-repo-test-${++n}`);
});

afterEach(() => db.close());

function photo(conferenceId: string, talkId: string, i: number, over: Partial<Photo> = {}): Photo {
  return {
    id: i.toString(16).padStart(64, '0'),
    conferenceId,
    talkId,
    position: 10 * i,
    caption: `slide ${i}`,
    takenAt: i,
    width: 1920,
    height: 1080,
    size: 1000,
    type: 'image/jpeg',
    status: 'ready',
    createdAt: i,
    text: { words: `Words of slide ${i}`, lang: 'en' },
    ...over,
  };
}

describe('SyncRepo.document', () => {
  it('gives from a sync’s snapshots the write-up the database gives', async () => {
    const conferenceId = await new ConferenceRepo(db).create(
      parsed('fosdem'),
      { kind: 'file', fileName: 'fosdem.xml', format: parsed('fosdem').format, fetchedAt: 0 },
      { deviceTimeZone: 'Europe/Brussels' },
    );
    const talks = await db.talks.where({ conferenceId }).sortBy('order');
    const [a, b, c] = [talks[3]!.id, talks[40]!.id, talks[200]!.id];
    const notes = new NotesRepo(db);
    await notes.saveEntry(conferenceId, a, undefined, '- first point');
    await notes.saveEntry(conferenceId, b, undefined, 'A *quoted* line');
    await notes.saveOpinion(conferenceId, c, 'Worth watching again.');
    await notes.addSection(conferenceId, 'Hallway track');
    await db.photos.bulkPut([
      photo(conferenceId, a, 1),
      // A stack of two re-shots: the write-up shows its face once.
      photo(conferenceId, a, 2, { stack: photo('', '', 2).id }),
      photo(conferenceId, a, 3, { stack: photo('', '', 2).id }),
      // Neither a photo still processing, nor one in the trash.
      photo(conferenceId, b, 4, { status: 'pending' }),
      photo(conferenceId, b, 5, { deletedAt: 5 }),
      photo(conferenceId, c, 6, { caption: 'Last slide', imageTag: 'c0ffee' }),
    ]);
    const sync = new SyncRepo(db);
    const held = new Map<string, SyncRecord>();
    for (const part of ['schedule', 'notes'] as const) {
      for (const [key, record] of (await sync.snapshot(conferenceId, part)).local) {
        held.set(key, record);
      }
    }
    const read = await sync.document(conferenceId, 'fr');
    expect(read?.notes.size).toBe(3);
    expect(await sync.document(conferenceId, 'fr', held)).toEqual(read);
  });

  it('reads the database when the records lack the conference', async () => {
    const conferenceId = await new ConferenceRepo(db).create(
      parsed('rc3'),
      { kind: 'file', fileName: 'rc3.json', format: 'frab-json', fetchedAt: 0 },
      { deviceTimeZone: 'UTC' },
    );
    const sync = new SyncRepo(db);
    const notes = (await sync.snapshot(conferenceId, 'notes')).local;
    expect(await sync.document(conferenceId, 'en', notes)).toEqual(
      await sync.document(conferenceId, 'en'),
    );
  });
});
