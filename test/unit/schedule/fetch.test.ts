import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScheduleHost } from '../../support/servers';
import { fetchSchedule } from '../../../src/lib/schedule/fetch';
import { fixtureBytes } from './fixtures';

// A real HTTP server on loopback: the same one the browser tests use.
const host = new ScheduleHost();
beforeAll(async () => {
  await host.start();
  host.files.set('/s.json', {
    body: Buffer.from(fixtureBytes('rc3')),
    etag: '"e1"',
    lastModified: 'Tue, 01 Dec 2020 10:00:00 GMT',
  });
  host.files.set('/big', { body: Buffer.alloc(21 * 1024 * 1024) });
  host.files.set('/down', { body: 'x', status: 503 });
});
afterAll(() => host.stop());

describe('fetchSchedule', () => {
  it('returns the bytes, file name and validators', async () => {
    const res = await fetchSchedule(`${host.url}/s.json`);
    expect(res).toMatchObject({
      status: 'ok',
      fileName: 's.json',
      etag: '"e1"',
      lastModified: 'Tue, 01 Dec 2020 10:00:00 GMT',
    });
    expect(res.status === 'ok' && res.bytes.byteLength).toBe(fixtureBytes('rc3').byteLength);
  });

  it('sends the validators back and reports "not modified"', async () => {
    const res = await fetchSchedule(`${host.url}/s.json`, { etag: '"e1"', lastModified: 'x' });
    expect(res).toEqual({ status: 'not-modified' });
    expect(host.requests.at(-1)?.headers).toMatchObject({
      'if-none-match': '"e1"',
      'if-modified-since': 'x',
    });
  });

  it.each([
    ['not a URL', 'schedule.json', 'bad-url', /not a web address/],
    ['another scheme', 'ftp://example.org/s.json', 'bad-url', /Only http/],
    ['a missing file', '/nope', 'http', /not found \(404\)/],
    ['a server error', '/down', 'http', /error 503/],
    ['a file over 20 MB', '/big', 'too-large', /too large/],
  ])('%s', async (_case, path, code, message) => {
    const url = path.startsWith('/') ? host.url + path : path;
    await expect(fetchSchedule(url)).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
  });

  it('says "offline" when the device is offline', async () => {
    await expect(fetchSchedule('http://127.0.0.1:9/x', {}, false)).rejects.toMatchObject({
      code: 'offline',
    });
  });

  it('says "could not be reached" when no server answers', async () => {
    await expect(fetchSchedule('http://127.0.0.1:9/x')).rejects.toMatchObject({
      code: 'unreachable',
    });
  });

  it('stops when cancelled, with the words of a cancelled import', async () => {
    const before = new AbortController();
    before.abort();
    await expect(
      fetchSchedule(`${host.url}/s.json`, {}, true, before.signal),
    ).rejects.toMatchObject({ code: 'cancelled' });
    // Cancelled while the body arrives: the 21 MB file is read in chunks.
    const during = new AbortController();
    const reading = fetchSchedule(`${host.url}/big`, {}, true, during.signal);
    during.abort();
    await expect(reading).rejects.toMatchObject({ code: 'cancelled' });
  });
});
