// Which image files a merge leaves unnamed, and the photo and crop an image file's name gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageTag } from '../../../src/lib/capture/recrop';
import type { Photo } from '../../../src/lib/model/types';
import { imageFile, imageRef, replacedImages } from '../../../src/lib/sync/revive';
import { emptyState, recordKey, type SyncRecord } from '../../../src/lib/sync/state';
import { records } from '../export/records';

const { file: _file, ...base } = records.photos[0]!;
const id = (n: number) => n.toString(16).padStart(64, '0');
const photo = (n: number, over: Partial<Photo> = {}): Photo => ({ ...base, id: id(n), ...over });
const held = (...photos: Photo[]): Record<string, SyncRecord> =>
  Object.fromEntries(photos.map((p) => [recordKey('photos', p.id), p as SyncRecord]));
const server = (...photos: Photo[]) => ({
  ...emptyState('f0f0f0f0-1111-2222-3333-444455556666', base.conferenceId, 'notes'),
  records: held(...photos),
});

describe('replacedImages', () => {
  it('names the file each photo showed before the merge gave it another image', () => {
    const before = server(photo(1), photo(2, { imageTag: 'aaaa0001' }), photo(3), photo(4));
    const after = held(
      photo(1, { imageTag: 'bbbb0001' }), // cropped
      photo(2), // brought back whole
      photo(3, { caption: 'only the caption changed' }),
      photo(4, { type: 'image/png' }), // another file for the same photo
      photo(5, { imageTag: 'cccc0001' }), // new here
    );
    expect(replacedImages(before, after).sort()).toEqual(
      [`${id(1)}.jpg`, `${id(2)}-aaaa0001.jpg`, `${id(4)}.jpg`].sort(),
    );
  });

  it('leaves deletions to the tombstones, and photos that were already deleted alone', () => {
    const before = server(photo(1), photo(2, { deletedAt: 5 }));
    const after = held(photo(2, { deletedAt: 5, imageTag: 'aaaa0001' }));
    expect(replacedImages(before, after)).toEqual([]);
  });
});

describe('imageRef', () => {
  it('gives back the photo and crop of any name imageFile makes', () => {
    const corners = fc.record({
      x: fc.double({ min: 0, max: 1, noNaN: true }),
      y: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-f]{64}$/),
        fc.option(
          fc.record({
            topLeft: corners,
            topRight: corners,
            bottomRight: corners,
            bottomLeft: corners,
          }),
          { nil: undefined },
        ),
        fc.constantFrom('image/jpeg', 'image/png', 'image/webp'),
        fc.boolean(),
        (photoId, crop, type, tagged) => {
          const tag = tagged ? imageTag(crop) : undefined;
          const name = imageFile({ id: photoId, type, ...(tag && { imageTag: tag }) });
          expect(imageRef(name)).toEqual({ id: photoId, imageTag: tag });
        },
      ),
    );
  });
});
