// Has intl.worker.ts load the locale data behind the first screen's dates off the main
// thread (see there). Best effort: the list does not wait for it, and a list drawn first
// loads the data itself, as it did before.

export function warmDates(): void {
  try {
    const worker = new Worker(new URL('../../workers/intl.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = worker.onerror = () => worker.terminate();
  } catch {
    // No worker: the first date format loads the data on the main thread.
  }
}
