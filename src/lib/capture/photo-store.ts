// What the capture pipeline and the thumbnail maker need from storage, stated here so that
// capture sits below the database layer: src/lib/db/photo-repo.ts implements it.
import type { Corners, Photo } from '../model/types';

/** A processed shot: the 1920 px JPEG, its thumbnail and its size. */
export interface ProcessedImage {
  jpeg: Blob;
  /** The CRC-32 of `jpeg`'s bytes, kept beside them for the zip writer. */
  crc: number;
  thumb: Blob;
  width: number;
  height: number;
  /** The slide's corners on the shot, when the image is the slide straightened. */
  corners?: Corners | undefined;
}

/** The user's crop of a photo, final: see PhotoStore.storeCrop. */
export interface UserCrop {
  /** On the photo as taken; undefined: the whole photo. */
  corners: Corners | undefined;
  imageTag: string;
  keepOriginal: boolean;
}

export interface PhotoStore {
  /** Stores the shot and its pending record; resolves once committed ("Saved"). */
  addShot(conferenceId: string, talkId: string, blob: Blob, takenAt: number): Promise<Photo>;
  /** Files the processed image; undefined when the photo was purged meanwhile. */
  completeProcessing(
    id: string,
    result: ProcessedImage,
    options?: { keepOriginal?: boolean; foundBy?: 'finder' | undefined },
  ): Promise<Photo | undefined>;
  /**
   * Replaces a ready photo's image with the user's crop of it; the original goes unless kept.
   * Undefined when the photo was purged meanwhile.
   */
  storeCrop(id: string, result: ProcessedImage, crop: UserCrop): Promise<Photo | undefined>;
  markFailed(id: string, message: string): Promise<void>;
  /** Shots stored but not processed, oldest first. */
  pending(): Promise<Photo[]>;
  original(id: string): Promise<Blob | undefined>;
  image(id: string): Promise<Blob | undefined>;
  /** Ids of received photos whose image still stands in for a thumbnail. */
  standInThumbs(): Promise<string[]>;
  replaceStandIn(id: string, thumb: Blob | undefined): Promise<void>;
}
