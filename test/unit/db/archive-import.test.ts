import { describe, expect, it } from 'vitest';
import { ArchiveRepo } from '../../../src/lib/db/archive-repo';
import { ConferenceRepo } from '../../../src/lib/db/conference-repo';
import { createDb, type ConfnotesDb } from '../../../src/lib/db/db';
import { addDemo } from '../../../src/lib/db/demo';
import { NotesRepo } from '../../../src/lib/db/notes-repo';
import { StarRepo } from '../../../src/lib/db/star-repo';
import { archiveEntries } from '../../../src/lib/export/archive';
import { parseArchiveJson, toArchiveJson } from '../../../src/lib/export/json';
import type { Photo } from '../../../src/lib/model/types';
import { parsed } from '../schedule/fixtures';

let n = 0;
const phone = () => createDb(`archive-import-${++n}`);
let clock = 1_000;
const notesOf = (db: ConfnotesDb) => new NotesRepo(db, () => ++clock);

/** What a zip of these conferences would restore: the records through confnotes.json. */
async function zipOf(db: ConfnotesDb, ids: string[]) {
  const { records } = await new ArchiveRepo(db).load(ids, { lang: 'en', onlyWithNotes: false });
  return parseArchiveJson(toArchiveJson({ ...records, photos: [] }));
}

const restore = async (db: ConfnotesDb, ids: string[], into: ConfnotesDb) =>
  new ArchiveRepo(into).import(await zipOf(db, ids), new Map());

async function rc3(db: ConfnotesDb) {
  const conferenceId = await new ConferenceRepo(db).create(
    parsed('rc3'),
    { kind: 'file', format: 'frab-json', fetchedAt: 0 },
    { deviceTimeZone: 'UTC' },
  );
  const talkId = (await db.talks.where({ conferenceId }).first())!.id;
  return { conferenceId, talkId };
}

describe('importing a Confnotes zip', () => {
  it('on a fresh phone, the restored demo replaces the untouched one instead of a twin', async () => {
    const old = phone();
    const demoId = await addDemo(old, 'Europe/Paris');
    const talkId = (await old.talks.where({ conferenceId: demoId }).first())!.id;
    await notesOf(old).saveEntry(demoId, talkId, undefined, '- kept from the old phone');

    const fresh = phone();
    await addDemo(fresh, 'Europe/Paris');
    await restore(old, [demoId], fresh);
    const demos = await fresh.conferences.toArray();
    expect(demos.map((c) => c.id)).toEqual([demoId]);
    expect(await fresh.talks.count()).toBe(await old.talks.count());
    expect((await fresh.entries.toArray()).map((e) => e.text)).toEqual([
      '- kept from the old phone',
    ]);
  });

  it('keeps a demo the user has starred something in, beside the restored one', async () => {
    const old = phone();
    const demoId = await addDemo(old, 'UTC');
    const fresh = phone();
    const hereId = await addDemo(fresh, 'UTC');
    const talk = (await fresh.talks.where({ conferenceId: hereId }).first())!;
    await new StarRepo(fresh).set(talk.id, hereId, true);
    await restore(old, [demoId], fresh);
    expect((await fresh.conferences.toArray()).map((c) => c.id).sort()).toEqual(
      [demoId, hereId].sort(),
    );
  });

  it('an older zip keeps both versions of a note changed since, the newer in place', async () => {
    const db = phone();
    const { conferenceId, talkId } = await rc3(db);
    const notes = notesOf(db);
    const id = await notes.saveEntry(conferenceId, talkId, undefined, '- as exported');
    await notes.saveOpinion(conferenceId, talkId, 'Good');
    const older = await zipOf(db, [conferenceId]);
    await notes.saveEntry(conferenceId, talkId, id, '- as exported\n- and more since');
    await notes.saveOpinion(conferenceId, talkId, 'Very good');

    await new ArchiveRepo(db).import(older, new Map());
    const entry = (await db.entries.get(id!))!;
    expect(entry.text).toBe('- as exported\n- and more since');
    expect(entry.otherVersions?.map((v) => v.text)).toEqual(['- as exported']);
    const opinion = (await db.opinions.get(talkId))!;
    expect([opinion.text, opinion.otherVersions?.map((v) => v.text)]).toEqual([
      'Very good',
      ['Good'],
    ]);
  });

  it('the same zip twice changes nothing', async () => {
    const db = phone();
    const { conferenceId, talkId } = await rc3(db);
    await notesOf(db).saveEntry(conferenceId, talkId, undefined, '- once');
    const zip = await zipOf(db, [conferenceId]);
    await new ArchiveRepo(db).import(zip, new Map());
    await new ArchiveRepo(db).import(zip, new Map());
    const entries = await db.entries.toArray();
    expect(entries.map((e) => [e.text, e.otherVersions])).toEqual([['- once', undefined]]);
  });

  it('a conference renamed here since the zip keeps its new name', async () => {
    const db = phone();
    const { conferenceId } = await rc3(db);
    const older = await zipOf(db, [conferenceId]);
    await new ConferenceRepo(db).rename(conferenceId, 'rC3 (my notes)');
    await new ArchiveRepo(db).import(older, new Map());
    expect((await db.conferences.get(conferenceId))!.title).toBe('rC3 (my notes)');
  });

  it('refuses a zip whose talk ids are talks of another conference here, changing nothing', async () => {
    const db = phone();
    const { conferenceId: mine, talkId } = await rc3(db);
    await notesOf(db).saveEntry(mine, talkId, undefined, '- mine');
    const other = phone();
    const { conferenceId: theirs } = await rc3(other);
    const zip = await zipOf(other, [theirs]);
    zip.talks[0]!.id = talkId; // a hostile file naming a talk it has seen elsewhere
    zip.talks[0]!.title = 'Hijacked';
    await expect(new ArchiveRepo(db).import(zip, new Map())).rejects.toThrow(
      /a talk \(number 1\) belongs to no conference or talk/,
    );
    expect((await db.talks.get(talkId))!.title).not.toBe('Hijacked');
    expect(await db.conferences.count()).toBe(1);
  });
});

