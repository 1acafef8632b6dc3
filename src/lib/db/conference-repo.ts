// Conferences and their talks: import, refresh, time zone changes and deletion. Each of these
// runs in one read-write transaction, so a failed import or refresh leaves nothing half-written.
import { liveQuery, type Observable } from 'dexie';
import type { ParsedSchedule } from '../schedule/types';
import { planRefresh, resolveTimes, toTalkFields } from '../schedule/materialise';
import type { ConfnotesDb } from './db';
import { listConferences } from './conference-list';
import { newConference } from './conference-record';
import { WordedError } from '../util/words';
import { RECORD_WORDS } from './errors';
import { outboxRow, quietTransaction } from './outbox';
import { photoTables, removeBytes } from './photo-tables';
import { talksWithUserData } from './user-data';
import type { Conference, ScheduleSource, Talk, TimeZoneSource } from './types';

export interface ImportOptions {
  /** Zone for files that carry none; the device zone when absent. */
  timeZone?: string;
  deviceTimeZone: string;
  now?: number;
  newId?: () => string;
}

const uuid = () => crypto.randomUUID();

function pickZone(parsed: ParsedSchedule, opts: ImportOptions): [string, TimeZoneSource] {
  if (parsed.conference.timeZone) return [parsed.conference.timeZone, 'file'];
  if (opts.timeZone) return [opts.timeZone, 'user'];
  return [opts.deviceTimeZone, 'device'];
}

export class ConferenceRepo {
  constructor(private readonly db: ConfnotesDb) {}

  watchConference(id: string): Observable<Conference | undefined> {
    return liveQuery(() => this.db.conferences.get(id));
  }

  watchTalks(conferenceId: string): Observable<Talk[]> {
    return liveQuery(() => this.db.talks.where({ conferenceId }).toArray());
  }

  list(): Promise<Conference[]> {
    return listConferences(this.db);
  }

  get(id: string): Promise<Conference | undefined> {
    return this.db.conferences.get(id);
  }

  talks(conferenceId: string): Promise<Talk[]> {
    return this.db.talks.where({ conferenceId }).toArray();
  }

  /** Stores a newly imported schedule as a new conference; returns its id. */
  async create(
    parsed: ParsedSchedule,
    source: ScheduleSource,
    opts: ImportOptions,
  ): Promise<string> {
    const newId = opts.newId ?? uuid;
    const now = opts.now ?? Date.now();
    const zone = pickZone(parsed, opts);
    const conference = newConference(parsed, newId(), zone, source, now);
    // The fields are fresh objects: ids are added in place rather than by a second copy.
    const talks: Talk[] = toTalkFields(parsed.talks, zone[0]).map((t) =>
      Object.assign(t, { id: newId(), conferenceId: conference.id }),
    );
    const db = this.db;
    await db.transaction('rw', [db.conferences, db.talks, db.outbox], async (tx) => {
      // A new conference waits for the server as one change, its own record: none of its
      // talks can be on a server yet, and its first sync sends them all with it. A row per
      // talk doubled the import's writes (883 more for FOSDEM 2026).
      quietTransaction(tx.idbtrans);
      await db.conferences.add(conference);
      await db.talks.bulkAdd(talks);
      await db.outbox.put(outboxRow('conferences', conference, 'id'));
    });
    return conference.id;
  }

