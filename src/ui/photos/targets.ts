// Where a photo can be moved: the conference's Unsorted tray or any other of its talks.
import type { ConferenceState } from '../state/conference.svelte';
import { unsortedTray } from '../state/capture-session.svelte';
import { t } from '../state/i18n.svelte';

export function moveTargets(
  view: ConferenceState,
  talkId: string,
): { id: string; title: string }[] {
  return [
    { id: unsortedTray(view.id), title: t('Unsorted') },
    ...view.talks.filter((t) => t.id !== talkId).map((t) => ({ id: t.id, title: t.title })),
  ];
}
