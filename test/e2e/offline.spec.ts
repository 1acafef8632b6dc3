import { test, expect, openApp, waitForOffline } from './fixtures';

test('first visit, server stopped, reload: the app and the demo schedule still work', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const demo = page.getByRole('link', { name: 'Xebicon 2019' });
  await expect(demo).toBeVisible();
  await waitForOffline(page);

  // The whole app shell must come from the cache: no server from here on.
  await app.stop();
  await page.reload();
  await expect(page.getByRole('link', { name: 'Xebicon 2019' })).toBeVisible();
  await page.getByRole('link', { name: 'Xebicon 2019' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Xebicon 2019' })).toBeVisible();

  // Lazy chunks (the talk page and its markup renderer) are precached too.
  await page.getByRole('link', { name: 'Spark On K8S with S3? How we made it work!' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Spark On K8S with S3? How we made it work!' }),
  ).toBeVisible();
  await expect(page.getByText('les ressources Kubernetes générées par Spark')).toBeVisible();
  await expect(page.getByText('Sergio Dos Santos, Consultant')).toBeVisible();
});

test('the demo lists every talk of the seed in its order, without times', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('link', { name: 'Xebicon 2019' }).click();
  await expect(page.getByText(/November 28, 2019/)).toBeVisible();
  await expect(page.getByText('palais Brogniart à Paris')).toBeVisible();
  const titles = await page.locator('main li a').allTextContents();
  expect(titles).toEqual([
    "Keynote d'ouverture - XebiKart",
    'On-demand development environments with Kubernetes (talk in english)',
    'Spark On K8S with S3? How we made it work!',
    "Un datalake serverless sans Hadoop, oui c'est possible !",
    'UX > craft',
    'Veille technologique et side-project',
    'FaaS sur K8s : quelles possibilités ?',
    "Qu'attendre de votre outil de CI/CD en 2019 ?",
    'XebiKart Infrastructure : de nos laptops à Kubernetes dans le Cloud',
    'Architecture & Documentation : les ADRs en 5 minutes',
    'Docker est mort, vive Docker',
    'REX Galeries Lafayette - Le portail, le visage de notre datalake',
  ]);
  await expect(page.locator('main time')).toHaveCount(0);
});

test('a screen not saved on the device yet says so, offline, instead of a blank page', async ({
  browser,
  app,
}) => {
  // No service worker: as on a first visit cut off before it had saved the app.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await openApp(page, app);
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Settings' }).click();
  const failed = page.getByRole('alert').filter({
    has: page.getByRole('heading', { level: 1, name: 'This screen could not be loaded.' }),
  });
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('It is not saved on this device yet');
  await context.setOffline(false);
  await failed.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await context.close();
});
