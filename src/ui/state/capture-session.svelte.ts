// Filing for one conference's capture: where a shot goes by itself (the starred talk on now,
// else the talk in the room last filed to, else the Unsorted tray), the last room remembered
// on the device, and images shared to the app filed the same way.
import { fileShot, type Filing, type FilingContext } from '../../lib/capture/filing';
import { unsortedTray } from '../../lib/model/photo-ids';
import { removeShared, sharedFiles } from '../../lib/capture/share-inbox';
import type { Talk } from '../../lib/model/types';
import type { CaptureCounter } from './capture.svelte';
import { conferenceForNow } from './app.svelte';
import { conferences, settings, stars } from './repos';

export { unsortedTray };

export class CaptureSession {
  /** The room of the talk last filed to in this conference; undefined until loaded. */
  lastRoom = $state<string | undefined>(undefined);

  constructor(readonly conferenceId: string) {}

  get #key(): string {
    return `lastRoom:${this.conferenceId}`;
  }

  async load(): Promise<void> {
    this.lastRoom = await settings.get<string | undefined>(this.#key, undefined);
  }

  /** Where a shot taken at `now` goes by itself. */
  filing(talks: Talk[], starred: FilingContext['starred'], now: number): Filing {
    return fileShot({ talks, starred, lastRoom: this.lastRoom, now });
  }

  /** The talk or tray id a filing stands for. */
  target(filing: Filing): string {
    return filing.kind === 'talk' ? filing.talk.id : unsortedTray(this.conferenceId);
  }

  /** After a shot is stored: its talk's room becomes the last room. */
  async filed(room: string | undefined): Promise<void> {
    if (!room || room === this.lastRoom) return;
    this.lastRoom = room;
    await settings.set(this.#key, room);
  }
}

/** Files images shared to the app (waiting in the service worker's inbox) into `talkId`. */
export async function drainShareInbox(
  conferenceId: string,
  talkId: string,
  counter: CaptureCounter,
): Promise<number> {
  let count = 0;
  for (const { key, file } of await sharedFiles()) {
    if (await counter.addFile(conferenceId, talkId, file)) {
      await removeShared(key);
      count++;
    }
  }
  return count;
}

/**
 * Files shared images like a capture: into the talk on now of today's conference (starred,
 * else in the last room), else its Unsorted tray. Returns where they went.
 */
export async function fileShared(
  counter: CaptureCounter,
): Promise<{ conferenceId: string; talkId: string } | undefined> {
  const conferenceId = await conferenceForNow();
  if (!conferenceId) return undefined;
  const session = new CaptureSession(conferenceId);
  await session.load();
  const starred = await stars.list(conferenceId);
  const filing = session.filing(await conferences.talks(conferenceId), starred, Date.now());
  const talkId = session.target(filing);
  await drainShareInbox(conferenceId, talkId, counter);
  return { conferenceId, talkId };
}
