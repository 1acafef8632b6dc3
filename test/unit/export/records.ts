// Archive records for the Xebicon demo (one of each kind), shared by the JSON and zip tests.
import type { ArchiveRecords } from '../../../src/lib/export/json';
import { conference, talks } from './xebicon-notes';

export const records: ArchiveRecords = {
  conferences: [conference],
  talks,
  stars: [{ talkId: talks[2]!.id, conferenceId: conference.id, createdAt: 1 }],
  photos: [
    {
      id: 'a3f1'.padEnd(64, '0'),
      conferenceId: conference.id,
      talkId: talks[1]!.id,
      position: 1,
      caption: 'DBLoader',
      takenAt: 1574935200000,
      width: 1600,
      height: 1200,
      size: 3,
      type: 'image/jpeg',
      status: 'ready',
      createdAt: 1,
      file: 'images/xebicon-2019_01.jpg',
    },
  ],
  entries: [
    {
      id: 'e1',
      conferenceId: conference.id,
      talkId: talks[1]!.id,
      position: 2,
      text: '- **CRD** : Custom Resource Definition',
      createdAt: 1,
      updatedAt: 2,
    },
  ],
  opinions: [{ talkId: talks[2]!.id, conferenceId: conference.id, text: 'Utile', updatedAt: 3 }],
  freeSections: [
    { id: 'f1', conferenceId: conference.id, title: 'Divers', text: '', position: 0, updatedAt: 4 },
  ],
};
