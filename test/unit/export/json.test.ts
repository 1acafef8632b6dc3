import { describe, expect, it } from 'vitest';
import { ArchiveError, parseArchiveJson, toArchiveJson } from '../../../src/lib/export/json';
import { records } from './records';

const at = new Date('2019-11-28T18:00:00Z');

type Archive = ReturnType<typeof parseArchiveJson>;
type Loose = Record<string, unknown>;

// What a hand-edited or hostile confnotes.json has held: each is refused, naming the record.
const hostile: [string, (a: Archive) => unknown, RegExp][] = [
  [
    'a photo id that is a path',
    (a) => ((a.photos[0]!.id = '../../../Photos/IMG_0001'), a),
    /a photo \(number 1\) has no valid "id"/,
  ],
  [
    'an image path out of the folder',
    (a) => ((a.photos[0]!.file = 'images/../../etc/passwd'), a),
    /a photo \(number 1\) has no valid "file"/,
  ],
  [
    'a start date that is no date',
    (a) => ((a.conferences[0]!.startDate = 'soon'), a),
    /a conference \(number 1\) has no valid "startDate"/,
  ],
  [
    'an impossible date',
    (a) => ((a.conferences[0]!.endDate = '2019-02-30'), a),
    /a conference \(number 1\) has no valid "endDate"/,
  ],
  [
    'an unknown time zone',
    (a) => ((a.conferences[0]!.timeZone = 'Mars/Olympus'), a),
    /a conference \(number 1\) has no valid "timeZone"/,
  ],
  [
    'no schedule source',
    (a) => (delete (a.conferences[0] as Loose).source, a),
    /a conference \(number 1\) has no valid "source"/,
  ],
  [
    'a null speaker',
    (a) => (((a.talks[1] as Loose).speakers = [null]), a),
    /a talk \(number 2\) has no valid "speakers.0"/,
  ],
  [
    'an instant no Date can show',
    (a) => ((a.talks[0]!.startUtc = 8.64e15 + 1), a),
    /a talk \(number 1\) has no valid "startUtc"/,
  ],
  [
    'a talk id with a slash',
    (a) => ((a.talks[0]!.id = 'a/b'), a),
    /a talk \(number 1\) has no valid "id"/,
  ],
  [
    'a note of a conference not in the file',
    (a) => ((a.entries[0]!.conferenceId = 'elsewhere'), a),
    /a note \(number 1\) belongs to no conference or talk of this export/,
  ],
  [
    'a star on a talk of another conference',
    (a) => ((a.stars[0]!.talkId = 'someone-elses-talk'), a),
    /a star \(number 1\) belongs to no conference or talk/,
  ],
  [
    'slide text in a language not read',
    (a) => ((a.photos[0]!.text = { words: 'x', lang: 'de' as 'en' }), a),
    /a photo \(number 1\) has no valid "text.lang"/,
  ],
  [
    'slide text longer than any slide',
    (a) => ((a.photos[0]!.text = { words: 'word '.repeat(5_000), lang: 'en' }), a),
    /a photo \(number 1\) has no valid "text.words"/,
  ],
  [
    'slide text read of an image tag that is a path',
    (a) => ((a.photos[0]!.text = { words: 'x', lang: 'en', of: '../x' }), a),
    /a photo \(number 1\) has no valid "text.of"/,
  ],
  [
    'a hash that is not 16 hex digits',
    (a) => ((a.photos[0]!.hash = '<img src=x>'), a),
    /a photo \(number 1\) has no valid "hash"/,
  ],
  [
    'a stack named by a path',
    (a) => ((a.photos[0]!.stack = '../../etc'), a),
    /a photo \(number 1\) has no valid "stack"/,
  ],
  [
    '"Keep this one" that is not true',
    (a) => (((a.photos[0] as Loose).kept = 'yes'), a),
    /a photo \(number 1\) has no valid "kept"/,
  ],
  [
    '"Unstack" that is false',
    (a) => (((a.photos[0] as Loose).unstacked = false), a),
    /a photo \(number 1\) has no valid "unstacked"/,
  ],
  [
    'a conference twice',
    (a) => (a.conferences.push(a.conferences[0]!), a),
    /a conference appears twice/,
  ],
];

