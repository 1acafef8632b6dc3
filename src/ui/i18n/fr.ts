// French words of the interface, keyed by their English text. The first screen's words are in
// fr-start.ts, loaded before the first paint; these come with the first other screen.
import { FR_START } from './fr-start';

export const FR: Record<string, string> = {
  ...FR_START,
  'Install Confnotes on your home screen: it opens instantly and works with no network.':
    'Installez Confnotes sur votre écran d’accueil : il s’ouvre aussitôt et marche sans réseau.',
  Install: 'Installer',
  Star: 'Favori',
  "Demo conference, taken from a real attendee's write-up.":
    'Conférence de démonstration, tirée du compte rendu d’un vrai participant.',
  "This schedule does not say which time zone it is in. Times are read as {zone} (your phone's).":
    'Ce programme ne dit pas dans quel fuseau horaire il est. Les heures sont lues en {zone} (celui de votre téléphone).',
  "Times are in the conference's time zone ({zone}); your phone is set to {phone}.":
    'Les heures sont celles du fuseau de la conférence ({zone}) ; votre téléphone est réglé sur {phone}.',
  '- a point, Enter for the next one': '- un point, Entrée pour le suivant',
  'A zip with the write-up in AsciiDoc and Markdown, the photos, and everything needed to restore it.':
    'Un zip avec le compte rendu en AsciiDoc et en Markdown, les photos, et tout ce qu’il faut pour le restaurer.',
  About: 'À propos',
  Abstract: 'Résumé',
  'Add photos': 'Ajouter des photos',
  'Add section': 'Ajouter la section',
  'All rooms': 'Toutes les salles',
  'Automatic (the talk on now)': 'Automatique (le talk en cours)',
  Camera: 'Appareil photo',
  'Camera viewfinder': 'Viseur de l’appareil photo',
  Cancel: 'Annuler',
  'Caption of {name}': 'Légende de {name}',
  Caption: 'Légende',
  'Conference not found': 'Conférence introuvable',
  'Conference time zone': 'Fuseau horaire de la conférence',
  'Conference views': 'Vues de la conférence',
  Conference: 'Conférence',
  'Confnotes reads frab/pretalx schedule.json and schedule.xml (FOSDEM, CCC, DebConf), iCalendar .ics and Sessionize JSON.':
    'Confnotes lit les schedule.json et schedule.xml de frab/pretalx (FOSDEM, CCC, DebConf), l’iCalendar .ics et le JSON de Sessionize.',
  'Confnotes {version}. Everything stays on this device; the app only contacts the schedule and sync addresses you give it.':
    'Confnotes {version}. Tout reste sur cet appareil ; l’application ne contacte que les adresses de programme et de synchronisation que vous lui donnez.',
  Day: 'Jour',
  'Delete conference': 'Supprimer la conférence',
  Rename: 'Renommer',
  'Conference name': 'Nom de la conférence',
  Save: 'Enregistrer',
  'Delete section {title}': 'Supprimer la section {title}',
  'Delete {name}': 'Supprimer {name}',
  'Delete {title} and everything you stored for it from this phone?':
    'Supprimer {title} et tout ce que vous avez enregistré pour elle sur ce téléphone ?',
  Delete: 'Supprimer',
  'Demo conference': 'Conférence de démonstration',
  Description: 'Description',
  Dismiss: 'Fermer',
  Done: 'Terminé',
  'Downloading and reading the schedule…': 'Téléchargement et lecture du programme…',
  'Edit note {n}': 'Modifier la note {n}',
  Edit: 'Modifier',
  'Export all conferences': 'Exporter toutes les conférences',
  'Export progress': 'Progression de l’export',
  'Export zip': 'Exporter le zip',
  Export: 'Export',
  'File photos under': 'Classer les photos sous',
  'For example {url}': 'Par exemple {url}',
  'Free notes for the whole conference, such as "Buzz words" or "Divers".':
    'Des notes libres pour toute la conférence, comme « Buzz words » ou « Divers ».',
  'From the file {name}, read {when}.': 'Depuis le fichier {name}, lu le {when}.',
  'From {url}, fetched {when}.': 'Depuis {url}, récupéré le {when}.',
  'Import a conference schedule first: shared photos are filed under its talks.':
    'Importez d’abord le programme d’une conférence : les photos partagées sont classées sous ses talks.',
  'Import from URL': 'Importer depuis l’URL',
  'Keep originals (uses much more space)': 'Garder les originaux (prend beaucoup plus de place)',
  'Language of the write-up': 'Langue du compte rendu',
  Language: 'Langue',
  Links: 'Liens',
  'Move to…': 'Déplacer…',
  'Move {name} earlier': 'Avancer {name}',
  'Move {name} later': 'Reculer {name}',
  'Move {name} to another talk': 'Déplacer {name} vers un autre talk',
  'My agenda': 'Mon agenda',
  'New section': 'Nouvelle section',
  'Next photo goes to:': 'La prochaine photo va dans :',
  Next: 'Ensuite',
  'No talk in this room on this day.': 'Aucun talk dans cette salle ce jour-là.',
  'Note {n}': 'Note {n}',
  Notes: 'Notes',
  'Nothing already stored was changed.': 'Rien de ce qui était enregistré n’a changé.',
  'Nothing later in this schedule.': 'Plus rien ensuite dans ce programme.',
  'Nothing on right now.': 'Rien en ce moment.',
  'Now & Next': 'Maintenant',
  Now: 'En ce moment',
  'Only talks with notes or photos': 'Seulement les talks avec des notes ou des photos',
  'Open camera': 'Ouvrir l’appareil photo',
  'Opening the camera…': 'Ouverture de l’appareil photo…',
  Opinion: 'Avis',
  'Original size': 'Taille d’origine',
  'Phone camera': 'Appareil du téléphone',
  'Photo size': 'Taille des photos',
  'Photos taken when no talk was on. Move each to its talk.':
    'Les photos prises quand aucun talk n’avait lieu. Déplacez chacune vers son talk.',
  Photos: 'Photos',
  'Processing {n}…': 'Traitement de {n}…',
  'Programme page': 'Page du programme',
  'Reading {name}…': 'Lecture de {name}…',
  Refresh: 'Actualiser',
  'Removed from the schedule': 'Retiré du programme',
  'Restore the demo conference': 'Restaurer la conférence de démonstration',
  Room: 'Salle',
  'Room:': 'Salle :',
  'Saving {n}…': 'Enregistrement de {n}…',
  'Schedule URL': 'URL du programme',
  'Schedule file': 'Fichier du programme',
  'Schedule updated: {added} new, {removed} removed, {kept} kept.':
    'Programme mis à jour : {added} nouveaux, {removed} retirés, {kept} conservés.',
  Schedule: 'Programme',
  'Search talks': 'Chercher des talks',
  'See where they were filed': 'Voir où elles ont été classées',
  'Shared photos': 'Photos partagées',
  Site: 'Site',
  'Slide {n}': 'Diapositive {n}',
  'Space used: {used}; left for this app: {left}.':
    'Espace utilisé : {used} ; disponible pour l’application : {left}.',
  Speakers: 'Orateurs',
  'Star talks with ☆ and they gather here.': 'Marquez des talks avec ☆ et ils se retrouvent ici.',
  'Take photo': 'Prendre la photo',
  'Talk not found': 'Talk introuvable',
  'The Xebicon 2019 demo is back in your conferences.':
    'La démo Xebicon 2019 est de retour dans vos conférences.',
  'The Xebicon 2019 demo is in your conferences; delete it from its page when you no longer need it.':
    'La démo Xebicon 2019 est dans vos conférences ; supprimez-la depuis sa page quand vous n’en avez plus besoin.',
  'The schedule has not changed.': 'Le programme n’a pas changé.',
  'The shared files could not be received. Try sharing them again.':
    'Les fichiers partagés n’ont pas pu être reçus. Essayez de les partager à nouveau.',
  'This browser does not tell how much space is left.':
    'Ce navigateur n’indique pas l’espace qui reste.',
  'This conference could not be read:': 'Cette conférence n’a pas pu être lue :',
  'This talk is no longer in the schedule. What you stored for it is kept.':
    'Ce talk n’est plus au programme. Ce que vous avez enregistré pour lui est conservé.',
  'Time zone: {zone} (set by you)': 'Fuseau horaire : {zone} (choisi par vous)',
  Track: 'Thème',
  Type: 'Type',
  Undo: 'Annuler',
  'Unsorted photos ({n})': 'Photos non classées ({n})',
  'Unsorted photos': 'Photos non classées',
  Unsorted: 'Non classées',
  'Update cancelled: the schedule was not changed.':
    'Mise à jour annulée : le programme n’a pas changé.',
  'Update from file': 'Mettre à jour depuis un fichier',
  'Updating…': 'Mise à jour…',
  'Use the phone camera': 'Utiliser l’appareil photo du téléphone',
  'What you thought of this talk': 'Ce que vous avez pensé de ce talk',
  'You are offline: import a file instead.': 'Vous êtes hors ligne : importez plutôt un fichier.',
  'Your sections': 'Vos sections',
  'on now in your room': 'en cours dans votre salle',
  'or drop the file anywhere on this page.': 'ou déposez le fichier n’importe où sur cette page.',
  'starred, on now': 'favori, en cours',
  '{name} deleted.': '{name} supprimée.',
  '{n} not yet exported': '{n} pas encore exportées',
  '{n} photos not yet exported or synced': '{n} photos pas encore exportées ni synchronisées',
  '{n} px (long side)': '{n} px (grand côté)',
  '{n} saved': '{n} enregistrées',
  '{n} talk': '{n} talk',
  '{n} talks': '{n} talks',
  '{n} talk found': '{n} talk trouvé',
  '{n} talks found': '{n} talks trouvés',
  'A note': 'Une note',
  'Edited on two devices': 'Modifiée sur deux appareils',
  'Both versions are kept until you choose. The one you keep goes to every device.':
    'Les deux versions sont gardées jusqu’à votre choix. Celle que vous gardez va sur tous vos appareils.',
  'Version {n}': 'Version {n}',
  'Keep version {n}': 'Garder la version {n}',
  'The account is removed from this device. Nothing on the server was touched.':
    'Le compte est retiré de cet appareil. Rien n’a été touché sur le serveur.',
  'Sending photos': 'Envoi des photos',
  'Receiving photos': 'Réception des photos',
  'Saving notes on the server': 'Enregistrement des notes sur le serveur',
  'Checking the server': 'Vérification du serveur',
  'Sync (WebDAV)': 'Synchronisation (WebDAV)',
  'Copies your conferences to a folder on your own server (Nextcloud, ownCloud…), and brings back what other devices put there. The password stays on this device.':
    'Copie vos conférences dans un dossier de votre propre serveur (Nextcloud, ownCloud…) et rapporte ce que vos autres appareils y ont mis. Le mot de passe reste sur cet appareil.',
  'WebDAV URL': 'URL WebDAV',
  Username: 'Nom d’utilisateur',
  Password: 'Mot de passe',
  'On Nextcloud, make an app password in Settings → Security.':
    'Sur Nextcloud, créez un mot de passe d’application dans Paramètres → Sécurité.',
  'Test connection': 'Tester la connexion',
  'Save account': 'Enregistrer le compte',
  'Connecting…': 'Connexion…',
  'Sync now': 'Synchroniser',
  'Remove account': 'Retirer le compte',
  'Last sync: {when}.': 'Dernière synchronisation : {when}.',
  'Not synced yet.': 'Pas encore synchronisé.',
  '{n} change waiting.': '{n} modification en attente.',
  '{n} changes waiting.': '{n} modifications en attente.',
  'Nothing waiting.': 'Rien en attente.',
  'Synced {conferences}: {photos}, {changes}, {notes}.':
    'Synchronisé : {conferences} ; {photos}, {changes}, {notes}.',
  '{n} photo sent': '{n} photo envoyée',
  '{n} photos sent': '{n} photos envoyées',
  '{n} change received': '{n} modification reçue',
  '{n} changes received': '{n} modifications reçues',
  '{n} note edited on two devices': '{n} note modifiée sur deux appareils',
  '{n} notes edited on two devices': '{n} notes modifiées sur deux appareils',
  'The folder “{folder}” for {title} is no longer on the server. Nothing on this device was deleted.':
    'Le dossier « {folder} » de {title} n’est plus sur le serveur. Rien n’a été supprimé sur cet appareil.',
  'The folder “{folder}” for {title} was replaced on the server by another copy. Nothing on this device was changed.':
    'Le dossier « {folder} » de {title} a été remplacé sur le serveur par une autre copie. Rien n’a changé sur cet appareil.',
  'Upload this copy again': 'Renvoyer cette copie',
  'Merge with the server copy': 'Fusionner avec la copie du serveur',
  'Stop syncing it': 'Ne plus la synchroniser',
  'To install on iPhone or iPad: tap Share in Safari, then Add to Home Screen.':
    'Pour l’installer sur iPhone ou iPad : touchez Partager dans Safari, puis Sur l’écran d’accueil.',
  '{title} is not synced.': '{title} n’est pas synchronisée.',
  'Sync it again': 'La synchroniser à nouveau',
  'Set up a WebDAV account first.': 'Configurez d’abord un compte WebDAV.',
  'That is not a web address. It should start with https://':
    'Ce n’est pas une adresse web. Elle doit commencer par https://',
  'The WebDAV URL must start with https://': 'L’URL WebDAV doit commencer par https://',
  'Plain http:// would send your password to {host} unencrypted. Use the https:// address.':
    'En http:// simple, votre mot de passe partirait en clair vers {host}. Utilisez l’adresse https://.',
  'Put the username and password in their own fields, not in the URL.':
    'Mettez le nom d’utilisateur et le mot de passe dans leurs champs, pas dans l’URL.',
  'You are offline. Your notes wait here and sync later.':
    'Vous êtes hors ligne. Vos notes attendent ici et se synchroniseront plus tard.',
  'This photo no longer exists.': 'Cette photo n’existe plus.',
  'That talk is not in this conference.': 'Ce talk ne fait pas partie de cette conférence.',
  'This conference no longer exists.': 'Cette conférence n’existe plus.',
  'Give the conference a name.': 'Donnez un nom à la conférence.',
  'A photo’s image is missing from this device, so the export stopped.':
    'L’image d’une photo manque sur cet appareil : l’export s’est arrêté.',
  '{host} could not be reached. Check the address and your connection.':
    'Impossible de joindre {host}. Vérifiez l’adresse et votre connexion.',
  '{host} answers, but does not let this app read its answers (CORS). The server must send Access-Control-Allow-Origin: {origin}, allow the methods GET, PUT, DELETE, PROPFIND and MKCOL and the headers Authorization, Content-Type, Depth, If-Match and If-None-Match, and expose ETag.':
    '{host} répond, mais ne laisse pas cette application lire ses réponses (CORS). Le serveur doit envoyer Access-Control-Allow-Origin: {origin}, autoriser les méthodes GET, PUT, DELETE, PROPFIND et MKCOL et les en-têtes Authorization, Content-Type, Depth, If-Match et If-None-Match, et exposer ETag.',
  'The server did not accept the username or password. On Nextcloud, use an app password (Settings → Security).':
    'Le serveur n’a pas accepté le nom d’utilisateur ou le mot de passe. Sur Nextcloud, utilisez un mot de passe d’application (Paramètres → Sécurité).',
  'The server does not allow writing to {path}.':
    'Le serveur n’autorise pas l’écriture dans {path}.',
  'The folder {path} does not exist on the server.':
    'Le dossier {path} n’existe pas sur le serveur.',
  'The folder {path} does not exist on {host}. Create it, or check the URL.':
    'Le dossier {path} n’existe pas sur {host}. Créez-le, ou vérifiez l’URL.',
  'Another device changed this file at the same time.':
    'Un autre appareil a modifié ce fichier au même moment.',
  'The server is out of space (507). Free some space in your account; nothing here was lost.':
    'Le serveur n’a plus de place (507). Libérez de l’espace sur votre compte ; rien n’a été perdu ici.',
  '{host} does not speak WebDAV at this address.': '{host} ne parle pas WebDAV à cette adresse.',
  'Confnotes refused to reach {path} on {host}: it is not inside the sync folder. Nothing was sent.':
    'Confnotes a refusé d’atteindre {path} sur {host} : ce n’est pas dans le dossier de synchronisation. Rien n’a été envoyé.',
  'The sync server {host} sent Confnotes elsewhere (a redirect); check the WebDAV URL. Nothing was sent there.':
    'Le serveur de synchronisation {host} a renvoyé Confnotes ailleurs (une redirection) ; vérifiez l’URL WebDAV. Rien n’y a été envoyé.',
  'The server’s listing of {path} is larger than {mb} MB; Confnotes did not read it.':
    'La liste de {path} envoyée par le serveur dépasse {mb} Mo ; Confnotes ne l’a pas lue.',
  '{host} ignores If-Match on PUT, so two devices syncing at once could overwrite each other’s notes. Confnotes does not sync with this server; Nextcloud, ownCloud and Apache mod_dav are fine.':
    '{host} ignore If-Match lors d’un PUT : deux appareils synchronisant en même temps pourraient écraser leurs notes l’un l’autre. Confnotes ne se synchronise pas avec ce serveur ; Nextcloud, ownCloud et Apache mod_dav conviennent.',
  'The server had a problem (error {status}). Sync will try again.':
    'Le serveur a eu un problème (erreur {status}). La synchronisation réessaiera.',
  'The server answered with error {status}.': 'Le serveur a répondu par l’erreur {status}.',
  'Connected to {host}. The folder holds {n} folders.':
    'Connecté à {host}. Le dossier contient {n} dossiers.',
  'Connected to {host}. The folder holds 1 folder.':
    'Connecté à {host}. Le dossier contient 1 dossier.',
  'The sync file {file} on the server is damaged (not readable JSON).':
    'Le fichier de synchronisation {file} sur le serveur est abîmé (JSON illisible).',
  'The sync file {file} on the server is not Confnotes’.':
    'Le fichier de synchronisation {file} sur le serveur ne vient pas de Confnotes.',
  'The server holds notes synced by a newer version of Confnotes. Update the app, then sync again.':
    'Le serveur contient des notes synchronisées par une version plus récente de Confnotes. Mettez l’application à jour, puis synchronisez à nouveau.',
  'The sync file {file} on the server is damaged.':
    'Le fichier de synchronisation {file} sur le serveur est abîmé.',
  'The sync file {file} holds a record it should not.':
    'Le fichier de synchronisation {file} contient un enregistrement inattendu.',
  'The sync file {file} on the server holds a damaged record ({key}: "{field}"). Nothing was changed here.':
    'Le fichier de synchronisation {file} sur le serveur contient un enregistrement abîmé ({key} : « {field} »). Rien n’a été changé ici.',
  '“{folder}” is on the server, not on this device.':
    '« {folder} » est sur le serveur, pas sur cet appareil.',
  'Download it': 'La télécharger',
  // Messages from src/lib (schedule, download, export zip, photos, storage): their English is
  // in the *_WORDS tables there, or IMAGE_MESSAGES.
  'The file is empty.': 'Le fichier est vide.',
  'This file is too large to be a conference schedule (over 20 MB). Check that you picked the right file.':
    'Ce fichier est trop gros pour être le programme d’une conférence (plus de 20 Mo). Vérifiez que vous avez choisi le bon fichier.',
  'This isn’t a schedule file: it isn’t text at all (perhaps an image or an archive). Confnotes reads iCalendar (.ics), frab or pretalx JSON and XML, and Sessionize JSON.':
    'Ce n’est pas un fichier de programme : ce n’est pas du texte du tout (peut-être une image ou une archive). Confnotes lit l’iCalendar (.ics), le JSON et le XML de frab ou pretalx, et le JSON de Sessionize.',
  'This is a web page, not a schedule file. On the conference website, look for a link to the schedule as iCal (.ics), JSON or XML, and use that instead.':
    'C’est une page web, pas un fichier de programme. Sur le site de la conférence, cherchez un lien vers le programme en iCal (.ics), JSON ou XML, et utilisez-le à la place.',
  'This file isn’t a schedule Confnotes can read. It reads iCalendar (.ics), frab or pretalx JSON and XML, and Sessionize JSON.':
    'Ce fichier n’est pas un programme que Confnotes sait lire. Il lit l’iCalendar (.ics), le JSON et le XML de frab ou pretalx, et le JSON de Sessionize.',
  'This schedule file stops part-way through, probably because the download was cut off. Please download it again.':
    'Ce fichier de programme s’arrête en cours de route, sans doute parce que le téléchargement a été interrompu. Téléchargez-le à nouveau.',
  'This calendar file stops part-way through, probably because the download was cut off. Please download it again.':
    'Ce fichier de calendrier s’arrête en cours de route, sans doute parce que le téléchargement a été interrompu. Téléchargez-le à nouveau.',
  'This JSON file is damaged and can’t be read. Please download the schedule again.':
    'Ce fichier JSON est abîmé et ne peut pas être lu. Téléchargez à nouveau le programme.',
  'This JSON file isn’t a conference schedule.':
    'Ce fichier JSON n’est pas le programme d’une conférence.',
  'This JSON file isn’t a Sessionize schedule.':
    'Ce fichier JSON n’est pas un programme Sessionize.',
  // Reading slide text (Settings)
  'Slide text': 'Texte des diapositives',
  'Read slide text': 'Lire le texte des diapositives',
  'Reads the words on your slide photos, on this device, so that search finds them and the write-up carries them. A one-time download of {size}. Languages read: English and French; each talk in the language its schedule gives, else in the app’s.':
    'Lit les mots de vos photos de diapositives, sur cet appareil, pour que la recherche les trouve et que le compte rendu les reprenne. Un seul téléchargement de {size}. Langues lues : anglais et français ; chaque exposé dans la langue que donne son programme, sinon dans celle de l’application.',
  'Downloading: {got} of {size}…': 'Téléchargement : {got} sur {size}…',
  'Waiting for a connection to download {size}.':
    'En attente d’une connexion pour télécharger {size}.',
  'Not enough space on this device for slide reading ({size}).':
    'Pas assez de place sur cet appareil pour lire les diapositives ({size}).',
  'The download failed ({reason}). It is tried again at the next start.':
    'Le téléchargement a échoué ({reason}). Il sera retenté au prochain démarrage.',
  '{n} photo waiting to be read.': '{n} photo en attente de lecture.',
  '{n} photos waiting to be read.': '{n} photos en attente de lecture.',
  '{n} photo read.': '{n} photo lue.',
  '{n} photos read.': '{n} photos lues.',
  'This XML file isn’t a conference schedule.':
    'Ce fichier XML n’est pas le programme d’une conférence.',
  'This XML schedule is damaged near line {line} and can’t be read. Please download it again or try the conference’s iCal or JSON schedule instead.':
    'Ce programme XML est abîmé vers la ligne {line} et ne peut pas être lu. Téléchargez-le à nouveau, ou essayez plutôt le programme iCal ou JSON de la conférence.',
  'This schedule has no talks in it yet.': 'Ce programme ne contient encore aucun talk.',
  'Something in this schedule file could not be read. Please try another format of the schedule (iCal, JSON or XML) if the conference offers one.':
    'Une partie de ce fichier de programme n’a pas pu être lue. Essayez un autre format du programme (iCal, JSON ou XML) si la conférence en propose un.',
  'This file could not be read as a schedule.': 'Ce fichier n’a pas pu être lu comme un programme.',
  'The schedule reader stopped unexpectedly. Try again.':
    'Le lecteur de programmes s’est arrêté de façon inattendue. Réessayez.',
  'The import was cancelled.': 'L’import a été annulé.',
  'This schedule took too long to read (over {seconds} seconds), so reading it was stopped. Try another format of the schedule (iCal, JSON or XML) if the conference offers one.':
    'La lecture de ce programme prenait trop de temps (plus de {seconds} secondes) : elle a été arrêtée. Essayez un autre format du programme (iCal, JSON ou XML) si la conférence en propose un.',
  'This schedule was imported from a file: import the new file instead.':
    'Ce programme a été importé depuis un fichier : importez plutôt le nouveau fichier.',
  // What was odd in an imported schedule (SCHEDULE_WARNINGS).
  'This schedule has no time zone. Times are shown as printed, in the conference’s local clock; set the conference’s time zone so the app knows which talk is on now.':
    'Ce programme n’a pas de fuseau horaire. Les heures sont affichées telles qu’écrites, à l’heure locale de la conférence ; choisissez le fuseau horaire de la conférence pour que l’application sache quel talk a lieu en ce moment.',
  'This schedule gives UTC offsets but no time-zone name; set the conference’s time zone to be sure times are right around daylight-saving changes.':
    'Ce programme donne des décalages par rapport à UTC mais pas de nom de fuseau horaire ; choisissez le fuseau horaire de la conférence pour que les heures restent justes aux changements d’heure.',
  'This calendar gives exact (UTC) times but no time zone; choose the conference’s time zone to see its local times.':
    'Ce calendrier donne des heures exactes (UTC) mais pas de fuseau horaire ; choisissez le fuseau horaire de la conférence pour voir ses heures locales.',
  'The time zone “{zone}” is not one this device knows; times are kept as printed.':
    'Cet appareil ne connaît pas le fuseau horaire « {zone} » ; les heures sont gardées telles qu’écrites.',
  'The time zone “{zone}” is not one this device knows; the times given in it are kept as printed.':
    'Cet appareil ne connaît pas le fuseau horaire « {zone} » ; les heures données dans ce fuseau sont gardées telles qu’écrites.',
  '{n} talks had a local time wrongly marked as UTC; they were read as local times in {zone}.':
    '{n} talks avaient une heure locale marquée à tort comme UTC ; ces heures ont été lues comme heures locales du fuseau {zone}.',
  '1 talk had a local time wrongly marked as UTC; it was read as a local time in {zone}.':
    '1 talk avait une heure locale marquée à tort comme UTC ; elle a été lue comme heure locale du fuseau {zone}.',
  '{n} talks have a date and a start time that disagree; the exact date was used.':
    '{n} talks ont une date et une heure de début qui ne concordent pas ; la date exacte a été retenue.',
  '1 talk has a date and a start time that disagree; the exact date was used.':
    '1 talk a une date et une heure de début qui ne concordent pas ; la date exacte a été retenue.',
  '{n} talks are marked as UTC but the file names no time zone, so the printed clock time was kept as the local time.':
    '{n} talks sont marqués UTC mais le fichier ne nomme aucun fuseau horaire : l’heure écrite a donc été gardée comme heure locale.',
  '1 talk is marked as UTC but the file names no time zone, so the printed clock time was kept as the local time.':
    '1 talk est marqué UTC mais le fichier ne nomme aucun fuseau horaire : l’heure écrite a donc été gardée comme heure locale.',
  '{n} talks reuse another talk’s id; they were told apart by time and title.':
    '{n} talks reprennent l’identifiant d’un autre talk ; ils ont été distingués par leur heure et leur titre.',
  '1 talk reuses another talk’s id; it was told apart by time and title.':
    '1 talk reprend l’identifiant d’un autre talk ; il a été distingué par son heure et son titre.',
  '{n} sessions reuse another session’s id.':
    '{n} sessions reprennent l’identifiant d’une autre session.',
  '1 session reuses another session’s id.': '1 session reprend l’identifiant d’une autre session.',
  'This calendar’s event IDs change every time it is rebuilt, so talks are matched by title instead.':
    'Les identifiants des événements de ce calendrier changent chaque fois qu’il est régénéré : les talks sont donc reconnus par leur titre.',
  '{n} events share an ID with another event.':
    '{n} événements partagent leur identifiant avec un autre événement.',
  '{n} talks have no end time.': '{n} talks n’ont pas d’heure de fin.',
  '1 talk has no end time.': '1 talk n’a pas d’heure de fin.',
  '{n} all-day entries have no time.':
    '{n} entrées couvrent toute la journée et n’ont pas d’heure.',
  '1 all-day entry has no time.': '1 entrée couvre toute la journée et n’a pas d’heure.',
  '{n} cancelled events were left out.': '{n} événements annulés ont été laissés de côté.',
  '1 cancelled event was left out.': '1 événement annulé a été laissé de côté.',
  '{n} empty slots with no title were left out.':
    '{n} créneaux vides, sans titre, ont été laissés de côté.',
  '1 empty slot with no title was left out.': '1 créneau vide, sans titre, a été laissé de côté.',
  '{n} talks had a date or length that can’t be right (such as a length of years); those times were left out.':
    '{n} talks avaient une date ou une durée impossible (par exemple une durée de plusieurs années) ; ces heures ont été laissées de côté.',
  '1 talk had a date or length that can’t be right (such as a length of years); that time was left out.':
    '1 talk avait une date ou une durée impossible (par exemple une durée de plusieurs années) ; cette heure a été laissée de côté.',
  'Details of {n} talks could not be used and were left out (for example “{field}” of “{title}”).':
    'Des détails de {n} talks étaient inutilisables et ont été laissés de côté (par exemple « {field} » de « {title} »).',
  'A detail of “{title}” could not be used and was left out (“{field}”).':
    'Un détail de « {title} » était inutilisable et a été laissé de côté (« {field} »).',
  '{n} talks of this schedule could not be read and were left out.':
    '{n} talks de ce programme étaient illisibles et ont été laissés de côté.',
  '1 talk of this schedule could not be read and was left out (number {first}).':
    '1 talk de ce programme était illisible et a été laissé de côté (le n° {first}).',
  'The schedule’s “{field}” could not be used and was left out.':
    'Le champ « {field} » du programme était inutilisable et a été laissé de côté.',
  'Only http:// and https:// addresses can be fetched.':
    'Seules les adresses http:// et https:// peuvent être téléchargées.',
  'You are offline. Connect to the internet, or import the schedule from a file.':
    'Vous êtes hors ligne. Connectez-vous à Internet, ou importez le programme depuis un fichier.',
  '{host} does not let other sites read this file (no CORS header). Download it in your browser and import the file instead.':
    '{host} ne laisse pas les autres sites lire ce fichier (pas d’en-tête CORS). Téléchargez-le dans votre navigateur et importez plutôt le fichier.',
  '{host} could not be reached. Check the address, or import the schedule from a file.':
    'Impossible de joindre {host}. Vérifiez l’adresse, ou importez le programme depuis un fichier.',
  'The schedule at {host} was not found (404). Check the address, or import the file.':
    'Le programme est introuvable sur {host} (404). Vérifiez l’adresse, ou importez le fichier.',
  'The schedule at {host} answered with error {status}. Check the address, or import the file.':
    'Pour le programme, {host} a répondu par l’erreur {status}. Vérifiez l’adresse, ou importez le fichier.',
  'The server answered "not modified" to a first request.':
    'Le serveur a répondu « non modifié » à une première demande.',
  'This file is not a zip archive, or it was cut short. Nothing was imported.':
    'Ce fichier n’est pas une archive zip, ou il a été tronqué. Rien n’a été importé.',
  'This zip file is damaged ({why}). Nothing was imported.':
    'Ce fichier zip est abîmé ({why}). Rien n’a été importé.',
  'This zip is encrypted; Confnotes cannot read it.':
    'Ce zip est chiffré ; Confnotes ne peut pas le lire.',
  'This zip uses a compression Confnotes cannot read ("{name}").':
    'Ce zip utilise une compression que Confnotes ne sait pas lire (« {name} »).',
  'This zip is not a Confnotes export: it has no confnotes.json. Nothing was imported.':
    'Ce zip n’est pas un export Confnotes : il n’a pas de confnotes.json. Rien n’a été importé.',
  'This zip holds a file named "{name}", which could point outside the export. Nothing was imported.':
    'Ce zip contient un fichier nommé « {name} », qui pourrait pointer hors de l’export. Rien n’a été importé.',
  'This zip holds more than {count} files, more than any Confnotes export. Nothing was imported.':
    'Ce zip contient plus de {count} fichiers, plus qu’aucun export Confnotes. Rien n’a été importé.',
  'In this zip, "{name}" would unpack to more than {size} MB, more than any photo or notes file. Nothing was imported.':
    'Dans ce zip, « {name} » se décompresserait en plus de {size} Mo, plus qu’aucune photo ni aucun fichier de notes. Rien n’a été importé.',
  'In this zip, "{name}" would unpack to {ratio} times its packed size, which no Confnotes export does: the zip may be built to fill the device. Nothing was imported.':
    'Dans ce zip, « {name} » se décompresserait en {ratio} fois sa taille compressée, ce qu’aucun export Confnotes ne fait : le zip est peut-être conçu pour remplir l’appareil. Rien n’a été importé.',
  'This zip would unpack to more than {size} GB, more than any Confnotes export. Nothing was imported.':
    'Ce zip se décompresserait en plus de {size} Go, plus qu’aucun export Confnotes. Rien n’a été importé.',
  'This zip would unpack to {ratio} times its own size, which no Confnotes export does: it may be built to fill the device. Nothing was imported.':
    'Ce zip se décompresserait en {ratio} fois sa propre taille, ce qu’aucun export Confnotes ne fait : il est peut-être conçu pour remplir l’appareil. Rien n’a été importé.',
  'This is not a Confnotes export: its confnotes.json is not readable JSON (the file may be damaged).':
    'Ce n’est pas un export Confnotes : son confnotes.json n’est pas du JSON lisible (le fichier est peut-être abîmé).',
  'This is not a Confnotes export: confnotes.json comes from another app.':
    'Ce n’est pas un export Confnotes : son confnotes.json vient d’une autre application.',
  'This export was made by a newer version of Confnotes (format {version}). Update the app, then import it again.':
    'Cet export a été fait par une version plus récente de Confnotes (format {version}). Mettez l’application à jour, puis importez-le à nouveau.',
  'This Confnotes export is damaged: {what}. Nothing was imported.':
    'Cet export Confnotes est abîmé : {what}. Rien n’a été importé.',
  'This Confnotes export is incomplete: the image {file} is missing. Nothing was imported.':
    'Cet export Confnotes est incomplet : l’image {file} manque. Rien n’a été importé.',
  'it ends too early': 'il s’arrête trop tôt',
  'its zip64 directory is missing': 'son répertoire zip64 manque',
  'its table of contents is broken': 'sa table des matières est cassée',
  '"{name}" cannot be found': '« {name} » est introuvable',
  '"{name}" is cut short': '« {name} » est tronqué',
  '"{name}" cannot be decompressed': '« {name} » ne peut pas être décompressé',
  '"{name}" does not match its checksum': '« {name} » ne correspond pas à sa somme de contrôle',
  '"{name}" is larger than it says': '« {name} » est plus grand qu’il ne le déclare',
  '"{name}" is in it twice': '« {name} » y figure deux fois',
  '"{name}" overlaps another file': '« {name} » empiète sur un autre fichier',
  'it has no valid format version': 'il n’a pas de version de format valide',
  'it has no export date': 'il n’a pas de date d’export',
  'the list "{list}" is missing': 'la liste « {list} » manque',
  '{record} (number {n}) is not a record': '{record} (n° {n}) n’est pas un enregistrement',
  '{record} (number {n}) has no valid "{field}"': '{record} (n° {n}) n’a pas de « {field} » valide',
  '{record} appears twice': '{record} y figure deux fois',
  '{record} (number {n}) belongs to no conference or talk of this export':
    '{record} (n° {n}) n’appartient à aucune conférence ni aucun talk de cet export',
  'a conference': 'une conférence',
  'a talk': 'un talk',
  'a star': 'un favori',
  'a photo': 'une photo',
  'a note': 'une note',
  'an opinion': 'un avis',
  'a free section': 'une section libre',
  'This file is not a photo, so it was not added.':
    'Ce fichier n’est pas une photo, il n’a donc pas été ajouté.',
  'This photo is damaged or incomplete (perhaps cut short while copying), so it could not be read.':
    'Cette photo est abîmée ou incomplète (peut-être tronquée pendant la copie), elle n’a donc pas pu être lue.',
  'This photo is too large for this device to open (over 100 megapixels).':
    'Cette photo est trop grande pour que cet appareil l’ouvre (plus de 100 mégapixels).',
  'This browser cannot read this kind of photo (HEIC or AVIF). Share it as JPEG, or set the camera to "Most Compatible".':
    'Ce navigateur ne sait pas lire ce type de photo (HEIC ou AVIF). Partagez-la en JPEG, ou réglez l’appareil photo sur « Le plus compatible ».',
  'Processing this photo was cancelled.': 'Le traitement de cette photo a été annulé.',
  'This photo could not be processed. Its original is kept: try again, or delete it.':
    'Cette photo n’a pas pu être traitée. Son original est conservé : réessayez, ou supprimez-la.',
  'Your device is out of storage space, so this could not be saved. Everything saved before is safe. Free some space, then try again.':
    'Votre appareil n’a plus d’espace de stockage, cela n’a donc pas pu être enregistré. Tout ce qui a été enregistré avant est en sécurité. Libérez de l’espace, puis réessayez.',
  'Your phone is out of storage for this app. Free some space and try again; nothing stored was lost.':
    'Votre téléphone n’a plus d’espace de stockage pour cette application. Libérez de l’espace et réessayez ; rien de ce qui était enregistré n’a été perdu.',
  Saved: 'Enregistré',
  'Not saved: {reason}': 'Non enregistré : {reason}',
  '{name}: {reason}': '{name} : {reason}',
  'Export cancelled.': 'Export annulé.',
  'Exported {name} ({size} MB).': '{name} exporté ({size} Mo).',
  'Imported {conferences} and {photos}.': '{conferences} et {photos} importées.',
  '{n} conference': '{n} conférence',
  '{n} conferences': '{n} conférences',
  '{n} photo': '{n} photo',
  '{n} photos': '{n} photos',
  'No photos yet.': 'Pas encore de photos.',
  'One photo could not be processed; it is marked on its talk.':
    'Une photo n’a pas pu être traitée ; elle est signalée sous son talk.',
  'This browser gives no access to the camera. Use "Use the phone camera" or "Add photos" below.':
    'Ce navigateur ne donne pas accès à l’appareil photo. Utilisez « Utiliser l’appareil photo du téléphone » ou « Ajouter des photos » ci-dessous.',
  'Camera access was refused. Allow it in the browser settings, or use the phone camera or your gallery below.':
    'L’accès à l’appareil photo a été refusé. Autorisez-le dans les réglages du navigateur, ou utilisez l’appareil photo du téléphone ou votre galerie ci-dessous.',
  'No camera could be opened. Use the phone camera or your gallery below.':
    'Aucun appareil photo n’a pu être ouvert. Utilisez l’appareil photo du téléphone ou votre galerie ci-dessous.',
  'The camera has no picture yet. Try again.':
    'L’appareil photo n’a pas encore d’image. Réessayez.',
  'The photo could not be taken. Try again.': 'La photo n’a pas pu être prise. Réessayez.',
  'The corner editor could not be loaded. Reload the app, with a network if you can.':
    'L’éditeur de coins n’a pas pu être chargé. Rechargez l’application, avec un réseau si possible.',
  'Adjust corners': 'Ajuster les coins',
  'Top-left corner': 'Coin en haut à gauche',
  'Top-right corner': 'Coin en haut à droite',
  'Bottom-right corner': 'Coin en bas à droite',
  'Bottom-left corner': 'Coin en bas à gauche',
  'Save corners': 'Enregistrer les coins',
  'No crop': 'Sans recadrage',
  '{x}% from the left, {y}% from the top': '{x} % depuis la gauche, {y} % depuis le haut',
  '{corner}: {where}': '{corner} : {where}',
  'Drag each corner onto the slide’s, or use the arrow keys (Shift: finer).':
    'Placez chaque coin sur celui de la diapositive, au doigt ou avec les flèches (Maj : plus fin).',
  'Loading the photo…': 'Chargement de la photo…',
  'Straightening…': 'Redressement…',
  'The original is no longer kept, so the corners apply to this image.':
    'L’original n’est plus conservé : les coins s’appliquent à cette image.',
  'This file isn’t a schedule Confnotes can read: it looks like {what}. Confnotes reads iCalendar (.ics), frab and pretalx JSON and XML, c3voc schedule JSON, and Sessionize JSON.':
    'Ce fichier n’est pas un programme que Confnotes sait lire : il ressemble à {what}. Confnotes lit l’iCalendar (.ics), le JSON et le XML de frab et pretalx, le JSON « schedule » de c3voc et le JSON de Sessionize.',
  'a JSON file with a “{key}” keyed by date': 'un fichier JSON avec un « {key} » indexé par date',
  'a JSON file keyed by date': 'un fichier JSON indexé par date',
  'a JSON file whose top level has the fields {fields}':
    'un fichier JSON dont le premier niveau a les champs {fields}',
  'an empty JSON object': 'un objet JSON vide',
  'an empty JSON list': 'une liste JSON vide',
  'a JSON list of objects with the fields {fields}': 'une liste JSON d’objets aux champs {fields}',
  'a JSON list of plain values': 'une liste JSON de valeurs simples',
  'an XML file whose root is <{root}>': 'un fichier XML dont la racine est <{root}>',
  'a text file that is neither JSON, XML nor iCalendar':
    'un fichier texte qui n’est ni du JSON, ni du XML, ni de l’iCalendar',
  'This schedule gives exact (UTC) times but no time zone; choose the conference’s time zone to see its local times.':
    'Ce programme donne des heures exactes (UTC) mais pas de fuseau horaire ; choisissez le fuseau horaire de la conférence pour voir ses heures locales.',
  'Add to calendar': 'Ajouter au calendrier',
  'Star talks first: only starred talks go to your calendar.':
    'Mettez d’abord des talks en favori : seuls les favoris vont dans votre calendrier.',
  '{n} starred talk has no time and was left out.':
    '{n} talk favori n’a pas d’horaire et a été laissé de côté.',
  '{n} starred talks have no time and were left out.':
    '{n} talks favoris n’ont pas d’horaire et ont été laissés de côté.',
  'Your starred talk has no time in the schedule, so there is nothing to add to a calendar.':
    'Votre talk favori n’a pas d’horaire dans le programme : il n’y a rien à ajouter à un calendrier.',
  'Your {n} starred talks have no time in the schedule, so there is nothing to add to a calendar.':
    'Vos {n} talks favoris n’ont pas d’horaire dans le programme : il n’y a rien à ajouter à un calendrier.',
  '{n} talk shared.': '{n} talk partagé.',
  '{n} talks shared.': '{n} talks partagés.',
  '{name} downloaded with {n} talk: open it to add it to your calendar.':
    '{name} téléchargé avec {n} talk : ouvrez-le pour l’ajouter à votre calendrier.',
  '{name} downloaded with {n} talks: open it to add them to your calendar.':
    '{name} téléchargé avec {n} talks : ouvrez-le pour les ajouter à votre calendrier.',
  Calendar: 'Calendrier',
  'Reminder before a starred talk': 'Rappel avant un talk favori',
  '{n} minute': '{n} minute',
  '{n} minutes': '{n} minutes',
  'For the talks you add with “Add to calendar” on your agenda; the phone’s calendar reminds you.':
    'Pour les talks que vous ajoutez avec « Ajouter au calendrier » depuis votre agenda ; c’est le calendrier du téléphone qui vous prévient.',
  '{n} talks were listed more than once at the same time in the same room; each is shown once.':
    '{n} talks figuraient plusieurs fois à la même heure dans la même salle ; chacun n’est affiché qu’une fois.',
  '1 talk was listed more than once at the same time in the same room; it is shown once.':
    '1 talk figurait plusieurs fois à la même heure dans la même salle ; il n’est affiché qu’une fois.',
  'Processing…': 'Traitement…',
  'Find the slide in each photo, and crop and straighten it':
    'Trouver la diapositive dans chaque photo, puis la recadrer et la redresser',
  'When a slide is found in a photo, the photo is cropped to it and straightened. Its original is kept until you save its corners with “Adjust corners”, so you can still change them; “Keep originals” keeps every original for good.':
    'Quand une diapositive est trouvée dans une photo, la photo est recadrée sur elle et redressée. Son original est gardé jusqu’à ce que vous enregistriez ses coins avec « Ajuster les coins », pour pouvoir encore les changer ; « Garder les originaux » garde tous les originaux pour de bon.',
  '{n} cropped photo keeps its original ({size}).':
    '{n} photo recadrée garde son original ({size}).',
  '{n} cropped photos keep their originals ({size}).':
    '{n} photos recadrées gardent leur original ({size}).',
  'Keep these crops and free the space': 'Garder ces recadrages et libérer la place',
  // Search over slide text and notes (issue 12).
  'Titles, speakers, slides, notes': 'Titres, orateurs, diapos, notes',
  'On a slide:': 'Sur une diapo :',
  'In your notes:': 'Dans vos notes :',
  'Found on slide {n}:': 'Trouvé sur la diapositive {n} :',
  'Found in your notes:': 'Trouvé dans vos notes :',
  'Found in your opinion:': 'Trouvé dans votre avis :',
  'Show all {n}': 'Tout afficher ({n})',
  // Stacks of re-shots (issue 12)
  '{n} shot': '{n} cliché',
  '{n} shots': '{n} clichés',
  '{shots} of {name}': '{shots} de {name}',
  'Keep this one': 'Garder celle-ci',
  Unstack: 'Dégrouper',
};
