// The one error the WebDAV client throws: a code the engine decides on (account-wide, worth a
// Background Sync) and plain words with their values for the user.
import { SyncError, type SyncValues, type SyncWords } from './words';

export type DavErrorCode =
  | 'bad-url'
  | 'insecure'
  | 'offline'
  | 'unreachable'
  | 'cors'
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'not-webdav'
  | 'precondition'
  | 'full'
  | 'server'
  | 'http'
  | 'outside'
  | 'redirect'
  | 'listing'
  | 'unsafe';

export class DavError extends SyncError {
  override readonly name = 'DavError';
  constructor(
    readonly code: DavErrorCode,
    words: SyncWords,
    values: SyncValues = {},
    readonly status = 0,
  ) {
    super(words, values);
  }
}

/** Failures that may pass by themselves (network, server trouble): worth a Background Sync. */
export function passing(err: DavError): boolean {
  return err.code === 'offline' || err.code === 'unreachable' || err.code === 'server';
}
