// Thumbnails for images received from a zip or the sync server, which come without one: until
// made, a list of such photos loads every full image, and the table holds each image twice.
// Made one at a time through the same image processor as shots, so a shot taken meanwhile
// waits for one thumbnail at most.
import type { PhotoStore } from './photo-store';
import { ImageError } from './image-error';
import type { ProcessOptions, Processed } from './process';
import { DEFAULT_LONG_SIDE } from './sizing';

export interface ThumbnailDeps {
  photos: Pick<PhotoStore, 'standInThumbs' | 'image' | 'replaceStandIn'>;
  images: { process(blob: Blob, opts: ProcessOptions): Promise<Processed> };
}

/** Makes every missing thumbnail; returns how many were made. Stops early when aborted. */
export async function makeThumbnails(deps: ThumbnailDeps, signal?: AbortSignal): Promise<number> {
  let made = 0;
  for (const id of await deps.photos.standInThumbs()) {
    if (signal?.aborted) break;
    const image = await deps.photos.image(id);
    if (!image) continue; // purged meanwhile
    let thumb: Blob | undefined;
    try {
      const opts = { longSide: DEFAULT_LONG_SIDE, thumbOnly: true, signal };
      thumb = (await deps.images.process(image, opts)).thumb;
    } catch (err) {
      if (err instanceof ImageError && err.code === 'aborted') break;
      if (!(err instanceof ImageError)) throw err;
      // An image that cannot be decoded keeps itself as its thumbnail, and is not tried again.
    }
    await deps.photos.replaceStandIn(id, thumb);
    if (thumb) made++;
  }
  return made;
}
