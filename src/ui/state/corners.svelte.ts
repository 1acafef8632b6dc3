// The corner editor's link to the photo store: the image the user sets corners on (the kept
// original, else the current image) and saving them, which straightens the photo again in the
// image worker and stores the result as the user's final crop.
import { inspect } from '../../lib/capture/process';
import { uprightSize } from '../../lib/capture/sniff';
import type { Corners, Photo } from '../../lib/model/types';
import { RECORD_WORDS } from '../../lib/db/errors';
import { WordedError } from '../../lib/util/words';
import { capturePipeline } from './capture.svelte';
import { photoRepo } from './photos.svelte';

/** The image the editor shows and the corners on it, as fractions of its width and height. */
export interface CornerSource {
  /** Object URL of the image; call revoke() when the editor closes. */
  url: string;
  width: number;
  height: number;
  /** The slide's corners on this image; undefined: the whole image (no crop yet). */
  corners: Corners | undefined;
  /** True when this is the photo as taken, so "No crop" can bring the whole photo back. */
  original: boolean;
  revoke(): void;
}

/** The bytes behind each open source, to straighten from when the corners are saved. */
const blobs = new WeakMap<CornerSource, Blob>();

/** Loads the image to adjust: the kept original, else the current image. */
export async function openCorners(photo: Photo): Promise<CornerSource> {
  const original = await photoRepo.original(photo.id);
  const blob = original ?? (await photoRepo.jpeg(photo.id));
  if (!blob) throw new WordedError(RECORD_WORDS.photoGone);
  // The upright size from the file's header: no decode on the page for a 12 MP original.
  const facts = inspect(new Uint8Array(await blob.arrayBuffer()));
  const size = uprightSize(facts) ?? { width: photo.width, height: photo.height };
  const url = URL.createObjectURL(blob);
  const source: CornerSource = {
    url,
    ...size,
    // On the current image, the slide is the whole of it (or it was never cropped).
    corners: original ? photo.corners : undefined,
    original: original !== undefined,
    revoke: () => URL.revokeObjectURL(url),
  };
  blobs.set(source, blob);
  return source;
}

/**
 * Straightens the photo from `corners` on `source` (null: "No crop", the whole photo) and
 * stores the result; resolves once stored. Rejects with words for the user.
 */
export async function saveCorners(
  photo: Photo,
  source: CornerSource,
  corners: Corners | null,
): Promise<void> {
  const blob = blobs.get(source);
  if (!blob) throw new WordedError(RECORD_WORDS.photoGone);
  // A plain copy: the editor may hand in a $state proxy, which structured clone refuses.
  const plain = corners ? (JSON.parse(JSON.stringify(corners)) as Corners) : undefined;
  await capturePipeline().recrop(photo, blob, plain, source.original);
}
