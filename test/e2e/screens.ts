// Every screen of the app, filled as a user would fill it, for the tests that look at all of
// them (layout.spec.ts, with axe): a real multi-day schedule (DebConf 23, eight days, in
// Kochi while the phone is in Paris), two starred talks, a talk with notes and a processed
// photo, a photo in the Unsorted tray. `SCREENS` opens each in turn on that one page.
import type { Page } from '@playwright/test';
import { CHROME_ARGS, chromePath } from '../support/browser';
import { CAMERA_ARGS } from '../support/fake-camera';
import { expect, FIXTURES, storedRows, updatePhoto } from './fixtures';
import type { Photo } from '../../src/lib/model/types';
import type { AppServer } from '../support/servers';

const IMAGES = new URL('../fixtures/images/', import.meta.url).pathname;

/** test.use() options for these tests: the fake camera, a phone in Paris. */
export const SCREEN_OPTIONS = {
  timezoneId: 'Europe/Paris',
  launchOptions: { executablePath: chromePath(), args: [...CHROME_ARGS, ...CAMERA_ARGS] },
};

export type Lang = 'en' | 'fr';
export const LOCALES: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };

/** The few words the set-up needs to find things, in each language. */
const WORDS = {
  en: {
    star: 'Star',
    notes: 'Notes',
    addPhotos: 'Add photos',
    saved: (n: number) => `${n} saved`,
    unsorted: 'Unsorted',
    adjust: 'Adjust corners',
    slide: 'Slide 1',
    takePhoto: 'Take photo',
    search: 'Search talks',
    onASlide: 'On a slide:',
    readSlides: 'Read slide text',
  },
  fr: {
    star: 'Favori',
    notes: 'Notes',
    addPhotos: 'Ajouter des photos',
    saved: (n: number) => `${n} enregistrées`,
    unsorted: 'Non classées',
    adjust: 'Ajuster les coins',
    slide: 'Diapositive 1',
    takePhoto: 'Prendre la photo',
    search: 'Chercher des talks',
    onASlide: 'Sur une diapo :',
    readSlides: 'Lire le texte des diapositives',
  },
};

export interface Filled {
  app: AppServer;
  lang: Lang;
  conference: string;
  talk: string;
}

/** What the talk's two shots read, as the reading queue would have stored it. */
const SLIDE_TEXT = 'Réseau du spectrographe\nThe conference network is called debconf';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const route = (page: Page, f: Filled, hash: string) => page.goto(`${f.app.url}#/${hash}`);

/** The day buttons of the schedule's day strip. */
export const dayButtons = (page: Page) => page.locator('main button[aria-pressed]:not(.star)');

/**
 * Imports DebConf 23 from its file, stars two talks, writes a note and adds a photo to the
 * first talk, and takes one shot into the Unsorted tray. The clock stands on the conference's
 * third day, so "now and next" and the camera's automatic filing have talks to show.
 */
