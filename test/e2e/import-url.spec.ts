import { readFileSync } from 'node:fs';
import { test, expect, openApp, FIXTURES } from './fixtures';
import { ScheduleHost } from '../support/servers';

const RC3 = readFileSync(`${FIXTURES}frab-json_pretalx_rc3-channels-2020.json`);

interface FrabEvent {
  guid: string;
  title: string;
  date: string;
  start: string;
  room: string;
}
interface FrabJson {
  schedule: { conference: { days: { rooms: Record<string, FrabEvent[]> }[] } };
}

// The rC3 file gives UTC offsets but no zone name: times show in the phone's zone, here Berlin.
test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });

let host: ScheduleHost;
test.beforeEach(async () => {
  host = await new ScheduleHost().start();
});
test.afterEach(async () => {
  await host.stop();
});

async function importUrl(page: import('@playwright/test').Page, url: string) {
  await page.getByRole('button', { name: 'Import schedule' }).click();
  await page.getByRole('textbox', { name: 'Schedule URL' }).fill(url);
  await page.getByRole('button', { name: 'Import from URL' }).click();
}

test('import from a URL, star, search, then refresh with a changed schedule', async ({
  page,
  app,
}) => {
  host.files.set('/schedule.json', { body: RC3, type: 'application/json', etag: '"v1"' });
  await openApp(page, app);
  await importUrl(page, `${host.url}/schedule.json`);
  await expect(page.getByRole('heading', { level: 1, name: 'rC3 Channels' })).toBeVisible();
  await expect(page.getByText('48 talks')).toBeVisible();

  // Search as you type, then star two talks from the results.
  const search = page.getByRole('searchbox', { name: 'Search talks' });
  await search.fill('gluon');
  const moved = 'Der faule Admin automatisiert: Gluon auf echter Hardware testen';
  await expect(page.getByRole('link', { name: moved })).toBeVisible();
  await page
    .getByRole('listitem')
    .filter({ hasText: moved })
    .getByRole('button', { name: 'Star' })
    .click();
  const data = JSON.parse(RC3.toString('utf8')) as FrabJson;
  const rooms = data.schedule.conference.days.flatMap((d) => Object.values(d.rooms));
  const events = rooms.flat();
  const gone = events.find((e) => e.title !== moved && !/gluon/i.test(e.title))!;
  await search.fill(gone.title);
  await page
    .getByRole('listitem')
    .filter({ hasText: gone.title })
    .first()
    .getByRole('button', { name: 'Star' })
    .click();
  await expect(page.getByRole('button', { name: 'Star', pressed: true })).toHaveCount(1);
  await search.fill('');

  // The next version moves the first talk by an hour and drops the second.
  const ev = events.find((e) => e.title === moved)!;
  ev.date = ev.date.replace('T11:30', 'T12:30');
  ev.start = '12:30';
  for (const list of rooms) {
    const i = list.findIndex((e) => e.guid === gone.guid);
    if (i >= 0) list.splice(i, 1);
  }
  host.files.set('/schedule.json', {
    body: JSON.stringify(data),
    type: 'application/json',
    etag: '"v2"',
  });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByText('Schedule updated: 0 new, 1 removed, 47 kept.')).toBeVisible();
  expect(host.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');

  await page.getByRole('link', { name: 'My agenda' }).click();
  const movedRow = page.getByRole('listitem').filter({ hasText: moved });
  await expect(movedRow.getByRole('button', { name: 'Star', pressed: true })).toBeVisible();
  await expect(movedRow.locator('time')).toHaveText('12:30–13:10');
  const goneRow = page.getByRole('listitem').filter({ hasText: gone.title });
  await expect(goneRow.getByText('Removed from the schedule')).toBeVisible();

  // Nothing changed since: the server answers 304 and the app says so.
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByText('The schedule has not changed.')).toBeVisible();
  expect(host.requests.at(-1)?.headers['if-none-match']).toBe('"v2"');
});

const failures: [string, (h: ScheduleHost) => string, RegExp][] = [
  [
    'a server that does not allow CORS',
    (h) => (h.files.set('/x.json', { body: RC3, cors: false }), `${h.url}/x.json`),
    /CORS/,
  ],
  ['a missing file', (h) => `${h.url}/missing.json`, /not found \(404\)/],
  [
    'an HTML page',
    (h) => (
      h.files.set('/p', { body: '<!doctype html><html><body>Hi</body></html>', type: 'text/html' }),
      `${h.url}/p`
    ),
    /web page/,
  ],
  [
    'a server error',
    (h) => (h.files.set('/e', { body: 'oops', status: 500 }), `${h.url}/e`),
    /error 500/,
  ],
  ['a host that is down', () => 'http://127.0.0.1:9/schedule.json', /could not be reached/],
];

for (const [what, setUp, message] of failures) {
  test(`a URL import from ${what} says why and offers the file import`, async ({ page, app }) => {
    await openApp(page, app);
    await importUrl(page, setUp(host));
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.getByLabel('Schedule file')).toBeVisible();
    await page.goto(app.url);
    await expect(page.locator('main li.card')).toHaveCount(1);
  });
}
