import { CHROME_ARGS, chromePath } from '../support/browser';
import { CAMERA_ARGS } from '../support/fake-camera';
import { test, expect, openApp, takePhotos, waitForOffline, readingOff } from './fixtures';

test.use({
  launchOptions: {
    executablePath: chromePath(),
    args: [...CHROME_ARGS, ...CAMERA_ARGS],
  },
});

test('notes, photos and an opinion interleave, and survive a reload with the server stopped', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await waitForOffline(page);
  await readingOff(page, app);
  await page.getByRole('link', { name: 'Xebicon 2019' }).click();
  const title = 'On-demand development environments with Kubernetes (talk in english)';
  await page.getByRole('link', { name: title }).click();

  // Type with one thumb: Enter on a bullet starts the next one.
  const notes = page.getByRole('textbox', { name: 'Notes' });
  await notes.click();
  await notes.pressSequentially('- *Spinnaker* as a deployment tool');
  await notes.press('Enter');
  await notes.pressSequentially('CRD: Custom Resource Definition');
  await expect(notes).toHaveValue(
    '- *Spinnaker* as a deployment tool\n- CRD: Custom Resource Definition',
  );

  // Two slides, then more words: they go after the photos.
  await page.getByRole('button', { name: 'Open camera' }).click();
  await expect(page.getByRole('button', { name: 'Take photo' })).toBeEnabled();
  await page.waitForFunction(() => (document.querySelector('video')?.videoWidth ?? 0) > 0);
  await takePhotos(page, 2);
  await expect(page.getByText('2 saved')).toBeVisible();
  await page.getByRole('link', { name: 'Done' }).click();
  await expect(page.getByRole('img', { name: 'Slide 2', exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue('');
  await page.getByRole('textbox', { name: 'Notes' }).fill('-> the full chain takes **15 hours**');
  await page.getByRole('textbox', { name: 'Opinion' }).fill('Useful, straight into the details.');
  // No explicit save: each field says "Saved" once a pause in typing has stored it.
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveAccessibleDescription('Saved');
  await expect(page.getByRole('textbox', { name: 'Opinion' })).toHaveAccessibleDescription('Saved');

  await app.stop();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const timeline = page.locator('ol.timeline > li');
  await expect(timeline).toHaveCount(3);
  await expect(timeline.nth(0)).toContainText('Spinnaker');
  await expect(timeline.nth(0).locator('li')).toHaveCount(2);
  await expect(timeline.nth(1).getByRole('img', { name: 'Slide 1', exact: true })).toBeVisible();
  await expect(timeline.nth(2).getByRole('img', { name: 'Slide 2', exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue(
    '-> the full chain takes **15 hours**',
  );
  await expect(page.getByRole('textbox', { name: 'Opinion' })).toHaveValue(
    'Useful, straight into the details.',
  );
});

test('a note survives the app going to the background and the tab being killed', async ({
  page,
  app,
  context,
}) => {
  await openApp(page, app);
  await page.getByRole('link', { name: 'Xebicon 2019' }).click();
  await page.getByRole('link', { name: 'UX > craft' }).click();
  await page.getByRole('textbox', { name: 'Notes' }).fill('written just before switching apps');
  // The phone switches apps: the page is hidden, which flushes every draft at once.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            const req = indexedDB.open('confnotes');
            req.onsuccess = () => {
              const all = req.result.transaction('entries').objectStore('entries').getAll();
              all.onsuccess = () => resolve((all.result as { text: string }[]).map((e) => e.text));
            };
          }),
      ),
    )
    .toEqual(['written just before switching apps']);
  // Then the system kills the tab.
  await page.close();
  const again = await context.newPage();
  await again.goto(app.url);
  await again.getByRole('link', { name: 'Xebicon 2019' }).click();
  await again.getByRole('link', { name: 'UX > craft' }).click();
  await expect(again.getByRole('textbox', { name: 'Notes' })).toHaveValue(
    'written just before switching apps',
  );
});

test('markup pasted into a note is shown formatted and never runs', async ({ page, app, csp }) => {
  csp.hostileMarkup = true;
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openApp(page, app);
  await page.getByRole('link', { name: 'Xebicon 2019' }).click();
  await page.getByRole('link', { name: 'UX > craft' }).click();
  await page
    .getByRole('textbox', { name: 'Notes' })
    .fill('**bold** <img src=x onerror="alert(1)"> <script>alert(2)</script>');
  await page.getByRole('button', { name: 'Open camera' }).click();
  await page
    .getByLabel('Add photos')
    .setInputFiles(new URL('../fixtures/images/slide.jpg', import.meta.url).pathname);
  await expect(page.getByText('1 saved')).toBeVisible();
  await page.getByRole('link', { name: 'Done' }).click();
  const note = page.locator('ol.timeline .markup').first();
  await expect(note.locator('strong')).toHaveText('bold');
  await expect(note.locator('img, script')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
