// The agenda in the phone's own calendar: how long before a starred talk the calendar reminds
// (a setting kept on this device), and the job behind "Add to calendar", which writes the .ics
// and hands it to the share sheet where the browser takes files, else to the downloads.
import type { Conference, Talk } from '../../lib/model/types';
import { explain, t } from './i18n.svelte';
import { plural } from './plural';
import { settings } from './repos';

export const REMINDER_CHOICES = [5, 10, 15] as const;
export type ReminderMinutes = (typeof REMINDER_CHOICES)[number];
const DEFAULT_REMINDER: ReminderMinutes = 10;
const KEY = 'calendarReminderMinutes';

const isChoice = (n: unknown): n is ReminderMinutes =>
  REMINDER_CHOICES.some((choice) => choice === n);

class CalendarSettings {
  reminder = $state<ReminderMinutes>(DEFAULT_REMINDER);
  /** Choices saved so far: a read begun before one must not put the old value back. */
  #saves = 0;

  async load(): Promise<void> {
    const saves = this.#saves;
    const stored = await settings.get<unknown>(KEY, DEFAULT_REMINDER);
    if (saves !== this.#saves) return;
    this.reminder = isChoice(stored) ? stored : DEFAULT_REMINDER;
  }

  /** Stores the choice on screen (`reminder`, which the select sets before calling this). */
  async save(): Promise<void> {
    this.#saves++;
    await settings.set(KEY, this.reminder);
  }
}

export const calendarSettings = new CalendarSettings();

// The writer is loaded when the agenda shows, not at start-up, and not on the tap itself: the
// share sheet opens only close to the user's tap, so the tap should not wait for a download.
const loadWriter = () => import('../../lib/export/calendar');

function download(file: File) {
  const url = URL.createObjectURL(file);
  const a = Object.assign(document.createElement('a'), { href: url, download: file.name });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download starts asynchronously from the URL.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Hands the file over; false when the user closed the share sheet without choosing. */
async function deliver(file: File, title: string): Promise<'shared' | 'downloaded' | false> {
  if (navigator.canShare?.({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title });
      return 'shared';
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return false;
      // NotAllowedError (the tap is too long ago) or a share target that failed: the download
      // still gets the file to the user.
    }
  }
  download(file);
  return 'downloaded';
}

export class CalendarExport {
  running = $state(false);
  /** What happened, in sentences for a status line each. */
  said = $state<string[]>([]);
  error = $state('');
  #ready: ReturnType<typeof loadWriter> | undefined;

  /** Loads the writer and the reminder setting ahead of the tap. */
  prepare(): void {
    if (!this.#ready) {
      const ready = (this.#ready = loadWriter());
      // A failed load (a chunk missing from an old cache) is tried again at the tap.
      ready.catch(() => {
        if (this.#ready === ready) this.#ready = undefined;
      });
    }
    // The stored choice, else the default; the tap reads whichever is there by then.
    calendarSettings.load().catch(() => undefined);
  }

  async run(conference: Conference, starred: Talk[]): Promise<void> {
    this.said = [];
    this.error = '';
    if (!starred.length) {
      this.said = [t('Star talks first: only starred talks go to your calendar.')];
      return;
    }
    this.running = true;
    try {
      const { agendaCalendar, calendarFileName } = await (this.#ready ??= loadWriter());
      const out = agendaCalendar(conference, starred, {
        now: Date.now(),
        alarmMinutes: calendarSettings.reminder,
      });
      const untimed = plural(
        out.untimed,
        '{n} starred talk has no time and was left out.',
        '{n} starred talks have no time and were left out.',
      );
      if (!out.events) {
        this.said = [
          plural(
            out.untimed,
            'Your starred talk has no time in the schedule, so there is nothing to add to a calendar.',
            'Your {n} starred talks have no time in the schedule, so there is nothing to add to a calendar.',
          ),
        ];
        return;
      }
      const name = calendarFileName(conference);
      const file = new File([out.text], name, { type: 'text/calendar' });
      const how = await deliver(file, conference.title);
      if (!how) return;
      const done =
        how === 'shared'
          ? plural(out.events, '{n} talk shared.', '{n} talks shared.')
          : plural(
              out.events,
              '{name} downloaded with {n} talk: open it to add it to your calendar.',
              '{name} downloaded with {n} talks: open it to add them to your calendar.',
              { name },
            );
      this.said = out.untimed ? [done, untimed] : [done];
    } catch (e) {
      this.error = explain(e);
    } finally {
      this.running = false;
    }
  }
}
