// Reads what an export needs (conferences, talks, notes, photo metadata; image bytes one at a
// time) and writes an imported archive back, merged by id in one transaction so importing the
// same zip twice changes nothing and a failed import leaves nothing half-written.
import type { ConfnotesArchive } from '../export/json';
import type { RecordsToExport } from '../export/archive';
import type { ExportInput, Lang, TalkNotes, TimelineItem } from '../export/model';
import { faces } from '../read/stacks';
import { compareTalks } from '../schedule/agenda';
import type { ConfnotesDb } from './db';
import type { Photo } from './types';
import { WordedError } from '../util/words';
import { RECORD_WORDS, writeWithRetry } from './errors';
import { visible, withType } from './photo-tables';
import { untouchedDemo, writeArchive } from './archive-import';

export interface ExportChoice {
  lang: Lang;
  onlyWithNotes: boolean;
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
        const records: RecordsToExport = {
          conferences: [],
          talks: [],
          stars: [],
          photos: [],
          entries: [],
          opinions: [],
          freeSections: [],
        };
        const inputs: ExportInput[] = [];
        for (const id of conferenceIds) {
          const conference = await db.conferences.get(id);
          if (!conference) continue;
          const talks = (await db.talks.where({ conferenceId: id }).toArray()).sort(compareTalks);
          const photos = (await db.photos.where({ conferenceId: id }).toArray()).filter(
            (p) => visible(p) && (!readyOnly || p.status === 'ready'),
          );
          const entries = await db.entries.where({ conferenceId: id }).toArray();
          const opinions = await db.opinions.where({ conferenceId: id }).toArray();
          const freeSections = (await db.freeSections.where({ conferenceId: id }).toArray()).sort(
            (a, b) => a.position - b.position,
          );
          records.conferences.push(conference);
          records.talks.push(...talks);
          records.stars.push(...(await db.stars.where({ conferenceId: id }).toArray()));
          records.photos.push(...photos);
          records.entries.push(...entries);
          records.opinions.push(...opinions);
          records.freeSections.push(...freeSections);

          const notes = new Map<string, TalkNotes>();
          const items = new Map<string, (TimelineItem & { at: number })[]>();
          const add = (talkId: string, item: TimelineItem & { at: number }) => {
            const list = items.get(talkId);
            if (list) list.push(item);
            else items.set(talkId, [item]);
          };
          // A stack of re-shots shows once, by its face, as the talk's page shows it (a member
          // moved to another talk shows there); every member's image and record still go out
          // (records.photos), so a restore loses none of them.
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
          for (const e of entries)
            add(e.talkId, { kind: 'text', id: e.id, text: e.text, at: e.position });
          const opinionOf = new Map(opinions.map((o) => [o.talkId, o.text]));
          for (const talk of talks) {
            const timeline = (items.get(talk.id) ?? [])
              .sort((a, b) => a.at - b.at)
              .map(({ at: _at, ...item }) => item);
            const opinion = opinionOf.get(talk.id) ?? '';
            if (timeline.length || opinion)
              notes.set(talk.id, { talkId: talk.id, timeline, opinion });
          }
          inputs.push({ conference, talks, notes, freeSections, ...choice });
        }
        return { inputs, records };
      },
    );
  }

  /** The stored image of a photo, or its original while it is still being processed. */
  async photoBlob(id: string): Promise<Blob> {
    const blob =
      withType(await this.db.photoBlobs.get(id)) ?? withType(await this.db.originals.get(id));
    if (!blob) throw new WordedError(RECORD_WORDS.imageMissing);
    return blob;
  }

  /**
   * Writes an archive's records and images, merged by id without losing what the phone holds
   * (see archive-import.ts); returns what it holds.
   */
  async import(
    archive: ConfnotesArchive,
    images: Map<string, Blob>,
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
