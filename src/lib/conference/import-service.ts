// The import and refresh flows, from a URL or a file to stored talks. Nothing is written until
// the file has been fetched, fully parsed and checked against the record schemas, so bad input
// never changes stored data.
import type { ConferenceRepo } from '../db/conference-repo';
import type { ScheduleSource } from '../model/types';
import { fetchSchedule, ScheduleFetchError } from '../schedule/fetch';
import type { ScheduleParser } from '../schedule/parser-client';
import { MAX_SCHEDULE_BYTES, ScheduleError, type ParsedSchedule } from '../schedule/types';
import { FETCH_WORDS, SCHEDULE_WORDS } from '../schedule/words';
import { WordedError } from '../util/words';

/** Lets the screen stop an import it started. */
export interface Cancel {
  signal?: AbortSignal;
}

/**
 * A User Timing mark at the end of each step of an import (read, parsed and checked, stored):
 * the bench times the steps from them, and DevTools shows them in a recorded profile.
 */
const mark = (step: 'read' | 'parsed' | 'stored') => performance.mark(`confnotes:import:${step}`);

/** Stops before anything is written if the user cancelled after the last step that could. */
function stopIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new ScheduleError('cancelled', SCHEDULE_WORDS.cancelled);
}

export type RefreshOutcome =
  { status: 'not-modified' } | { status: 'updated'; added: number; removed: number; kept: number };

export class ImportService {
  constructor(
    private readonly repo: ConferenceRepo,
    private readonly parser: ScheduleParser,
    private readonly deviceTimeZone: () => string,
    private readonly online: () => boolean,
  ) {}

  /** Called when an import screen opens, so the parser is ready when the file arrives. */
  prepare(): void {
    this.parser.warm();
  }

  /**
   * Every schedule passes here: parsed in the worker and checked there (checkSchedule) before
   * anything is stored.
   */
  private async parse(bytes: Uint8Array, fileName?: string, signal?: AbortSignal) {
    const checked = await this.parser.parse(bytes, fileName, { signal });
    mark('parsed');
    if (checked.talks.length === 0) throw new ScheduleError('no-talks', SCHEDULE_WORDS.noTalks);
    return checked;
  }

  private async parseFile(file: File, signal?: AbortSignal): Promise<ParsedSchedule> {
    // Checked before reading: a wrong 2 GB video should not be loaded into memory first.
    if (file.size > MAX_SCHEDULE_BYTES)
      throw new ScheduleError('too-large', SCHEDULE_WORDS.tooLarge);
    // parseSchedule also rejects a schedule with no talks, so none is ever stored.
    const bytes = new Uint8Array(await file.arrayBuffer());
    mark('read');
    return this.parse(bytes, file.name, signal);
  }

  /** Aborting `signal` stops the import (ScheduleError 'cancelled'); nothing is stored. */
  async fromFile(file: File, { signal }: Cancel = {}): Promise<string> {
    const parsed = await this.parseFile(file, signal);
    stopIfCancelled(signal);
    const id = await this.repo.create(
      parsed,
      { kind: 'file', fileName: file.name, format: parsed.format, fetchedAt: Date.now() },
      { deviceTimeZone: this.deviceTimeZone() },
    );
    mark('stored');
    return id;
  }

  /** Aborting `signal` stops the download or the reading (ScheduleError 'cancelled'). */
  async fromUrl(url: string, { signal }: Cancel = {}): Promise<string> {
    const res = await fetchSchedule(url, {}, this.online(), signal);
    if (res.status !== 'ok') throw new ScheduleFetchError('http', FETCH_WORDS.notModified);
    const parsed = await this.parse(res.bytes, res.fileName, signal);
    stopIfCancelled(signal);
    const source: ScheduleSource = {
      kind: 'url',
      url: url.trim(),
      format: parsed.format,
      fetchedAt: Date.now(),
      ...(res.etag && { etag: res.etag }),
      ...(res.lastModified && { lastModified: res.lastModified }),
    };
    return this.repo.create(parsed, source, { deviceTimeZone: this.deviceTimeZone() });
  }

  /**
   * Fetches the schedule again (conditionally) and merges it into the stored conference.
   * Aborting `signal` stops the download or the reading (ScheduleError 'cancelled'), and the
   * stored schedule stays as it was.
   */
  async refreshFromUrl(conferenceId: string, { signal }: Cancel = {}): Promise<RefreshOutcome> {
    const conf = await this.repo.get(conferenceId);
    if (!conf?.source.url) throw new WordedError(SCHEDULE_WORDS.fromFile);
    const { etag, lastModified, url } = conf.source;
    const res = await fetchSchedule(url, { etag, lastModified }, this.online(), signal);
    stopIfCancelled(signal);
    if (res.status === 'not-modified') {
      await this.repo.touchSource(conferenceId, Date.now());
      return res;
    }
    const parsed = await this.parse(res.bytes, res.fileName, signal);
    stopIfCancelled(signal);
    const counts = await this.repo.refresh(conferenceId, parsed, {
      kind: 'url',
      url,
      format: parsed.format,
      fetchedAt: Date.now(),
      ...(res.etag && { etag: res.etag }),
      ...(res.lastModified && { lastModified: res.lastModified }),
    });
    return { status: 'updated', ...counts };
  }

  /** Replaces a conference's schedule with a newer file the user picked; `signal` as above. */
  async refreshFromFile(
    conferenceId: string,
    file: File,
    { signal }: Cancel = {},
  ): Promise<RefreshOutcome> {
    const parsed = await this.parseFile(file, signal);
    stopIfCancelled(signal);
    const counts = await this.repo.refresh(conferenceId, parsed, {
      kind: 'file',
      fileName: file.name,
      format: parsed.format,
      fetchedAt: Date.now(),
    });
    return { status: 'updated', ...counts };
  }
}
