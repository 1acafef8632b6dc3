// Parses schedule files off the main thread, and checks what was read against the record
// schemas (checkSchedule) before it goes back: a FOSDEM-size XML takes long enough to freeze
// typing and scrolling if parsed in the page, and checking its 900 talks is one more long task.
/// <reference lib="webworker" />
import { checkSchedule } from '../lib/conference/schedule-check';
import { parseSchedule } from '../lib/schedule/parse';
import { ScheduleError } from '../lib/schedule/types';
import { SCHEDULE_WORDS } from '../lib/schedule/words';
import type { ParseRequest, ParseResponse } from '../lib/schedule/parser-client';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ParseRequest>) => {
  const { id, bytes, fileName } = event.data;
  let reply: ParseResponse;
  try {
    reply = { id, ok: true, schedule: checkSchedule(parseSchedule(bytes, fileName)) };
  } catch (err) {
    // Words and values, not the English message, cross back: the page translates them.
    reply =
      err instanceof ScheduleError
        ? { id, ok: false, code: err.code, words: err.words, values: err.values }
        : { id, ok: false, code: 'invalid', words: SCHEDULE_WORDS.unreadable, values: {} };
  }
  scope.postMessage(reply);
};
