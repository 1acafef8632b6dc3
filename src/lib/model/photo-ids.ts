// How photos are named and filed: the id is the SHA-256 of the original shot's bytes (known
// before any processing, identical on every device, so sync never sees two names for one
// shot), and a conference's Unsorted tray is a talk id of its own so it can be indexed.

const TRAY_PREFIX = 'unsorted:';

/** The conference's Unsorted tray, stored in `talkId`: IndexedDB cannot index null. */
export const unsortedTray = (conferenceId: string): string => TRAY_PREFIX + conferenceId;

export const isUnsortedTray = (talkId: string): boolean => talkId.startsWith(TRAY_PREFIX);

/** The conference a tray id belongs to. */
export const trayConference = (trayId: string): string => trayId.slice(TRAY_PREFIX.length);

/** SHA-256 of the bytes, lowercase hex: the photo id. */
export async function contentId(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
