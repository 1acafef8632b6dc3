import { describe, expect, it } from 'vitest';
import { DavError, accountUrl, parseMultistatus } from '../../../src/lib/sync/webdav';

// A listing as Nextcloud answers it: d: prefix, its own namespaces, encoded hrefs, a 404
// propstat for properties a folder does not have.
const NEXTCLOUD = `<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns">
 <d:response>
  <d:href>/remote.php/dav/files/alice/Conf%20notes/</d:href>
  <d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype><d:getetag>&quot;6565a1f2c0a1b&quot;</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
  <d:propstat><d:prop><d:getcontentlength/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
 </d:response>
 <d:response>
  <d:href>/remote.php/dav/files/alice/Conf%20notes/fosdem-2015/</d:href>
  <d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype><d:getetag>&quot;6565a1f2c0a1c&quot;</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
 </d:response>
 <d:response>
  <d:href>/remote.php/dav/files/alice/Conf%20notes/R%C3%A9sum%C3%A9.md</d:href>
  <d:propstat><d:prop><d:resourcetype/><d:getetag>&quot;abc&quot;</d:getetag><d:getcontentlength>1234</d:getcontentlength></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
 </d:response>
</d:multistatus>`;

// Apache mod_dav: D: prefix and lp1: for live properties.
const APACHE = `<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:" xmlns:ns0="DAV:">
<D:response xmlns:lp1="DAV:">
<D:href>/dav/a/images/</D:href>
<D:propstat><D:prop><lp1:resourcetype><D:collection/></lp1:resourcetype><lp1:getetag>""</lp1:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
</D:response>
<D:response xmlns:lp1="DAV:">
<D:href>/dav/a/images/0a.jpg</D:href>
<D:propstat><D:prop><lp1:resourcetype/><lp1:getcontentlength>2048</lp1:getcontentlength><lp1:getetag>"qvTGHdzF6KLavt4PO0gs2a6pQ00="</lp1:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
</D:response>
</D:multistatus>`;

describe('parseMultistatus', () => {
  it('reads a Nextcloud listing, paths decoded and relative to the account folder', () => {
    const base = new URL('https://cloud.example.org/remote.php/dav/files/alice/Conf%20notes/');
    expect(parseMultistatus(NEXTCLOUD, base)).toEqual([
      { path: '', name: '', folder: true, etag: '"6565a1f2c0a1b"', size: 0 },
      { path: 'fosdem-2015/', name: 'fosdem-2015', folder: true, etag: '"6565a1f2c0a1c"', size: 0 },
      { path: 'Résumé.md', name: 'Résumé.md', folder: false, etag: '"abc"', size: 1234 },
    ]);
  });

  it('reads an Apache mod_dav listing', () => {
    const entries = parseMultistatus(APACHE, new URL('http://127.0.0.1:8080/dav/'));
    expect(entries.map((e) => [e.path, e.folder, e.size])).toEqual([
      ['a/images/', true, 0],
      ['a/images/0a.jpg', false, 2048],
    ]);
    expect(entries[1]!.etag).toBe('"qvTGHdzF6KLavt4PO0gs2a6pQ00="');
  });

  it('refuses what is not a multistatus', () => {
    expect(() =>
      parseMultistatus('<html><body>Login</body></html>', new URL('https://x/')),
    ).toThrow();
  });
});

describe('accountUrl', () => {
  const code = (raw: string) => {
    try {
      accountUrl(raw);
      return 'ok';
    } catch (e) {
      return (e as DavError).code;
    }
  };

  it('adds the final slash and drops query and fragment', () => {
    expect(accountUrl(' https://cloud.example.org/dav/files/me/Confnotes?x=1#y ').href).toBe(
      'https://cloud.example.org/dav/files/me/Confnotes/',
    );
  });

  it('refuses plain http except to this machine, and passwords in the URL', () => {
    expect(code('http://cloud.example.org/dav/')).toBe('insecure');
    expect(code('http://localhost:8080/dav/')).toBe('ok');
    expect(code('http://127.0.0.1/dav/')).toBe('ok');
    expect(code('https://me:pw@cloud.example.org/dav/')).toBe('bad-url');
    expect(code('ftp://cloud.example.org/')).toBe('bad-url');
    expect(code('cloud.example.org')).toBe('bad-url');
  });
});
