// Start-up work: the first-launch demo, and work a closed tab left behind. The conference list
// lives in conference-list.svelte.ts; the repositories that write, in repos.ts, loaded only by
// the screens that need them.
import { appDb } from '../../lib/db/db';
import { needsDemo } from '../../lib/db/conference-list';
import { countStartupWork } from '../../lib/db/photo-tables';
import { addDemo } from '../../lib/db/demo';
import { deviceTimeZone } from './env.svelte';

const db = appDb();

/** Set once start-up work (adding the demo on first launch) is done; `error` as thrown. */
export const startup = $state<{ done: boolean; error?: unknown }>({ done: false });

export function start(): void {
  needsDemo(db)
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
}
