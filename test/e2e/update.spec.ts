import { test, expect, openApp, waitForOffline } from './fixtures';
import { startApp } from '../support/servers';

test('a new build served on the same address is offered with a Reload button, never forced', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await waitForOffline(page);
  await page.goto(`${app.url}#/settings`);
  await expect(page.getByText(/Confnotes 0\.\d+\.\d+/)).toBeVisible();

  // Swap the server for the next build on the same origin.
  await app.stop();
  const next = await startApp(app.port, 'dist-next');
  try {
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByText('A new version is available.')).toBeVisible();
    // The old version keeps running until the user chooses.
    await expect(page.getByText(/Confnotes 0\.\d+\.\d+/)).toBeVisible();
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByText('Confnotes next-build')).toBeVisible();
  } finally {
    await next.stop();
  }
});
