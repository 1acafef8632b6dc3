// Checks the WebDAV test server and the fault proxy against what the sync code relies on.
// Needs Apache (not part of the unit suite): npx tsx test/support/dav-selftest.ts
import { startDav } from './dav-server';
import { startFaultProxy } from './fault-proxy';

const ORIGIN = 'http://127.0.0.1:5555';
let failures = 0;

function check(ok: boolean, what: string, detail = ''): void {
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` (${detail})` : ''}`);
}

const t0 = performance.now();
const dav = await startDav({ origin: ORIGIN });
const startMs = performance.now() - t0;
console.log(`startDav: ${startMs.toFixed(0)} ms, ${dav.url}`);
const proxy = await startFaultProxy(dav.url, { origin: ORIGIN });

const auth = `Basic ${Buffer.from(`${dav.user}:${dav.password}`).toString('base64')}`;
function dav_(path: string, init: RequestInit = {}, base = dav.url): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('Authorization')) headers.set('Authorization', auth);
  return fetch(new URL(path, base), { ...init, headers });
}
async function etagOf(path: string): Promise<string> {
  const res = await dav_(path, { method: 'HEAD' });
  return res.headers.get('ETag') ?? '';
}

try {
  const anon = await fetch(dav.url);
  check(anon.status === 401, 'no credentials: 401', String(anon.status));
  check(
    anon.headers.get('Access-Control-Allow-Origin') === ORIGIN,
    '401 carries CORS headers',
    String(anon.headers.get('Access-Control-Allow-Origin')),
  );
  check(
    (anon.headers.get('WWW-Authenticate') ?? '').startsWith('Basic'),
    '401 asks for Basic auth',
  );

  const pre = await fetch(new URL('notes/a.txt', dav.url), {
    method: 'OPTIONS',
    headers: {
      Origin: ORIGIN,
      'Access-Control-Request-Method': 'PUT',
      'Access-Control-Request-Headers': 'authorization,content-type,if-match',
    },
  });
  const h = (n: string) => pre.headers.get(n) ?? '';
  check(pre.status === 200 || pre.status === 204, 'preflight without credentials', `${pre.status}`);
  check(h('Access-Control-Allow-Origin') === ORIGIN, 'preflight Allow-Origin');
  check(h('Access-Control-Allow-Credentials') === 'true', 'preflight Allow-Credentials');
  check(/\bPUT\b/.test(h('Access-Control-Allow-Methods')), 'preflight allows PUT');
  check(/\bPROPFIND\b/.test(h('Access-Control-Allow-Methods')), 'preflight allows PROPFIND');
  check(
    /\bAuthorization\b/.test(h('Access-Control-Allow-Headers')),
    'preflight allows Authorization',
  );
  check(/\bIf-Match\b/.test(h('Access-Control-Allow-Headers')), 'preflight allows If-Match');
  check(h('Access-Control-Max-Age') === '600', 'preflight Max-Age');

  const mk = await dav_('notes/', { method: 'MKCOL' });
  check(mk.status === 201, 'MKCOL creates a folder', String(mk.status));

  const put1 = await dav_('notes/a.txt', { method: 'PUT', body: 'hello' });
  check(put1.status === 201, 'PUT new file: 201', String(put1.status));
  check(
    /\bETag\b/i.test(put1.headers.get('Access-Control-Expose-Headers') ?? ''),
    'PUT answer exposes ETag',
  );
  const putEtag = put1.headers.get('ETag');
  console.log(`     (PUT answer ETag: ${putEtag ?? 'none, mod_dav does not send one'})`);
  const e1 = await etagOf('notes/a.txt');
  check(/^"[^"]+"$/.test(e1), 'HEAD gives a strong ETag', e1);

  const inm = await dav_('notes/a.txt', {
    method: 'PUT',
    body: 'other',
    headers: { 'If-None-Match': '*' },
  });
  check(inm.status === 412, 'PUT If-None-Match: * on existing: 412', String(inm.status));
  check(inm.headers.get('Access-Control-Allow-Origin') === ORIGIN, '412 carries CORS headers');

  const fresh = await dav_('notes/b.txt', {
    method: 'PUT',
    body: 'b',
    headers: { 'If-None-Match': '*' },
  });
  check(fresh.status === 201, 'PUT If-None-Match: * on missing: 201', String(fresh.status));

  const wrong = await dav_('notes/a.txt', {
    method: 'PUT',
    body: 'other',
    headers: { 'If-Match': '"nope"' },
  });
  check(wrong.status === 412, 'PUT with a stale If-Match: 412', String(wrong.status));

  // Same size, right after the first write: the ETag must still change and still be usable.
  const right = await dav_('notes/a.txt', {
    method: 'PUT',
    body: 'world',
    headers: { 'If-Match': e1 },
  });
  check(
    right.status === 204 || right.status === 200,
    'PUT with current If-Match',
    `${right.status}`,
  );
  const e2 = await etagOf('notes/a.txt');
  check(e2 !== e1 && e2 !== '', 'same-size overwrite changes the ETag', `${e1} -> ${e2}`);
  const again = await dav_('notes/a.txt', {
    method: 'PUT',
    body: 'again',
    headers: { 'If-Match': e2 },
  });
  check(again.status === 204, 'If-Match within a second of the last write', `${again.status}`);
  const e3 = await etagOf('notes/a.txt');

  const list = await dav_('notes/', { method: 'PROPFIND', headers: { Depth: '1' } });
  const xml = await list.text();
  check(list.status === 207, 'PROPFIND Depth 1: 207', String(list.status));
  check(xml.includes(`getetag>${e3}<`), 'PROPFIND getetag equals the HEAD ETag');
  check(xml.includes('/dav/notes/b.txt'), 'PROPFIND lists the folder');

  const get = await dav_('notes/a.txt');
  check((await get.text()) === 'again', 'GET returns the bytes');
  check(get.headers.get('ETag') === e3, 'GET ETag equals PROPFIND getetag');

  // Through the proxy.
  const viaProxy = await dav_('notes/a.txt', {}, proxy.url);
  check(viaProxy.status === 200 && (await viaProxy.text()) === 'again', 'proxy forwards GET');
  const anonProxy = await fetch(proxy.url);
  check(anonProxy.status === 401, 'proxy forwards 401', String(anonProxy.status));

  proxy.fail({ method: 'PUT', fault: { status: 507 } });
  const full = await dav_('notes/a.txt', { method: 'PUT', body: 'full' }, proxy.url);
  check(full.status === 507, 'proxy injects 507', String(full.status));
  check(full.headers.get('Access-Control-Allow-Origin') === ORIGIN, 'injected 507 has CORS');

  proxy.fail({ method: 'PUT', path: /a\.txt$/, fault: { drop: 'mid-upload' } });
  const big = Buffer.alloc(4 << 20, 'x');
  const dropped = await dav_('notes/a.txt', { method: 'PUT', body: big }, proxy.url).then(
    (r) => `status ${r.status}`,
    (e: Error) => `rejected: ${e.message}`,
  );
  check(dropped.startsWith('rejected'), 'mid-upload drop fails the fetch', dropped);

  proxy.fail({ fault: { drop: 'before' } });
  const before = await dav_('notes/a.txt', {}, proxy.url).then(
    (r) => `status ${r.status}`,
    (e: Error) => `rejected: ${e.message}`,
  );
  check(before.startsWith('rejected'), 'drop before answer fails the fetch', before);

  check((await etagOf('notes/a.txt')) === e3, 'failed uploads left the file alone');
  const passed = await dav_(
    'notes/a.txt',
    { method: 'PUT', body: 'after', headers: { 'If-Match': e3 } },
    proxy.url,
  );
  check(passed.status === 204, 'next PUT passes the proxy', String(passed.status));

  const move = await dav_(
    'notes/b.txt',
    { method: 'MOVE', headers: { Destination: new URL('notes/c.txt', proxy.url).href } },
    proxy.url,
  );
  check(move.status === 201, 'MOVE through the proxy', String(move.status));

  const log = proxy.requests.map(
    (r) => `${r.method} ${r.path} ${r.status} ${r.bytesIn}/${r.bytesOut}`,
  );
  console.log(`     proxy log:\n       ${log.join('\n       ')}`);
  const put = proxy.requests.find((r) => r.method === 'PUT' && r.status === 204);
  check(!!put && put.bytesIn > 5 && put.bytesOut > 0, 'proxy counts bytes');
  check(proxy.requests.filter((r) => r.status === 0).length === 2, 'drops logged with status 0');
} catch (err) {
  failures++;
  console.error(err);
} finally {
  await proxy.stop();
  const t1 = performance.now();
  await dav.stop();
  console.log(`stop: ${(performance.now() - t1).toFixed(0)} ms`);
}

console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);
