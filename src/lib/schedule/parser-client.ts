// Owns the schedule-parsing worker: started on first use, stopped when idle, one request at a
// time matched by id. The worker also checks what it read against the record schemas, so a
// schedule that comes back is one that may be stored. Errors come back as ScheduleError with
// the worker's words and values, so the screens can still translate them. A parse can be
// cancelled (AbortSignal) and has a time budget; either way the worker is terminated, since a
// busy worker cannot be interrupted.
import type { WordValues } from '../util/words';
import { ScheduleError, type ParsedSchedule, type ScheduleErrorCode } from './types';
import { SCHEDULE_WORDS, type ScheduleWords } from './words';

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  fileName?: string;
}

export type ParseResponse =
  | { id: number; ok: true; schedule: ParsedSchedule }
  | { id: number; ok: false; code: ScheduleErrorCode; words: ScheduleWords; values: WordValues };

const IDLE_MS = 30_000;
/** A 20 MB schedule reads in a few seconds; a file that takes a minute never will. */
export const PARSE_TIME_BUDGET_MS = 60_000;

export interface ParserOptions {
  budgetMs?: number;
  /** For tests: the worker to talk to. */
  createWorker?: () => Worker;
}

const failure = (id: number, code: ScheduleErrorCode, words: ScheduleWords, values = {}) =>
  ({ id, ok: false, code, words, values }) satisfies ParseResponse;

export class ScheduleParser {
  private worker: Worker | undefined;
  private nextId = 1;
  private pending = new Map<number, (r: ParseResponse) => void>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly budgetMs: number;
  private readonly createWorker: () => Worker;

  constructor(options: ParserOptions = {}) {
    this.budgetMs = options.budgetMs ?? PARSE_TIME_BUDGET_MS;
    this.createWorker =
      options.createWorker ??
      (() =>
        new Worker(new URL('../../workers/schedule.worker.ts', import.meta.url), {
          type: 'module',
        }));
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (e: MessageEvent<ParseResponse>) => this.settle(e.data);
    worker.onerror = () => this.failAll('invalid', SCHEDULE_WORDS.readerStopped);
    this.worker = worker;
    return worker;
  }

  private settle(response: ParseResponse) {
    this.pending.get(response.id)?.(response);
    this.pending.delete(response.id);
    this.scheduleStop();
  }

  /** Stops the worker and answers every parse still waiting for it. */
  private failAll(code: ScheduleErrorCode, words: ScheduleWords, values: WordValues = {}) {
    const waiting = [...this.pending.entries()];
    this.pending.clear();
    this.stop();
    for (const [id, settle] of waiting) settle(failure(id, code, words, values));
  }

  private scheduleStop() {
    clearTimeout(this.idleTimer);
    if (this.pending.size === 0) this.idleTimer = setTimeout(() => this.stop(), IDLE_MS);
  }

  /** Starts the worker ahead of need: loading and compiling the parser is most of a first parse. */
  warm(): void {
    this.start();
    this.scheduleStop();
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  async parse(
    bytes: Uint8Array,
    fileName?: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<ParsedSchedule> {
    const { signal } = options;
    if (signal?.aborted) throw new ScheduleError('cancelled', SCHEDULE_WORDS.cancelled);
    const worker = this.start();
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    let budget: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      // Only this parse is cancelled, but the worker goes with it: any other parse waiting on
      // it is told the reader stopped.
      this.pending.get(id)?.(failure(id, 'cancelled', SCHEDULE_WORDS.cancelled));
      this.pending.delete(id);
      this.failAll('invalid', SCHEDULE_WORDS.readerStopped);
    };
    try {
      const response = await new Promise<ParseResponse>((resolve) => {
        this.pending.set(id, resolve);
        signal?.addEventListener('abort', onAbort, { once: true });
        budget = setTimeout(() => {
          this.pending.get(id)?.(
            failure(id, 'too-slow', SCHEDULE_WORDS.tooSlow, {
              seconds: Math.round(this.budgetMs / 1000),
            }),
          );
          this.pending.delete(id);
          this.failAll('invalid', SCHEDULE_WORDS.readerStopped);
        }, this.budgetMs);
        // The bytes are transferred, not copied: the caller has no further use for them.
        worker.postMessage({ id, bytes, fileName } satisfies ParseRequest, [bytes.buffer]);
      });
      if (!response.ok) throw new ScheduleError(response.code, response.words, response.values);
      return response.schedule;
    } finally {
      clearTimeout(budget);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