describe('confnotes.json', () => {
  it('round-trips every record', () => {
    const text = toArchiveJson(records, at);
    expect(parseArchiveJson(text)).toEqual({
      format: 'confnotes',
      version: 3,
      exportedAt: '2019-11-28T18:00:00.000Z',
      ...records,
    });
  });

  it('carries a photo’s crop (version 2), and reads a version 1 file, which has none', () => {
    const corners = {
      topLeft: { x: 0.1, y: 0.2 },
      topRight: { x: 0.9, y: 0.15 },
      bottomRight: { x: 0.92, y: 0.85 },
      bottomLeft: { x: 0.08, y: 0.8 },
    };
    const cropped = {
      ...records.photos[0]!,
      corners,
      cropBy: 'user' as const,
      imageTag: '0a1b2c3d',
    };
    const text = toArchiveJson({ ...records, photos: [cropped, ...records.photos.slice(1)] }, at);
    expect(parseArchiveJson(text).photos[0]).toEqual(cropped);

    const v1 = { ...base, version: 1 };
    expect(parseArchiveJson(JSON.stringify(v1)).photos).toEqual(records.photos);
    const outside = structuredClone(JSON.parse(text) as Archive);
    outside.photos[0]!.corners!.topLeft.x = 1.5;
    expect(() => parseArchiveJson(JSON.stringify(outside))).toThrow(
      /a photo \(number 1\) has no valid "corners.topLeft.x"/,
    );
  });

  it('carries what was read of a slide and its stack (version 3), and reads a version 2 file', () => {
    const read = {
      ...records.photos[0]!,
      text: { words: 'Kafka Streams\nexactly once', lang: 'fr' as const, of: '0a1b2c3d' },
      hash: '3c3c7e7e00ff8181',
      stack: records.photos[0]!.id,
      kept: true as const,
    };
    const loose = { ...read, id: 'b4'.padEnd(64, '0'), unstacked: true as const };
    delete (loose as Loose).stack;
    delete (loose as Loose).kept;
    const photos = [read, loose];
    expect(parseArchiveJson(toArchiveJson({ ...records, photos }, at)).photos).toEqual(photos);

    const v2 = { ...base, version: 2 };
    expect(parseArchiveJson(JSON.stringify(v2)).photos).toEqual(records.photos);
  });

  const base = JSON.parse(toArchiveJson(records, at)) as Record<string, unknown>;
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"format": "confnotes", ', /not readable JSON/],
    ['another app', JSON.stringify({ name: 'my-app', version: '1.0.0' }), /another app/],
    ['an array', '[]', /another app/],
    [
      'newer version',
      JSON.stringify({ ...base, version: 4 }),
      /newer version of Confnotes \(format 4\)/,
    ],
    ['no version', JSON.stringify({ ...base, version: 'x' }), /no valid format version/],
    ['missing list', JSON.stringify({ ...base, talks: undefined }), /the list "talks" is missing/],
    [
      'broken record',
      JSON.stringify({
        ...base,
        photos: [{ id: 'x', conferenceId: 'c', talkId: 't', type: 'image/jpeg' }],
      }),
      /a photo \(number 1\) has no valid "id"/,
    ],
    ...hostile.map(([name, change, message]): [string, string, RegExp] => [
      name,
      JSON.stringify(change(structuredClone(base) as unknown as Archive)),
      message,
    ]),
  ];
  it.each(cases)('rejects %s in plain words', (_, text, message) => {
    expect(() => parseArchiveJson(text)).toThrow(ArchiveError);
    expect(() => parseArchiveJson(text)).toThrow(message);
  });
});
