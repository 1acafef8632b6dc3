// Start-up: the list of conferences every screen starts from, the first-launch demo, and work
// a closed tab left behind. The repositories that write live in repos.ts and the import flows
// in importer.ts, loaded only by the screens that need them.
import { appDb } from '../../lib/db/db';
import { listConferences, needsDemo, watchConferences } from '../../lib/db/conference-list';
import { countStartupWork } from '../../lib/db/photo-tables';
import type { Conference } from '../../lib/model/types';
import { addDemo } from '../../lib/db/demo';
import type { Worded } from '../../lib/util/words';
import { i18n, t, tell } from './i18n.svelte';
import { Live } from './live.svelte';
import { deviceTimeZone } from './env.svelte';

const db = appDb();

export const conferenceList = new Live<Conference[]>(() => watchConferences(db));

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

/**
 * lib's errors carry their English words and values (see src/lib/util/words.ts). Checked here
 * rather than imported from there: that module would then be part of start-up, whole.
 */
function isWorded(err: unknown): err is Worded {
  const w = err as Partial<Worded> | null | undefined;
  return typeof w?.words === 'string' && typeof w.values === 'object' && w.values !== null;
}

/**
 * Turns any failure into words for the user, in the interface's language when it carries its
 * words (lib's errors do); storage-full gets its own message. Called where the text is shown,
 * it turns French once the French table is loaded (see tell()).
 */
export function explain(err: unknown): string {
  if (isWorded(err)) return tell(err);
  if (err instanceof Error) {
    if (
      err.name === 'QuotaExceededError' ||
      (err as { inner?: Error }).inner?.name === 'QuotaExceededError'
    ) {
      void i18n.all();
      return t(
        'Your phone is out of storage for this app. Free some space and try again; nothing stored was lost.',
      );
    }
    return err.message;
  }
  return String(err);
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
