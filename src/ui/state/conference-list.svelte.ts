// The conferences on this device, as every screen starts from them, and the one for now (the
// conference a shot or a shared photo goes to). Part of start-up: it loads no repository.
import { appDb } from '../../lib/db/db';
import { listConferences, watchConferences } from '../../lib/db/conference-list';
import type { Conference } from '../../lib/model/types';
import { Live } from './live.svelte';

const db = appDb();

export const conferenceList = new Live<Conference[]>(() => watchConferences(db));

/** The conference running today (local date), else the one imported last. */
export async function conferenceForNow(): Promise<string | undefined> {
  const list = await listConferences(db);
  const today = new Intl.DateTimeFormat('sv').format(Date.now()); // YYYY-MM-DD, local
  const running = list.find(
    (c) => c.startDate && c.endDate && c.startDate <= today && today <= c.endDate,
  );
  return (running ?? list.at(-1))?.id;
}
