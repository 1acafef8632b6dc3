// Parses schedule files off the main thread: a FOSDEM-size XML takes long enough to freeze
// typing and scrolling if parsed in the page.
/// <reference lib="webworker" />
import { parseSchedule } from '../lib/schedule/parse';
import { ScheduleError } from '../lib/schedule/types';
import type { ParseRequest, ParseResponse } from '../lib/schedule/parser-client';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ParseRequest>) => {
  const { id, bytes, fileName } = event.data;
  let reply: ParseResponse;
  try {
    reply = { id, ok: true, schedule: parseSchedule(bytes, fileName) };
  } catch (err) {
    const known = err instanceof ScheduleError;
    reply = {
      id,
      ok: false,
      code: known ? err.code : 'invalid',
      message: known ? err.message : 'This file could not be read as a schedule.',
    };
  }
  scope.postMessage(reply);
};
