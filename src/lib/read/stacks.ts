// Which shots of a talk stand for one slide (issue 12): re-shots of the same slide, and the
// build steps of one slide (the same slide with one more bullet), become a stack shown as one
// photo, its face. Pure decisions here; src/lib/db/photo-stacks.ts writes them. Nothing is
// ever deleted because of a stack: the user picks the face ("Keep this one") or undoes it.
import type { Photo } from '../model/types';
import { hamming } from './dhash';
import { overlap, slideWords } from './words';

/** Shots further apart than this are not re-shots: the speaker has moved on. */
export const STACK_WINDOW_MS = 3 * 60_000;

/**
 * Hashes this close (differing bits out of 64) propose two shots as one slide; their words
 * then decide. On the generated test set (test/support/ocr-set.ts, 12 pairs of each kind),
 * re-shots differed by 0 to 3 bits and build steps by 0 to 5, while two slides of one deck, in
 * one template, differed by only 2 to 10: the hash proposes, it cannot tell slides apart.
 */
export const NEAR_HASH = 10;

/**
 * Hashes this close count as the same picture: enough alone when no words were read. Below
 * the 2 bits seen between two slides of one template, since a wrong stack hides a slide and a
 * missed one only shows a shot twice.
 */
export const SAME_PICTURE_HASH = 1;

/**
 * Word overlap (words.ts) from which two texts are the same slide, OCR's misreads allowed. The
 * test set's re-shots overlapped 0.95 to 1, its build steps 0.75 to 0.89.
 */
export const SAME_SLIDE_OVERLAP = 0.9;

/**
 * Word overlap from which the fuller of two texts is a build step of the other. Two slides of
 * one deck overlapped 0.15 at most on the test set (a shared title word or footer).
 */
export const BUILD_STEP_OVERLAP = 0.6;

export type Relation = 'same' | 'build' | 'different';

const read = (p: Photo): boolean => p.text !== undefined;
const loose = (p: Photo): boolean => p.deletedAt === undefined && !p.unstacked && read(p);

/**
 * How two shots relate. Only shots of the same talk taken within STACK_WINDOW_MS, both read
 * and neither unstacked by the user, can stack. A near hash or a same-slide overlap makes
 * them candidates, and the overlap decides between the same slide and a build step. A shot
 * where nothing was read (a photo, a blank slide) stacks only on the same picture.
 */
export function relation(a: Photo, b: Photo): Relation {
  if (a.id === b.id || !loose(a) || !loose(b) || a.talkId !== b.talkId) return 'different';
  if (Math.abs(a.takenAt - b.takenAt) > STACK_WINDOW_MS) return 'different';
  const bits = a.hash && b.hash ? hamming(a.hash, b.hash) : Infinity;
  const wa = slideWords(a.text!.words);
  const wb = slideWords(b.text!.words);
  if (wa.size === 0 || wb.size === 0) return bits <= SAME_PICTURE_HASH ? 'same' : 'different';
  const shared = overlap(wa, wb);
  if (shared >= SAME_SLIDE_OVERLAP) return 'same';
  return bits <= NEAR_HASH && shared >= BUILD_STEP_OVERLAP ? 'build' : 'different';
}

/**
 * The stack a newly read shot should join, or undefined to stay on its own: that of the
 * closest related shot among `others`, the same slide before a build step, then the nearest in
 * time. A shot with no stack yet starts one keyed by its id (the caller writes it on both).
 * A shot already in a stack stays in it.
 */
export function stackToJoin(photo: Photo, others: readonly Photo[]): string | undefined {
  if (photo.stack) return photo.stack;
  let best: { other: Photo; rank: number } | undefined;
  for (const other of others) {
    const how = relation(photo, other);
    if (how === 'different') continue;
    const rank =
      (how === 'same' ? 0 : STACK_WINDOW_MS + 1) + Math.abs(photo.takenAt - other.takenAt);
    if (!best || rank < best.rank) best = { other, rank };
  }
  return best && (best.other.stack ?? best.other.id);
}

/** The later shot of two; of two taken and stored at the same time, the second, `b`. */
const newest = (a: Photo, b: Photo): Photo =>
  b.takenAt > a.takenAt || (b.takenAt === a.takenAt && b.createdAt >= a.createdAt) ? b : a;

/**
 * The shot that stands for a stack: the one the user kept; else, when the members are build
 * steps of one slide, the fullest (most words), which shows everything the others do; else
 * the newest, the likeliest to be steady and in focus after a burst.
 */
export function faceOf(members: readonly Photo[]): Photo {
  if (members.length === 0) throw new RangeError('A stack has members');
  const kept = members.find((p) => p.kept);
  if (kept) return kept;
  const words = new Map(members.map((p) => [p, slideWords(p.text?.words ?? '')]));
  const fullest = members.reduce((a, b) => {
    const [na, nb] = [words.get(a)!.size, words.get(b)!.size];
    return nb > na ? b : na > nb ? a : newest(a, b);
  });
  const steps = members.some(
    (p) =>
      words.get(p)!.size > 0 && overlap(words.get(p)!, words.get(fullest)!) < SAME_SLIDE_OVERLAP,
  );
  return steps ? fullest : members.reduce(newest);
}

/**
 * The photos shown for a list: each photo on its own, and one face per stack, at the face's
 * place in the list, in the list's order. Members of a stack outside the list do not count.
 */
export function faces(photos: readonly Photo[]): Photo[] {
  const shown = new Set([...stacksOf(photos).values()].map(faceOf));
  return photos.filter((p) => !p.stack || shown.has(p));
}

/** The members of each stack in a list, by stack id, in the list's order. */
export function stacksOf(photos: readonly Photo[]): Map<string, Photo[]> {
  const stacks = new Map<string, Photo[]>();
  for (const p of photos) {
    if (p.stack) stacks.set(p.stack, [...(stacks.get(p.stack) ?? []), p]);
  }
  return stacks;
}
