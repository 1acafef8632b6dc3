// Image transfer for one conference folder: images of photos the merge brings are fetched
// before their records land, this device's images go up once (each marked when the server
// has it), and images of photos deleted here are deleted there, with the revive check.
import type { Photo } from '../model/types';
import { eachLimited } from './limit';
import { flagRevived, imageFile } from './revive';
import type { SyncRun, ConferenceReport } from './run';
import { recordIn, type SyncRecord } from './state';
import type { SyncMeta } from './store';
import { DavError, type DavEntry } from './webdav';
import { SyncError } from './words';

/** Fetches the images of photos the merge brings, before their records land here. */
export async function downloadImages(
  run: SyncRun,
  meta: SyncMeta,
  dir: string,
  put: Map<string, SyncRecord>,
  report: ConferenceReport,
) {
  const wanted: { key: string; photo: Photo }[] = [];
  for (const [key, record] of put) {
    const photo = recordIn('photos', key, record);
    if (photo && photo.deletedAt === undefined && !(await run.store.hasImage(photo))) {
      wanted.push({ key, photo });
    }
  }
  let done = 0;
  await eachLimited(wanted, run.parallel, async ({ key, photo }) => {
    run.progress(meta, 'downloading', done, wanted.length);
    const got = await run.client.get(`${dir}images/${imageFile(photo)}`);
    if (!got) {
      // Its image is not on the server (yet): leave the photo for a later sync.
      put.delete(key);
      return;
    }
    const bytes = await got.res.blob();
    const blob = bytes.type === photo.type ? bytes : bytes.slice(0, bytes.size, photo.type);
    await run.store.storeImage(photo.id, blob, imageFile(photo));
    report.downloaded++;
    run.progress(meta, 'downloading', ++done, wanted.length);
  });
}

/**
 * Deletes the images of photos this device deleted, once the state file says so. Cleanup
 * only: a failure leaves the name for the next sync and never fails this one.
 */
export async function removeStaleImages(run: SyncRun, meta: SyncMeta, dir: string) {
  const names = meta.staleImages;
  if (!names?.length) return;
  const left: string[] = [];
  const deleted: string[] = [];
  for (const name of names) {
    // Back here since (another device's edit outlived the deletion): the image stays.
    if (await run.store.hasImage({ id: name.slice(0, 64) })) continue;
    try {
      await run.client.remove(`${dir}images/${name}`);
      deleted.push(name);
    } catch (err) {
      if (!(err instanceof SyncError)) throw err;
      left.push(name);
    }
  }
  try {
    if (deleted.length) await flagRevived(run.client, dir, deleted, meta.etags.notes);
  } catch (err) {
    if (!(err instanceof SyncError)) throw err;
    // Kept: deleting again is harmless (404), and the check is made again next time.
    left.push(...deleted);
  }
  if (left.length) meta.staleImages = left;
  else delete meta.staleImages;
}

/**
 * Sends the images of this device's photos the server lacks, each marked once there, and
 * those of `revived` photos, whose image the deleting device may have removed.
 */
export async function uploadImages(
  run: SyncRun,
  meta: SyncMeta,
  dir: string,
  report: ConferenceReport,
  revived: Photo[] = [],
  alive: Photo[] = [],
) {
  const photos = [...(await run.store.photosToUpload(meta.conferenceId)), ...revived];
  if (!photos.length && !alive.length) return;
  const listing: DavEntry[] = (await run.client.list(`${dir}images/`, 1)) ?? [];
  const there = new Set(listing.map((e) => e.name));
  const todo: Photo[] = [];
  // Photos on the server are marked as sent in one write at the end, failed or not: one
  // transaction per photo would cost more than the upload. A mark lost to a crash costs
  // nothing either, since the listing above shows the server has the image.
  const marked: string[] = [];
  for (const photo of photos) {
    if (there.has(imageFile(photo))) marked.push(photo.id);
    else todo.push(photo);
  }
  // Images missing on the server of photos the state says are alive: sent if held here.
  const queued = new Set(todo.map((p) => p.id));
  todo.push(...alive.filter((p) => !there.has(imageFile(p)) && !queued.has(p.id)));
  const total = todo.reduce((n, p) => n + p.size, 0);
  let sent = 0;
  run.progress(meta, 'uploading', 0, total);
  try {
    await eachLimited(todo, run.parallel, async (photo) => {
      const blob = await run.store.image(photo.id);
      if (!blob) return;
      try {
        await run.client.put(`${dir}images/${imageFile(photo)}`, blob, {
          type: photo.type,
          ifNoneMatch: '*',
        });
      } catch (err) {
        // Already there (another device sent the same photo): that is what we wanted.
        if (!(err instanceof DavError && err.code === 'precondition')) throw err;
      }
      marked.push(photo.id);
      report.uploaded++;
      sent += photo.size;
      run.progress(meta, 'uploading', sent, total);
    });
  } finally {
    await run.store.markUploaded(marked);
  }
}
