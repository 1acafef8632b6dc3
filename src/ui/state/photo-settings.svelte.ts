// The photo settings (size of the stored photo, finding the slide, keeping originals), read by
// the capture pipeline at each shot and edited in Settings.
import { DEFAULT_LONG_SIDE, type LongSide } from '../../lib/capture/sizing';
import { settings } from './repos';

export interface PhotoValues {
  longSide: LongSide;
  findSlides: boolean;
  keepOriginals: boolean;
}

/** Each setting's row in the settings table. */
const KEYS: Record<keyof PhotoValues, string> = {
  longSide: 'photoLongSide',
  findSlides: 'findSlides',
  keepOriginals: 'keepOriginals',
};

class PhotoSettings {
  longSide = $state<LongSide>(DEFAULT_LONG_SIDE);
  findSlides = $state(true);
  keepOriginals = $state(false);
  /** How often each setting was changed here: a read begun before a change must not undo it. */
  #changes: Record<keyof PhotoValues, number> = { longSide: 0, findSlides: 0, keepOriginals: 0 };

  /** Reads the stored settings (another tab may have changed them), keeping any change made meanwhile. */
  async load(): Promise<void> {
    const before = { ...this.#changes };
    // Asked together, so a write issued before this read is seen by all three.
    const [longSide, findSlides, keepOriginals] = await Promise.all([
      settings.get<LongSide>(KEYS.longSide, DEFAULT_LONG_SIDE),
      settings.get(KEYS.findSlides, true),
      settings.get(KEYS.keepOriginals, false),
    ]);
    if (before.longSide === this.#changes.longSide) this.longSide = longSide;
    if (before.findSlides === this.#changes.findSlides) this.findSlides = findSlides;
    if (before.keepOriginals === this.#changes.keepOriginals) this.keepOriginals = keepOriginals;
  }

  /** The user's choice: in force for the next shot at once, and stored. */
  change<K extends keyof PhotoValues>(key: K, value: PhotoValues[K]): Promise<void> {
    this.#changes[key]++;
    (this as PhotoValues)[key] = value;
    return settings.set(KEYS[key], value);
  }
}

export const photoSettings = new PhotoSettings();
