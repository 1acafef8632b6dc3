// What search reads beyond the schedule: the text read from each slide and the user's notes
// and opinions, per conference, as plain texts tagged with their talk. Photos in the Unsorted
// tray belong to no talk and are left out; deleted photos too.
import { liveQuery, type Observable } from 'dexie';
import { isUnsortedTray } from '../model/photo-ids';
import type { TalkText } from '../schedule/search-texts';
import type { ConfnotesDb } from './db';
import { visible, visibleInTalk } from './photo-tables';

export class SearchRepo {
  constructor(private readonly db: ConfnotesDb) {}

  /** Slide numbers count every photo of the talk, as its timeline shows them. */
  async texts(conferenceId: string): Promise<TalkText[]> {
    const [photos, entries, opinions] = await Promise.all([
      this.db.photos.where({ conferenceId }).toArray(),
      this.db.entries.where({ conferenceId }).toArray(),
      this.db.opinions.where({ conferenceId }).toArray(),
    ]);
    const out: TalkText[] = [];
    const shown = photos
      .filter((p) => visible(p) && !isUnsortedTray(p.talkId))
      .sort((a, b) =>
        a.talkId < b.talkId ? -1 : a.talkId > b.talkId ? 1 : a.position - b.position,
      );
    let n = 0;
    shown.forEach((p, i) => {
      n = i > 0 && shown[i - 1]!.talkId === p.talkId ? n + 1 : 1;
      if (p.text?.words.trim())
        out.push({ talkId: p.talkId, kind: 'slide', ref: p.id, text: p.text.words, n });
    });
    for (const e of entries) out.push({ talkId: e.talkId, kind: 'note', ref: e.id, text: e.text });
    for (const o of opinions)
      out.push({ talkId: o.talkId, kind: 'opinion', ref: o.talkId, text: o.text });
    return out;
  }

  watchTexts(conferenceId: string): Observable<TalkText[]> {
    return liveQuery(() => this.texts(conferenceId));
  }

  /** The one text a search hit named, for the talk page; null when it is gone. */
  async found(talkId: string, kind: TalkText['kind'], ref: string): Promise<TalkText | null> {
    if (kind === 'opinion') {
      const o = await this.db.opinions.get(talkId);
      return o ? { talkId, kind, ref: talkId, text: o.text } : null;
    }
    if (kind === 'note') {
      const e = await this.db.entries.get(ref);
      return e?.talkId === talkId ? { talkId, kind, ref, text: e.text } : null;
    }
    const photos = await visibleInTalk(this.db, talkId);
    const i = photos.findIndex((p) => p.id === ref);
    const words = photos[i]?.text?.words;
    return words ? { talkId, kind, ref, text: words, n: i + 1 } : null;
  }

  watchFound(talkId: string, kind: TalkText['kind'], ref: string): Observable<TalkText | null> {
    return liveQuery(() => this.found(talkId, kind, ref));
  }
}
