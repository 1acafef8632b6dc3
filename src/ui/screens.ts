// The code of each screen beyond home, loaded when it is first shown. One loader per screen,
// kept here so that a screen can also load the one it leads to ahead of time (the browser
// loads a module once, whoever asks first).
export const screens = {
  conference: () => import('./conference/ConferencePage.svelte'),
  talk: () => import('./talk/TalkPage.svelte'),
  camera: () => import('./capture/CapturePage.svelte'),
  unsorted: () => import('./photos/UnsortedPage.svelte'),
  shared: () => import('./capture/SharedPage.svelte'),
  import: () => import('./import/ImportPage.svelte'),
  settings: () => import('./settings/SettingsPage.svelte'),
};
