// Start-up: the list of conferences every screen starts from and the one for now, the
// first-launch demo, and work a closed tab left behind. It loads no repository: those that
// write live in repos.ts, loaded only by the screens that need them.
import { appDb } from '../../lib/db/db';
import { listConferences, needsDemo, watchConferences } from '../../lib/db/conference-list';
import type { Conference } from '../../lib/model/types';
import { countStartupWork } from '../../lib/db/photo-tables';
import { addDemo } from '../../lib/db/demo';
import { deviceTimeZone } from './env.svelte';
import { Live } from './live.svelte';

const db = appDb();

export const conferenceList = new Live<Conference[]>(() => watchConferences(db));

/** Set once start-up work (adding the demo on first launch) is done; `error` as thrown. */
export const startup = $state<{ done: boolean; error?: unknown }>({ done: false });

/** Starts the start-up work; resolves once the demo is in (or was not needed), even on error. */
export function start(): Promise<unknown> {
  const demo = needsDemo(db)
    .then(async (add) => {
      if (add) await addDemo(db, deviceTimeZone());
    })
    .catch((e: unknown) => (startup.error = e))
    .finally(() => (startup.done = true));
  // Shots a closed tab left unprocessed are finished in the background, and deleted photos
  // erased; the capture code is loaded only then, so it stays out of the start-up bundle.
  void countStartupWork(db)
    .then(async (work) => {
      if (work) await (await import('./capture.svelte')).resumeCapture();
    })
    .catch((e: unknown) => (startup.error = e));
  return demo;
}

/** The conference running today (local date), else the one imported last. */
export async function conferenceForNow(): Promise<string | undefined> {
  const list = await listConferences(db);
  const today = new Intl.DateTimeFormat('sv').format(Date.now()); // YYYY-MM-DD, local
  const running = list.find(
    (c) => c.startDate && c.endDate && c.startDate <= today && today <= c.endDate,
  );
  return (running ?? list.at(-1))?.id;
}
