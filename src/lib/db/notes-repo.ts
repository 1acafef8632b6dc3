// Written notes: a talk's text entries (interleaved with its photos by position), its opinion,
// and the conference's free sections. Empty text deletes an entry rather than keeping blanks.
import Dexie, { liveQuery, type Observable } from 'dexie';
import type { ConfnotesDb } from './db';
import { writeWithRetry } from './errors';
import { nextPosition, visibleInTalk } from './photo-tables';
import type { Entry, FreeSection, Opinion, Photo } from './types';

export type TimelineRow = { kind: 'photo'; photo: Photo } | { kind: 'text'; entry: Entry };

const uuid = () => crypto.randomUUID();

export class NotesRepo {
  constructor(
    private readonly db: ConfnotesDb,
    private readonly now: () => number = Date.now,
  ) {}

  /** A talk's photos and notes in timeline order (metadata only, no image bytes). */
  async timeline(talkId: string): Promise<TimelineRow[]> {
    const photos = await visibleInTalk(this.db, talkId);
    const entries = await this.db.entries
      .where('[talkId+position]')
      .between([talkId, Dexie.minKey], [talkId, Dexie.maxKey])
      .toArray();
    const rows: (TimelineRow & { at: number })[] = [
      ...photos.map((photo) => ({ kind: 'photo' as const, photo, at: photo.position })),
      ...entries.map((entry) => ({ kind: 'text' as const, entry, at: entry.position })),
    ];
    return rows.sort((a, b) => a.at - b.at).map(({ at: _at, ...row }) => row);
  }

  watchTimeline(talkId: string): Observable<TimelineRow[]> {
    return liveQuery(() => this.timeline(talkId));
  }

  /**
   * Saves the text of an entry, creating it at the end of the timeline when `id` is new.
   * Returns the entry's id, or undefined when empty text removed it.
   */
  async saveEntry(
    conferenceId: string,
    talkId: string,
    id: string | undefined,
    text: string,
  ): Promise<string | undefined> {
    const db = this.db;
    const body = String(text); // a plain string, in case a caller passed a $state proxy
    return writeWithRetry(() =>
      db.transaction('rw', [db.entries, db.photos], async () => {
        const existing = id ? await db.entries.get(id) : undefined;
        if (!body.trim()) {
          if (existing) await db.entries.delete(existing.id);
          return undefined;
        }
        if (existing) {
          await db.entries.update(existing.id, { text: body, updatedAt: this.now() });
          return existing.id;
        }
        const entry: Entry = {
          id: id ?? uuid(),
          conferenceId,
          talkId,
          position: await nextPosition(db, talkId),
          text: body,
          createdAt: this.now(),
          updatedAt: this.now(),
        };
        await db.entries.add(entry);
        return entry.id;
      }),
    );
  }

  /** null when the talk has no opinion (undefined is "not loaded yet" for a subscriber). */
  watchOpinion(talkId: string): Observable<Opinion | null> {
    return liveQuery(async () => (await this.db.opinions.get(talkId)) ?? null);
  }

  async saveOpinion(conferenceId: string, talkId: string, text: string): Promise<void> {
    const body = String(text);
    await writeWithRetry(async () => {
      if (body.trim()) {
        await this.db.opinions.put({ talkId, conferenceId, text: body, updatedAt: this.now() });
      } else await this.db.opinions.delete(talkId);
    });
  }

  watchSections(conferenceId: string): Observable<FreeSection[]> {
    return liveQuery(async () =>
      (await this.db.freeSections.where({ conferenceId }).toArray()).sort(
        (a, b) => a.position - b.position,
      ),
    );
  }

  async addSection(conferenceId: string, title: string): Promise<string> {
    const db = this.db;
    return writeWithRetry(() =>
      db.transaction('rw', db.freeSections, async () => {
        const count = await db.freeSections.where({ conferenceId }).count();
        const section: FreeSection = {
          id: uuid(),
          conferenceId,
          title: String(title),
          text: '',
          position: count,
          updatedAt: this.now(),
        };
        await db.freeSections.add(section);
        return section.id;
      }),
    );
  }

  async updateSection(id: string, changes: { title?: string; text?: string }): Promise<void> {
    const plain = { ...changes, updatedAt: this.now() };
    await writeWithRetry(() => this.db.freeSections.update(id, plain));
  }

  /**
   * Settles a note edited on two devices: `choice` is the index of the other version to keep,
   * or -1 for the current one. The others are dropped, and sync carries the choice.
   */
  async keepVersion(
    table: 'entries' | 'opinions' | 'freeSections',
    key: string,
    choice: number,
  ): Promise<void> {
    const rows = this.db.table<Entry | Opinion | FreeSection, string>(table);
    await writeWithRetry(() =>
      this.db.transaction('rw', rows, async () => {
        const row = await rows.get(key);
        if (!row) return;
        const picked = row.otherVersions?.[choice];
        const next = { ...row, updatedAt: this.now() };
        delete next.otherVersions;
        if (picked) {
          next.text = picked.text;
          if ('title' in next && picked.title !== undefined) next.title = picked.title;
        }
        await rows.put(next);
      }),
    );
  }

  async removeSection(id: string): Promise<void> {
    await writeWithRetry(() => this.db.freeSections.delete(id));
  }
}
