// One state file of a conference folder, merged with this device's records and written back
// with If-Match, merging again when another device wrote in between (a weak ETag waited out
// first); the notes part also moves the images its photos need.
import { merge } from './merge';
import { downloadImages, uploadImages } from './images';
import { outlastWeak, sameTag } from './etag';
import { alivePhotos, deletedImages, replacedImages, revivedPhotos } from './revive';
import type { ConferenceReport, SyncRun } from './run';
import {
  emptyState,
  parseState,
  STATE_VERSION,
  stateFile,
  stateJson,
  type PartName,
  type StateDoc,
  type SyncRecord,
} from './state';
import type { SyncMeta } from './store';
import { DavError } from './webdav';
import type { Photo } from '../model/types';

/** The folder's readable write-up, which the notes part starts beside its images. */
export interface WriteUp {
  /**
   * A part's records as the server has them too, its merge having brought nothing in: with
   * both parts', the write-up is made from them rather than read from the database again.
   */
  keep(part: PartName, records: ReadonlyMap<string, SyncRecord>): void;
  /**
   * Makes it from this device's records (both parts' kept ones, else the database's as they
   * are now) and sends it once `ready` (its images on the server) resolves; once: the same
   * promise after.
   */
  start(ready?: Promise<unknown>): Promise<void>;
  /**
   * What it wrote may lack what another device's state brings: made again at the next start,
   * from the notes part's records kept again, or from the database.
   */
  stale(): void;
}

