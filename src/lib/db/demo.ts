// Writes the Xebicon 2019 demo. Its talks have no times (the seed gives none), so it needs none
// of the time-zone code a real import runs, and a first launch loads only this and the data.
import type { ParsedSchedule } from '../schedule/types';
import type { ConfnotesDb } from './db';
import { newConference } from './conference-record';
import { quietTransaction } from './outbox';
import type { Talk } from './types';

export async function addDemo(
  db: ConfnotesDb,
  deviceTimeZone: string,
  now = Date.now(),
  newId: () => string = () => crypto.randomUUID(),
): Promise<string> {
  const { default: data } = await import('../demo/xebicon-2019.json');
  const demo = data as ParsedSchedule & { programmeUrl: string };
  const source = {
    kind: 'demo' as const,
    url: demo.programmeUrl,
    fileName: 'xebicon-2019-notes.adoc',
    format: 'confnotes-demo' as const,
    fetchedAt: now,
  };
  const conference = newConference(demo, newId(), [deviceTimeZone, 'device'], source, now);
  const talks: Talk[] = demo.talks.map((t, order) => {
    if (t.startLocal || t.startUtc !== undefined) throw new Error('The demo talks have no times');
    return {
      ...t,
      order,
      removedFromSchedule: false,
      utcFromFile: false,
      id: newId(),
      conferenceId: conference.id,
    };
  });
  await db.transaction('rw', db.conferences, db.talks, async (tx) => {
    // The demo stays on this device (sync leaves it out), so nothing of it waits for a server.
    quietTransaction(tx.idbtrans);
    await db.conferences.add(conference);
    await db.talks.bulkAdd(talks);
  });
  return conference.id;
}