export async function fill(page: Page, app: AppServer, lang: Lang): Promise<Filled> {
  const w = WORDS[lang];
  // Tuesday 12 September 2023, 11:00 in Kochi.
  await page.clock.setFixedTime(new Date('2023-09-12T05:30:00Z'));
  await page.goto(app.url);
  await expect(h1(page)).toBeVisible();
  // Reading is off: the slide text and the stack below are written as reading would, so the
  // walk spends no time reading and no core on it.
  await page.goto(`${app.url}#/settings`);
  await page.getByRole('checkbox', { name: w.readSlides }).uncheck();
  await expect(page.getByRole('checkbox', { name: w.readSlides })).not.toBeChecked();
  await page.goto(`${app.url}#/import`);
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles(`${FIXTURES}frab-xml_wafer_debconf23_utc-dates_ist.xml`);
  await expect(h1(page)).toHaveText('DebConf 23');
  const conference = decodeURIComponent(/#\/c\/([^/]+)/.exec(page.url())![1]!);

  const stars = page.getByRole('button', { name: w.star, exact: true });
  for (const i of [1, 2]) {
    await stars.nth(i).click();
    await expect(stars.nth(i)).toHaveAttribute('aria-pressed', 'true');
  }
  // The Opening Ceremony: a title, a room, a speaker, an abstract.
  await page.locator('input[type=search]').fill('Opening Ceremony');
  const first = page.getByRole('link', { name: 'Opening Ceremony', exact: true });
  const talk = decodeURIComponent(/\/t\/([^/]+)$/.exec((await first.getAttribute('href'))!)![1]!);
  await first.click();
  await page
    .getByRole('textbox', { name: w.notes })
    .fill('- Welcome to Kochi\n- The network is called debconf');
  await page.goto(
    `${app.url}#/c/${encodeURIComponent(conference)}/camera/${encodeURIComponent(talk)}`,
  );
  // The talk's slide, shot twice (the same drawing as WebP): one stack.
  await page.getByLabel(w.addPhotos).setInputFiles([`${IMAGES}slide.jpg`, `${IMAGES}slide.webp`]);
  await expect(page.getByText(w.saved(2), { exact: true })).toBeVisible();
  const inTalk = async () =>
    (await storedRows<Photo>(page, 'photos')).filter((p) => p.talkId === talk);
  await expect.poll(async () => (await inTalk()).every((p) => p.status === 'ready')).toBe(true);
  const shots = await inTalk();
  for (const p of shots)
    await updatePhoto(page, p.id, { stack: shots[0]!.id, text: { words: SLIDE_TEXT, lang } });
  await page.reload();
  await page.locator('select').selectOption({ label: w.unsorted });
  await cameraReady(page, lang);
  await page.getByRole('button', { name: w.takePhoto }).click();
  // The page was reloaded above: its count starts again.
  await expect(page.getByText(w.saved(1), { exact: true })).toBeVisible();
  return { app, lang, conference, talk };
}

async function cameraReady(page: Page, lang: Lang) {
  await expect(page.getByRole('button', { name: WORDS[lang].takePhoto })).toBeEnabled();
  await page.waitForFunction(() => (document.querySelector('video')?.videoWidth ?? 0) > 0);
}

export interface Screen {
  name: string;
  /** Opens the screen from wherever the previous one left the page, and waits until it is drawn. */
  open(page: Page, f: Filled): Promise<void>;
  /** Leaves what open() opened over the page (a dialog, a search), if anything. */
  close?(page: Page, f: Filled): Promise<void>;
}

const conf = (f: Filled, tail = '') => `c/${encodeURIComponent(f.conference)}${tail}`;

export const SCREENS: Screen[] = [
  {
    name: 'home',
    async open(page, f) {
      await route(page, f, '');
      await expect(page.getByRole('link', { name: 'DebConf 23' })).toBeVisible();
    },
  },
  {
    name: 'import',
    async open(page, f) {
      await route(page, f, 'import');
      await expect(page.locator('input[type=url]')).toBeVisible();
    },
  },
  {
    name: 'settings',
    async open(page, f) {
      await route(page, f, 'settings');
      await expect(page.locator('#ui-lang')).toBeVisible();
    },
  },
  {
    name: 'schedule',
    async open(page, f) {
      await route(page, f, conf(f));
      await expect(h1(page)).toHaveText('DebConf 23');
      await expect(dayButtons(page).first()).toHaveAttribute('aria-pressed', 'true');
    },
  },
  {
    name: 'schedule, last day',
    async open(page, f) {
      await route(page, f, conf(f));
      // A click from the page, not Playwright's (which first scrolls the button into view):
      // the strip must bring the chosen day into view itself.
      await dayButtons(page).last().dispatchEvent('click');
      await expect(dayButtons(page).last()).toHaveAttribute('aria-pressed', 'true');
    },
  },
  {
    name: 'now and next',
    async open(page, f) {
      await route(page, f, conf(f, '/now'));
      await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(
        f.lang === 'en' ? 'Now' : 'En ce moment',
      );
    },
  },
  {
    name: 'my agenda',
    async open(page, f) {
      await route(page, f, conf(f, '/agenda'));
      await expect(page.getByRole('heading', { level: 3 })).toHaveCount(1);
    },
  },
  {
    name: 'talk',
    async open(page, f) {
      await route(page, f, conf(f, `/t/${encodeURIComponent(f.talk)}`));
      await expect(h1(page)).toHaveText('Opening Ceremony');
      await expect(page.getByRole('button', { name: WORDS[f.lang].adjust })).toBeVisible({
        timeout: 30_000,
      });
    },
  },
  {
    name: 'corner editor',
    async open(page, f) {
      await page.getByRole('button', { name: WORDS[f.lang].adjust }).click();
      await expect(page.getByRole('dialog').locator('.handle')).toHaveCount(4);
    },
    async close(page) {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
    },
  },
  {
    name: 'camera',
    async open(page, f) {
      await route(page, f, conf(f, `/camera/${encodeURIComponent(f.talk)}`));
      await cameraReady(page, f.lang);
    },
  },
  {
    name: 'unsorted',
    async open(page, f) {
      await route(page, f, conf(f, '/unsorted'));
      await expect(page.getByRole('img', { name: WORDS[f.lang].slide, exact: true })).toBeVisible();
    },
  },
  {
    name: 'shared',
    async open(page, f) {
      await route(page, f, 'shared');
      await expect(page.locator('main a.button')).toBeVisible();
    },
  },
  {
    // An address the app does not know (an old bookmark, a mistyped link).
    name: 'not found',
    async open(page, f) {
      await route(page, f, 'no/such/screen');
      const words = f.lang === 'en' ? 'Page not found' : 'Page introuvable';
      await expect(page.getByRole('heading', { level: 1, name: words })).toBeVisible();
    },
  },
  {
    name: 'talk, a stack opened',
    async open(page, f) {
      const en = f.lang === 'en';
      const opener = page.getByRole('button', {
        name: en ? /^2 shots of Slide [12]$/ : /^2 clichés de Diapositive [12]$/,
      });
      await route(page, f, conf(f, `/t/${encodeURIComponent(f.talk)}`));
      await expect(opener).toBeVisible();
      if ((await opener.getAttribute('aria-expanded')) !== 'true') await opener.click();
      const keep = en ? 'Keep this one' : 'Garder celle-ci';
      await expect(page.getByRole('button', { name: keep, exact: true })).toHaveCount(2);
    },
  },
  {
    // A word on the talk's slide finds it, "on a slide".
    name: 'search, a slide hit',
    async open(page, f) {
      await route(page, f, conf(f));
      await page.getByRole('searchbox', { name: WORDS[f.lang].search }).fill('spectrographe');
      await expect(page.getByText(WORDS[f.lang].onASlide).first()).toBeVisible();
    },
    async close(page, f) {
      await page.getByRole('searchbox', { name: WORDS[f.lang].search }).fill('');
    },
  },
];
