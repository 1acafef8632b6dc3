// The background queue that reads slide text (issue 12): one photo at a time, newest first, in
// the read worker; paused while the camera screen is open (a burst needs the memory and the
// cores), and the worker closed whenever the queue pauses or runs dry. After each photo, its
// stack is decided, now that its words are known.
import type { ConfnotesDb } from '../db/db';
import { imageToRead, photosToRead, storeReading } from '../db/photo-reads';
import { stackAfterReading } from '../db/photo-stacks';
import { readLangOf } from '../read/lang';
import type { ReadLang } from '../read/engine';
import type { Reading } from '../read/read-client';
import { isUnsortedTray } from '../model/photo-ids';
import type { Photo } from '../model/types';

export interface ReadPort {
  read(blob: Blob, lang: ReadLang): Promise<Reading>;
  close(): void;
}

export class SlideReader {
  private running: Promise<void> | undefined;
  private paused = false;
  /** Photos that failed this session; tried again at the next start. */
  private readonly failed = new Set<string>();

  constructor(
    private readonly db: ConfnotesDb,
    private readonly port: ReadPort,
    /** The interface's language, for talks whose language the schedule does not give. */
    private readonly uiLang: () => ReadLang,
  ) {}

  /** Starts reading unless paused or already reading; resolves when the queue stops. */
  wake(): Promise<void> {
    if (this.paused) return Promise.resolve();
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * Stops at once: the read in flight is dropped (that photo is read again after resume()) and
   * the worker closed, so a burst on the camera screen has the cores and the memory.
   */
  pause(): void {
    this.paused = true;
    this.port.close();
  }

  resume(): Promise<void> {
    this.paused = false;
    return this.wake();
  }

  /** Resolves once the queue has stopped (drained, or paused after the current photo). */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async run(): Promise<void> {
    try {
      while (!this.paused) {
        const next = (await photosToRead(this.db)).find((p) => !this.failed.has(p.id));
        if (!next) break;
        await this.readOne(next);
      }
    } finally {
      this.port.close();
    }
  }

  private async readOne(photo: Photo): Promise<void> {
    const image = await imageToRead(this.db, photo.id);
    if (!image) return void this.failed.add(photo.id);
    const lang = await this.langOf(photo);
    try {
      const reading = await this.port.read(image.blob, lang);
      if (await storeReading(this.db, photo.id, image.tag, { ...reading, lang }))
        await stackAfterReading(this.db, photo.id);
    } catch {
      // An image the engine cannot read, or a worker that died, must not stop the queue; a
      // read dropped by pause() is no failure.
      if (!this.paused) this.failed.add(photo.id);
    }
  }

  private async langOf(photo: Photo): Promise<ReadLang> {
    const talk = isUnsortedTray(photo.talkId) ? undefined : await this.db.talks.get(photo.talkId);
    return readLangOf(talk?.language, this.uiLang());
  }
}
