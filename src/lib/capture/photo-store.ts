// What the capture pipeline and the thumbnail maker need from storage, stated here so that
// capture sits below the database layer: src/lib/db/photo-repo.ts implements it.
import type { Photo } from '../model/types';

/** A processed shot: the 1920 px JPEG, its thumbnail and its size. */
export interface ProcessedImage {
  jpeg: Blob;
  thumb: Blob;
  width: number;
  height: number;
}

export interface PhotoStore {
  /** Stores the shot and its pending record; resolves once committed ("Saved"). */
  addShot(conferenceId: string, talkId: string, blob: Blob, takenAt: number): Promise<Photo>;
  /** Files the processed image; undefined when the photo was purged meanwhile. */
  completeProcessing(
    id: string,
    result: ProcessedImage,
    options?: { keepOriginal?: boolean },
  ): Promise<Photo | undefined>;
  markFailed(id: string, message: string): Promise<void>;
  /** Shots stored but not processed, oldest first. */
  pending(): Promise<Photo[]>;
  original(id: string): Promise<Blob | undefined>;
  image(id: string): Promise<Blob | undefined>;
  /** Ids of received photos whose image still stands in for a thumbnail. */
  standInThumbs(): Promise<string[]>;
  replaceStandIn(id: string, thumb: Blob | undefined): Promise<void>;
}