  /**
   * Replaces a conference's schedule with a newer copy. Talks keep their ids (and so their
   * stars and notes); talks that vanished but carry user data stay, flagged as removed.
   */
  async refresh(
    id: string,
    parsed: ParsedSchedule,
    source: ScheduleSource,
    opts: Pick<ImportOptions, 'newId' | 'now'> = {},
  ): Promise<{ added: number; removed: number; kept: number }> {
    const db = this.db;
    const tables = [db.conferences, db.talks, db.stars, db.photos, db.entries, db.opinions];
    return db.transaction('rw', tables, async () => {
      const conf = await db.conferences.get(id);
      if (!conf) throw new WordedError(RECORD_WORDS.conferenceGone);
      const zone = parsed.conference.timeZone ?? conf.timeZone;
      const existing = await db.talks.where({ conferenceId: id }).toArray();
      const touched = await talksWithUserData(db, id);
      const plan = planRefresh(
        id,
        existing,
        toTalkFields(parsed.talks, zone),
        (talkId) => touched.has(talkId),
        opts.newId ?? uuid,
      );
      await db.talks.bulkDelete(plan.deleteIds);
      await db.talks.bulkPut([...plan.put, ...plan.removed]);
      await db.conferences.update(id, {
        source,
        warnings: parsed.warnings,
        updatedAt: opts.now ?? Date.now(),
        ...(parsed.conference.timeZone && { timeZone: zone, timeZoneSource: 'file' as const }),
      });
      const existingIds = new Set(existing.map((t) => t.id));
      return {
        added: plan.put.filter((t) => !existingIds.has(t.id)).length,
        removed: plan.removed.length + plan.deleteIds.length,
        kept: plan.put.length - plan.put.filter((t) => !existingIds.has(t.id)).length,
      };
    });
  }

  /**
   * Gives a conference the name the user chose (a Sessionize file names none, so the file's
   * name stood in). Schedule refreshes keep it; spaces around it are dropped.
   */
  async rename(id: string, title: string): Promise<void> {
    const name = title.trim();
    if (!name) throw new WordedError(RECORD_WORDS.nameMissing);
    await this.db.transaction('rw', this.db.conferences, async () => {
      if (!(await this.db.conferences.get(id))) throw new WordedError(RECORD_WORDS.conferenceGone);
      await this.db.conferences.update(id, { title: name, updatedAt: Date.now() });
    });
  }

  /** Records a conditional refresh that found nothing new (HTTP 304). */
  async touchSource(id: string, fetchedAt: number): Promise<void> {
    await this.db.transaction('rw', this.db.conferences, async () => {
      const conf = await this.db.conferences.get(id);
      if (conf) await this.db.conferences.update(id, { source: { ...conf.source, fetchedAt } });
    });
  }

  /** Reads wall-clock-only times in a new zone; instants the file gave stay as they are. */
  async setTimeZone(id: string, timeZone: string): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.conferences, db.talks, async () => {
      const talks = await db.talks.where({ conferenceId: id }).toArray();
      // resolveTimes ignores the stored instants of wall-clock-only talks and recomputes them.
      const updated = talks.map((t) => ({ ...t, ...resolveTimes(t, timeZone, t.utcFromFile) }));
      await db.talks.bulkPut(updated);
      await db.conferences.update(id, { timeZone, timeZoneSource: 'user', updatedAt: Date.now() });
    });
  }

  /** Deletes a conference with everything stored for it here: talks, stars, notes and photos. */
  async delete(id: string): Promise<void> {
    const db = this.db;
    const tables = [
      db.conferences,
      db.talks,
      db.stars,
      db.photos,
      ...photoTables(db),
      db.entries,
      db.opinions,
      db.freeSections,
      db.outbox,
      db.syncBases,
    ];
    await db.transaction('rw', tables, async () => {
      const photoIds = await db.photos.where({ conferenceId: id }).primaryKeys();
      await db.photos.bulkDelete(photoIds);
      for (const photoId of photoIds) await removeBytes(db, photoId);
      await db.entries.where({ conferenceId: id }).delete();
      await db.opinions.where({ conferenceId: id }).delete();
      await db.freeSections.where({ conferenceId: id }).delete();
      await db.talks.where({ conferenceId: id }).delete();
      await db.stars.where({ conferenceId: id }).delete();
      await db.conferences.delete(id);
      // Deleting here does not delete on the sync server: the folder stays there, and the
      // conference's sync record (syncMeta) stays too, so sync does not bring it back.
      await db.outbox.where({ conferenceId: id }).delete();
      await db.syncBases.where({ conferenceId: id }).delete();
    });
  }
}
