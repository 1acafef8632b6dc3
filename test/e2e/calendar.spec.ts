import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Download, Page } from '@playwright/test';
import { test, expect, openApp, importFile, waitForOffline, FIXTURES, rc3File } from './fixtures';

// The phone is in London; DebConf 23 was in Kochi (Asia/Kolkata, +05:30, no summer time).
test.use({ timezoneId: 'Europe/London', locale: 'en-GB' });

async function star(page: Page, title: string) {
  await page.getByRole('searchbox', { name: 'Search talks' }).fill(title);
  const row = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
  await row.getByRole('button', { name: 'Star' }).click();
  await expect(row.getByRole('button', { name: 'Star' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('searchbox', { name: 'Search talks' }).fill('');
}

/** The downloaded calendar as ical.js reads it, times through the file's own VTIMEZONE. */
function readCalendar(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      location: e.location,
      zone: e.startDate.zone?.tzid,
      start: new Date(e.startDate.toUnixTime() * 1000).toISOString(),
      end: new Date(e.endDate.toUnixTime() * 1000).toISOString(),
      alarms: v
        .getAllSubcomponents('valarm')
        .map((a) => [
          a.getFirstPropertyValue('action'),
          (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds(),
        ]),
    };
  });
}

const text = async (download: Download) => readFileSync(await download.path(), 'utf8');

test('the starred talks go to the calendar as one .ics, with the reminder chosen in Settings', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await waitForOffline(page);
  // From here the app runs from its cache: the calendar writer is in it too.
  await app.stop();

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Reminder before a starred talk')).toHaveValue('10');
  await page.getByLabel('Reminder before a starred talk').selectOption({ label: '15 minutes' });

  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));

  // The demo's talks have no times: nothing to put in a calendar, and no empty file.
  await page.getByRole('link', { name: 'Confnotes' }).click();
  await page.getByRole('link', { name: 'Xebicon 2019' }).click();
  await page.getByRole('link', { name: 'My agenda' }).click();
  const add = page.getByRole('button', { name: 'Add to calendar' });
  await add.click();
  const said = page.getByRole('main').getByRole('status');
  await expect(said).toHaveText('Star talks first: only starred talks go to your calendar.');
  // Search finds talks on any view: star one from the agenda's own page.
  await star(page, 'UX > craft');
  await add.click();
  await expect(said).toHaveText(
    'Your starred talk has no time in the schedule, so there is nothing to add to a calendar.',
  );

  await importFile(page, app, FIXTURES + 'frab-xml_wafer_debconf23_utc-dates_ist.xml');
  await expect(page.getByRole('heading', { level: 1, name: 'DebConf 23' })).toBeVisible();
  await star(page, 'Opening Ceremony');
  await star(page, 'Continuous Key-Signing Party introduction');
  await page.getByRole('link', { name: 'My agenda' }).click();

  const first = page.waitForEvent('download');
  await add.click();
  const file = await first;
  expect(file.suggestedFilename()).toBe('debconf-23-agenda.ics');
  await expect(said).toHaveText(
    'debconf-23-agenda.ics downloaded with 2 talks: open it to add them to your calendar.',
  );
  const ics = await text(file);
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(ics).toContain('DTSTART;TZID=Asia/Kolkata:20230910T103000\r\n');
  const events = readCalendar(ics);
  expect(events.map(({ uid: _, ...rest }) => rest)).toEqual([
    {
      summary: 'Opening Ceremony',
      location: 'Anamudi',
      zone: 'Asia/Kolkata',
      start: '2023-09-10T05:00:00.000Z',
      end: '2023-09-10T05:20:00.000Z',
      alarms: [['DISPLAY', -900]],
    },
    {
      summary: 'Continuous Key-Signing Party introduction',
      location: 'Anamudi',
      zone: 'Asia/Kolkata',
      start: '2023-09-10T05:30:00.000Z',
      end: '2023-09-10T05:50:00.000Z',
      alarms: [['DISPLAY', -900]],
    },
  ]);

  // Exported again, the same talks keep their UIDs: a calendar updates them, adds no twins.
  const second = page.waitForEvent('download');
  await add.click();
  const again = readCalendar(await text(await second));
  expect(again.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
  expect(new Set(events.map((e) => e.uid)).size).toBe(2);
  // The demo had no file to give: these two downloads are all there were.
  expect(downloads).toHaveLength(2);

  // The choice stays after a reload.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.reload();
  await expect(page.getByLabel('Reminder before a starred talk')).toHaveValue('15');
});

