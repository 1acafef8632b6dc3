// What the home screen needs at start-up, kept apart from ConferenceRepo (imports, refreshes)
// so that the first paint does not load the code that writes schedules.
import { liveQuery, type Observable } from 'dexie';
import type { ConfnotesDb } from './db';
import type { Conference } from './types';

export const DEMO_DISMISSED = 'demoDismissed';

export function listConferences(db: ConfnotesDb): Promise<Conference[]> {
  return db.conferences.orderBy('createdAt').toArray();
}

export function watchConferences(db: ConfnotesDb): Observable<Conference[]> {
  return liveQuery(() => listConferences(db));
}

/** First launch: no conference yet, and the user never deleted the demo. */
export async function needsDemo(db: ConfnotesDb): Promise<boolean> {
  if ((await db.settings.get(DEMO_DISMISSED))?.value === true) return false;
  return (await db.conferences.count()) === 0;
}