/** Merges one state file; returns why the folder is not ours any more, if it is not. */
export async function syncPart(
  run: SyncRun,
  meta: SyncMeta,
  dir: string,
  part: PartName,
  listedEtag: string | undefined,
  report: ConferenceReport,
  sending: Promise<Set<string> | undefined> | undefined,
  writeUp?: WriteUp,
): Promise<SyncMeta['lost'] | undefined> {
  const { client, store } = run;
  const path = `${dir}${stateFile(part)}`;
  // The images the engine started sending first (this device's unsent photos), then any the
  // merge asks for, checked against what the server was found to hold then. A photo finished
  // since that upload read them is among the alive ones if the merge names it.
  const sendImages = async (revived: Photo[] = [], alive: Photo[] = []) => {
    const there = await sending;
    await uploadImages(run, meta, dir, report, { revived, alive, there, own: !sending });
  };
  for (let attempt = 0; ; attempt++) {
    const snap = await store.snapshot(meta.conferenceId, part);
    // Nothing changed on either side since the last sync: the listing was all it took.
    if (listedEtag && sameTag(listedEtag, meta.etags[part]) && snap.revs.size === 0) {
      writeUp?.keep(part, snap.local);
      if (part === 'notes') await sendImages();
      return undefined;
    }
    // Changes waiting here will be written: the server's If-Match check (once a run) starts
    // now, while the state file is read and merged.
    if (snap.revs.size) client.checkPreconditions(dir).catch(() => undefined);
    let doc: StateDoc;
    let etag: string | undefined;
    let readBack: Promise<string | undefined> | undefined;
    const got = listedEtag ? await client.get(path) : null;
    if (got) {
      doc = parseState(await got.res.text(), part);
      etag = got.etag;
      if (meta.folderId && doc.folderId !== meta.folderId) return 'replaced';
      meta.folderId ??= doc.folderId;
    } else {
      if (!meta.folderId) return 'missing';
      doc = emptyState(meta.folderId, meta.conferenceId, part);
    }
    const outcome = merge({ local: snap.local, base: snap.base, remote: doc, now: run.now() });

    const revived = part === 'notes' ? revivedPhotos(doc, outcome.records) : [];
    // A merge that brings nothing in leaves this device's records as the server will have them.
    const upToDate = outcome.put.size === 0 && outcome.remove.length === 0;
    if (upToDate) writeUp?.keep(part, snap.local);
    let documents: Promise<void> | undefined;
    if (part === 'notes') {
      await downloadImages(run, meta, dir, outcome.put, report);
      // Every photo alive in the state is checked too: a deleting device may have removed
      // the image of one revived before (see revive.ts); the device holding it sends it.
      const sent = sendImages(revived, alivePhotos(outcome.records));
      // The write-up of those same records is made while the images go, and sent once they are
      // all there, beside the state file.
      documents = upToDate ? writeUp?.start(sent) : undefined;
      documents?.catch(() => undefined); // awaited last, once the merge is stored and counted
      await sent;
    }
    if (outcome.changed) {
      run.progress(meta, 'saving', 0, 1);
      const next: StateDoc = {
        ...doc,
        // Written as this version's, whatever the file was: an older reader must refuse it.
        version: STATE_VERSION,
        records: outcome.records,
        tombstones: outcome.tombstones,
        writtenAt: new Date(run.now()).toISOString(),
        writeId: crypto.randomUUID(),
      };
      const body = stateJson(next);
      await client.checkPreconditions(dir);
      try {
        const put = await client.put(path, body, {
          type: 'application/json',
          ...(got?.etag ? { ifMatch: got.etag } : { ifNoneMatch: '*' as const }),
        });
        // Read back while the merge is stored here (see below): neither needs the other.
        etag = put.etag;
        if (!etag) {
          readBack = etagIfStill(run, path, body);
          // Awaited below; a step failing before that must not leave it unhandled.
          readBack.catch(() => undefined);
        }
        // The deleting device's DELETE may have come between our image check and this
        // write: look again now that the revival is on the server.
        if (revived.length) await uploadImages(run, meta, dir, report, { revived, own: false });
      } catch (err) {
        // The write-up beside it is let finish, never left running.
        await documents?.catch(() => undefined);
        // Another device wrote in between: read its version and merge again.
        if (err instanceof DavError && err.code === 'precondition' && attempt < 4) {
          // Made from records the next merge may add to: written again if they differ.
          if (documents) writeUp?.stale();
          // A weak ETag (Apache, for a second after a write) never satisfies If-Match.
          await outlastWeak(got?.etag);
          listedEtag = 'changed';
          continue;
        }
        throw err;
      }
    }
    const [, readEtag] = await Promise.all([
      store.apply(meta.conferenceId, part, outcome, snap.revs),
      readBack,
    ]);
    etag ??= readEtag;
    // Counted once written: a merge redone after a 412 would count the same conflict twice.
    report.conflicts += outcome.conflicts.length;
    report.downloaded += outcome.put.size + outcome.remove.length;
    const stale = outcome.changed
      ? [...deletedImages(doc, outcome.tombstones), ...replacedImages(doc, outcome.records)]
      : [];
    if (stale.length) {
      // Kept with the folder's state until deleted, so a stop before that only delays it.
      meta.staleImages = [...new Set([...(meta.staleImages ?? []), ...stale])];
      await store.saveMeta(meta);
    }
    // Without an ETag from the PUT, the next listing's one is unknown: read again next time.
    if (etag) meta.etags[part] = etag;
    else delete meta.etags[part];
    await documents;
    return undefined;
  }
}

/** How much of a state file's end `etagIfStill` reads: its write id, and the end of the file. */
const TAIL_BYTES = 64;

/**
 * The ETag of what we just wrote, for servers that do not return one from PUT (Apache): read
 * back, and kept only if the file still holds our text, so a write by another device in
 * between is never mistaken for ours. Only its last bytes are read when the server serves
 * ranges: they hold the write's random id, and the file must end where ours does. The whole
 * file (hundreds of KB on a venue's network) is read only from a server that ignores ranges.
 */
async function etagIfStill(run: SyncRun, path: string, body: string): Promise<string | undefined> {
  const ours = new TextEncoder().encode(body);
  const from = Math.max(0, ours.length - TAIL_BYTES);
  const got = await run.client.getFrom(path, from);
  if (!got?.etag) return undefined;
  return sameBytes(got.bytes, got.whole ? ours : ours.subarray(from)) ? got.etag : undefined;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
