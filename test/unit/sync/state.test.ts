import { describe, expect, it } from 'vitest';
import {
  canonical,
  parseState,
  recordIn,
  recordKey,
  STATE_VERSION,
  type StateDoc,
} from '../../../src/lib/sync/state';
import { records } from '../export/records';

const conferenceId = records.conferences[0]!.id;
const { file: _file, ...photo } = records.photos[0]!;

function notesDoc(): StateDoc {
  return structuredClone({
    format: 'confnotes-sync',
    version: 1,
    folderId: 'f0f0f0f0-1111-2222-3333-444455556666',
    conferenceId,
    part: 'notes',
    records: {
      [recordKey('photos', photo.id)]: photo,
      [recordKey('entries', records.entries[0]!.id)]: records.entries[0]!,
      [recordKey('stars', records.stars[0]!.talkId)]: records.stars[0]!,
    },
    tombstones: { [recordKey('entries', 'gone-1')]: 1_700_000_000_000 },
    writtenAt: '2026-12-01T10:00:00.000Z',
  });
}

type Edit = (doc: StateDoc & Record<string, unknown>) => void;
const photoKey = recordKey('photos', photo.id);
const photoOf = (doc: StateDoc) => doc.records[photoKey] as Record<string, unknown>;

// What a shared folder edited by hand or by a hostile peer has held: each one stops the sync
// of that conference with words that name the file, before anything is applied.
const cases: [string, Edit, RegExp][] = [
  [
    'a photo keyed by a path',
    (d) => {
      const evil = '../../../Photos/IMG_0001';
      d.records[recordKey('photos', evil)] = { ...photo, id: evil };
    },
    /holds a record it should not/,
  ],
  [
    'a photo whose id is not its key',
    (d) => (photoOf(d).id = 'b'.repeat(64)),
    /holds a record it should not/,
  ],
  [
    'a photo id that is a path under its own key',
    (d) => {
      delete d.records[photoKey];
      d.records['photos/../x'] = { ...photo, id: '../x' };
    },
    /holds a record it should not/,
  ],
  ['a record of the other part', (d) => (d.records['talks/t1'] = {}), /should not/],
  [
    'a record of another conference',
    (d) => (photoOf(d).conferenceId = 'someone-else'),
    /should not/,
  ],
  [
    'a shot time no Date can show',
    (d) => (photoOf(d).takenAt = Number.POSITIVE_INFINITY),
    /damaged record \(photos\/a3f1\w+: "takenAt"\)/,
  ],
  [
    'an image type that is not an image',
    (d) => (photoOf(d).type = 'text/html'),
    /damaged record \(photos\/\w+: "type"\)/,
  ],
  ['a null record', (d) => (d.records[photoKey] = null as never), /damaged record/],
  [
    'slide text in a language not read',
    (d) => (photoOf(d).text = { words: 'x', lang: 'xx' }),
    /damaged record \(photos\/\w+: "text.lang"\)/,
  ],
  [
    'a stack named by a path',
    (d) => (photoOf(d).stack = '../x'),
    /damaged record \(photos\/\w+: "stack"\)/,
  ],
  [
    'a hash with markup',
    (d) => (photoOf(d).hash = '<b>0000000000</b>'),
    /damaged record \(photos\/\w+: "hash"\)/,
  ],
  ['"Unstack" as a string', (d) => (photoOf(d).unstacked = 'yes'), /"unstacked"/],
  ['a tombstone of a path', (d) => (d.tombstones['photos/../../x'] = 1), /should not/],
  ['a tombstone that is no time', (d) => (d.tombstones['entries/e9'] = -5), /should not/],
  ['a folder id with a slash', (d) => (d.folderId = 'a/b'), /is damaged/],
  ['no date written', (d) => delete (d as Partial<StateDoc>).writtenAt, /is damaged/],
];

describe('sync state files', () => {
  it('reads a sound notes file as written', () => {
    const doc = notesDoc();
    expect(canonical(parseState(JSON.stringify(doc), 'notes'))).toBe(canonical(doc));
  });

  it('drops fields it does not know, so they cannot reach the database', () => {
    const doc = notesDoc();
    photoOf(doc).onload = 'alert(1)';
    expect(parseState(JSON.stringify(doc), 'notes').records[photoKey]).not.toHaveProperty('onload');
  });

  it('reads version 1 files; refuses a newer one in words that say to update', () => {
    const photoRead = {
      ...photo,
      text: { words: 'Kafka\nStreams', lang: 'en', of: '0a1b2c3d' },
      hash: '3c3c7e7e00ff8181',
      stack: photo.id,
      kept: true,
    };
    const doc = { ...notesDoc(), version: STATE_VERSION };
    doc.records[photoKey] = photoRead;
    expect(parseState(JSON.stringify(doc), 'notes').records[photoKey]).toEqual(photoRead);
    expect(parseState(JSON.stringify(notesDoc()), 'notes').version).toBe(1);
    const newer = JSON.stringify({ ...doc, version: STATE_VERSION + 1 });
    expect(() => parseState(newer, 'notes')).toThrow(/newer version of Confnotes/);
  });

  it.each(cases)('refuses %s, naming the file', (_, edit, message) => {
    const doc = notesDoc() as StateDoc & Record<string, unknown>;
    edit(doc);
    expect(() => parseState(JSON.stringify(doc), 'notes')).toThrow(message);
    expect(() => parseState(JSON.stringify(doc), 'notes')).toThrow(/\.confnotes\/notes\.json/);
  });
});

describe('the schedule state file', () => {
  const conference = records.conferences[0]!;
  const talk = records.talks[0]!;
  const doc = (conf = conference) =>
    JSON.stringify({
      ...notesDoc(),
      part: 'schedule',
      records: { [recordKey('conferences', conf.id)]: conf, [recordKey('talks', talk.id)]: talk },
      tombstones: {},
    });

  it('reads its conference and talks', () => {
    const read = parseState(doc(), 'schedule');
    expect(Object.keys(read.records)).toHaveLength(2);
  });

  it('refuses a conference date no screen can show', () => {
    expect(() => parseState(doc({ ...conference, startDate: 'soon' }), 'schedule')).toThrow(
      /damaged record \(conferences\/[\w-]+: "startDate"\)/,
    );
  });
});

describe('recordIn', () => {
  it('gives a record its table’s type under that table’s key only', () => {
    const doc = parseState(JSON.stringify(notesDoc()), 'notes');
    const entryKey = recordKey('entries', records.entries[0]!.id);
    const typed = recordIn('photos', photoKey, doc.records[photoKey]);
    expect(typed?.status).toBe(photo.status);
    expect(recordIn('photos', entryKey, doc.records[entryKey])).toBeUndefined();
    expect(recordIn('entries', entryKey, doc.records[entryKey])?.talkId).toBe(
      records.entries[0]!.talkId,
    );
  });
});
