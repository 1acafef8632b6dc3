import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, openApp, importFile, waitForOffline, FIXTURES } from './fixtures';

// The phone is in London for these tests; each file states its zone differently (or not at all).
test.use({ timezoneId: 'Europe/London', locale: 'en-GB' });

const CASES = [
  // file, conference title, talks, a talk, its room, its time as shown, a speaker
  [
    'pentabarf-xml_fosdem2015.xml',
    'FOSDEM 2015',
    551,
    'Identity Crisis: Are we who we say we are?',
    'Janson',
    '10:00–10:50',
    'Karen Sandler',
  ],
  [
    'frab-xml_wafer_debconf23_utc-dates_ist.xml',
    'DebConf 23',
    117,
    'Opening Ceremony',
    'Anamudi',
    '10:30–10:50',
    'Sruthi Chandran',
  ],
  [
    'frab-json_pretalx_rc3-channels-2020.json',
    'rC3 Channels',
    48,
    'Der faule Admin automatisiert: Gluon auf echter Hardware testen',
    'r3s - Monheim/Rhein',
    '10:30–11:10',
    'Chris Fiege',
  ],
  [
    'ics_pyconuk2015_utc_missing-dtend.ics',
    'PyCon UK 2015 Schedule',
    158,
    'Python powered Nukes',
    'Osper Room (CC1.4)',
    '10:30–11:00',
    'Dan Milburn',
  ],
  [
    'sessionize-all_orlandocodecamp2020_bom.json',
    'sessionize all orlandocodecamp2020 bom',
    99,
    'Build intelligent Apps',
    'Room 4',
    '09:00–09:45',
    'Yhorby Matias',
  ],
] as const;

for (const [file, title, count, talk, room, time, speaker] of CASES) {
  test(`imports ${file} from a file`, async ({ page, app }) => {
    await openApp(page, app);
    await importFile(page, app, FIXTURES + file);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(`${count} talks`)).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search talks' }).fill(talk);
    const row = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: talk, exact: true }) });
    await expect(row.locator('time')).toHaveText(time);
    await expect(row).toContainText(room);
    await row.getByRole('link', { name: talk, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: talk })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: speaker }).first()).toBeVisible();
    await expect(page.getByText(`Room: ${room}`)).toBeVisible();
  });
}

test('a file without a time zone: the user sets it and Now & Next follows the conference clock', async ({
  page,
  app,
}) => {
  // Saturday 31 January 2015, 10:30 in Brussels (09:30 UTC).
  await page.clock.setFixedTime(new Date('2015-01-31T09:30:00Z'));
  await openApp(page, app);
  await importFile(page, app, `${FIXTURES}pentabarf-xml_fosdem2015.xml`);
  await expect(
    page.getByText('This schedule does not say which time zone it is in.'),
  ).toBeVisible();
  await page.getByLabel('Conference time zone').selectOption('Europe/Brussels');
  await expect(page.getByText('Time zone: Europe/Brussels (set by you)')).toBeVisible();
  await expect(page.getByRole('note')).toContainText('your phone is set to Europe/London');

  await page.getByRole('link', { name: 'Now & Next' }).click();
  const now = page.locator('h2:text-is("Now") + ul');
  await expect(
    now.getByRole('link', { name: 'Identity Crisis: Are we who we say we are?' }),
  ).toBeVisible();
  await expect(now.getByRole('link', { name: 'Welcome to FOSDEM 2015' })).toHaveCount(0);
  const next = page.locator('h2:text-is("Next") + ul');
  await expect(next.locator('time').first()).toHaveText('10:35–10:55');
});

test('bad files get a clear message and change nothing stored', async ({ page, app }) => {
  const dir = tmpdir();
  const fosdem = readFileSync(`${FIXTURES}pentabarf-xml_fosdem2015.xml`);
  const files: [string, Buffer, RegExp][] = [
    ['empty.json', Buffer.alloc(0), /empty/],
    ['truncated.xml', fosdem.subarray(0, fosdem.length / 2), /stops part-way|damaged|cut off/],
    [
      'page.html',
      Buffer.from('<!DOCTYPE html><html><head><title>Schedule</title></head><body>x</body></html>'),
      /web page/,
    ],
    [
      'photo.jpg',
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0, 0, 0, 0]),
      /isn’t a schedule|isn’t text/,
    ],
    ['other.json', Buffer.from('{"name":"my-package","version":"1.0.0"}'), /isn’t a schedule/],
    ['huge.ics', Buffer.alloc(50 * 1024 * 1024, 'x'), /too large/],
  ];
  await openApp(page, app);
  await expect(page.getByRole('link', { name: 'Xebicon 2019' })).toBeVisible();
  for (const [name, body, message] of files) {
    const path = join(dir, `confnotes-${process.pid}-${name}`);
    writeFileSync(path, body);
    await importFile(page, app, path);
    await expect(page.getByRole('alert')).toContainText(message);
  }
  await page.goto(app.url);
  await expect(page.locator('main li.card')).toHaveCount(1);
});

