// The reminder the user picks holds, whatever a read of the stored one was doing meanwhile:
// the Settings page and the agenda both read it as they open.
import { expect, test, vi } from 'vitest';
import { settings } from '../../../src/ui/state/repos';

// The module's words come from the screens' i18n, which reads the language the page had.
vi.stubGlobal('localStorage', { getItem: () => 'en', setItem: () => undefined });
vi.stubGlobal('document', { documentElement: {} });
const { calendarSettings } = await import('../../../src/ui/state/calendar-settings.svelte');

test('a reminder chosen while the stored one is read is not undone by the read', async () => {
  await settings.set('calendarReminderMinutes', 5);
  const reading = calendarSettings.load();
  calendarSettings.reminder = 15; // the select, then its change handler
  const saving = calendarSettings.save();
  await Promise.all([reading, saving]);
  expect(calendarSettings.reminder).toBe(15);
  await calendarSettings.load();
  expect(calendarSettings.reminder).toBe(15);
  expect(await settings.get('calendarReminderMinutes', 0)).toBe(15);
});

test('a read with nothing chosen meanwhile takes the stored choice, or the default', async () => {
  await settings.set('calendarReminderMinutes', 5);
  await calendarSettings.load();
  expect(calendarSettings.reminder).toBe(5);
  await settings.set('calendarReminderMinutes', 7); // not a choice the screen offers
  await calendarSettings.load();
  expect(calendarSettings.reminder).toBe(10);
});
