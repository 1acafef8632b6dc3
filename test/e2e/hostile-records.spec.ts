// A zip whose confnotes.json holds a record that could hurt: a photo id that is a path (it would
// become a file name on the sync server), a date no screen can show (it left the home screen on
// "Loading…" for good), a talk that belongs to no conference of the file. Each is refused in
// plain words naming the record, nothing is imported, and the app still starts.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { toArchiveJson, type ArchiveRecords } from '../../src/lib/export/json';
import { craftZip, stored } from '../support/zip-craft';
import { test, expect, openApp } from './fixtures';

// One conference with one talk and one photo, as an export of Confnotes writes them.
const records: ArchiveRecords = {
  conferences: [
    {
      id: 'c-hostile',
      title: 'Hostile Conf',
      startDate: '2026-05-04',
      timeZone: 'Europe/Paris',
      timeZoneSource: 'file',
      source: { kind: 'file', fileName: 'schedule.json', format: 'frab-json', fetchedAt: 1 },
      demo: false,
      warnings: [],
      createdAt: 1,
      updatedAt: 1,
    },
  ],
  talks: [
    {
      id: 't-hostile',
      conferenceId: 'c-hostile',
      sourceKey: 'guid:1',
      order: 0,
      title: 'A talk',
      utcFromFile: false,
      speakers: [],
      links: [],
      removedFromSchedule: false,
    },
  ],
  stars: [],
  photos: [
    {
      id: 'ab'.repeat(32),
      conferenceId: 'c-hostile',
      talkId: 't-hostile',
      position: 0,
      caption: '',
      takenAt: 1,
      width: 1,
      height: 1,
      size: 4,
      type: 'image/jpeg',
      status: 'ready',
      createdAt: 1,
      file: 'images/hostile-conf_01.jpg',
    },
  ],
  entries: [],
  opinions: [],
  freeSections: [],
};

const conferences = (page: Page) => page.locator('main li.card').allInnerTexts();

const cases: [string, (r: ArchiveRecords) => void, RegExp][] = [
  [
    'path',
    (r) => (r.photos[0]!.id = '../../../Photos/IMG_0001'),
    /a photo \(number 1\) has no valid "id"/,
  ],
  [
    'date',
    (r) => (r.conferences[0]!.startDate = 'soon'),
    /a conference \(number 1\) has no valid "startDate"/,
  ],
  [
    'stray',
    (r) => (r.talks[0]!.conferenceId = 'someone-elses'),
    /a talk \(number 1\) belongs to no conference or talk of this export/,
  ],
];

test('a zip with a hostile record is refused naming it, and changes nothing', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await expect(page.getByRole('link', { name: 'Xebicon 2019' })).toBeVisible();
  const listed = await conferences(page);
  for (const [name, spoil, message] of cases) {
    const bad = structuredClone(records);
    spoil(bad);
    const zip = craftZip([
      stored('confnotes.json', toArchiveJson(bad)),
      stored(records.photos[0]!.file, new Uint8Array([0xff, 0xd8, 0xff, 0xd9])),
    ]);
    const path = join(tmpdir(), `confnotes-${process.pid}-${name}.zip`);
    writeFileSync(path, zip);

    await page.getByLabel('Import zip').setInputFiles(path);
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.getByRole('alert')).toContainText('Nothing was imported.');
    expect(await conferences(page)).toEqual(listed);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Your conferences' })).toBeVisible();
    expect(await conferences(page)).toEqual(listed);
  }
});
