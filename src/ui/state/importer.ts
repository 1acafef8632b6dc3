// The import and refresh flows, for the screens that offer them. Kept out of app.svelte.ts so
// the parser client and fetch code are not part of the start-up bundle.
import { ImportService } from '../../lib/conference/import-service';
import { ScheduleParser } from '../../lib/schedule/parser-client';
import { conferences } from './repos';
import { deviceTimeZone } from './env.svelte';

/** The parser, reading under the signal of the import the import screen is running, if any. */
class ScreenParser extends ScheduleParser {
  signal: AbortSignal | undefined;

  override parse(bytes: Uint8Array, fileName?: string, options: { signal?: AbortSignal } = {}) {
    return super.parse(bytes, fileName, { signal: options.signal ?? this.signal });
  }
}

const parser = new ScreenParser();

export const importer = new ImportService(
  conferences,
  parser,
  deviceTimeZone,
  () => navigator.onLine,
);

/**
 * Runs one import of the import screen. Aborting `signal` stops the reading of the schedule at
 * once (the worker is terminated) and the job fails with ScheduleError 'cancelled'; a download
 * still under way runs to its end, then the reading refuses to start. Nothing is stored.
 */
export async function cancellable<T>(signal: AbortSignal, job: () => Promise<T>): Promise<T> {
  parser.signal = signal;
  try {
    return await job();
  } finally {
    if (parser.signal === signal) parser.signal = undefined;
  }
}
