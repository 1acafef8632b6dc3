// Downloads a schedule from a URL with conditional requests, and turns every way that can go
// wrong into one plain-language reason the user can act on (most often: import the file).
import { readUpTo } from '../util/capped-read';
import { CodedError } from '../util/words';
import { MAX_SCHEDULE_BYTES, ScheduleError } from './types';
import { FETCH_WORDS as W, SCHEDULE_WORDS, type FetchWords } from './words';

export type FetchErrorCode = 'offline' | 'cors' | 'unreachable' | 'http' | 'too-large' | 'bad-url';

export class ScheduleFetchError extends CodedError<FetchErrorCode, FetchWords> {
  override readonly name = 'ScheduleFetchError';
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchResult =
  { status: 'not-modified' } | ({ status: 'ok'; bytes: Uint8Array; fileName: string } & Validators);

export function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ScheduleFetchError('bad-url', W.badUrl);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ScheduleFetchError('bad-url', W.badScheme);
  }
  return url;
}

async function explainNetworkFailure(url: URL, online: boolean): Promise<ScheduleFetchError> {
  if (!online) {
    return new ScheduleFetchError('offline', W.offline);
  }
  // A failed CORS request and an unreachable host look the same to fetch(). An opaque
  // no-cors request tells them apart: it succeeds when the server answers at all.
  try {
    await fetch(url, { mode: 'no-cors', cache: 'no-store' });
    return new ScheduleFetchError('cors', W.cors, { host: url.host });
  } catch {
    return new ScheduleFetchError('unreachable', W.unreachable, { host: url.host });
  }
}

async function readCapped(res: Response): Promise<Uint8Array> {
  const bytes = await readUpTo(res, MAX_SCHEDULE_BYTES);
  if (!bytes) throw tooLarge();
  return bytes;
}

/** The user stopped the download: the words the parser uses when it is stopped. */
function cancelled() {
  return new ScheduleError('cancelled', SCHEDULE_WORDS.cancelled);
}

function tooLarge() {
  return new ScheduleFetchError('too-large', W.tooLarge);
}

export async function fetchSchedule(
  raw: string,
  validators: Validators = {},
  online = true,
  signal?: AbortSignal,
): Promise<FetchResult> {
  const url = checkUrl(raw);
  const headers: Record<string, string> = {};
  if (validators.etag) headers['If-None-Match'] = validators.etag;
  if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  let res: Response;
  try {
    // no-cache: revalidate with the server rather than trust the HTTP cache or service worker.
    res = await fetch(url, { headers, cache: 'no-cache', credentials: 'omit', signal });
  } catch {
    if (signal?.aborted) throw cancelled();
    throw await explainNetworkFailure(url, online);
  }
  if (res.status === 304) return { status: 'not-modified' };
  if (!res.ok) {
    const values = { host: url.host, status: res.status };
    throw new ScheduleFetchError('http', res.status === 404 ? W.notFound : W.http, values);
  }
  const bytes = await readCapped(res).catch((err: unknown) => {
    throw signal?.aborted ? cancelled() : err;
  });
  const fileName = decodeURIComponent(url.pathname.split('/').pop() || url.host);
  const etag = res.headers.get('etag');
  const lastModified = res.headers.get('last-modified');
  return {
    status: 'ok',
    bytes,
    fileName,
    ...(etag && { etag }),
    ...(lastModified && { lastModified }),
  };
}
