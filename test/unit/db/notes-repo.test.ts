import { beforeEach, describe, expect, it } from 'vitest';
import { createDb, type ConfnotesDb } from '../../../src/lib/db/db';
import { ConferenceRepo } from '../../../src/lib/db/conference-repo';
import { NotesRepo } from '../../../src/lib/db/notes-repo';
import { PhotoRepo } from '../../../src/lib/db/photo-repo';
import { parsed } from '../schedule/fixtures';

let db: ConfnotesDb;
let notes: NotesRepo;
let photos: PhotoRepo;
let conferenceId: string;
let talkId: string;
let n = 0;
const jpeg = (k: number) =>
  new Blob([new Uint8Array([0xff, 0xd8, 0xff, k])], { type: 'image/jpeg' });
const kinds = async () =>
  (await notes.timeline(talkId)).map((r) =>
    r.kind === 'text' ? r.entry.text : r.photo.id.slice(0, 4),
  );

beforeEach(async () => {
  db = createDb(`notes-test-${++n}`);
  notes = new NotesRepo(db);
  photos = new PhotoRepo(db);
  conferenceId = await new ConferenceRepo(db).create(
    parsed('rc3'),
    { kind: 'file', format: 'frab-json', fetchedAt: 0 },
    { deviceTimeZone: 'UTC' },
  );
  talkId = (await db.talks.where({ conferenceId }).first())!.id;
});

describe('NotesRepo', () => {
  it('interleaves notes and photos in the order they were made', async () => {
    const a = await photos.addShot(conferenceId, talkId, jpeg(1), 1);
    const first = await notes.saveEntry(conferenceId, talkId, undefined, '- after the first slide');
    const b = await photos.addShot(conferenceId, talkId, jpeg(2), 2);
    await notes.saveEntry(conferenceId, talkId, first, '- after the first slide\n  - nested');
    await notes.saveEntry(conferenceId, talkId, undefined, 'closing words');
    expect(await kinds()).toEqual([
      a.id.slice(0, 4),
      '- after the first slide\n  - nested',
      b.id.slice(0, 4),
      'closing words',
    ]);
  });

  it('reordering photos leaves the notes between them in place', async () => {
    const a = await photos.addShot(conferenceId, talkId, jpeg(1), 1);
    await notes.saveEntry(conferenceId, talkId, undefined, 'between');
    const b = await photos.addShot(conferenceId, talkId, jpeg(2), 2);
    await photos.reorder(talkId, [b.id, a.id]);
    expect(await kinds()).toEqual([b.id.slice(0, 4), 'between', a.id.slice(0, 4)]);
  });

  it('empty text removes the entry; the opinion is kept and cleared the same way', async () => {
    const id = await notes.saveEntry(conferenceId, talkId, undefined, 'draft');
    expect(await notes.saveEntry(conferenceId, talkId, id, '   ')).toBeUndefined();
    expect(await db.entries.count()).toBe(0);
    await notes.saveOpinion(conferenceId, talkId, 'Très bon talk');
    expect(await db.opinions.get(talkId)).toMatchObject({ text: 'Très bon talk' });
    await notes.saveOpinion(conferenceId, talkId, '');
    expect(await db.opinions.count()).toBe(0);
  });

  it('free sections keep their order and changes', async () => {
    const buzz = await notes.addSection(conferenceId, 'Buzz words');
    await notes.addSection(conferenceId, 'Divers');
    await notes.updateSection(buzz, { text: '- Kudo' });
    const sections = await db.freeSections.where({ conferenceId }).sortBy('position');
    expect(sections.map((s) => [s.title, s.text])).toEqual([
      ['Buzz words', '- Kudo'],
      ['Divers', ''],
    ]);
  });

  it('a talk with only a note survives its removal from the schedule; deleting the conference deletes notes', async () => {
    const repo = new ConferenceRepo(db);
    const talk = (await db.talks.get(talkId))!;
    await notes.saveEntry(conferenceId, talkId, undefined, 'kept');
    await notes.addSection(conferenceId, 'Divers');
    const next = {
      ...parsed('rc3'),
      talks: parsed('rc3').talks.filter((t) => t.title !== talk.title),
    };
    await repo.refresh(conferenceId, next, { kind: 'file', format: 'frab-json', fetchedAt: 1 });
    expect(await db.talks.get(talkId)).toMatchObject({ removedFromSchedule: true });
    await repo.delete(conferenceId);
    expect([await db.entries.count(), await db.freeSections.count()]).toEqual([0, 0]);
  });
});
