// The capture pipeline end to end: store the shot first (the promise the UI awaits before it
// says "Saved"), then process it in the background (the slide found and straightened) and file
// the result; at start, finish what a closed tab left pending; later, crop again as the user
// sets the corners. Failures end up on the photo, in plain words.
import type { PhotoStore } from './photo-store';
import type { Corners, Photo } from '../model/types';
import { imageTag, onTheOriginal } from './recrop';
import { ImageError } from './image-error';
import type { ProcessOptions, Processed } from './process';
import type { LongSide } from './sizing';
import { requestPersistence } from './storage';

export interface CaptureSettings {
  longSide: LongSide;
  /** Look for the slide in each shot, and crop and straighten the photo to it. */
  findSlides: boolean;
  keepOriginals: boolean;
}

export interface CaptureDeps {
  photos: PhotoStore;
  images: {
    process(blob: Blob, opts: ProcessOptions): Promise<Processed>;
  };
  /** Read at each shot, so a change in Settings applies to the next one. */
  settings: () => CaptureSettings;
  persist?: () => Promise<boolean>;
}

export interface Captured {
  /** Stored and committed: safe to say "Saved". */
  photo: Photo;
  /**
   * The ready photo, or undefined when processing failed (the reason is on the photo) or the
   * photo was purged meanwhile. Rejects with StorageFullError when the result could not be
   * stored: attach a handler.
   */
  processed: Promise<Photo | undefined>;
}

/** A shot's processing, started with the settings of that moment. */
interface Started {
  settings: CaptureSettings;
  result: Promise<Processed>;
}

export class CapturePipeline {
  private readonly inFlight = new Map<string, Promise<Photo | undefined>>();
  private persistAsked = false;

  constructor(private readonly deps: CaptureDeps) {}

  /**
   * Stores a shot and starts processing it (`alongside` the store, rather than once it is
   * stored). Rejects only when the shot could not be stored (StorageFullError when the disk is
   * full); processing failures land on the photo.
   */
  async capture(
    conferenceId: string,
    talkId: string,
    blob: Blob,
    takenAt = Date.now(),
    { alongside = false }: { alongside?: boolean } = {},
  ): Promise<Captured> {
    if (!this.persistAsked) {
      this.persistAsked = true;
      // Not awaited: Firefox may show a prompt, and the shot must not wait for an answer.
      void (this.deps.persist ?? requestPersistence)();
    }
    // A frame from the in-app camera is processed once the shot has committed: it exists
    // nowhere else until stored, and a decode running meanwhile slowed "Saved" by a third on a
    // phone-speed CPU (the tap-to-safe bench), while costing the processed photo a few per cent
    // only. A picked file (`alongside`: from the gallery or the phone's camera app) is
    // processed beside its store: its 12 MP original takes long to hash and store, and the
    // processed photo came 4 % sooner for 30 ms more to "Saved" (the capture bench).
    const early = alongside ? this.start(blob) : undefined;
    early?.result.catch(() => undefined); // met by run(), or dropped with the shot
    const photo = await this.deps.photos.addShot(conferenceId, talkId, blob, takenAt);
    // The same bytes again return the stored photo, which is only processed if still pending.
    if (photo.status === 'pending') {
      return { photo, processed: this.finish(photo.id, blob, early) };
    }
    return { photo, processed: Promise.resolve(photo.status === 'ready' ? photo : undefined) };
  }

  /** Processes every shot left pending, oldest first; stops at the first storage error. */
  async resume(): Promise<void> {
    for (const photo of await this.deps.photos.pending()) {
      const original = await this.deps.photos.original(photo.id);
      if (original) await this.finish(photo.id, original);
      else await this.deps.photos.markFailed(photo.id, 'failed');
    }
  }

  /** Tries a failed photo again from its kept original. */
  async retry(id: string): Promise<Photo | undefined> {
    const original = await this.deps.photos.original(id);
    return original ? this.finish(id, original) : undefined;
  }

  private finish(id: string, blob: Blob, started?: Started): Promise<Photo | undefined> {
    const running = this.inFlight.get(id);
    if (running) return running;
    const done = this.run(id, started ?? this.start(blob)).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, done);
    return done;
  }

  private start(blob: Blob): Started {
    const settings = this.deps.settings();
    const { longSide, findSlides } = settings;
    const opts = findSlides ? { longSide, slide: 'find' as const } : { longSide };
    return { settings, result: this.deps.images.process(blob, opts) };
  }

  private async run(id: string, started: Started): Promise<Photo | undefined> {
    const { findSlides, keepOriginals } = started.settings;
    let result: Processed;
    try {
      result = await started.result;
    } catch (err) {
      await this.deps.photos.markFailed(id, err instanceof ImageError ? err.code : 'failed');
      return undefined;
    }
    // A full disk rejects here with StorageFullError; the photo then stays pending with its
    // original stored, and resume() finishes it once there is room. A slide cropped by the
    // finder keeps its original until the user confirms the corners, so they can be changed.
    return this.deps.photos.completeProcessing(id, result, {
      keepOriginal: keepOriginals || result.corners !== undefined,
      foundBy: findSlides ? 'finder' : undefined,
    });
  }

  /**
   * Straightens a photo anew from the user's corners, or brings back the whole photo (`corners`
   * undefined), from `source`: the kept original, or else the current image, on which the
   * corners were set. The choice is final: the original goes unless "Keep originals" is on.
   */
  async recrop(photo: Photo, source: Blob, corners: Corners | undefined, fromOriginal: boolean) {
    const { longSide, keepOriginals } = this.deps.settings();
    const result = await this.deps.images.process(source, { longSide, slide: corners });
    const onOriginal = fromOriginal ? corners : onTheOriginal(photo.corners, corners);
    return this.deps.photos.storeCrop(photo.id, result, {
      corners: onOriginal,
      imageTag: imageTag(onOriginal),
      keepOriginal: keepOriginals,
    });
  }
}
