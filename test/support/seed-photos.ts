// A conference full of photos for benches and tests that need volume, written without the UI.

/**
 * Writes a conference, "Bench Conference", with `photos` ready photos of `size` random bytes
 * straight into the app's IndexedDB, each record with its sync outbox row as the app's own
 * writes leave one (db/outbox.ts): without it, photos added after the first sync would send
 * their images but never their records. With `crc`, each image's row keeps the CRC-32 of its
 * bytes, as the image worker leaves one; without, the row is as one stored before it was kept.
 * Runs in the page (page.evaluate); reload it to see them.
 */
export function seedPhotos({
  photos,
  size,
  crc = false,
}: {
  photos: number;
  size: number;
  crc?: boolean;
}): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('confnotes');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(
        ['conferences', 'talks', 'photos', 'photoBlobs', 'outbox'],
        'readwrite',
      );
      const now = Date.now();
      // The conference and its talk are written once: a later call adds photos only, as
      // taking photos does (a sync of new photos alone does not rewrite the schedule).
      const known = tx.objectStore('conferences').get('bench-conf');
      known.onsuccess = () => {
        if (known.result) return;
        tx.objectStore('conferences').put({
          id: 'bench-conf',
          title: 'Bench Conference',
          timeZone: 'UTC',
          timeZoneSource: 'user',
          source: { kind: 'file', fileName: 'bench.json', format: 'frab-json', fetchedAt: now },
          demo: false,
          warnings: [],
          createdAt: now,
          updatedAt: now,
        });
        tx.objectStore('talks').put({
          id: 'bench-talk',
          conferenceId: 'bench-conf',
          sourceKey: 'bench',
          order: 0,
          title: 'Bench talk',
          utcFromFile: false,
          speakers: [],
          links: [],
          removedFromSchedule: false,
        });
        // Each record's outbox row, written inline: a named helper here would be wrapped by tsx
        // in a function the page does not have.
        for (const key of ['conferences/bench-conf', 'talks/bench-talk'])
          tx.objectStore('outbox').put({
            id: key,
            conferenceId: 'bench-conf',
            rev: `${now}`,
            at: now,
          });
      };
      // The zip polynomial's table, a byte a step: written out here for the page, as above.
      const table = Array.from({ length: 256 }, (_, n) => {
        let c = n;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        return c;
      });
      for (let i = 0; i < photos; i++) {
        const bytes = new Uint8Array(size);
        for (let j = 0; j < size; j += 65536) crypto.getRandomValues(bytes.subarray(j, j + 65536));
        const id = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) =>
          b.toString(16).padStart(2, '0'),
        ).join('');
        const blob = new Blob([bytes], { type: 'image/jpeg' });
        tx.objectStore('photos').put({
          id,
          conferenceId: 'bench-conf',
          talkId: 'bench-talk',
          position: i,
          caption: '',
          takenAt: now + i,
          width: 1920,
          height: 1080,
          size,
          type: 'image/jpeg',
          status: 'ready',
          createdAt: now + i,
          // Read already, as a conference's photos are long before its export or first sync:
          // the reading queue has nothing to do beside what is measured.
          text: { words: '', lang: 'en' },
        });
        tx.objectStore('outbox').put({
          id: `photos/${id}`,
          conferenceId: 'bench-conf',
          rev: `${now.toString(36)}${i}`,
          at: now,
        });
        const row: Record<string, unknown> = { id, blob, type: 'image/jpeg', name: `${id}.jpg` };
        if (crc) {
          let c = -1;
          for (const byte of bytes) c = (c >>> 8) ^ table[(c ^ byte) & 0xff]!;
          row.crc = ~c >>> 0;
        }
        tx.objectStore('photoBlobs').put(row);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    };
  });
}
