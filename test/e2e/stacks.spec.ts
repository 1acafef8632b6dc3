// Stacks of re-shots as the user meets them in the built app: two shots of one slide and one of
// another added to a talk, a note between them, are read in the background; the two become one
// stack shown by its newest shot, "Keep this one" puts the older on top, "Unstack" shows both
// again, and no photo is ever deleted along the way. No request leaves the app's origin (fixtures.ts).
import type { Photo } from '../../src/lib/model/types';
import { CHROME_ARGS, chromePath } from '../support/browser';
import { CAMERA_ARGS } from '../support/fake-camera';
import { test, expect, openApp, slidePng, storedRows } from './fixtures';

test.use({
  launchOptions: { executablePath: chromePath(), args: [...CHROME_ARGS, ...CAMERA_ARGS] },
});

test('two shots of one slide stack; Keep this one and Unstack change only how they show', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  await openApp(page, app);
  const lines = [
    'Partitions are assigned to one consumer',
    'Rebalancing pauses the whole group',
    'Commit offsets after processing',
  ];
  const files = [
    await slidePng(page, 'Kafka consumer groups', lines, 1280),
    await slidePng(page, 'Kafka consumer groups', lines, 1360),
    await slidePng(
      page,
      'Observability budgets',
      ['Sample traces at the edge', 'Keep metrics cardinality low', 'Alert on symptoms'],
      1280,
    ),
  ].map((buffer, i) => ({ name: `shot-${i}.png`, mimeType: 'image/png', buffer }));

  await page.getByRole('link', { name: 'Xebicon 2019' }).click();
  await page.getByRole('link', { name: 'UX > craft' }).click();
  // The two shots of one slide, a note, then the other slide.
  const shoot = async (batch: typeof files) => {
    await page.getByRole('button', { name: 'Open camera' }).click();
    for (const [i, file] of batch.entries()) {
      await page.getByLabel('Add photos').setInputFiles(file);
      await expect(page.getByText(`${i + 1} saved`)).toBeVisible();
    }
    await page.getByRole('link', { name: 'Done' }).click();
  };
  await shoot(files.slice(0, 2));
  const notes = page.getByRole('textbox', { name: 'Notes' });
  await notes.fill('Consumers rebalance');
  await expect(notes).toHaveAccessibleDescription('Saved');
  await shoot(files.slice(2));

  // Read in the background once the camera screen is closed; the re-shots then stack.
  const opener = page.getByRole('button', { name: '2 shots of Slide 2', exact: true });
  await expect(opener).toBeVisible({ timeout: 120_000 });
  await expect(opener).toHaveAttribute('aria-expanded', 'false');
  const photos = (await storedRows<Photo>(page, 'photos')).sort((a, b) => a.takenAt - b.takenAt);
  const [older, newer, other] = photos as [Photo, Photo, Photo];
  expect(older.stack).toBe(newer.stack);
  expect(other.stack).toBeUndefined();
  for (const p of photos) expect(p.text?.words).toBeTruthy();
  const images = page.getByRole('img', { name: /^Slide \d$/ });
  await expect(images).toHaveCount(2);
  await expect(page.getByRole('img', { name: 'Slide 2', exact: true })).toHaveAccessibleDescription(
    /Rebalancing pauses/,
  );
  await expect(page.locator(`#photo-${older.id}`)).toHaveCount(0);
  // Notes are numbered among notes: the stack above this one does not count.
  await expect(page.getByRole('button', { name: 'Edit note 1', exact: true })).toBeVisible();
  // The face is first as the list shows it: moving it earlier would trade with its own stack.
  await expect(page.getByRole('button', { name: 'Move Slide 2 earlier' })).toBeDisabled();

  // Opened, both shots show; "Keep this one" on the older puts it on top once closed.
  await opener.click();
  await expect(opener).toHaveAttribute('aria-expanded', 'true');
  await expect(images).toHaveCount(3);
  const keepOlder = page
    .locator(`#photo-${older.id}`)
    .getByRole('button', { name: 'Keep this one' });
  await expect(keepOlder).toHaveAttribute('aria-pressed', 'false');
  await keepOlder.click();
  await expect(keepOlder).toHaveAttribute('aria-pressed', 'true');
  await expect(
    page.locator(`#photo-${newer.id}`).getByRole('button', { name: 'Keep this one' }),
  ).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: '2 shots of Slide 1', exact: true }).click();
  await expect(images).toHaveCount(2);
  await expect(page.locator(`#photo-${older.id}`)).toBeVisible();
  await expect(page.locator(`#photo-${newer.id}`)).toHaveCount(0);
  expect((await storedRows<Photo>(page, 'photos')).find((p) => p.id === older.id)?.kept).toBe(true);

  // "Unstack" shows every shot on its own again, for good; nothing was deleted.
  await page.getByRole('button', { name: '2 shots of Slide 1', exact: true }).click();
  await page.getByRole('button', { name: 'Unstack', exact: true }).click();
  await expect(images).toHaveCount(3);
  await expect(page.getByRole('button', { name: /shots of/ })).toHaveCount(0);
  // The button went with the stack: the focus goes to the shot that was on top, not the page.
  await expect(page.locator(`#photo-${older.id}`)).toBeFocused();
  const after = await storedRows<Photo>(page, 'photos');
  expect(after.map((p) => p.id).sort()).toEqual(photos.map((p) => p.id).sort());
  for (const p of after) {
    expect(p.deletedAt).toBeUndefined();
    expect(p.stack).toBeUndefined();
  }
  expect(
    after
      .filter((p) => p.unstacked)
      .map((p) => p.id)
      .sort(),
  ).toEqual([older.id, newer.id].sort());
  await page.reload();
  await expect(images).toHaveCount(3);
});
