// The photo settings hold what the user chose, whatever a read of the stored values was doing
// at the time (a CI run once lost "Keep originals" checked just before the camera opened).
import { expect, test } from 'vitest';
import { photoSettings } from '../../../src/ui/state/photo-settings.svelte';
import { settings } from '../../../src/ui/state/repos';

test('a change made while the stored settings are read is not undone by the read', async () => {
  await settings.set('photoLongSide', 1280);
  const reading = photoSettings.load();
  const stored = photoSettings.change('keepOriginals', true);
  await Promise.all([reading, stored]);
  expect(photoSettings.keepOriginals).toBe(true);
  // The settings not changed meanwhile are the stored ones.
  expect(photoSettings.longSide).toBe(1280);
  await photoSettings.load();
  expect(photoSettings.keepOriginals).toBe(true);
});

test('a read begun right after a change sees it, as the camera page does on opening', async () => {
  void photoSettings.change('findSlides', false);
  void photoSettings.change('longSide', 'original');
  await photoSettings.load();
  expect(photoSettings.findSlides).toBe(false);
  expect(await settings.get('findSlides', true)).toBe(false);
  expect(await settings.get('photoLongSide', 0)).toBe('original');
});
