// The parser client's cancel and time budget, against a stand-in worker that answers only when
// told: both stop the worker and reject with words for the user; fake timers, no waiting.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PARSE_TIME_BUDGET_MS,
  ScheduleParser,
  type ParseRequest,
  type ParseResponse,
} from '../../../src/lib/schedule/parser-client';
import { ScheduleError, type ParsedSchedule } from '../../../src/lib/schedule/types';
import { SCHEDULE_WORDS } from '../../../src/lib/schedule/words';

class FakeWorker {
  onmessage: ((e: MessageEvent<ParseResponse>) => void) | null = null;
  onerror: (() => void) | null = null;
  received: ParseRequest[] = [];
  terminated = false;
  postMessage(req: ParseRequest) {
    this.received.push(req);
  }
  terminate() {
    this.terminated = true;
  }
  reply(r: ParseResponse) {
    this.onmessage?.({ data: r } as MessageEvent<ParseResponse>);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const parser = new ScheduleParser({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
  });
  return { parser, workers };
}

const schedule = { format: 'ics', conference: { title: 'C' }, talks: [], warnings: [] };
const bytes = () => new Uint8Array([1, 2, 3]);

async function rejection(p: Promise<unknown>): Promise<ScheduleError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ScheduleError);
  return e as ScheduleError;
}

describe('ScheduleParser', () => {
  afterEach(() => vi.useRealTimers());

  it('answers with the schedule the worker read', async () => {
    const { parser, workers } = setup();
    const p = parser.parse(bytes(), 'a.ics');
    const [w] = workers;
    w?.reply({ id: w.received[0]?.id ?? 0, ok: true, schedule: schedule as ParsedSchedule });
    await expect(p).resolves.toEqual(schedule);
  });

  it('cancels: the worker is stopped and the import fails in plain words', async () => {
    const { parser, workers } = setup();
    const controller = new AbortController();
    const p = parser.parse(bytes(), 'big.ics', { signal: controller.signal });
    controller.abort();
    const e = await rejection(p);
    expect(e.code).toBe('cancelled');
    expect(e.message).toBe('The import was cancelled.');
    expect(workers[0]?.terminated).toBe(true);
    // The next import gets a fresh worker.
    const next = parser.parse(bytes(), 'a.ics');
    const w = workers[1];
    expect(w?.received).toHaveLength(1);
    w?.reply({ id: w.received[0]?.id ?? 0, ok: true, schedule: schedule as ParsedSchedule });
    await expect(next).resolves.toEqual(schedule);
  });

  it('does not start reading for an import already cancelled', async () => {
    const { parser, workers } = setup();
    const e = await rejection(parser.parse(bytes(), 'a.ics', { signal: AbortSignal.abort() }));
    expect(e.code).toBe('cancelled');
    expect(workers).toHaveLength(0);
  });

  it('stops a parse that runs past its time budget, with a plain message', async () => {
    vi.useFakeTimers();
    const { parser, workers } = setup();
    const p = rejection(parser.parse(bytes(), 'slow.ics'));
    await vi.advanceTimersByTimeAsync(PARSE_TIME_BUDGET_MS - 1);
    expect(workers[0]?.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const e = await p;
    expect(e.code).toBe('too-slow');
    expect(e.words).toBe(SCHEDULE_WORDS.tooSlow);
    expect(e.message).toMatch(/^This schedule took too long to read \(over 60 seconds\)/);
    expect(workers[0]?.terminated).toBe(true);
  });

  it('does not hold an answered parse to the budget', async () => {
    vi.useFakeTimers();
    const { parser, workers } = setup();
    const p = parser.parse(bytes(), 'a.ics');
    const w = workers[0];
    w?.reply({ id: w.received[0]?.id ?? 0, ok: true, schedule: schedule as ParsedSchedule });
    await expect(p).resolves.toEqual(schedule);
    expect(vi.getTimerCount()).toBe(1); // only the idle stop is left
  });
});
