// The delete/revive race on photo images. The device that deleted a photo DELETEs its image
// after writing the tombstone; another device's edit may have revived the photo in between,
// its image check still finding the file. Closed from both ends: see flagRevived and the
// engine's checks of images after a reviving write and on every sync that reads notes.json.
import type { Photo } from '../model/types';
import { extensionOf } from '../export/slug';
import type { ImageRef } from '../export/model';
import {
  STATE_DIR,
  parseState,
  recordIn,
  stateJson,
  type StateDoc,
  type SyncRecord,
} from './state';
import { outlastWeak, sameTag } from './etag';
import { DavError, type DavClient } from './webdav';

/** A photo's image on the server: named by its id, and by its tag once the user cropped it. */
export const imageFile = (p: ImageRef) =>
  `${p.id}${p.imageTag ? `-${p.imageTag}` : ''}.${extensionOf(p.type)}`;

/** The photos among `keys` of `records`. */
const photosOf = (keys: string[], records: Record<string, SyncRecord>): Photo[] =>
  keys.flatMap((key) => recordIn('photos', key, records[key]) ?? []);

/** The photos a notes state holds that are not deleted. */
export function alivePhotos(records: Record<string, SyncRecord>): Photo[] {
  return photosOf(Object.keys(records), records).filter((photo) => photo.deletedAt === undefined);
}

/** Image files of photos the server listed and this merge tombstones: this device deleted them. */
export function deletedImages(before: StateDoc, tombstones: Record<string, number>): string[] {
  const keys = Object.keys(tombstones).filter(
    (key) => !(key in before.tombstones) && key in before.records,
  );
  return photosOf(keys, before.records).map(imageFile);
}

/**
 * Image files the server's state named for photos this merge gives another image (cropped
 * again, or brought back whole): nothing names them once the merge is written.
 */
export function replacedImages(before: StateDoc, records: Record<string, SyncRecord>): string[] {
  const now = new Map(alivePhotos(records).map((p) => [p.id, imageFile(p)]));
  return alivePhotos(before.records).flatMap((p) => {
    const [was, is] = [imageFile(p), now.get(p.id)];
    return is !== undefined && is !== was ? [was] : [];
  });
}

/** The photo an image file is named after, and the crop it shows (see imageFile). */
export function imageRef(name: string): { id: string; imageTag: string | undefined } {
  const id = name.slice(0, 64);
  const tag = /^-([0-9a-f]+)\./.exec(name.slice(64))?.[1];
  return { id, imageTag: tag };
}

/** Photos the server had tombstoned and this device's edit brought back. */
export function revivedPhotos(before: StateDoc, records: Record<string, SyncRecord>): Photo[] {
  const keys = Object.keys(before.tombstones).filter((key) => key in records);
  return photosOf(keys, records).filter((photo) => photo.deletedAt === undefined);
}

/**
 * After this device deleted the images `deleted`, reads notes.json once more. If another
 * device wrote it since `ourEtag` and revived one of those photos, its write came before our
 * DELETE, and its image check may have too: notes.json is written again, unchanged but for
 * its time, so every device reads it on its next sync and the one holding the image sends it.
 */
export async function flagRevived(
  client: DavClient,
  dir: string,
  deleted: string[],
  ourEtag: string | undefined,
): Promise<void> {
  const path = `${dir}${STATE_DIR}/notes.json`;
  const names = new Set(deleted);
  for (let attempt = 0; attempt < 4; attempt++) {
    const got = await client.get(path);
    if (!got?.etag || sameTag(got.etag, ourEtag)) return;
    const doc = parseState(await got.res.text(), 'notes');
    if (!alivePhotos(doc.records).some((photo) => names.has(imageFile(photo)))) return;
    try {
      const body = stateJson({ ...doc, writtenAt: new Date().toISOString() });
      await client.put(path, body, { type: 'application/json', ifMatch: got.etag });
      return;
    } catch (err) {
      // Written again meanwhile: that write makes every device read it too, but check it.
      if (!(err instanceof DavError && err.code === 'precondition')) throw err;
      await outlastWeak(got.etag);
    }
  }
}
