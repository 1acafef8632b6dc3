// Has intl.worker.ts load the locale data behind the first screen's dates off the main
// thread (see there), for the start-up to wait on briefly.

/** How long the list waits at most for the dates' locale data (see warmDates). */
const WARM_WAIT_MS = 300;

/** Resolves once the worker loaded the data, failed, or took longer than the list waits. */
export function warmDates(): Promise<void> {
  return new Promise((done) => {
    let worker: Worker | undefined;
    const finish = () => {
      worker?.terminate();
      done();
    };
    setTimeout(finish, WARM_WAIT_MS);
    try {
      worker = new Worker(new URL('../../workers/intl.worker.ts', import.meta.url), {
        type: 'module',
      });
      worker.onmessage = worker.onerror = finish;
    } catch {
      finish();
    }
  });
}
