import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { test, expect, openApp, FIXTURES } from './fixtures';

test.describe('a phone set to French', () => {
  test.use({ locale: 'fr-FR' });

  test('speaks French from the start, and the write-up follows it', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Vos conférences' })).toBeVisible();
    await page.getByRole('link', { name: 'Xebicon 2019' }).click();
    // French counts zero as singular.
    await page.getByRole('searchbox', { name: 'Chercher des talks' }).fill('zzzz');
    await expect(page.getByText('0 talk trouvé', { exact: true })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Chercher des talks' }).fill('');
    await page.getByRole('link', { name: 'UX > craft' }).click();
    await expect(page.getByRole('heading', { name: 'Orateurs' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Avis' }).fill('Très clair.');
    await expect(page.getByRole('textbox', { name: 'Avis' })).toHaveAccessibleDescription(
      'Enregistré',
    );
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

  test('says in French why a file will not do, on the home screen too', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Vos conférences' })).toBeVisible();
    // The home screen has only its own French words: the error's come when it is shown.
    const notZip = { name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('hi') };
    await page.getByLabel('Importer un zip').setInputFiles(notZip);
    await expect(page.getByRole('alert')).toHaveText(
      'Ce fichier n’est pas une archive zip, ou il a été tronqué. Rien n’a été importé.',
    );

    // A schedule whose error crosses back from the parser's worker with its line number.
    await page.goto(`${app.url}#/import`);
    const xml = '<?xml version="1.0"?>\n<schedule>\n<conference>\n<title>X</titl>\n</schedule>\n';
    await page.getByLabel('Fichier du programme').setInputFiles({
      name: 'schedule.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(xml),
    });
    await expect(page.getByRole('alert')).toContainText(
      'Ce programme XML est abîmé vers la ligne 4 et ne peut pas être lu.',
    );
  });

  test('says in French what was odd in an imported schedule', async ({ page, app }) => {
    await page.goto(`${app.url}#/import`);
    await page
      .getByLabel('Fichier du programme')
      .setInputFiles(`${FIXTURES}ics_pyconuk2015_utc_missing-dtend.ics`);
    const title = 'PyCon UK 2015 Schedule';
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('5 talks n’ont pas d’heure de fin.')).toBeVisible();
    await expect(
      page.getByText('4 créneaux vides, sans titre, ont été laissés de côté.'),
    ).toBeVisible();

    // A record stored by an older version holds its warnings as English sentences: a known one
    // is still translated, any other shown as it is.
    await page.evaluate(
      (title) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('confnotes');
          req.onsuccess = () => {
            const tx = req.result.transaction('conferences', 'readwrite');
            const store = tx.objectStore('conferences');
            const all = store.getAll();
            all.onsuccess = () => {
              const conf = (all.result as { title: string }[]).find((c) => c.title === title);
              store.put({
                ...conf,
                warnings: [
                  'This calendar gives exact (UTC) times but no time zone; choose the conference’s time zone to see its local times.',
                  '5 talk(s) have no end time.',
                ],
              });
            };
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      title,
    );
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(
      page.getByText(
        'Ce calendrier donne des heures exactes (UTC) mais pas de fuseau horaire ; choisissez le fuseau horaire de la conférence pour voir ses heures locales.',
      ),
    ).toBeVisible();
    await expect(page.getByText('5 talk(s) have no end time.')).toBeVisible();
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
