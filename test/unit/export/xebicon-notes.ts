// The Xebicon 2019 demo with the notes of the seed typed back in Markdown-lite, as an attendee
// would on a phone: photos with the seed's captions, bullets, bold, arrows and the one "Avis".
import type { Conference, Talk } from '../../../src/lib/model/types';
import { toTalkFields } from '../../../src/lib/schedule/materialise';
import demo from '../../../src/lib/demo/xebicon-2019.json';
import type { ParsedTalk } from '../../../src/lib/schedule/types';
import type { ExportInput, TalkNotes, TimelineItem } from '../../../src/lib/export/model';

const ZONE = 'Europe/Paris';

export const conference: Conference = {
  id: 'conf-xebicon',
  ...demo.conference,
  timeZone: ZONE,
  timeZoneSource: 'user',
  programmeUrl: demo.programmeUrl,
  source: { kind: 'demo', format: 'confnotes-demo', fetchedAt: 0 },
  demo: true,
  warnings: [],
  createdAt: 0,
  updatedAt: 0,
};

export const talks: Talk[] = toTalkFields(demo.talks as ParsedTalk[], ZONE).map((t, i) => ({
  ...t,
  id: `talk-${i}`,
  conferenceId: conference.id,
}));

let photoNo = 0;
const photo = (caption = ''): TimelineItem => {
  photoNo++;
  return { kind: 'photo', id: String(photoNo).padStart(64, '0'), caption, type: 'image/jpeg' };
};
let textNo = 0;
const text = (body: string): TimelineItem => ({ kind: 'text', id: `e${++textNo}`, text: body });

const byUrl = (event: number) =>
  talks.find((t) => t.url === `https://xebicon.fr/programme-xebicon-2019/#event-${event}`)!.id;

const onDemand: TimelineItem[] = [
  photo(),
  photo('DBLoader (part of the Data pipeline)'),
  photo('The Data pipeline'),
  text(`-> The full DBLoader chain takes 15 hours to run (12 without the anonymized stuff)

- **Spinnaker** as a **deployment** tool.
- **CRD** : Custom Resource Definition in Kubernetes`),
];

const spark: TimelineItem[] = [
  text('**Data post Hadoop**'),
  photo('Spark sur Hadoop'),
  photo('Spark sur Kubernetes'),
  photo('Le contexte'),
  text('Pour faire du Spark **dans K8S**\n\n- spark-submit'),
  photo(),
  text(`- Spark Operator (Custom Resource Definition de K8S)
  - s'appuie également sur spark-submit
  - toujours en beta (provient de Google, mais pas encore officiellement supporté par Google)`),
  photo('Spark Operator'),
  photo('spark-submit vs Spark Operator'),
  text(`-> ils ont choisi spark-submit (car le plus classique)

* **Airflow** pour le triggering et de worflow des jobs`),
  photo('Airflow en mode cluster'),
  photo('jars à intégrer à Docker pour pouvoir accéer à S3'),
  photo('Stack de monitoring avec Prometheus / Grafana'),
  photo('Spark peut consommer plus que normalement alloué'),
  text(`-> il faut donc configurer un **oversize**

Penser également à un petit **cleanup** pour éviter l'accumulation sur K8S.`),
  photo('Conclusion'),
];

const sparkOpinion = `Des infos utiles, on rentre tout de suite dans le "cambouis".
A garder sous le coude pour un projet similaire.

Q&A : Voir **Kudo** (passé côté CNCF) pour automatiser bien des choses à destination de K8S (pourrait remplacer une partie du développement custom présénté ici)`;

const datalake: TimelineItem[] = [
  text(`- S3 : object storage de AWS
\t- très bonne durabilité
\t- organisation des data :
\t\t- /raw-data
\t\t- /prepared-data
\t\t- /business-data`),
  photo('Plusieurs types de stockage avec S3'),
  text(`-> pourquoi payer la même chose pour un usage différent ? La raison d'être de ces différents types de storage.
Par exemple, en 30j les données vont passer automatiquement, si non utilisées (à vérifier !), en S3 IA.`),
  text('- **EMR** : Elastic Map Reduce, un Hadoop managé'),
  photo(),
  text('-> en mode éphémère, gaffe au temps de démarrage qui peut atteindre une 10 de minutes'),
  text('- **GLUE** : Spark serverless'),
  photo(),
  text('-> idem, temps de démarrage long (~10 minutes)'),
  text('- **Athena** : du SQL sur S3'),
  photo(),
  text(
    '-> permet au business (qui connaît généralement le SQL) de pouvoir créer lui-même ses jeux de données',
  ),
  text('- Orchestration avec des **Step-Functions** (machine à état)'),
  photo(),
  photo("Schéma global de l'architecture"),
  text(`Maintenant, **comment exposer les data ?**

- Application cliente du lake
  - donner un accès à S3
  - donner accès au Data Catalog GLUE
- Application data scientist

Quels usges pour qui ?

- **Data scientists**
  - explorer la donnée (notebooks)
  - partages des résultats
  - ordonnancer des notebooks
- **Data owner**
  - documenter la donnée
  - mettre à disposition des jeux de données métier
- **Dev d'appli cliente**
  - se documenter sur la data
  - s'interface avec le lake de manière industrialisée
- **équipe de dev**
  - monitorer le lake
  - configuer l'ingestion de nouvelles ressources

Ils ont créé un portail (React pour le Front) pour répondre à ces différents use cases.`),
  photo(),
  text(`Combien de personnes pour tout ça ?

- **équipe Datalake**
  - 1 PO
  - 3 data engineer
- **équipe portail**
  - 1 PO
  - 1 dev fullstark
  - 1 dev front
  - 1 dev back
- Un architecte en transverse qui apporte sa vision sur le Cloud
- et il m'en manque 1...`),
  photo("Combien coûte l'infra"),
  text(`En conclusion :

- oui, un datalake serverless sur AWS, c'est possible
- BEAUCOUP de connaissances Cloud requises
- coût d'infra/run très inférieur à celui d'un Hadoop on premise
- avoir la main sur tout / capacité virtuellement illimitée`),
];

const notes = new Map<string, TalkNotes>(
  [
    { talkId: byUrl(87), timeline: onDemand, opinion: '' },
    { talkId: byUrl(85), timeline: spark, opinion: sparkOpinion },
    { talkId: byUrl(93), timeline: datalake, opinion: '' },
  ].map((n) => [n.talkId, n]),
);

export function xebiconInput(onlyWithNotes = false): ExportInput {
  return {
    conference,
    talks,
    notes,
    freeSections: [
      { id: 'fs-divers', title: 'Divers', text: '', position: 2 },
      { id: 'fs-buzz', title: 'Buzz words', text: '', position: 1 },
    ],
    lang: 'fr',
    onlyWithNotes,
  };
}
