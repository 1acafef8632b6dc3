// The filing rule: where a new photo goes when the user has not picked a talk. Pure, so the
// capture screen can show the answer before the shutter is pressed and tests can fix the clock.
import type { Talk } from '../model/types';
import { nowAndNext } from '../schedule/agenda';

export type Filing =
  { kind: 'talk'; talk: Talk; reason: 'starred' | 'room' } | { kind: 'unsorted' };

export interface FilingContext {
  talks: Talk[];
  starred: ReadonlySet<string> | readonly string[];
  /** The room of the talk the user last filed a photo to. */
  lastRoom?: string | undefined;
  /** Epoch ms; talks hold UTC instants, so the conference zone needs no handling here. */
  now: number;
}

/** Of overlapping talks, the one that began last: people walk in to the newer one. */
function latest(talks: Talk[]): Talk | undefined {
  return talks.reduce<Talk | undefined>(
    (best, t) => (!best || (t.startUtc ?? 0) >= (best.startUtc ?? 0) ? t : best),
    undefined,
  );
}

/**
 * The starred talk running now (the one in the last-filed room if several are), else the talk
 * running now in the last-filed room, else the Unsorted tray. Talks removed from the
 * schedule are never chosen.
 */
export function fileShot({ talks, starred, lastRoom, now }: FilingContext): Filing {
  const stars = new Set(starred);
  const running = nowAndNext(talks, now).now;
  const inRoom = (list: Talk[]) => (lastRoom ? list.filter((t) => t.room === lastRoom) : []);
  const runningStarred = running.filter((t) => stars.has(t.id));
  const starredTalk = latest(inRoom(runningStarred)) ?? latest(runningStarred);
  if (starredTalk) return { kind: 'talk', talk: starredTalk, reason: 'starred' };
  const roomTalk = latest(inRoom(running));
  if (roomTalk) return { kind: 'talk', talk: roomTalk, reason: 'room' };
  return { kind: 'unsorted' };
}
