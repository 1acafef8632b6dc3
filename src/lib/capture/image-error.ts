// Why an image could not be turned into a stored photo, in words for the person holding the
// phone. Shared by the image worker, its owner and the fallback path. A failed photo keeps the
// English message in the database; the screens translate it when they show it.
import { WordedError } from '../util/words';

export type ImageErrorCode =
  'not-image' | 'corrupt' | 'too-large' | 'unsupported' | 'aborted' | 'failed';

export const IMAGE_MESSAGES: Record<ImageErrorCode, string> = {
  'not-image': 'This file is not a photo, so it was not added.',
  corrupt:
    'This photo is damaged or incomplete (perhaps cut short while copying), so it could not be read.',
  'too-large': 'This photo is too large for this device to open (over 100 megapixels).',
  unsupported:
    'This browser cannot read this kind of photo (HEIC or AVIF). Share it as JPEG, or set the camera to "Most Compatible".',
  aborted: 'Processing this photo was cancelled.',
  failed: 'This photo could not be processed. Its original is kept: try again, or delete it.',
};

export class ImageError extends WordedError {
  override readonly name = 'ImageError';
  constructor(
    readonly code: ImageErrorCode,
    message = IMAGE_MESSAGES[code],
  ) {
    super(message);
  }
}

/** Any thrown value as an ImageError, so every failure reaches the user in plain words. */
export function toImageError(err: unknown): ImageError {
  if (err instanceof ImageError) return err;
  if (err instanceof DOMException && err.name === 'AbortError') return new ImageError('aborted');
  return new ImageError('failed');
}
