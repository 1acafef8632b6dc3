// A concurrency helper for image transfer: a list worked through a few at a time, stopping
// cleanly at the first failure.

/**
 * Runs `work` over `items`, `width` at a time. After a failure no new item starts, and the
 * ones under way finish before the first error is thrown: nothing keeps running unseen.
 */
export async function eachLimited<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const lanes = await Promise.allSettled(
    Array.from({ length: Math.min(width, items.length) }, lane),
  );
  const failure = lanes.find((l) => l.status === 'rejected');
  if (failure) throw failure.reason;
}
