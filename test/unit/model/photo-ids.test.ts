import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentId, knownContentId, sha256Hex } from '../../../src/lib/model/photo-ids';

const nodeSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('photo ids', () => {
  it('is the SHA-256 of the bytes, whether hashed from a Blob or from the bytes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        const id = nodeSha256(bytes);
        expect(await contentId(new Blob([bytes]))).toBe(id);
        expect(await sha256Hex(bytes)).toBe(id);
      }),
    );
  });

  it('takes the id the shutter worked out for its own Blob, and for that Blob only', async () => {
    const bytes = new TextEncoder().encode('a JPEG, as far as this test goes');
    const shot = new Blob([bytes], { type: 'image/jpeg' });
    knownContentId(shot, await sha256Hex(bytes));
    expect(await contentId(shot)).toBe(nodeSha256(bytes));
    // The registry answers for that object: another Blob with other bytes is hashed.
    const other = new Blob(['other bytes']);
    expect(await contentId(other)).toBe(nodeSha256(new TextEncoder().encode('other bytes')));
  });
});
