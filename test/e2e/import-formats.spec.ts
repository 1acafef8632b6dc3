// Schedules the app could not read before issue 14, imported from a file with the app's server
// stopped: the parser worker and everything it loads must come from the service worker's cache.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openApp, importFile, waitForOffline, FIXTURES } from './fixtures';
import type { AppServer } from '../support/servers';

// The phone is in London; the 38C3 file says Berlin, the other two say nothing.
test.use({ timezoneId: 'Europe/London', locale: 'en-GB' });

/** Opens the app, lets the service worker cache it, stops the server and reloads from cache. */
async function offline(page: Page, app: AppServer): Promise<void> {
  await openApp(page, app);
  await waitForOffline(page);
  await app.stop();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your conferences' })).toBeVisible();
}

const CASES = [
  // file, conference title, talks, a talk, its room, its time as shown, its speakers
  [
    'c3voc-json_hub-38c3_schedule2.json',
    '38C3',
    2,
    '38C3: Opening Ceremony',
    'Saal 1',
    '10:30–11:00',
    ['Gabriela Bogk', 'Aline Blankertz', 'Senficon'],
  ],
  [
    'frab-xml_handmade_person-without-persons.xml',
    'Hand-made Camp 2024',
    4,
    'Welcome and why we hand-write our schedule',
    'Main hall',
    '10:00–10:45',
    ['Ada Example', 'Grace Sample'],
  ],
  [
    'pentabarf-xml_fosdem2008_no-room-elements.xml',
    'FOSDEM 2008',
    241,
    'Zapcat: monitoring Java applications',
    'Ferrer',
    '15:20–15:35',
    ['Kees Jan Koster'],
  ],
] as const;

for (const [file, title, count, talk, room, time, speakers] of CASES) {
  test(`imports ${file} from a file with the server stopped, speakers shown`, async ({
    page,
    app,
  }) => {
    await offline(page, app);
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
    const list = page
      .getByRole('heading', { name: 'Speakers' })
      .locator('xpath=following-sibling::ul[1]');
    await expect(list.getByRole('listitem')).toHaveText([...speakers]);
    await expect(page.getByText(`Room: ${room}`)).toBeVisible();
  });
}

test('the 38C3 talk after midnight stays on the Berlin clock and its own date', async ({
  page,
  app,
}) => {
  await offline(page, app);
  await importFile(page, app, `${FIXTURES}c3voc-json_hub-38c3_schedule2.json`);
  await expect(page.getByRole('heading', { level: 1, name: '38C3' })).toBeVisible();
  await expect(page.getByRole('note')).toHaveText(
    "Times are in the conference's time zone (Europe/Berlin); your phone is set to Europe/London.",
  );
  // Days are the Berlin calendar's: 00:15 on the 28th is not the evening of the 27th.
  await expect(page.getByRole('group', { name: 'Day' }).getByRole('button')).toHaveText([
    'Fri 27 Dec',
    'Sat 28 Dec',
  ]);
  await page.getByRole('button', { name: 'Sat 28 Dec' }).click();
  const talk = 'A Competitive Time-Trial AI for Need for Speed:';
  const row = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: talk, exact: true }) });
  await expect(row.locator('time')).toHaveText('00:15–00:55');
  await row.getByRole('link', { name: talk, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: talk })).toBeVisible();
  await expect(page.getByText('Saturday 28 December, 00:15–00:55')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Sebastian Schwarz' })).toBeVisible();
});

/** A JSON schedule of a shape no parser reads, written to a temporary file: its path. */
function dateKeyedFile(): string {
  const path = join(tmpdir(), `confnotes-${process.pid}-by-date.json`);
  writeFileSync(
    path,
    JSON.stringify({ schedule: { '2024-05-01': [{ time: '10:00', title: 'Keynote' }] } }),
  );
  return path;
}

test('a schedule of an unknown shape is refused with what it looks like', async ({ page, app }) => {
  await offline(page, app);
  await importFile(page, app, dateKeyedFile());
  await expect(page.getByRole('alert')).toContainText(
    'This file isn’t a schedule Confnotes can read: it looks like a JSON file with a “schedule” keyed by date.',
  );
  await page.goto(app.url);
  await expect(page.locator('main li.card')).toHaveCount(1);
});

test.describe('a phone set to French', () => {
  test.use({ locale: 'fr-FR' });

  test('says in French what an unknown schedule looks like', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Vos conférences' })).toBeVisible();
    await page.goto(`${app.url}#/import`);
    await page.getByLabel('Fichier du programme').setInputFiles(dateKeyedFile());
    await expect(page.getByRole('alert')).toContainText(
      'Ce fichier n’est pas un programme que Confnotes sait lire : il ressemble à un fichier JSON avec un « schedule » indexé par date.',
    );
  });
});
