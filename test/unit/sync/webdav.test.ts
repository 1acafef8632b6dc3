import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DavClient,
  DavError,
  MAX_LISTING_BYTES,
  accountUrl,
  parseMultistatus,
} from '../../../src/lib/sync/webdav';
import { PathsBelow, urlBelow } from '../../../src/lib/sync/dav-paths';
import { SyncError } from '../../../src/lib/sync/words';

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

  // Whatever prefixes, spacing, comments and propstat order a server writes, each entry comes
  // back as listed: name, kind, ETag and size, with the not-found propstat ignored.
  it('reads back any listing written out (property)', () => {
    const base = new URL('https://cloud.example.org/dav/me/Conf%20notes/');
    const entry = fc.record({
      name: fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
        // No slash, backslash or control character: a listing never names such a file.
        .filter((n) =>
          [...n].every((ch) => ch > '\u001f' && ch !== '\u007f' && !'/\\'.includes(ch)),
        )
        .map((n) => `n${n}`),
      folder: fc.boolean(),
      etag: fc.option(
        fc.string({ minLength: 1, maxLength: 10 }).map((e) => `"${e.trim() || 'e'}"`),
        {
          nil: undefined,
        },
      ),
      size: fc.nat(),
      missingFirst: fc.boolean(),
    });
    const style = fc.record({
      dav: fc.constantFrom('D:', 'd:', ''),
      live: fc.constantFrom('lp1:', 'D:', ''),
      gap: fc.constantFrom('', '\n', '\n  ', '<!-- x -->'),
      absolute: fc.boolean(),
    });
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    fc.assert(
      fc.property(
        fc.uniqueArray(entry, { selector: (e) => e.name, maxLength: 8 }),
        style,
        (list, st) => {
          const { dav: d, live: l, gap: g } = st;
          const el = (p: string, n: string, inner: string) =>
            inner === '' ? `<${p}${n}/>` : `<${p}${n}>${inner}</${p}${n}>`;
          const ns = (p: string) => (p ? `xmlns:${p.slice(0, -1)}="DAV:"` : 'xmlns="DAV:"');
          const responses = list.map((e) => {
            const href = `${st.absolute ? base.origin : ''}${base.pathname}${encodeURIComponent(e.name)}${e.folder ? '/' : ''}`;
            const props = [
              el(l, 'resourcetype', e.folder ? el(d, 'collection', '') : ''),
              e.etag === undefined ? '' : el(l, 'getetag', esc(e.etag)),
              e.folder ? '' : el(l, 'getcontentlength', String(e.size)),
            ].join(g);
            const found = el(
              d,
              'propstat',
              `${el(d, 'prop', props)}${g}${el(d, 'status', 'HTTP/1.1 200 OK')}`,
            );
            const missing = el(
              d,
              'propstat',
              `${el(d, 'prop', el(l, 'getcontentlanguage', ''))}${el(d, 'status', 'HTTP/1.1 404 Not Found')}`,
            );
            const stats = e.missingFirst ? [missing, found] : [found, missing];
            return el(d, 'response', [el(d, 'href', href), ...stats].join(g));
          });
          const body = `<?xml version="1.0" encoding="utf-8"?>${g}<${d}multistatus ${ns(d)} ${l && l !== d ? ns(l) : ''}>${g}${responses.join(g)}${g}</${d}multistatus>`;
          expect(parseMultistatus(body, base)).toEqual(
            list.map((e) => ({
              path: `${e.name}${e.folder ? '/' : ''}`,
              name: e.name,
              folder: e.folder,
              etag: e.etag,
              size: e.folder ? 0 : e.size,
            })),
          );
        },
      ),
    );
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

const ACCOUNT = 'https://cloud.example.org/remote.php/dav/files/alice/Confnotes/';

/** A client whose fetch records each request and answers with `answer`. */
function recording(answer: (url: string, init?: RequestInit) => Response = () => new Response()) {
  const seen: string[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    seen.push(url);
    return Promise.resolve(answer(url, init));
  };
  const client = new DavClient({ url: ACCOUNT, username: 'a', password: 'p' }, { fetch });
  return { client, seen };
}

const inside = (url: string) => {
  const u = new URL(url);
  return (
    u.origin === 'https://cloud.example.org' && u.pathname.startsWith(new URL(ACCOUNT).pathname)
  );
};

describe('DavClient keeps every request inside the account folder', () => {
  const refused = (path: string) => {
    const { client } = recording();
    try {
      client.url(path);
      return false;
    } catch (e) {
      expect(e).toBeInstanceOf(SyncError);
      expect((e as DavError).code).toBe('outside');
      return true;
    }
  };

  it.each([
    '../../../Photos/IMG_0001.jpg',
    'conf/images/../../../Photos/IMG_0001.jpg',
    'conf/images/%2e%2e/%2E%2E/x.jpg',
    'conf/images/.%2e/x.jpg',
    'conf/images/%252e%252e/x.jpg',
    'conf/./images/x.jpg',
    'conf//images/x.jpg',
    '/etc/passwd',
    'conf\\..\\..\\x.jpg',
    'conf/images/..\\x.jpg',
    'conf/images/%2fetc/x',
    'conf/ ../x',
    '..',
    'conf/\u0000/x',
    'conf/\ud800.jpg',
  ])('refuses %j with a plain SyncError', (path) => {
    expect(refused(path)).toBe(true);
  });

  it.each(['', 'conf/', 'conf/images/0a.jpg', 'Résumé.md', 'a b/c?d#e.md', 'conf/.confnotes/'])(
    'takes %j, inside the folder',
    (path) => {
      const { client } = recording();
      expect(inside(client.url(path).href)).toBe(true);
    },
  );

  it('never sends a request outside the folder, whatever the path (property)', async () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '.',
        '..',
        '%2e',
        '%2E',
        '%2e%2e',
        '%252e',
        '/',
        '\\',
        '%2f',
        '%5c',
        '?',
        '#',
      ),
      fc.constantFrom('%', '%%', 'é', '\u2024', '\uff0e', '\ud800', '\u0000', ' ', ':', '@', '//h'),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    const path = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(path, async (p) => {
        const { client, seen } = recording(() => new Response(null, { status: 404 }));
        try {
          await client.get(p);
        } catch (e) {
          // Refused: in plain words, and nothing was sent.
          expect(e).toBeInstanceOf(SyncError);
          expect(seen).toEqual([]);
          return;
        }
        expect(seen).toHaveLength(1);
        expect(inside(seen[0]!)).toBe(true);
        if (p !== '') expect(seen[0]).not.toBe(ACCOUNT);
      }),
      { numRuns: 3000 },
    );
  });

  it('addresses each path as urlBelow does, its folder checked once (property)', () => {
    const base = new URL(ACCOUNT);
    const paths = new PathsBelow(base);
    // The address, or the code of the refusal.
    const answer = (address: () => string) => {
      try {
        return address();
      } catch (e) {
        return (e as DavError).code;
      }
    };
    const segment = fc.oneof(
      fc.constantFrom('images', 'conf', '.confnotes', '..', '.', '%2e%2e', '', 'a b', 'é'),
      fc.string({ unit: 'grapheme', maxLength: 5 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    // Few folders, many names: the same folders come back, as a sync's images do.
    const folder = fc.constantFrom('conf/images/', 'conf/', 'a/../', 'conf//', 'x/%2e/');
    const path = fc.oneof(
      fc.tuple(folder, segment).map(([f, s]) => f + s),
      fc.array(segment, { maxLength: 4 }).map((parts) => parts.join('/')),
    );
    fc.assert(
      fc.property(path, (p) => {
        expect(answer(() => paths.href(p))).toBe(answer(() => urlBelow(base, p).href));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('DavClient refuses redirects', () => {
  it.each([301, 302, 303, 307, 308])(
    'stops on a %i, naming the server, without following',
    async (status) => {
      let init: RequestInit | undefined;
      const { client, seen } = recording((_, i) => {
        init = i;
        return new Response(null, { status, headers: { Location: 'https://elsewhere.example/x' } });
      });
      const err = await client.put('conf/.confnotes/notes.json', '{"secret":1}').catch((e) => e);
      expect(init?.redirect).toBe('manual');
      expect(err).toBeInstanceOf(DavError);
      expect((err as DavError).code).toBe('redirect');
      expect((err as DavError).message).toBe(
        'The sync server cloud.example.org sent Confnotes elsewhere (a redirect); check the WebDAV URL. Nothing was sent there.',
      );
      expect(seen).toHaveLength(1);
    },
  );

  it('stops on the opaque redirect a browser gives', async () => {
    const opaque = { type: 'opaqueredirect', status: 0, ok: false, body: null } as Response;
    const { client } = recording(() => opaque);
    const err = await client.list('conf/').catch((e) => e);
    expect((err as DavError).code).toBe('redirect');
  });
});

describe('listings from a hostile or broken server', () => {
  const base = new URL('https://cloud.example.org/dav/me/');
  const listing = (...hrefs: string[]) =>
    `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:">${hrefs
      .map(
        (h) =>
          `<d:response><d:href>${h}</d:href><d:propstat><d:prop><d:resourcetype/><d:getetag>"1"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`,
      )
      .join('')}</d:multistatus>`;

  it('skips an entry it cannot read, and reads the others', () => {
    const body = listing(
      '/dav/me/ok.md',
      '/dav/me/bad%E0%A4%A.md',
      'https://evil.example/dav/me/x.md',
      '//evil.example/dav/me/y.md',
      '/dav/other/z.md',
      '/dav/me/%2e%2e/%2e%2e/w.md',
      '/dav/me/a%2Fb.md',
      '/dav/me/a%5Cb.md',
      'http://[bad/',
      '/dav/me/also-ok/',
    );
    expect(parseMultistatus(body, base).map((e) => e.path)).toEqual(['ok.md', 'also-ok/']);
  });

  it('skips entries shaped wrong instead of throwing', () => {
    const body = `<d:multistatus xmlns:d="DAV:"><d:response/><d:response><d:href>/dav/me/a</d:href><d:propstat>x</d:propstat></d:response><d:response><d:href><x>1</x></d:href></d:response></d:multistatus>`;
    expect(parseMultistatus(body, base).map((e) => e.path)).toEqual(['a']);
  });

  const answered = (body: string | ReadableStream, headers: Record<string, string> = {}) =>
    recording(() => new Response(body, { status: 207, headers })).client;

  it('asks for names alone when told, and reads entries that carry nothing else', async () => {
    const bodies: string[] = [];
    const { client } = recording((_, init) => {
      bodies.push(String(init?.body));
      const href = (name: string, type = '') =>
        `<d:response><d:href>/remote.php/dav/files/alice/Confnotes/c/images/${name}</d:href><d:propstat><d:prop><d:resourcetype>${type}</d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`;
      return new Response(
        `<d:multistatus xmlns:d="DAV:">${href('', '<d:collection/>')}${href('a.jpg')}</d:multistatus>`,
        { status: 207 },
      );
    });
    const names = await client.list('c/images/', 1, { names: true });
    expect(names?.map((e) => [e.name, e.folder, e.etag, e.size])).toEqual([
      ['images', true, undefined, 0],
      ['a.jpg', false, undefined, 0],
    ]);
    expect(bodies[0]).not.toContain('getetag');
    await client.list('c/images/', 1);
    expect(bodies[1]).toContain('getetag');
  });

  it('says in plain words that a non-XML or HTML answer is not WebDAV', async () => {
    for (const body of ['not xml at all <<<', '<html><body>Login</body></html>', '']) {
      const err = await answered(body)
        .list('')
        .catch((e) => e);
      expect(err).toBeInstanceOf(DavError);
      expect((err as DavError).code).toBe('not-webdav');
    }
  });

  it('refuses a huge listing without reading it all', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(1 << 20).fill(32);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk);
      },
    });
    const err = await answered(endless)
      .list('')
      .catch((e) => e);
    expect((err as DavError).code).toBe('listing');
    expect((err as DavError).message).toContain('larger than 16 MB');
    expect(pulled).toBeLessThan(MAX_LISTING_BYTES / chunk.length + 4);
    const declared = await answered('<x/>', { 'Content-Length': String(MAX_LISTING_BYTES + 1) })
      .list('')
      .catch((e) => e);
    expect((declared as DavError).code).toBe('listing');
  });
});

describe('DavClient.getFrom', () => {
  const file = new TextEncoder().encode('{"records":{},"writeId":"0f3c"}');
  /** A server holding `file`, which serves ranges unless told not to. */
  const server = (ranges: boolean) => {
    let range: string | null = null;
    const { client } = recording((_, init) => {
      range = new Headers(init?.headers).get('Range');
      const from = Number(/^bytes=(\d+)-$/.exec(range ?? '')?.[1] ?? 0);
      const etag = { ETag: '"v1"' };
      if (!ranges) return new Response(file, { status: 200, headers: etag });
      if (from >= file.length) return new Response(null, { status: 416 });
      return new Response(file.slice(from), { status: 206, headers: etag });
    });
    return { client, range: () => range };
  };

  it('asks for the bytes from an offset to the end, in the form no CORS allowance needs', async () => {
    const { client, range } = server(true);
    const got = await client.getFrom('conf/.confnotes/notes.json', file.length - 8);
    expect(range()).toBe(`bytes=${file.length - 8}-`);
    expect(got).toEqual({ bytes: file.slice(-8), whole: false, etag: '"v1"' });
  });

  it('gives the whole file from a server that ignores ranges', async () => {
    const got = await server(false).client.getFrom('conf/.confnotes/notes.json', 10);
    expect(got).toEqual({ bytes: file, whole: true, etag: '"v1"' });
  });

  it('gives nothing for a file shorter than the offset', async () => {
    expect(await server(true).client.getFrom('conf/.confnotes/notes.json', 999)).toBeNull();
  });
});