describe('the images an export is handed', () => {
  it('come in one read, each with the CRC-32 its row keeps; an original has none', async () => {
    const db = phone();
    const row = (id: string) => ({ id, blob: new Blob([id]), type: 'image/jpeg', name: id });
    await db.photoBlobs.bulkPut([{ ...row('new'), crc: 0x1234 }, row('older')]);
    await db.originals.put(row('pending'));
    const bytes = await new ArchiveRepo(db).imageBytes(['older', 'pending', 'new']);
    expect(await Promise.all(bytes.map(async (b) => [await b.blob.text(), b.crc]))).toEqual([
      ['older', undefined],
      ['pending', undefined],
      ['new', 0x1234],
    ]);
    await expect(new ArchiveRepo(db).imageBytes(['new', 'gone'])).rejects.toThrow(
      /image is missing/,
    );
  });
});

describe('slides read and stacked (issue 12)', () => {
  const shot = (n: number, talkId: string, conferenceId: string, over: Partial<Photo>): Photo => ({
    id: n.toString(16).padStart(64, '0'),
    conferenceId,
    talkId,
    position: n,
    caption: '',
    takenAt: 1_700_000_000_000 + n * 1000,
    width: 1920,
    height: 1080,
    size: 3,
    type: 'image/jpeg',
    status: 'ready',
    createdAt: 1,
    ...over,
  });
  const SLIDE = { words: 'Kafka at scale\nPartitions', lang: 'en' as const };

  /** A talk with a stack of two re-shots (the second kept), an unstacked shot and a plain one. */
  async function shots(db: ConfnotesDb) {
    const { conferenceId, talkId } = await rc3(db);
    const [first, kept, alone, plain] = [
      shot(1, talkId, conferenceId, { text: SLIDE, hash: '3c3c7e7e00ff8181', stack: '' }),
      shot(2, talkId, conferenceId, { text: SLIDE, hash: '3c3c7e7e00ff8180', kept: true }),
      shot(3, talkId, conferenceId, { text: { ...SLIDE, of: '0a1b2c3d' }, unstacked: true }),
      shot(4, talkId, conferenceId, {}),
    ] as [Photo, Photo, Photo, Photo];
    alone.imageTag = '0a1b2c3d';
    first.stack = kept.stack = first.id;
    await db.photos.bulkPut([first, kept, alone, plain]);
    return { conferenceId, photos: [first, kept, alone, plain] as const };
  }

  it('shows a stack once, by its face, and still zips every image and record', async () => {
    const db = phone();
    const { conferenceId, photos } = await shots(db);
    const { inputs, records } = await new ArchiveRepo(db).load([conferenceId], {
      lang: 'en',
      onlyWithNotes: true,
    });
    const bytes = (ids: string[]) =>
      Promise.resolve(ids.map(() => ({ blob: new Blob(['x'], { type: 'image/jpeg' }) })));
    const files = new Map<string, string>();
    for await (const entry of archiveEntries(inputs, records, bytes)) {
      files.set(entry.name, typeof entry.input === 'string' ? entry.input : '');
    }
    const name = (ext: string) => [...files.keys()].find((f) => f.endsWith(ext))!;
    const md = files.get(name('.md'))!;
    // The face (the kept shot), the unstacked one and the plain one: three images, not four.
    expect([...md.matchAll(/!\[([^\]]*)\]\(images\/([^)]+)\)/g)].map((m) => [m[1], m[2]])).toEqual([
      ['Kafka at scale Partitions', 'rc3-channels_01.jpg'],
      ['Kafka at scale Partitions', 'rc3-channels_02.jpg'],
      ['Slide 3', 'rc3-channels_03.jpg'],
    ]);
    const adoc = files.get(name('.adoc'))!;
    expect(adoc.match(/^image:.*$/gm)).toEqual([
      'image:rc3-channels_01.jpg["Kafka at scale Partitions"]',
      'image:rc3-channels_02.jpg["Kafka at scale Partitions"]',
      'image:rc3-channels_03.jpg[]',
    ]);
    const json = parseArchiveJson(files.get('confnotes.json')!);
    expect(json.photos.map(({ file: _file, ...p }) => p)).toEqual(photos);
    expect([...files.keys()].filter((f) => f.startsWith('images/'))).toHaveLength(4);

    // A restore on another phone brings back every photo as it was.
    const fresh = phone();
    const x = { blob: new Blob(['x'], { type: 'image/jpeg' }), crc: 0x8cdc1683 };
    const images = new Map(json.photos.map((p) => [p.id, x]));
    await new ArchiveRepo(fresh).import(json, images);
    expect(await fresh.photos.bulkGet(photos.map((p) => p.id))).toEqual(photos);
  });

  it('shows a member moved to another talk there, as that talk’s page does', async () => {
    const db = phone();
    const { conferenceId, photos } = await shots(db);
    // Any other talk (sorting by `order` left ties, so the second one was at times the same).
    const other = (await db.talks.where({ conferenceId }).toArray()).find(
      (t) => t.id !== photos[0].talkId,
    )!;
    await db.photos.update(photos[0].id, { talkId: other.id });
    const { inputs } = await new ArchiveRepo(db).load([conferenceId], {
      lang: 'en',
      onlyWithNotes: true,
    });
    const shown = (talkId: string) => inputs[0]!.notes.get(talkId)!.timeline.map((item) => item.id);
    expect(shown(other.id)).toEqual([photos[0].id]);
    expect(shown(photos[1].talkId)).toEqual([photos[1].id, photos[2].id, photos[3].id]);
  });

  it('a photo here learns what the zip read of the same image, and keeps its own stack', async () => {
    const db = phone();
    const { conferenceId, photos } = await shots(db);
    const { records } = await new ArchiveRepo(db).load([conferenceId], {
      lang: 'en',
      onlyWithNotes: false,
    });
    const named = records.photos.map((p, i) => ({ ...p, file: `images/rc3_0${i + 1}.jpg` }));
    const zip = parseArchiveJson(toArchiveJson({ ...records, photos: named }));
    const [first, kept, alone] = photos;
    // Here: nothing read yet; the unstacked shot cropped again since the zip, and kept.
    await db.photos.update(first.id, { text: undefined, hash: undefined, stack: undefined });
    await db.photos.update(kept.id, { text: undefined, stack: undefined, kept: undefined });
    await db.photos.update(alone.id, { text: undefined, imageTag: 'ffff0000' });
    await new ArchiveRepo(db).import(zip, new Map());
    const [a, b, c] = (await db.photos.bulkGet(photos.map((p) => p.id))) as [Photo, Photo, Photo];
    expect([a.text, a.hash, a.stack]).toEqual([SLIDE, first.hash, undefined]);
    expect([b.text, b.hash, b.stack, b.kept]).toEqual([SLIDE, kept.hash, undefined, undefined]);
    // The zip read another crop of it: read again here, not told the old words.
    expect(c.text).toBeUndefined();
  });
});
