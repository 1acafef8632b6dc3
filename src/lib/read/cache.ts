// Where the page keeps the files slide reading needs once "Read slide text" is on, and the
// path the build serves them under (vite.config.ts); the service worker answers from it.
export const READ_CACHE = 'confnotes-read';
export const READ_PATH = '/read/';
