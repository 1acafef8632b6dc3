// What the screens read of photos: a talk's photos and the conference's unsent count, live,
// their thumbnails, and why a photo failed, in words. Also the page's one photo repository,
// which the state classes share (capture, archive, photo actions); components may not import it.
import type { Photo } from '../../lib/model/types';
import { IMAGE_MESSAGES, type ImageErrorCode } from '../../lib/capture/image-error';
import { explain } from './i18n.svelte';
import { Live } from './live.svelte';
import { appDb } from '../../lib/db/db';
import { PhotoRepo } from '../../lib/db/photo-repo';

export const photoRepo = new PhotoRepo(appDb());

class PhotosState {
  /** The photos of a talk or an Unsorted tray, in their order. */
  ofTalk(talkId: string): Live<Photo[]> {
    return new Live(() => photoRepo.watchTalkPhotos(talkId));
  }

  /** How many photos of the conference never went out in a zip or to the server. */
  unexported(conferenceId: string): Live<number> {
    return new Live(() => photoRepo.watchUnexported(conferenceId));
  }

  /** Originals kept only so that the finder's crops can be changed (see Settings). */
  heldOriginals(): Promise<{ count: number; bytes: number }> {
    return photoRepo.heldOriginals();
  }

  dropHeldOriginals(): Promise<void> {
    return photoRepo.dropHeldOriginals();
  }

  thumb(photoId: string): Promise<Blob | undefined> {
    return photoRepo.thumb(photoId);
  }

  /**
   * Why processing failed: the photo holds the image error's code, or, stored before codes,
   * the English sentence itself; both are shown in the interface's language.
   */
  problem(photo: Photo): string {
    const error = photo.error ?? '';
    const coded = Object.hasOwn(IMAGE_MESSAGES, error);
    return explain(coded ? IMAGE_MESSAGES[error as ImageErrorCode] : error);
  }
}

export const photos = new PhotosState();