test('starred talks without a time are left out, and the message says how many', async ({
  page,
  app,
}) => {
  // The real rC3 schedule, its first two talks' times taken out.
  const file = rc3File('calendar-untimed', (_conf, events) => {
    for (const e of events.slice(0, 2)) Object.assign(e, { date: '', start: '' });
  });
  await openApp(page, app);
  await waitForOffline(page);
  await app.stop();
  await importFile(page, app, file);
  await expect(page.getByRole('heading', { level: 1, name: 'rC3 Channels' })).toBeVisible();
  // The file names no zone: the user gives the conference's.
  await page.getByLabel('Conference time zone').selectOption('Europe/Berlin');
  await star(page, 'Der faule Admin automatisiert: Gluon auf echter Hardware testen');
  await star(page, 'Ethical Hackers + Investigative Journos... GAME OVER?');
  await star(page, 'Oh du fröhliche, oh du smarte Welt...');
  await page.getByRole('link', { name: 'My agenda' }).click();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Add to calendar' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('rc3-channels-agenda.ics');
  await expect(page.getByRole('main').getByRole('status')).toHaveText([
    'rc3-channels-agenda.ics downloaded with 1 talk: open it to add it to your calendar.',
    '2 starred talks have no time and were left out.',
  ]);
  const events = readCalendar(await text(download));
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    summary: 'Oh du fröhliche, oh du smarte Welt...',
    zone: 'Europe/Berlin',
    start: '2020-12-27T15:00:00.000Z',
    end: '2020-12-27T15:40:00.000Z',
    alarms: [['DISPLAY', -600]],
  });
});

test('where the browser shares files, the calendar goes to the share sheet; closing the sheet is no error, and a refused share downloads', async ({
  page,
  app,
}) => {
  // Desktop Chromium has no share sheet for files: a stand-in with the phone's behaviour takes
  // the file and answers as the user does (chooses an app, closes the sheet, or is refused).
  await page.addInitScript(() => {
    const w = window as unknown as {
      answer: 'choose' | 'close' | 'refuse';
      shared: { name: string; type: string; title?: string; text: string }[];
    };
    w.answer = 'choose';
    w.shared = [];
    Object.defineProperty(Navigator.prototype, 'canShare', {
      configurable: true,
      value: (data?: ShareData) => (data?.files?.length ?? 0) > 0,
    });
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      async value(data: ShareData) {
        if (w.answer === 'refuse') throw new DOMException('too late', 'NotAllowedError');
        if (w.answer === 'close') throw new DOMException('closed', 'AbortError');
        const file = data.files![0]!;
        w.shared.push({
          name: file.name,
          type: file.type,
          title: data.title,
          text: await file.text(),
        });
      },
    });
  });
  await openApp(page, app);
  await importFile(page, app, FIXTURES + 'frab-xml_wafer_debconf23_utc-dates_ist.xml');
  await expect(page.getByRole('heading', { level: 1, name: 'DebConf 23' })).toBeVisible();
  await star(page, 'Opening Ceremony');
  await page.getByRole('link', { name: 'My agenda' }).click();
  const add = page.getByRole('button', { name: 'Add to calendar' });
  const said = page.getByRole('main').getByRole('status');
  const shared = () =>
    page.evaluate(() => (window as unknown as { shared: { name: string; text: string }[] }).shared);
  const answer = (a: string) =>
    page.evaluate((a) => ((window as unknown as { answer: string }).answer = a), a);

  await add.click();
  await expect(said).toHaveText('1 talk shared.');
  const [sent] = await shared();
  expect(sent).toMatchObject({
    name: 'debconf-23-agenda.ics',
    type: 'text/calendar',
    title: 'DebConf 23',
  });
  expect(readCalendar(sent!.text).map((e) => [e.summary, e.start])).toEqual([
    ['Opening Ceremony', '2023-09-10T05:00:00.000Z'],
  ]);

  // Closed without choosing: nothing is said to have happened, and nothing is downloaded.
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await answer('close');
  await add.click();
  await expect(said).toHaveCount(0);
  await expect(add).toBeEnabled();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Refused (the tap was too long ago): the file still reaches the user, as a download.
  await answer('refuse');
  const downloading = page.waitForEvent('download');
  await add.click();
  expect((await downloading).suggestedFilename()).toBe('debconf-23-agenda.ics');
  await expect(said).toHaveText(
    'debconf-23-agenda.ics downloaded with 1 talk: open it to add it to your calendar.',
  );
  expect(downloads).toHaveLength(1);
  expect(await shared()).toHaveLength(1);
});
