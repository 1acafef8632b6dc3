// Stacks of re-shots in the photos table (issue 12): a photo joins a stack once its text has
// been read, and the user's "Keep this one" and "Unstack". Only the `stack`, `kept` and
// `unstacked` fields are written, through ordinary transactions, so the outbox middleware
// records each change for sync like any other photo edit. Nothing is deleted here.
import type { ConfnotesDb } from './db';
import { writeWithRetry } from './errors';
import { visible } from './photo-tables';
import { STACK_WINDOW_MS, stackToJoin } from '../read/stacks';
import type { Photo } from './types';

/**
 * Puts a photo whose text has just been stored into the stack of a related shot of its talk,
 * starting one on that shot when it had none. Called by the reading queue; a photo already
 * stacked, unstacked by the user, or gone is left as it is.
 */
export async function stackAfterReading(db: ConfnotesDb, photoId: string): Promise<void> {
  await writeWithRetry(() =>
    db.transaction('rw', db.photos, async () => {
      const photo = await db.photos.get(photoId);
      if (!photo || !visible(photo) || photo.stack || photo.unstacked) return;
      const others = await db.photos
        .where('takenAt')
        .between(photo.takenAt - STACK_WINDOW_MS, photo.takenAt + STACK_WINDOW_MS, true, true)
        .filter((p) => p.talkId === photo.talkId && p.id !== photo.id && visible(p))
        .toArray();
      const stack = stackToJoin(photo, others);
      if (!stack) return;
      await db.photos.update(photo.id, { stack });
      const starter = others.find((p) => p.id === stack);
      if (starter && !starter.stack) await db.photos.update(starter.id, { stack });
    }),
  );
}

/**
 * The stack's members anywhere in the conference: a member moved to another talk included.
 * The conference's photos read whole, not walked with a cursor (a round trip per photo).
 */
async function membersOf(db: ConfnotesDb, photo: Photo): Promise<Photo[]> {
  const photos = await db.photos.where({ conferenceId: photo.conferenceId }).toArray();
  return photos.filter((p) => p.stack === photo.stack);
}

/** "Keep this one": the photo becomes its stack's face, and no other member stays kept. */
export async function keepThisOne(db: ConfnotesDb, photoId: string): Promise<void> {
  await writeWithRetry(() =>
    db.transaction('rw', db.photos, async () => {
      const photo = await db.photos.get(photoId);
      if (!photo?.stack) return;
      for (const p of await membersOf(db, photo)) {
        if (p.id !== photoId && p.kept) await db.photos.update(p.id, { kept: undefined });
      }
      if (!photo.kept) await db.photos.update(photoId, { kept: true });
    }),
  );
}

/**
 * "Unstack": every member of the photo's stack goes back to standing on its own, and is marked
 * so that reading it again never stacks it automatically.
 */
export async function unstack(db: ConfnotesDb, photoId: string): Promise<void> {
  await writeWithRetry(() =>
    db.transaction('rw', db.photos, async () => {
      const photo = await db.photos.get(photoId);
      if (!photo?.stack) return;
      const changes = { stack: undefined, kept: undefined, unstacked: true as const };
      const members = await membersOf(db, photo);
      await db.photos.bulkUpdate(members.map((p) => ({ key: p.id, changes })));
    }),
  );
}
