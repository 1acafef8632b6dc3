// Time zone conversions for a whole schedule at once. Its talks share a few hundred start and
// end instants, and each conversion is one to four Intl formatToParts calls: remembering them
// made reading FOSDEM 2026 a fifth faster. Both are pure, so a remembered answer is the answer.
import { utcToZonedWall, zonedWallToUtc } from '../util/time';

// More than any one schedule needs; past it the memo starts again rather than grow for ever.
const MAX = 20_000;
const walls = new Map<string, string>();
const instants = new Map<string, number>();

function remembered<V>(memo: Map<string, V>, key: string, make: () => V): V {
  let v = memo.get(key);
  if (v === undefined) {
    if (memo.size >= MAX) memo.clear();
    v = make();
    memo.set(key, v);
  }
  return v;
}

/** utcToZonedWall, remembered. */
export function wallIn(ms: number, zone: string): string {
  return remembered(walls, `${zone} ${ms}`, () => utcToZonedWall(ms, zone));
}

/** zonedWallToUtc, remembered (it throws on a malformed wall, and then remembers nothing). */
export function instantIn(local: string, zone: string): number {
  return remembered(instants, `${zone} ${local}`, () => zonedWallToUtc(local, zone));
}
