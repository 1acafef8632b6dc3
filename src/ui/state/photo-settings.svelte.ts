// The photo settings (size of the stored photo, finding the slide, keeping originals), read by
// the capture pipeline at each shot and edited in Settings.
import { DEFAULT_LONG_SIDE, type LongSide } from '../../lib/capture/sizing';
import { settings } from './repos';

class PhotoSettings {
  longSide = $state<LongSide>(DEFAULT_LONG_SIDE);
  findSlides = $state(true);
  keepOriginals = $state(false);

  async load(): Promise<void> {
    this.longSide = await settings.get<LongSide>('photoLongSide', DEFAULT_LONG_SIDE);
    this.findSlides = await settings.get('findSlides', true);
    this.keepOriginals = await settings.get('keepOriginals', false);
  }

  async save(): Promise<void> {
    await settings.set('photoLongSide', this.longSide);
    await settings.set('findSlides', this.findSlides);
    await settings.set('keepOriginals', this.keepOriginals);
  }
}

export const photoSettings = new PhotoSettings();
