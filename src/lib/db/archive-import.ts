// Writes a checked Confnotes archive into the database, in one transaction, without losing
// anything the phone holds: notes written on both sides keep both versions (as sync does), a
// newer conference or photo here is not overwritten by an older zip, and the untouched demo
// gives way to a restored copy of itself instead of standing beside it as a twin.
import type { Table } from 'dexie';
import type { ImportedArchive } from '../export/archive';
import type { ConfnotesArchive } from '../export/json';
import { ArchiveError } from '../export/json';
import { ARCHIVE_PARTS as P, ARCHIVE_WORDS as W } from '../export/words';
import { resolve } from '../sync/merge';
import { worded } from '../util/words';
import type { ConfnotesDb } from './db';
import { putReceivedImage } from './received-image';
import type { Entry, FreeSection, Opinion, Photo } from './types';
import { talksWithUserData } from './user-data';

type Note = Entry | Opinion | FreeSection;

/**
 * The phone's note and the zip's: the later edit stays in place, the other joins its other
 * versions when the words differ, so an older zip never silently replaces newer notes.
 */
function keepBoth<T extends Note>(key: string, phone: T | undefined, zip: T): T {
  if (!phone) return zip;
  const [older, newer] = phone.updatedAt > zip.updatedAt ? [zip, phone] : [phone, zip];
  return resolve(key, older, newer) as T;
}

/** The zip's notes merged with the phone's of the same keys (`phone`, in the same order). */
function merged<T extends Note>(
  name: string,
  zip: T[],
  phone: (T | undefined)[],
  key: (r: T) => string,
): T[] {
  return zip.map((r, i) => keepBoth(`${name}/${key(r)}`, phone[i], r));
}

/**
 * The demo here, when nobody has starred, photographed or written anything in it. Read in a
 * transaction of its own, before the import's (see ArchiveRepo.import).
 */
export async function untouchedDemo(db: ConfnotesDb): Promise<string | undefined> {
  for (const conf of await db.conferences.filter((c) => c.demo).toArray()) {
    const sections = await db.freeSections.where({ conferenceId: conf.id }).count();
    const talks = await talksWithUserData(db, conf.id);
    if (!sections && !talks.size && conf.updatedAt === conf.createdAt) return conf.id;
  }
  return undefined;
}

/** Refuses an archive whose ids name records of another conference here. */
async function checkNoClash(db: ConfnotesDb, archive: ConfnotesArchive): Promise<void> {
  const lists = [
    [P.talk, db.talks, archive.talks],
    [P.photo, db.photos, archive.photos],
    [P.entry, db.entries, archive.entries],
    [P.freeSection, db.freeSections, archive.freeSections],
  ] as const;
  for (const [label, table, records] of lists) {
    const here = await (table as Table<{ conferenceId: string }, string>).bulkGet(
      records.map((r) => r.id),
    );
    const at = here.findIndex(
      (r, i) => r !== undefined && r.conferenceId !== records[i]!.conferenceId,
    );
    if (at >= 0) {
      const what = worded(P.stray, { record: worded(label), n: at + 1 });
      throw new ArchiveError(W.damaged, { what });
    }
  }
}

/**
 * What the zip's copy of a photo read of the image the phone holds and the phone has not:
 * its text (read of the same image tag) and its hash (same image tag).
 */
function readOfSameImage(here: Photo, zip: Photo): Partial<Photo> | undefined {
  const changes: Partial<Photo> = {};
  const current = (p: Photo) => p.text !== undefined && p.text.of === here.imageTag;
  if (!current(here) && current(zip)) changes.text = zip.text;
  if (here.hash === undefined && zip.hash !== undefined && zip.imageTag === here.imageTag) {
    changes.hash = zip.hash;
  }
  return Object.keys(changes).length ? changes : undefined;
}

/**
 * Call inside a rw transaction over every table an import writes (see ArchiveRepo.import).
 * `demo`: the untouched demo here, which a restored demo replaces.
 */
export async function writeArchive(
  db: ConfnotesDb,
  archive: ConfnotesArchive,
  images: ImportedArchive['images'],
  demo: string | undefined,
): Promise<void> {
  await checkNoClash(db, archive);
  const ids = new Set(archive.conferences.map((c) => c.id));
  if (demo && !ids.has(demo) && archive.conferences.some((c) => c.demo)) {
    await db.talks.where({ conferenceId: demo }).delete();
    await db.conferences.delete(demo);
  }

  // A conference renamed or refreshed here since the export keeps its schedule; talks the
  // zip has and the phone lacks are added all the same, so its notes have a home.
  const here = await db.conferences.bulkGet([...ids]);
  const newerHere = new Set(
    archive.conferences.filter((c, i) => (here[i]?.updatedAt ?? -1) > c.updatedAt).map((c) => c.id),
  );
  await db.conferences.bulkPut(archive.conferences.filter((c) => !newerHere.has(c.id)));
  const talksHere = new Set(
    (await db.talks.bulkGet(archive.talks.map((t) => t.id))).map((t) => t?.id),
  );
  await db.talks.bulkPut(
    archive.talks.filter((t) => !newerHere.has(t.conferenceId) || !talksHere.has(t.id)),
  );
  await db.stars.bulkPut(archive.stars);
  const { entries, opinions, freeSections } = archive;
  const entriesHere = await db.entries.bulkGet(entries.map((e) => e.id));
  await db.entries.bulkPut(merged('entries', entries, entriesHere, (e) => e.id));
  const opinionsHere = await db.opinions.bulkGet(opinions.map((o) => o.talkId));
  await db.opinions.bulkPut(merged('opinions', opinions, opinionsHere, (o) => o.talkId));
  const sectionsHere = await db.freeSections.bulkGet(freeSections.map((f) => f.id));
  await db.freeSections.bulkPut(merged('freeSections', freeSections, sectionsHere, (f) => f.id));

  // A photo already here keeps its caption, place, image and stack: the phone's are as new or
  // newer. It only learns what the zip read of the same image, so it need not be read again.
  const photosHere = await db.photos.bulkGet(archive.photos.map((p) => p.id));
  for (const [i, { file, ...photo }] of archive.photos.entries()) {
    const here = photosHere[i];
    if (here?.status === 'ready') {
      const learnt = readOfSameImage(here, photo);
      if (learnt) await db.photos.update(here.id, learnt);
      continue;
    }
    const { blob, crc } = images.get(photo.id)!;
    await db.photos.put({ ...photo, status: 'ready' });
    await putReceivedImage(db, {
      id: photo.id,
      blob,
      crc,
      type: photo.type,
      name: file.split('/').pop() ?? '',
    });
  }
}
