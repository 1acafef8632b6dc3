// Loads the locale data behind the first screen's dates on a thread of its own. That data
// (ICU's) is loaded once for the whole page, workers included: on the main thread the first
// date format took 30 to 50 ms on a desktop, a long task at start-up on a phone; after this
// worker, 1 to 2 ms.
/// <reference lib="webworker" />
import { DATE_RANGE } from '../lib/schedule/date-range';

new Intl.DateTimeFormat(undefined, DATE_RANGE).formatRange(0, 86_400_000);
(self as unknown as DedicatedWorkerGlobalScope).postMessage('warm');
