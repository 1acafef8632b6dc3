// French for the first screen (home, header, install and update prompts): what a French phone
// loads before the first paint. The rest (fr.ts) comes with the first other screen.
export const FR_START: Record<string, string> = {
  'A new version is available.': 'Une nouvelle version est disponible.',
  'Back to your conferences': 'Retour à vos conférences',
  Demo: 'Démo',
  'Import schedule': 'Importer un programme',
  'Import zip': 'Importer un zip',
  'Importing…': 'Import en cours…',
  'Install Confnotes on your home screen: it opens instantly and works with no network.':
    'Installez Confnotes sur votre écran d’accueil : il s’ouvre aussitôt et marche sans réseau.',
  Install: 'Installer',
  Later: 'Plus tard',
  'Loading…': 'Chargement…',
  'No conference yet. Import a schedule to start.':
    'Aucune conférence pour l’instant. Importez un programme pour commencer.',
  'Nothing was changed.': 'Rien n’a été modifié.',
  Offline: 'Hors ligne',
  'Opening…': 'Ouverture…',
  'Page not found': 'Page introuvable',
  'Ready to work offline.': 'Prêt à fonctionner hors ligne.',
  Reload: 'Recharger',
  'Restore a Confnotes export, from another device or after a reset.':
    'Restaurez un export Confnotes, venant d’un autre appareil ou après une réinitialisation.',
  Settings: 'Réglages',
  'Your conferences could not be read:': 'Vos conférences n’ont pas pu être lues :',
  'Your conferences': 'Vos conférences',
  'Syncing…': 'Synchronisation…',
  'To install on iPhone or iPad: tap Share in Safari, then Add to Home Screen.':
    'Pour l’installer sur iPhone ou iPad : touchez Partager dans Safari, puis Sur l’écran d’accueil.',
  'Sync problem': 'Problème de synchro',
  'Part of the app could not be loaded. Reload it, with a network if you can.':
    'Une partie de l’application n’a pas pu être chargée. Rechargez-la, avec un réseau si possible.',
  // In place of a screen whose code could not be loaded (ScreenFailed.svelte).
  'This screen could not be loaded.': 'Cet écran n’a pas pu être chargé.',
  'It is not saved on this device yet: connect to a network once, then reload.':
    'Il n’est pas encore sur cet appareil : connectez-vous une fois à un réseau, puis rechargez.',
};
