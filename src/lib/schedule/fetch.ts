// Downloads a schedule from a URL with conditional requests, and turns every way that can go
// wrong into one plain-language reason the user can act on (most often: import the file).
import { MAX_SCHEDULE_BYTES, TOO_LARGE_MESSAGE } from './types';

export type FetchErrorCode = 'offline' | 'cors' | 'unreachable' | 'http' | 'too-large' | 'bad-url';

export class ScheduleFetchError extends Error {
  readonly code: FetchErrorCode;
  constructor(code: FetchErrorCode, message: string) {
    super(message);
    this.name = 'ScheduleFetchError';
    this.code = code;
  }
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
    throw new ScheduleFetchError(
      'bad-url',
      'That is not a web address. It should start with https://',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ScheduleFetchError('bad-url', 'Only http:// and https:// addresses can be fetched.');
  }
  return url;
}

async function explainNetworkFailure(url: URL, online: boolean): Promise<ScheduleFetchError> {
  if (!online) {
    return new ScheduleFetchError(
      'offline',
      'You are offline. Connect to the internet, or import the schedule from a file.',
    );
  }
  // A failed CORS request and an unreachable host look the same to fetch(). An opaque
  // no-cors request tells them apart: it succeeds when the server answers at all.
  try {
    await fetch(url, { mode: 'no-cors', cache: 'no-store' });
    return new ScheduleFetchError(
      'cors',
      `${url.host} does not let other sites read this file (no CORS header). Download it in your browser and import the file instead.`,
    );
  } catch {
    return new ScheduleFetchError(
      'unreachable',
      `${url.host} could not be reached. Check the address, or import the schedule from a file.`,
    );
  }
}

async function readCapped(res: Response): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_SCHEDULE_BYTES) throw tooLarge();
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_SCHEDULE_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function tooLarge() {
  return new ScheduleFetchError('too-large', TOO_LARGE_MESSAGE);
}

export async function fetchSchedule(
  raw: string,
  validators: Validators = {},
  online = true,
): Promise<FetchResult> {
  const url = checkUrl(raw);
  const headers: Record<string, string> = {};
  if (validators.etag) headers['If-None-Match'] = validators.etag;
  if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  let res: Response;
  try {
    // no-cache: revalidate with the server rather than trust the HTTP cache or service worker.
    res = await fetch(url, { headers, cache: 'no-cache', credentials: 'omit' });
  } catch {
    throw await explainNetworkFailure(url, online);
  }
  if (res.status === 304) return { status: 'not-modified' };
  if (!res.ok) {
    const what = res.status === 404 ? 'was not found (404)' : `answered with error ${res.status}`;
    throw new ScheduleFetchError(
      'http',
      `The schedule at ${url.host} ${what}. Check the address, or import the file.`,
    );
  }
  const bytes = await readCapped(res);
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
