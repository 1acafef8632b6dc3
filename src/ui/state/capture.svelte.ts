// Capture for the screens: the pipeline (created on first use) and the counts the capture
// screen shows. "Saved" is counted only once a shot's transaction has committed; processing
// runs behind it and never holds up the next shot. Also the work a closed tab left behind.
import { CapturePipeline } from '../../lib/capture/pipeline';
import { ImageProcessor } from '../../lib/capture/image-client';
import { inspect } from '../../lib/capture/process';
import { makeThumbnails } from '../../lib/capture/thumbnails';
import { canvasCodecSupported } from '../../lib/capture/canvas-codec';
import { explain, t } from './i18n.svelte';
import { photoRepo } from './photos.svelte';
import { photoSettings } from './photo-settings.svelte';

let pipeline: CapturePipeline | undefined;
let processor: ImageProcessor | undefined;

/** One image processor for shots and thumbnails, so two decodes never run at once. */
const images = () => (processor ??= new ImageProcessor());

export function capturePipeline(): CapturePipeline {
  pipeline ??= new CapturePipeline({
    photos: photoRepo,
    images: images(),
    settings: () => ({
      longSide: photoSettings.longSide,
      findSlides: photoSettings.findSlides,
      keepOriginals: photoSettings.keepOriginals,
    }),
  });
  return pipeline;
}

/** A shot still being stored this long after the tap is shown as "Saving". */
const SLOW_SAVE_MS = 300;

/** Counts for one capture screen. */
export class CaptureCounter {
  /**
   * Shots still being stored, once one has taken SLOW_SAVE_MS: a quick save goes straight to
   * "saved", without a word that flashes by (and a frame drawn for it before "Saved").
   */
  saving = $state(0);
  #storing = 0;
  processing = $state(0);
  saved = $state(0);
  error = $state('');

  /**
   * Stores one shot in `talkId`; resolves once it is safely stored. `startedAt` is when the
   * shutter was pressed: the user-timing measures below are what `npm run bench` reads. A
   * picked file is processed `alongside` its store (see CapturePipeline.capture).
   */
  async add(
    conferenceId: string,
    talkId: string,
    blob: Blob,
    startedAt = performance.now(),
    alongside = false,
  ): Promise<boolean> {
    this.#storing++;
    const slow = setTimeout(() => (this.saving = this.#storing), SLOW_SAVE_MS);
    try {
      const pipeline = capturePipeline();
      const { processed } = await pipeline.capture(conferenceId, talkId, blob, undefined, {
        alongside,
      });
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
      clearTimeout(slow);
      this.#storing--;
      if (this.saving) this.saving = this.#storing;
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
      true,
    );
  }
}

/** Undo of a deletion is offered while the page lives; a restart ends it. */
const UNDO_WINDOW_MS = 10 * 60_000;

/** At start: finish shots a closed tab left unprocessed; erase photos deleted before. */
export async function resumeCapture(): Promise<void> {
  await photoRepo.purgeDeleted(Date.now() - UNDO_WINDOW_MS);
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
      await makeThumbnails({ photos: photoRepo, images: images() });
    }
  })()
    // A full disk leaves the stand-ins as they are: they are tried again at the next start.
    .catch(() => undefined)
    .finally(() => {
      thumbnailing = undefined;
      if (again) makeMissingThumbnails();
    });
}
