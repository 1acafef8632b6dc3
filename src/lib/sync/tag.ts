/** The Background Sync tag, and the message the service worker sends windows to sync. */
export const SYNC_TAG = 'confnotes-sync';
