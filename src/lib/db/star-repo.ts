// Stars ("My agenda"): one row per starred talk, keyed by our own talk id so a schedule
// refresh can never move a star to another talk.
import { liveQuery, type Observable } from 'dexie';
import type { ConfnotesDb } from './db';

export class StarRepo {
  constructor(private readonly db: ConfnotesDb) {}

  watch(conferenceId: string): Observable<string[]> {
    return liveQuery(() => this.db.stars.where({ conferenceId }).primaryKeys());
  }

  list(conferenceId: string): Promise<string[]> {
    return this.db.stars.where({ conferenceId }).primaryKeys();
  }

  async set(talkId: string, conferenceId: string, starred: boolean): Promise<void> {
    if (starred) await this.db.stars.put({ talkId, conferenceId, createdAt: Date.now() });
    else await this.db.stars.delete(talkId);
  }
}
