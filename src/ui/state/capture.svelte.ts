// Capture for the screens: the pipeline (created on first use), the photo settings, and the
// counts the capture screen shows. "Saved" is counted only once a shot's transaction has
// committed; processing runs behind it and never holds up the next shot.
import { CapturePipeline } from '../../lib/capture/pipeline';
import { ImageProcessor } from '../../lib/capture/image-client';
import { DEFAULT_LONG_SIDE, type LongSide } from '../../lib/capture/sizing';
import { removeShared, sharedFiles } from '../../lib/capture/share-inbox';
import { inspect } from '../../lib/capture/process';
import { makeThumbnails } from '../../lib/capture/thumbnails';
import { canvasCodecSupported } from '../../lib/capture/canvas-codec';
import { PhotoRepo, unsortedTray } from '../../lib/db/photo-repo';
import { appDb } from '../../lib/db/db';
import { fileShot } from '../../lib/capture/filing';
import { conferenceForNow, explain } from './app.svelte';
import { conferences, settings, stars } from './repos';
import { t } from './i18n.svelte';

export const photos = new PhotoRepo(appDb());
export { unsortedTray };

class PhotoSettings {
  longSide = $state<LongSide>(DEFAULT_LONG_SIDE);
  keepOriginals = $state(false);

  async load(): Promise<void> {
    this.longSide = await settings.get<LongSide>('photoLongSide', DEFAULT_LONG_SIDE);
    this.keepOriginals = await settings.get('keepOriginals', false);
  }

  async save(): Promise<void> {
    await settings.set('photoLongSide', this.longSide);
    await settings.set('keepOriginals', this.keepOriginals);
  }
}

export const photoSettings = new PhotoSettings();

let pipeline: CapturePipeline | undefined;
let processor: ImageProcessor | undefined;

/** One image processor for shots and thumbnails, so two decodes never run at once. */
const images = () => (processor ??= new ImageProcessor());

export function capturePipeline(): CapturePipeline {
  pipeline ??= new CapturePipeline({
    photos,
    images: images(),
    settings: () => ({
      longSide: photoSettings.longSide,
      keepOriginals: photoSettings.keepOriginals,
    }),
  });
  return pipeline;
}

/** Counts for one capture screen. */
export class CaptureCounter {
  saving = $state(0);
  processing = $state(0);
  saved = $state(0);
  error = $state('');

  /**
   * Stores one shot in `talkId`; resolves once it is safely stored. `startedAt` is when the
   * shutter was pressed: the user-timing measures below are what `npm run bench` reads.
   */
  async add(
    conferenceId: string,
    talkId: string,
    blob: Blob,
    startedAt = performance.now(),
  ): Promise<boolean> {
    this.saving++;
    try {
      const { processed } = await capturePipeline().capture(conferenceId, talkId, blob);
      performance.measure('confnotes:stored', { start: startedAt });
      this.saved++;
      this.error = '';
      this.processing++;
      processed
        .then((photo) => {
          if (!photo) this.error = t('One photo could not be processed; it is marked on its talk.');
        })
        .catch((e: unknown) => (this.error = explain(e)))
        .finally(() => {
          performance.measure('confnotes:processed', { start: startedAt });
          this.processing--;
        });
      return true;
    } catch (e) {
      this.error = explain(e);
      return false;
    } finally {
      this.saving--;
    }
  }

  /**
   * A picked or shared file: turned away before storing when it is not an image, cut short
   * or too large to open, so the user hears why at once and nothing broken is kept.
   */
  async addFile(conferenceId: string, talkId: string, file: File): Promise<boolean> {
    const startedAt = performance.now();
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
      inspect(bytes);
    } catch (e) {
      this.error = t('{name}: {reason}', { name: file.name, reason: explain(e) });
      return false;
    }
    // The rest (hash, store, process) reads this copy in memory: a gallery file may sit behind
    // a slow content provider, and is read from there once.
    const { name, type, lastModified } = file;
    return this.add(
      conferenceId,
      talkId,
      new File([bytes], name, { type, lastModified }),
      startedAt,
    );
  }
}

/** Undo of a deletion is offered while the page lives; a restart ends it. */
const UNDO_WINDOW_MS = 10 * 60_000;

/** At start: finish shots a closed tab left unprocessed; erase photos deleted before. */
export async function resumeCapture(): Promise<void> {
  await photos.purgeDeleted(Date.now() - UNDO_WINDOW_MS);
  await photoSettings.load();
  await capturePipeline().resume();
  makeMissingThumbnails();
}

let thumbnailing: Promise<void> | undefined;
let again = false;

/**
 * Makes thumbnails for photos received from a zip or the sync server, in the background. A
 * call while it runs asks for one more pass, for photos that arrived meanwhile. Only where the
 * image worker runs: decoding hundreds of images on the page would stall it, and a list that
 * loads full images is slower but works.
 */
export function makeMissingThumbnails(): void {
  if (!canvasCodecSupported()) return;
  again = true;
  thumbnailing ??= (async () => {
    while (again) {
      again = false;
      await makeThumbnails({ photos, images: images() });
    }
  })()
    // A full disk leaves the stand-ins as they are: they are tried again at the next start.
    .catch(() => undefined)
    .finally(() => {
      thumbnailing = undefined;
      if (again) makeMissingThumbnails();
    });
}

/** Files images shared to the app (waiting in the service worker's inbox) into `talkId`. */
export async function drainShareInbox(
  conferenceId: string,
  talkId: string,
  counter: CaptureCounter,
): Promise<number> {
  let count = 0;
  for (const { key, file } of await sharedFiles()) {
    if (await counter.addFile(conferenceId, talkId, file)) {
      await removeShared(key);
      count++;
    }
  }
  return count;
}

/**
 * Files shared images like a capture: into the talk on now of today's conference (starred,
 * else in the last room), else its Unsorted tray. Returns where they went.
 */
export async function fileShared(
  counter: CaptureCounter,
): Promise<{ conferenceId: string; talkId: string } | undefined> {
  const conferenceId = await conferenceForNow();
  if (!conferenceId) return undefined;
  const filing = fileShot({
    talks: await conferences.talks(conferenceId),
    starred: await stars.list(conferenceId),
    lastRoom: await settings.get<string | undefined>(`lastRoom:${conferenceId}`, undefined),
    now: Date.now(),
  });
  const talkId = filing.kind === 'talk' ? filing.talk.id : unsortedTray(conferenceId);
  await drainShareInbox(conferenceId, talkId, counter);
  return { conferenceId, talkId };
}
