// Sync in the built app, against a real Apache httpd with mod_dav on another origin (CORS set up
// as a browser-facing Nextcloud must be), with two browser profiles as two devices.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { AppServer } from '../support/servers';
import { sniffImage } from '../../src/lib/capture/sniff';
import type { Photo } from '../../src/lib/model/types';
import { CHROME_ARGS, chromePath } from '../support/browser';
import { CAMERA_ARGS } from '../support/fake-camera';
import { startDav, type DavServer } from '../support/dav-server';
import { startFaultProxy } from '../support/fault-proxy';
import {
  test,
  expect,
  openApp,
  importFile,
  shownWidth,
  storedRows,
  waitForOffline,
  FIXTURES,
} from './fixtures';

test.use({
  launchOptions: { executablePath: chromePath(), args: [...CHROME_ARGS, ...CAMERA_ARGS] },
});

const RC3 = `${FIXTURES}frab-json_pretalx_rc3-channels-2020.json`;
const TALK = 'Der faule Admin automatisiert: Gluon auf echter Hardware testen';

async function setUpAccount(page: Page, url: string, user: string, password: string) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'WebDAV URL' }).fill(url);
  await page.getByRole('textbox', { name: 'Username' }).fill(user);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Save account' }).click();
}

async function syncNow(page: Page) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText(/^Synced \d+ conferences?:/)).toBeVisible();
  await expect(page.getByText('Nothing waiting.')).toBeVisible();
}

async function openTalk(page: Page) {
  await page.getByRole('link', { name: 'Confnotes' }).click();
  await page.getByRole('link', { name: 'rC3 Channels' }).click();
  await page.getByRole('searchbox', { name: 'Search talks' }).fill(TALK);
  await page.getByRole('link', { name: TALK, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: TALK })).toBeVisible();
}

/** The rC3 schedule imported, a note typed on the talk, and the account set up and synced. */
async function syncedNote(page: Page, app: AppServer, server: DavServer, text: string) {
  await openApp(page, app);
  await importFile(page, app, RC3);
  await expect(page.getByRole('heading', { level: 1, name: 'rC3 Channels' })).toBeVisible();
  await openTalk(page);
  await page.getByRole('textbox', { name: 'Notes' }).fill(text);
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveAccessibleDescription('Saved');
  await setUpAccount(page, server.url, server.user, server.password);
  await expect(page.getByText(/^Synced 1 conference:/)).toBeVisible();
}

let dav: DavServer | undefined;
test.afterEach(async () => {
  await dav?.stop();
  dav = undefined;
});