test('a schedule file dropped on the import page is imported', async ({ page, app }) => {
  await openApp(page, app);
  await page.goto(`${app.url}#/import`);
  // The import page is loaded on demand: until its heading shows, nothing listens for the drop.
  await expect(page.getByRole('heading', { level: 1, name: 'Import schedule' })).toBeVisible();
  const text = readFileSync(`${FIXTURES}frab-json_pretalx_rc3-channels-2020.json`, 'utf8');
  const dataTransfer = await page.evaluateHandle((json) => {
    const dt = new DataTransfer();
    dt.items.add(new File([json], 'schedule.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.locator('main').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('heading', { level: 1, name: 'rC3 Channels' })).toBeVisible();
});

test('a conference named after its file can be renamed, and keeps the name offline', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await waitForOffline(page);
  await importFile(page, app, `${FIXTURES}sessionize-all_orlandocodecamp2020_bom.json`);
  const fileName = 'sessionize all orlandocodecamp2020 bom';
  await expect(page.getByRole('heading', { level: 1, name: fileName })).toBeVisible();

  await page.getByRole('button', { name: 'Rename' }).click();
  const name = page.getByRole('textbox', { name: 'Conference name' });
  await expect(name).toBeFocused();
  await name.fill('   ');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Give the conference a name.');
  await name.fill('Orlando Code Camp 2020');
  await name.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Orlando Code Camp 2020' }),
  ).toBeVisible();
  await expect(name).toHaveCount(0);

  await app.stop();
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Orlando Code Camp 2020' }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Confnotes' }).click();
  await expect(page.getByRole('link', { name: 'Orlando Code Camp 2020' })).toBeVisible();
});

/**
 * 100,000 copies of one event with one UID (18 MB, under the 20 MB cap): long to read even now
 * that telling them apart is linear, and every key has to be made unique.
 */
function sameEventFile(): string {
  const event = [
    'BEGIN:VEVENT',
    'UID:same-event@hostile.example',
    'DTSTART:20240301T090000Z',
    'DTEND:20240301T093000Z',
    'SUMMARY:The same talk again',
    'DESCRIPTION:Every event in this calendar is this one.',
    'END:VEVENT',
    '',
  ].join('\r\n');
  const body = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${event.repeat(100_000)}END:VCALENDAR\r\n`;
  const path = join(tmpdir(), `confnotes-${process.pid}-same-event.ics`);
  writeFileSync(path, body);
  return path;
}

test('a long import shows a Cancel button, and cancelling it stores nothing', async ({
  page,
  app,
}) => {
  const path = sameEventFile();
  await openApp(page, app);
  await expect(page.locator('main li.card')).toHaveCount(1);
  await importFile(page, app, path);
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Reading');
  await cancel.click();
  await expect(page.getByRole('alert')).toContainText('The import was cancelled.');
  await expect(page.getByRole('heading', { level: 1, name: 'Import schedule' })).toBeVisible();
  await expect(cancel).toHaveCount(0);
  await page.goto(app.url);
  await expect(page.locator('main li.card')).toHaveCount(1);
});

test('a long update from a file can be cancelled too, and the schedule stays as it was', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await page.getByRole('link', { name: 'Xebicon 2019' }).click();
  const talks = page.getByText('12 talks', { exact: true });
  await expect(talks).toBeVisible();
  await page.getByLabel('Update from file').setInputFiles(sameEventFile());
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect(page.getByRole('status')).toContainText('Updating…');
  await cancel.click();
  await expect(page.getByText('Update cancelled: the schedule was not changed.')).toBeVisible();
  await expect(cancel).toHaveCount(0);
  await page.reload();
  await expect(talks).toBeVisible();
});
