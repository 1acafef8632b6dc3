// The import and refresh flows, for the screens that offer them. Kept out of app.svelte.ts so
// the parser client and fetch code are not part of the start-up bundle.
import { ImportService } from '../../lib/conference/import-service';
import { ScheduleParser } from '../../lib/schedule/parser-client';
import { conferences } from './repos';
import { deviceTimeZone } from './env.svelte';

export const importer = new ImportService(
  conferences,
  new ScheduleParser(),
  deviceTimeZone,
  () => navigator.onLine,
);
