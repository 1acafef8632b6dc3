// "Search talks" finds words that are only on a slide or only in the user's notes, and opens
// the talk at that photo or note, on the production build with the server stopped. The slide's
// text is written straight into the photo's record: reading it is reading.spec.ts's proof.
import type { Page } from '@playwright/test';
import { CHROME_ARGS, chromePath } from '../support/browser';
import { CAMERA_ARGS } from '../support/fake-camera';
import {
  test,
  expect,
  openApp,
  readingOff,
  storedRows,
  takePhotos,
  updatePhoto,
  waitForOffline,
} from './fixtures';

test.use({
  launchOptions: {
    executablePath: chromePath(),
    args: [...CHROME_ARGS, ...CAMERA_ARGS],
  },
  viewport: { width: 320, height: 640 },
});

const TITLE = 'On-demand development environments with Kubernetes (talk in english)';
const SLIDE = 'Why Zanzibar\nconsistency for access lists\nand what it costs';
const NOTE = '- ask about the flibbertine rollout';

interface StoredPhoto {
  id: string;
  talkId: string;
  position: number;
}

const noOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);

test('a word only on a slide or only in a note finds its talk and opens it there, offline', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await waitForOffline(page);
  // The slide's text and stack are written below: nothing may read over them.
  await readingOff(page, app);
  await page.getByRole('link', { name: 'Xebicon 2019' }).click();
  await page.getByRole('link', { name: TITLE }).click();

  // A note, then three slides after it, so the note has a place of its own in the timeline.
  await page.getByRole('textbox', { name: 'Notes' }).fill(NOTE);
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveAccessibleDescription('Saved');
  await page.getByRole('button', { name: 'Open camera' }).click();
  await expect(page.getByRole('button', { name: 'Take photo' })).toBeEnabled();
  await page.waitForFunction(() => (document.querySelector('video')?.videoWidth ?? 0) > 0);
  await takePhotos(page, 3);
  await expect(page.getByText('3 saved')).toBeVisible();
  await page.getByRole('link', { name: 'Done' }).click();
  await expect(page.getByRole('img', { name: 'Slide 3', exact: true })).toBeVisible();

  const talkId = decodeURIComponent(/\/t\/([^?]+)/.exec(page.url())![1]!);
  const photos = (await storedRows<StoredPhoto>(page, 'photos'))
    .filter((p) => p.talkId === talkId)
    .sort((a, b) => a.position - b.position);
  expect(photos).toHaveLength(3);
  // The three shots are one stack, and the slide's words are on the middle one: hidden until
  // the stack is opened, which the search hit does.
  const second = photos[1]!.id;
  for (const p of photos) await updatePhoto(page, p.id, { stack: photos[0]!.id });
  await updatePhoto(page, second, { text: { words: SLIDE, lang: 'en' } });

  await app.stop();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page.getByRole('link', { name: '← Xebicon 2019' }).click();
  const box = page.getByRole('searchbox', { name: 'Search talks' });

  // Only on the slide: the hit says so, and marks the word.
  await box.fill('zanzib');
  await expect(page.getByRole('heading', { name: '1 talk found' })).toBeVisible();
  const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: TITLE }) });
  await expect(row).toContainText('On a slide: Why Zanzibar consistency for access lists');
  await expect(row.locator('mark')).toHaveText(['Zanzibar']);
  expect(await noOverflow(page)).toBe(true);

  await row.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const notice = page.getByRole('status').filter({ hasText: 'Found on slide 2:' });
  await expect(notice.locator('mark')).toHaveText(['Zanzibar']);
  const photo = page.locator(`[id="photo-${second}"]`);
  await expect(photo).toBeInViewport();
  await expect(photo).toHaveClass(/found-here/);
  expect(await noOverflow(page)).toBe(true);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);

  // Only in the note: "in your notes", and the note is brought into view.
  await page.getByRole('link', { name: '← Xebicon 2019' }).click();
  await box.fill('Flibbertine');
  await expect(page.getByRole('heading', { name: '1 talk found' })).toBeVisible();
  await expect(row).toContainText('In your notes: - ask about the flibbertine rollout');
  await expect(row.locator('mark')).toHaveText(['flibbertine']);
  await row.getByRole('link', { name: TITLE }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Found in your notes:' }).locator('mark'),
  ).toHaveText(['flibbertine']);
  const note = page.locator('[id^="entry-"]').filter({ hasText: 'flibbertine' });
  await expect(note).toBeInViewport();
  await expect(note).toHaveClass(/found-here/);

  // The words of one slide do not find the talk when they are split over two.
  await page.getByRole('link', { name: '← Xebicon 2019' }).click();
  await box.fill('zanzibar flibbertine');
  await expect(page.getByRole('heading', { name: '0 talks found' })).toBeVisible();
});
