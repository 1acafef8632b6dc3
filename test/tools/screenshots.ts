// Takes the manifest screenshots and the README picture from the real production build with a
// real schedule. Run after `npx vite build`: `npx tsx test/tools/screenshots.ts`.
import { launch } from '../support/browser';
import { startApp } from '../support/servers';

const out = (name: string) => new URL(`../../public/screenshots/${name}`, import.meta.url).pathname;
const fosdem = new URL('../fixtures/schedules/pentabarf-xml_fosdem2015.xml', import.meta.url)
  .pathname;

const app = await startApp();
const browser = await launch();
try {
  const narrow = await browser.newContext({
    viewport: { width: 360, height: 720 },
    deviceScaleFactor: 2,
    colorScheme: 'dark',
    timezoneId: 'Europe/Brussels',
    locale: 'en-GB',
  });
  const page = await narrow.newPage();
  await page.goto(`${app.url}#/import`);
  await page.getByLabel('Schedule file').setInputFiles(fosdem);
  await page.getByRole('heading', { level: 1, name: 'FOSDEM 2015' }).waitFor();
  await page.getByLabel('Conference time zone').selectOption('Europe/Brussels');
  await page.getByLabel('Room').selectOption('Janson');
  for (const i of [1, 3]) await page.getByRole('button', { name: 'Star' }).nth(i).click();
  await page.screenshot({ path: out('narrow.png') });
  const talkUrl = await page
    .getByRole('link', { name: 'Identity Crisis: Are we who we say we are?' })
    .getAttribute('href');

  const wide = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: 'dark',
    storageState: await narrow.storageState({ indexedDB: true }),
  });
  await narrow.close();
  const p2 = await wide.newPage();
  await p2.goto(`${app.url}${talkUrl ?? ''}`);
  await p2.waitForTimeout(500);
  await p2.screenshot({ path: out('wide.png') });
} finally {
  await browser.close();
  await app.stop();
}
