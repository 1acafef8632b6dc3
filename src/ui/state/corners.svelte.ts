// The corner editor's link to the photo store (issue 11): what image the user sets corners on,
// and saving them. Being written now by the pipeline engineer; the signatures are settled.
import type { Corners, Photo } from '../../lib/model/types';

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

/** Loads the image to adjust: the kept original, else the current image. */
export function openCorners(photo: Photo): Promise<CornerSource> {
  void photo;
  return Promise.reject(new Error('openCorners: not written yet'));
}

/**
 * Straightens the photo from `corners` on `source` (null: "No crop", the whole photo) and
 * stores the result; resolves once stored. Rejects with words for the user.
 */
export function saveCorners(
  photo: Photo,
  source: CornerSource,
  corners: Corners | null,
): Promise<void> {
  void photo;
  void source;
  void corners;
  return Promise.reject(new Error('saveCorners: not written yet'));
}
