import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { test, expect, openApp } from './fixtures';

test.describe('a phone set to French', () => {
  test.use({ locale: 'fr-FR' });

  test('speaks French from the start, and the write-up follows it', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Vos conférences' })).toBeVisible();
    await page.getByRole('link', { name: 'Xebicon 2019' }).click();
    await page.getByRole('link', { name: 'UX > craft' }).click();
    await expect(page.getByRole('heading', { name: 'Orateurs' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Avis' }).fill('Très clair.');
    await page.waitForTimeout(700);
    await page.getByRole('link', { name: '← Xebicon 2019' }).click();
    await expect(page.getByLabel('Langue du compte rendu')).toHaveValue('fr');
    await page.getByLabel('Seulement les talks avec des notes ou des photos').check();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter le zip' }).click();
    const zip = await JSZip.loadAsync(readFileSync(await (await downloading).path()));
    const adoc = await zip.file('xebicon-2019.adoc')!.async('string');
    expect(adoc).toContain('== Présentation');
    expect(adoc).toContain('=== Avis\n\nTrès clair.');
  });
});

test('the language can be switched in Settings and stays after a reload', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Réglages' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Réglages' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByLabel('Langue', { exact: true }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});
