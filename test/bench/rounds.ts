// Interleaved rounds for the benches' gated ratios: every run once a round, the order turned
// each round, after one round not counted (warm-up). A ratio is the median of the rounds' own
// ratios, so a burst of load from another process on this shared machine skews one round, not
// the result.

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface RoundOptions {
  /** The uncounted first round; off where the runs share a warm-up of their own. */
  warmUp?: boolean;
  /** Makes a round's input (not timed): round -1 is the warm-up. */
  beforeRound?: (round: number) => Promise<void>;
}

/** Milliseconds of each run, one entry a round; a run returns its own measured time. */
export async function interleaved<K extends string>(
  rounds: number,
  runs: Record<K, () => Promise<number>>,
  { warmUp = true, beforeRound }: RoundOptions = {},
): Promise<Record<K, number[]>> {
  const names = Object.keys(runs) as K[];
  const out = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = warmUp ? -1 : 0; round < rounds; round++) {
    await beforeRound?.(round);
    const order = names.map((_, i) => names[(i + Math.max(round, 0)) % names.length]!);
    for (const name of order) {
      const ms = await runs[name]();
      if (round >= 0) out[name].push(ms);
    }
  }
  return out;
}

/** The median over rounds of a[r] / b[r]. */
export const medianRatio = (a: number[], b: number[]) => median(a.map((x, r) => x / b[r]!));
