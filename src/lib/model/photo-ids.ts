// How photos are named and filed: the id is the SHA-256 of the original shot's bytes (known
// before any processing, identical on every device, so sync never sees two names for one
// shot), and a conference's Unsorted tray is a talk id of its own so it can be indexed.

const TRAY_PREFIX = 'unsorted:';

/** The conference's Unsorted tray, stored in `talkId`: IndexedDB cannot index null. */
export const unsortedTray = (conferenceId: string): string => TRAY_PREFIX + conferenceId;

export const isUnsortedTray = (talkId: string): boolean => talkId.startsWith(TRAY_PREFIX);

/** The conference a tray id belongs to. */
export const trayConference = (trayId: string): string => trayId.slice(TRAY_PREFIX.length);

/** SHA-256 of the bytes, lowercase hex. */
export async function sha256Hex(bytes: BufferSource): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

// Ids worked out where the bytes were made (the shutter's encoder hashes the JPEG it wrote,
// sparing the page a read of the Blob on the way to "Saved").
const known = new WeakMap<Blob, string>();

/** Records `id` as the content id of `blob`, computed by sha256Hex over its bytes. */
export function knownContentId(blob: Blob, id: string): void {
  known.set(blob, id);
}

/** SHA-256 of the bytes, lowercase hex: the photo id. */
export async function contentId(blob: Blob): Promise<string> {
  return known.get(blob) ?? sha256Hex(await blob.arrayBuffer());
}
