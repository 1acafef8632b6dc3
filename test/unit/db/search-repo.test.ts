import type { Observable } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDb, type ConfnotesDb } from '../../../src/lib/db/db';
import { ConferenceRepo } from '../../../src/lib/db/conference-repo';
import { NotesRepo } from '../../../src/lib/db/notes-repo';
import { PhotoEdits } from '../../../src/lib/db/photo-edits';
import { PhotoRepo } from '../../../src/lib/db/photo-repo';
import { SearchRepo } from '../../../src/lib/db/search-repo';
import { unsortedTray } from '../../../src/lib/model/photo-ids';
import { parsed } from '../schedule/fixtures';

let db: ConfnotesDb;
let repo: SearchRepo;
let photos: PhotoRepo;
let notes: NotesRepo;
let conferenceId: string;
let talkA: string;
let talkB: string;
let n = 0;
const jpeg = (k: number) =>
  new Blob([new Uint8Array([0xff, 0xd8, 0xff, k])], { type: 'image/jpeg' });

/** The first value a live query gives. */
function firstValueFrom<T>(source: Observable<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const sub = source.subscribe({
      next: (v) => {
        resolve(v);
        queueMicrotask(() => sub.unsubscribe());
      },
      error: reject,
    });
  });
}

async function shot(talkId: string, k: number, words?: string) {
  const p = await photos.addShot(conferenceId, talkId, jpeg(k), k);
  if (words !== undefined) await db.photos.update(p.id, { text: { words, lang: 'en' } });
  return p.id;
}

beforeEach(async () => {
  db = createDb(`search-test-${++n}`);
  repo = new SearchRepo(db);
  photos = new PhotoRepo(db);
  notes = new NotesRepo(db);
  conferenceId = await new ConferenceRepo(db).create(
    parsed('rc3'),
    { kind: 'file', format: 'frab-json', fetchedAt: 0 },
    { deviceTimeZone: 'UTC' },
  );
  const [a, b] = await db.talks.where({ conferenceId }).limit(2).toArray();
  talkA = a!.id;
  talkB = b!.id;
});

describe('SearchRepo', () => {
  it('gives read slides with their number in the talk, notes and opinions; no tray, no trash', async () => {
    await shot(talkA, 1); // not read yet: numbered all the same
    const second = await shot(talkA, 2, 'Second slide\nwords');
    const other = await shot(talkB, 3, 'Other talk');
    await shot(unsortedTray(conferenceId), 4, 'In the tray');
    const gone = await shot(talkB, 5, 'Deleted');
    await new PhotoEdits(db).delete(gone);
    const entry = await notes.saveEntry(conferenceId, talkA, undefined, '- a note');
    await notes.saveOpinion(conferenceId, talkB, 'Good talk');

    const texts = await repo.texts(conferenceId);
    expect(texts).toHaveLength(4);
    expect(texts).toEqual(
      expect.arrayContaining([
        { talkId: talkA, kind: 'slide', ref: second, text: 'Second slide\nwords', n: 2 },
        { talkId: talkB, kind: 'slide', ref: other, text: 'Other talk', n: 1 },
        { talkId: talkA, kind: 'note', ref: entry, text: '- a note' },
        { talkId: talkB, kind: 'opinion', ref: talkB, text: 'Good talk' },
      ]),
    );
  });

  it('follows changes: a slide read later appears in the texts', async () => {
    const id = await shot(talkA, 1);
    expect(await firstValueFrom(repo.watchTexts(conferenceId))).toEqual([]);
    await db.photos.update(id, { text: { words: 'now read', lang: 'en' } });
    expect(await firstValueFrom(repo.watchTexts(conferenceId))).toMatchObject([
      { ref: id, text: 'now read' },
    ]);
  });

  it('finds the one text a hit names, and nothing once it is gone or elsewhere', async () => {
    await shot(talkA, 1, 'first');
    const id = await shot(talkA, 2, 'second');
    const entry = (await notes.saveEntry(conferenceId, talkA, undefined, 'my note'))!;
    expect(await repo.found(talkA, 'slide', id)).toMatchObject({ text: 'second', n: 2 });
    expect(await repo.found(talkA, 'note', entry)).toMatchObject({ text: 'my note' });
    expect(await repo.found(talkB, 'note', entry)).toBeNull();
    expect(await repo.found(talkA, 'opinion', talkA)).toBeNull();
    await new PhotoEdits(db).delete(id);
    expect(await repo.found(talkA, 'slide', id)).toBeNull();
  });
});
