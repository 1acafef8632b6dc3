// Which talks hold the user's own data, so that no schedule change (a refresh here, or one that
// arrives by sync) ever deletes them.
import type { ConfnotesDb } from './db';

/**
 * Talks of a conference with a star, a note, an opinion or any photo (deleted ones too, while
 * their undo is still offered). Call inside a transaction over stars, photos, entries and
 * opinions.
 */
export async function talksWithUserData(db: ConfnotesDb, conferenceId: string) {
  const touched = new Set(await db.stars.where({ conferenceId }).primaryKeys());
  await db.photos.where({ conferenceId }).each((p) => touched.add(p.talkId));
  await db.entries.where({ conferenceId }).each((e) => touched.add(e.talkId));
  await db.opinions.where({ conferenceId }).each((o) => touched.add(o.talkId));
  return touched;
}
