// What every screen knows of sync without loading it: whether an account is set up on this
// device (a flag in localStorage) and what the header shows. sync.svelte.ts keeps it up to date.
export const SYNC_FLAG = 'confnotes.sync';

/** What the header shows of sync, from any screen. */
export const syncStatus = $state({ running: false, error: '' });
