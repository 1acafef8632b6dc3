// What sync tells the user, in English, with {placeholders}. The screens show these through
// their translation table (keyed by this English text), so the French interface gets French.
import { WordedError } from '../util/words';

export const SYNC_WORDS = {
  badUrl: 'That is not a web address. It should start with https://',
  badScheme: 'The WebDAV URL must start with https://',
  insecure:
    'Plain http:// would send your password to {host} unencrypted. Use the https:// address.',
  credentialsInUrl: 'Put the username and password in their own fields, not in the URL.',
  offline: 'You are offline. Your notes wait here and sync later.',
  unreachable: '{host} could not be reached. Check the address and your connection.',
  cors: '{host} answers, but does not let this app read its answers (CORS). The server must send Access-Control-Allow-Origin: {origin}, allow the methods GET, PUT, DELETE, PROPFIND and MKCOL and the headers Authorization, Content-Type, Depth, If-Match and If-None-Match, and expose ETag.',
  auth: 'The server did not accept the username or password. On Nextcloud, use an app password (Settings → Security).',
  forbidden: 'The server does not allow writing to {path}.',
  notFound: 'The folder {path} does not exist on the server.',
  accountFolderMissing: 'The folder {path} does not exist on {host}. Create it, or check the URL.',
  precondition: 'Another device changed this file at the same time.',
  full: 'The server is out of space (507). Free some space in your account; nothing here was lost.',
  notWebdav: '{host} does not speak WebDAV at this address.',
  server: 'The server had a problem (error {status}). Sync will try again.',
  http: 'The server answered with error {status}.',
  outside:
    'Confnotes refused to reach {path} on {host}: it is not inside the sync folder. Nothing was sent.',
  redirect:
    'The sync server {host} sent Confnotes elsewhere (a redirect); check the WebDAV URL. Nothing was sent there.',
  listingTooLarge:
    'The server’s listing of {path} is larger than {mb} MB; Confnotes did not read it.',
  unsafe:
    '{host} ignores If-Match on PUT, so two devices syncing at once could overwrite each other’s notes. Confnotes does not sync with this server; Nextcloud, ownCloud and Apache mod_dav are fine.',
  connected: 'Connected to {host}. The folder holds {n} folders.',
  connectedOne: 'Connected to {host}. The folder holds 1 folder.',
  stateUnreadable: 'The sync file {file} on the server is damaged (not readable JSON).',
  stateForeign: 'The sync file {file} on the server is not Confnotes’.',
  stateNewer:
    'The server holds notes synced by a newer version of Confnotes. Update the app, then sync again.',
  stateDamaged: 'The sync file {file} on the server is damaged.',
  stateStray: 'The sync file {file} holds a record it should not.',
  stateBadRecord:
    'The sync file {file} on the server holds a damaged record ({key}: "{field}"). Nothing was changed here.',
} as const;

export type SyncWords = (typeof SYNC_WORDS)[keyof typeof SYNC_WORDS];
export type SyncValues = Record<string, string | number>;

/** A sync failure the user is told about: `words` and `values` let the screens translate it. */
export class SyncError extends WordedError {
  declare readonly words: SyncWords;
  declare readonly values: SyncValues;
  constructor(words: SyncWords, values: SyncValues = {}) {
    super(words, values);
  }
}
