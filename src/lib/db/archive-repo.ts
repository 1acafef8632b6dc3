// Reads what an export needs (conferences, talks, notes, photo metadata; image bytes a batch at
// a time) and writes an imported archive back, merged by id in one transaction so importing the
// same zip twice changes nothing and a failed import leaves nothing half-written.
import type { ConfnotesArchive } from '../export/json';
import type { ImageBytes, ImportedArchive, RecordsToExport } from '../export/archive';
import type { ExportInput, Lang, TalkNotes, TimelineItem } from '../export/model';
import { faces } from '../read/stacks';
import { compareTalks } from '../schedule/agenda';
import type { ConfnotesDb } from './db';
import type { Conference, Entry, FreeSection, Opinion, Photo, Star, Talk } from './types';
import { WordedError } from '../util/words';
import { RECORD_WORDS, writeWithRetry } from './errors';
import { visible, withType } from './photo-tables';
import { untouchedDemo, writeArchive } from './archive-import';

export interface ExportChoice {
  lang: Lang;
  onlyWithNotes: boolean;
}

/** A conference's records, as stored (or as a sync holds them). */
export interface ConferenceRecords {
  conference: Conference;
  talks: Talk[];
  stars: Star[];
  photos: Photo[];
  entries: Entry[];
  opinions: Opinion[];
  freeSections: FreeSection[];
}

/** Each table of a conference's records but its own, empty. */
export const noRecords = (): Omit<ConferenceRecords, 'conference'> => ({
  talks: [],
  stars: [],
  photos: [],
  entries: [],
  opinions: [],
  freeSections: [],
});

/**
 * The write-up input of a conference's records: talks in schedule order, each talk's timeline
 * (photos and text entries by position, a stack of re-shots shown once by its face) and
 * opinion. Also the records that go out beside it: the visible photos (only the ready ones if
 * `readyOnly`), and the free sections in their order.
 */
export function exportInput(
  held: ConferenceRecords,
  choice: ExportChoice,
  readyOnly = false,
): { input: ExportInput; photos: Photo[]; freeSections: FreeSection[] } {
  const talks = [...held.talks].sort(compareTalks);
  const photos = held.photos.filter((p) => visible(p) && (!readyOnly || p.status === 'ready'));
  const freeSections = [...held.freeSections].sort((a, b) => a.position - b.position);
  const notes = new Map<string, TalkNotes>();
  const items = new Map<string, (TimelineItem & { at: number })[]>();
  const add = (talkId: string, item: TimelineItem & { at: number }) => {
    const list = items.get(talkId);
    if (list) list.push(item);
    else items.set(talkId, [item]);
  };
  // A stack of re-shots shows once, by its face, as the talk's page shows it (a member moved
  // to another talk shows there); every member's image and record still go out (`photos`),
  // so a restore loses none of them.
  const byTalk = new Map<string, Photo[]>();
  for (const p of photos) {
    const list = byTalk.get(p.talkId);
    if (list) list.push(p);
    else byTalk.set(p.talkId, [p]);
  }
  for (const p of [...byTalk.values()].flatMap((list) => faces(list)))
    add(p.talkId, {
      kind: 'photo',
      id: p.id,
      caption: p.caption,
      type: p.type,
      imageTag: p.imageTag,
      text: p.text?.words,
      at: p.position,
    });
  for (const e of held.entries)
    add(e.talkId, { kind: 'text', id: e.id, text: e.text, at: e.position });
  const opinionOf = new Map(held.opinions.map((o) => [o.talkId, o.text]));
  for (const talk of talks) {
    const timeline = (items.get(talk.id) ?? [])
      .sort((a, b) => a.at - b.at)
      .map(({ at: _at, ...item }) => item);
    const opinion = opinionOf.get(talk.id) ?? '';
    if (timeline.length || opinion) notes.set(talk.id, { talkId: talk.id, timeline, opinion });
  }
  const input = { conference: held.conference, talks, notes, freeSections, ...choice };
  return { input, photos, freeSections };
}

export class ArchiveRepo {
  constructor(private readonly db: ConfnotesDb) {}

  /**
   * The conferences' write-up input and records. `readyOnly` leaves out photos still being
   * processed or that failed, which a zip carries as their original but the sync server
   * never receives.
   */
  async load(
    conferenceIds: string[],
    choice: ExportChoice,
    { readyOnly = false } = {},
  ): Promise<{ inputs: ExportInput[]; records: RecordsToExport }> {
    const db = this.db;
    return db.transaction(
      'r',
      [db.conferences, db.talks, db.stars, db.photos, db.entries, db.opinions, db.freeSections],
      async () => {
        const records: RecordsToExport = { conferences: [], ...noRecords() };
        const inputs: ExportInput[] = [];
        for (const id of conferenceIds) {
          const conference = await db.conferences.get(id);
          if (!conference) continue;
          const held: ConferenceRecords = {
            conference,
            talks: await db.talks.where({ conferenceId: id }).toArray(),
            stars: await db.stars.where({ conferenceId: id }).toArray(),
            photos: await db.photos.where({ conferenceId: id }).toArray(),
            entries: await db.entries.where({ conferenceId: id }).toArray(),
            opinions: await db.opinions.where({ conferenceId: id }).toArray(),
            freeSections: await db.freeSections.where({ conferenceId: id }).toArray(),
          };
          const { input, photos, freeSections } = exportInput(held, choice, readyOnly);
          records.conferences.push(conference);
          records.talks.push(...input.talks);
          records.stars.push(...held.stars);
          records.photos.push(...photos);
          records.entries.push(...held.entries);
          records.opinions.push(...held.opinions);
          records.freeSections.push(...freeSections);
          inputs.push(input);
        }
        return { inputs, records };
      },
    );
  }

  /**
   * The stored image of each photo with its CRC-32 when kept, or its original (no CRC-32) while
   * it is still being processed; in one read (one round trip per table, not per photo).
   */
  imageBytes(ids: string[]): Promise<ImageBytes[]> {
    const db = this.db;
    return db.transaction('r', db.photoBlobs, db.originals, async () => {
      const rows = await db.photoBlobs.bulkGet(ids);
      const jpegs = rows.map(withType);
      const unprocessed = ids.filter((_, i) => !jpegs[i]);
      const originals = new Map(
        (await db.originals.bulkGet(unprocessed)).map((row, i) => [unprocessed[i]!, row]),
      );
      return ids.map((id, i) => {
        const jpeg = jpegs[i];
        if (jpeg) return { blob: jpeg, crc: rows[i]!.crc };
        const original = withType(originals.get(id));
        if (!original) throw new WordedError(RECORD_WORDS.imageMissing);
        return { blob: original };
      });
    });
  }

  /**
   * Writes an archive's records and images, merged by id without losing what the phone holds
   * (see archive-import.ts); returns what it holds.
   */
  async import(
    archive: ConfnotesArchive,
    images: ImportedArchive['images'],
  ): Promise<{ conferences: number; photos: number }> {
    const db = this.db;
    const tables = [
      db.conferences,
      db.talks,
      db.stars,
      db.photos,
      db.photoBlobs,
      db.thumbs,
      db.entries,
      db.opinions,
      db.freeSections,
    ];
    const restoresDemo = archive.conferences.some((c) => c.demo);
    const demo = restoresDemo ? await untouchedDemo(db) : undefined;
    await writeWithRetry(() =>
      db.transaction('rw', tables, () => writeArchive(db, archive, images, demo)),
    );
    return { conferences: archive.conferences.length, photos: archive.photos.length };
  }
}
