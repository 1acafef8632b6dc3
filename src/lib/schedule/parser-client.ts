// Owns the schedule-parsing worker: started on first use, stopped when idle, one request at a
// time matched by id. Errors come back as ScheduleError with the worker's words and values, so
// the screens can still translate them.
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

export class ScheduleParser {
  private worker: Worker | undefined;
  private nextId = 1;
  private pending = new Map<number, (r: ParseResponse) => void>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('../../workers/schedule.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = (e: MessageEvent<ParseResponse>) => {
      this.pending.get(e.data.id)?.(e.data);
      this.pending.delete(e.data.id);
      this.scheduleStop();
    };
    worker.onerror = () => {
      for (const [id, settle] of this.pending) {
        settle({
          id,
          ok: false,
          code: 'invalid',
          words: SCHEDULE_WORDS.readerStopped,
          values: {},
        });
      }
      this.pending.clear();
      this.stop();
    };
    this.worker = worker;
    return worker;
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

  async parse(bytes: Uint8Array, fileName?: string): Promise<ParsedSchedule> {
    const worker = this.start();
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    const response = await new Promise<ParseResponse>((resolve) => {
      this.pending.set(id, resolve);
      // The bytes are transferred, not copied: the caller has no further use for them.
      worker.postMessage({ id, bytes, fileName } satisfies ParseRequest, [bytes.buffer]);
    });
    if (!response.ok) throw new ScheduleError(response.code, response.words, response.values);
    return response.schedule;
  }
}
