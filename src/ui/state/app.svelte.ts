// The app's services, created once: repositories over the one database, the conference
// library, and the list of conferences every screen starts from. The import flows live in
// importer.ts, loaded only by the screens that import.
import { appDb } from '../../lib/db/db';
import { ConferenceRepo } from '../../lib/db/conference-repo';
import { SettingsRepo } from '../../lib/db/settings-repo';
import { StarRepo } from '../../lib/db/star-repo';
import { countStartupWork } from '../../lib/db/photo-tables';
import { Library } from '../../lib/conference/library';
import type { Conference } from '../../lib/db/types';
import { Live } from './live.svelte';
import { deviceTimeZone } from './env.svelte';

const db = appDb();

export const conferences = new ConferenceRepo(db);
export const stars = new StarRepo(db);
export const settings = new SettingsRepo(db);
export const library = new Library(conferences, settings, deviceTimeZone);

export const conferenceList = new Live<Conference[]>(() => conferences.watchConferences());

/** Set once start-up work (adding the demo on first launch) is done. */
export const startup = $state({ done: false, error: '' });

export function start(): void {
  library
    .ensureDemo()
    .catch((e: unknown) => (startup.error = explain(e)))
    .finally(() => (startup.done = true));
  // Shots a closed tab left unprocessed are finished in the background, and deleted photos
  // erased; the capture code is loaded only then, so it stays out of the start-up bundle.
  void countStartupWork(db)
    .then(async (work) => {
      if (work) await (await import('./capture.svelte')).resumeCapture();
    })
    .catch((e: unknown) => (startup.error = explain(e)));
}

/** Turns any failure into words for the user; storage-full gets its own message. */
export function explain(err: unknown): string {
  if (err instanceof Error) {
    if (
      err.name === 'QuotaExceededError' ||
      (err as { inner?: Error }).inner?.name === 'QuotaExceededError'
    ) {
      return 'Your phone is out of storage for this app. Free some space and try again; nothing stored was lost.';
    }
    return err.message;
  }
  return String(err);
}

/** The conference running today (local date), else the one imported last. */
export async function conferenceForNow(): Promise<string | undefined> {
  const list = await conferences.list();
  const today = new Intl.DateTimeFormat('sv').format(Date.now()); // YYYY-MM-DD, local
  const running = list.find(
    (c) => c.startDate && c.endDate && c.startDate <= today && today <= c.endDate,
  );
  return (running ?? list.at(-1))?.id;
}
