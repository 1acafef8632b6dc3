// The sync against a second WebDAV implementation, Debian's nginx with dav-ext. nginx ignores
// If-Match and If-None-Match on PUT, which the three-way merge relies on: these tests document
// that, and that the app notices before writing any state and says so instead of losing edits.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConferenceRepo } from '../../src/lib/db/conference-repo';
import { createDb } from '../../src/lib/db/db';
import { NotesRepo } from '../../src/lib/db/notes-repo';
import { SyncRepo } from '../../src/lib/db/sync-repo';
import { SyncEngine } from '../../src/lib/sync/engine';
import type { DavError } from '../../src/lib/sync/webdav';
import type { DavServer } from '../support/dav-server';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { startNginxDav } from '../support/nginx-dav';
import { parsed } from '../unit/schedule/fixtures';

let dav: DavServer;
let proxy: FaultProxy;

beforeAll(async () => {
  dav = await startNginxDav();
  proxy = await startFaultProxy(dav.url);
}, 60_000);

afterAll(async () => {
  await proxy?.stop();
  await dav?.stop();
});

describe('sync against nginx dav-ext', () => {
  it('is a server that ignores conditional writes and lists no ETags', async () => {
    expect((await dav.request('MKCOL', 'probe/')).status).toBe(201);
    expect((await dav.request('PUT', 'probe/a.json', 'one')).status).toBe(201);
    // Both must be 412 on a server keeping to HTTP; nginx writes anyway.
    const created = await dav.request('PUT', 'probe/a.json', 'two', { 'If-None-Match': '*' });
    expect(created.status).toBe(204);
    const stale = await dav.request('PUT', 'probe/a.json', 'three', { 'If-Match': '"old"' });
    expect(stale.status).toBe(204);
    expect(await (await dav.request('GET', 'probe/a.json')).text()).toBe('three');
    const listing = await dav.request('PROPFIND', 'probe/', undefined, { Depth: '1' });
    expect(await listing.text()).not.toContain('getetag');
  });

  it('stops before writing any state, says why, and keeps every note and its outbox row', async () => {
    expect((await dav.request('MKCOL', 'account/')).status).toBe(201);
    const db = createDb('sync-nginx-phone');
    const conferenceId = await new ConferenceRepo(db).create(
      parsed('rc3'),
      { kind: 'file', fileName: 'rc3.json', format: 'frab-json', fetchedAt: 0 },
      { deviceTimeZone: 'UTC' },
    );
    const talk = (await db.talks.where({ conferenceId }).first())!;
    const id = (await new NotesRepo(db).saveEntry(conferenceId, talk.id, undefined, 'mine'))!;
    const account = { url: `${proxy.url}account/`, username: dav.user, password: dav.password };
    const logged = (await dav.accessLog()).length;
    const report = await new SyncEngine(new SyncRepo(db), account, { lang: 'en' }).run();

    expect((report.error as DavError | undefined)?.code).toBe('unsafe');
    expect(report.error?.message).toBe(
      `${new URL(proxy.url).host} ignores If-Match on PUT, so two devices syncing at once could ` +
        'overwrite each other’s notes. Confnotes does not sync with this server; Nextcloud, ' +
        'ownCloud and Apache mod_dav are fine.',
    );
    expect((await db.entries.get(id))?.text).toBe('mine');
    expect(await db.outbox.get(`entries/${id}`)).toBeTruthy();
    // Only the empty folders were made; the probe file is gone again.
    const slug = readdirSync(join(dav.root, 'account'))[0]!;
    expect(readdirSync(join(dav.root, 'account', slug)).sort()).toEqual(['.confnotes', 'images']);
    expect(readdirSync(join(dav.root, 'account', slug, '.confnotes'))).toEqual([]);
    expect(existsSync(join(dav.root, 'account', slug, '.confnotes-probe'))).toBe(false);

    // Every request stayed inside the account folder, in nginx's own log and at the proxy.
    const synced = (await dav.accessLog()).slice(logged);
    expect(synced.length).toBeGreaterThan(0);
    for (const line of [...synced, ...proxy.requests.map((r) => `${r.method} ${r.path}`)]) {
      expect(line).toMatch(/^[A-Z]+ \/dav\/account\//);
      expect(line).not.toMatch(/\/\.\.?\/|%2e/i);
    }
  });
});