test('two devices share a conference through WebDAV, and an offline clash keeps both versions', async ({
  page,
  app,
  browser,
}) => {
  // Two devices, a photo to straighten and eleven syncs: two minutes were not always enough
  // beside the other specs on two cores (26 s alone).
  test.setTimeout(180_000);
  dav = await startDav({ origin: app.url.replace(/\/$/, '') });
  const account = `${dav.url}`;

  // The phone: a schedule, a slide and a note, then the account.
  await openApp(page, app);
  await waitForOffline(page);
  await importFile(page, app, RC3);
  await expect(page.getByRole('heading', { level: 1, name: 'rC3 Channels' })).toBeVisible();
  await openTalk(page);
  await page.getByRole('button', { name: 'Open camera' }).click();
  await expect(page.getByRole('button', { name: 'Take photo' })).toBeEnabled();
  await page.waitForFunction(() => (document.querySelector('video')?.videoWidth ?? 0) > 0);
  await page.getByRole('button', { name: 'Take photo' }).click();
  await expect(page.getByText('1 saved')).toBeVisible();
  await page.getByRole('link', { name: 'Done' }).click();
  await expect(page.getByRole('img', { name: 'Slide 1', exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: 'Notes' }).fill('- Gluon on real hardware');
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveAccessibleDescription('Saved');
  // The slide is read before the first sync, which then carries its words to the laptop.
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText('1 photo read.')).toBeVisible({ timeout: 60_000 });

  await setUpAccount(page, account, dav.user, dav.password);
  await expect(page.getByText(/^Connected to 127\.0\.0\.1/)).toBeVisible();
  await expect(page.getByText(/^Synced 1 conference: 1 photo sent/)).toBeVisible();
  await expect(page.getByText('Nothing waiting.')).toBeVisible();

  // The server holds the readable write-up and the image, named by its content hash.
  const folder = readdirSync(dav.root).find((f) => f.startsWith('rc3'))!;
  const images = readdirSync(join(dav.root, folder, 'images'));
  expect(images).toHaveLength(1);
  expect(images[0]).toMatch(/^[0-9a-f]{64}\.jpg$/);
  const adoc = readFileSync(join(dav.root, folder, `${folder}.adoc`), 'utf8');
  expect(adoc).toContain(`== ${TALK}`);
  // Its alt text is empty, or the slide's words once the phone has read them.
  expect(adoc).toMatch(new RegExp(`image:${images[0]}\\[(\\]|")`));
  expect(adoc).toContain('* Gluon on real hardware');

  // The laptop: a second profile on the same app, with the same account.
  const laptopContext = await browser.newContext();
  const laptop = await laptopContext.newPage();
  await openApp(laptop, app);
  // The app's server stops below: the laptop's screens (Settings is loaded on first use) must
  // be cached by then. Without this wait, a loaded run once stopped the server before the
  // laptop's service worker held Settings, and "Sync now" never came.
  await waitForOffline(laptop);
  await setUpAccount(laptop, account, dav.user, dav.password);
  await expect(laptop.getByText(/^Synced 1 conference:/)).toBeVisible();
  await openTalk(laptop);
  await expect(laptop.getByRole('img', { name: 'Slide 1', exact: true })).toBeVisible();
  await expect(laptop.getByRole('textbox', { name: 'Notes' })).toHaveValue(
    '- Gluon on real hardware',
  );

  // The camera saw a keystoned slide: the laptop gets the phone's straightened image, corners
  // and all, with nothing to work out again.
  const [shot] = await storedRows<Photo>(page, 'photos');
  expect(shot?.corners).toBeDefined();
  const [received] = await storedRows<Photo>(laptop, 'photos');
  expect(received).toMatchObject({
    corners: shot!.corners,
    cropBy: 'finder',
    width: shot!.width,
    height: shot!.height,
    // What the phone read, so the laptop need not read it again.
    text: shot!.text,
    hash: shot!.hash,
  });
  expect(shot?.text).toBeDefined();
  const onServer = sniffImage(readFileSync(join(dav.root, folder, 'images', images[0]!)));
  expect([onServer?.width, onServer?.height]).toEqual([shot!.width, shot!.height]);

  // The image came without a thumbnail; the laptop makes one, so lists stop loading it whole.
  await expect
    .poll(async () => {
      await laptop.reload();
      await openTalk(laptop);
      return shownWidth(laptop.getByRole('img', { name: 'Slide 1', exact: true }));
    })
    .toBe(320);

  // Both change the note with the app's server gone; the WebDAV server is still there.
  await app.stop();
  await page.reload();
  await openTalk(page);
  await page.getByRole('textbox', { name: 'Notes' }).fill('- Gluon on real hardware\n- phone');
  await laptop.getByRole('textbox', { name: 'Notes' }).fill('- Gluon on real hardware\n- laptop');
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveAccessibleDescription('Saved');
  await expect(laptop.getByRole('textbox', { name: 'Notes' })).toHaveAccessibleDescription('Saved');
  await syncNow(page);
  await syncNow(laptop);
  await syncNow(page);

  for (const device of [page, laptop]) {
    await openTalk(device);
    const clash = device.getByRole('region', { name: 'Edited on two devices' });
    await expect(clash.getByRole('group', { name: 'Version 1' })).toContainText('- phone');
    await expect(clash.getByRole('group', { name: 'Version 2' })).toContainText('- laptop');
  }
  await laptop
    .getByRole('region', { name: 'Edited on two devices' })
    .getByRole('button', { name: 'Keep version 2' })
    .click();
  await expect(laptop.getByRole('region', { name: 'Edited on two devices' })).toHaveCount(0);
  await expect(laptop.getByRole('textbox', { name: 'Notes' })).toHaveValue(
    '- Gluon on real hardware\n- laptop',
  );
  await syncNow(laptop);
  await syncNow(page);
  await openTalk(page);
  await expect(page.getByRole('region', { name: 'Edited on two devices' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue(
    '- Gluon on real hardware\n- laptop',
  );

  // Opening the app syncs by itself: the laptop's opinion reaches the phone on a reload.
  await openTalk(laptop);
  await laptop.getByRole('textbox', { name: 'Opinion' }).fill('Worth the trip');
  await expect(laptop.getByRole('textbox', { name: 'Opinion' })).toHaveAccessibleDescription(
    'Saved',
  );
  await syncNow(laptop);
  await page.reload();
  await openTalk(page);
  await expect(page.getByRole('textbox', { name: 'Opinion' })).toHaveValue('Worth the trip');
  await laptopContext.close();
});

test('an emptied server folder deletes nothing here: the app asks, then sends its copy again', async ({
  page,
  app,
}) => {
  dav = await startDav({ origin: app.url.replace(/\/$/, '') });
  await syncedNote(page, app, dav, '- still here after the server lost it');

  rmSync(join(dav.root, 'rc3-channels'), { recursive: true });
  await page.getByRole('button', { name: 'Sync now' }).click();
  const ask = page.getByRole('alert').filter({ hasText: 'is no longer on the server' });
  await expect(ask).toContainText('Nothing on this device was deleted.');
  await openTalk(page);
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue(
    '- still here after the server lost it',
  );

  await page.getByRole('link', { name: 'Settings' }).click();
  await ask.getByRole('button', { name: 'Upload this copy again' }).click();
  await expect(page.getByText(/^Synced 1 conference:/)).toBeVisible();
  await expect(ask).toHaveCount(0);
  expect(readFileSync(join(dav.root, 'rc3-channels', 'rc3-channels.md'), 'utf8')).toContain(
    'still here after the server lost it',
  );
});

test('a conference deleted here stays on the server, and can be downloaded again', async ({
  page,
  app,
}) => {
  dav = await startDav({ origin: app.url.replace(/\/$/, '') });
  await syncedNote(page, app, dav, '- kept on the server');

  await page.getByRole('link', { name: 'Confnotes' }).click();
  await page.getByRole('link', { name: 'rC3 Channels' }).click();
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Delete conference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your conferences' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'rC3 Channels' })).toHaveCount(0);
  await syncNow(page);
  expect(readFileSync(join(dav.root, 'rc3-channels', 'rc3-channels.md'), 'utf8')).toContain(
    'kept on the server',
  );
  await expect(
    page.getByText('“rc3-channels” is on the server, not on this device.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Download it' }).click();
  await expect(page.getByText(/^Synced 1 conference:/)).toBeVisible();
  await openTalk(page);
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue('- kept on the server');
});

test('Test connection says what is wrong, in plain words', async ({ page, app }) => {
  dav = await startDav({ origin: app.url.replace(/\/$/, '') });
  const other = await startDav({ origin: 'http://127.0.0.1:1' });
  try {
    await openApp(page, app);
    await page.getByRole('link', { name: 'Settings' }).click();
    const check = async (url: string, password: string, message: RegExp) => {
      await page.getByRole('textbox', { name: 'WebDAV URL' }).fill(url);
      await page.getByRole('textbox', { name: 'Username' }).fill(dav!.user);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(page.getByRole('alert')).toHaveText(message);
    };
    await check(dav.url, 'wrong', /did not accept the username or password/);
    await check(`${dav.url}missing/`, dav.password, /does not exist/);
    await check(other.url, other.password, /does not let this app read its answers \(CORS\)/);
    await check('http://127.0.0.1:9/dav/', dav.password, /could not be reached/);
    await check(
      'http://example.org/dav/',
      dav.password,
      /Plain http:\/\/ would send your password/,
    );
    await page.getByRole('textbox', { name: 'WebDAV URL' }).fill(dav.url);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Connected to' })).toBeVisible();
    // The same verdicts in French.
    await page.getByLabel('Language', { exact: true }).selectOption('fr');
    await page.getByLabel('Mot de passe', { exact: true }).fill('wrong');
    await page.getByRole('button', { name: 'Tester la connexion' }).click();
    await expect(page.getByRole('alert')).toHaveText(/n’a pas accepté le nom d’utilisateur/);
  } finally {
    await other.stop();
  }
});

test('a full server (507) is told in plain words, and the next sync sends everything', async ({
  page,
  app,
}) => {
  dav = await startDav({ origin: app.url.replace(/\/$/, '') });
  const proxy = await startFaultProxy(dav.url, { origin: app.url.replace(/\/$/, '') });
  try {
    await openApp(page, app);
    await importFile(page, app, RC3);
    await expect(page.getByRole('heading', { level: 1, name: 'rC3 Channels' })).toBeVisible();
    await openTalk(page);
    await page.getByRole('textbox', { name: 'Notes' }).fill('- written before the server filled');
    await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveAccessibleDescription('Saved');
    proxy.fail({ method: 'PUT', path: /\.confnotes\/schedule\.json/, fault: { status: 507 } });
    await setUpAccount(page, proxy.url, dav.user, dav.password);
    await expect(page.getByRole('alert').filter({ hasText: 'out of space' })).toBeVisible();
    await expect(page.getByText(/changes? waiting/)).toBeVisible();
    // Every screen's header points at the problem.
    await page.getByRole('link', { name: 'Confnotes' }).click();
    await page.getByRole('link', { name: 'Sync problem' }).click();
    await syncNow(page);
    await expect(page.getByRole('link', { name: 'Sync problem' })).toHaveCount(0);
    expect(readdirSync(dav.root)).toEqual(['rc3-channels']);
    expect(readFileSync(join(dav.root, 'rc3-channels', 'rc3-channels.md'), 'utf8')).toContain(
      'written before the server filled',
    );
    expect(proxy.requests.every((r) => !r.path.includes(dav!.password))).toBe(true);

    // With the app open, a change goes out by itself a few seconds after the last keystroke.
    await openTalk(page);
    await page.getByRole('textbox', { name: 'Opinion' }).fill('Sent without asking');
    await expect
      .poll(() => readFileSync(join(dav!.root, 'rc3-channels', 'rc3-channels.md'), 'utf8'), {
        timeout: 30_000,
      })
      .toContain('Sent without asking');
  } finally {
    await proxy.stop();
  }
});

test('Background Sync: the service worker syncs on its own with the app closed', async ({
  page,
  app,
  context,
}) => {
  dav = await startDav({ origin: app.url.replace(/\/$/, '') });
  await openApp(page, app);
  await waitForOffline(page);
  await importFile(page, app, RC3);
  await expect(page.getByRole('heading', { level: 1, name: 'rC3 Channels' })).toBeVisible();
  await setUpAccount(page, dav.url, dav.user, dav.password);
  await expect(page.getByText(/^Synced 1 conference:/)).toBeVisible();
  await openTalk(page);
  await page.getByRole('textbox', { name: 'Notes' }).fill('- typed, then the app was closed');
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveAccessibleDescription('Saved');

  const cdp = await context.newCDPSession(page);
  const registration = new Promise<string>((resolve) =>
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL === app.url && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    }),
  );
  await cdp.send('ServiceWorker.enable');
  const registrationId = await registration;
  // No window of the app is left: only the worker can do it.
  await page.goto('about:blank');
  const md = join(dav.root, 'rc3-channels', 'rc3-channels.md');
  expect(readFileSync(md, 'utf8')).not.toContain('typed, then the app was closed');
  await cdp.send('ServiceWorker.dispatchSyncEvent', {
    origin: app.url.replace(/\/$/, ''),
    registrationId,
    tag: 'confnotes-sync',
    lastChance: false,
  });
  await expect
    .poll(() => readFileSync(md, 'utf8'), { timeout: 20_000 })
    .toContain('typed, then the app was closed');
});
