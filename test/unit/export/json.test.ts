import { describe, expect, it } from 'vitest';
import { ArchiveError, parseArchiveJson, toArchiveJson } from '../../../src/lib/export/json';
import { records } from './records';

const at = new Date('2019-11-28T18:00:00Z');

describe('confnotes.json', () => {
  it('round-trips every record', () => {
    const text = toArchiveJson(records, at);
    expect(parseArchiveJson(text)).toEqual({
      format: 'confnotes',
      version: 1,
      exportedAt: '2019-11-28T18:00:00.000Z',
      ...records,
    });
  });

  const base = JSON.parse(toArchiveJson(records, at)) as Record<string, unknown>;
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"format": "confnotes", ', /not readable JSON/],
    ['another app', JSON.stringify({ name: 'my-app', version: '1.0.0' }), /another app/],
    ['an array', '[]', /another app/],
    [
      'newer version',
      JSON.stringify({ ...base, version: 2 }),
      /newer version of Confnotes \(format 2\)/,
    ],
    ['no version', JSON.stringify({ ...base, version: 'x' }), /no valid format version/],
    ['missing list', JSON.stringify({ ...base, talks: undefined }), /the list "talks" is missing/],
    [
      'broken record',
      JSON.stringify({
        ...base,
        photos: [{ id: 'x', conferenceId: 'c', talkId: 't', type: 'image/jpeg' }],
      }),
      /a photo \(number 1\) has no valid "file"/,
    ],
    [
      'path escape',
      JSON.stringify({
        ...base,
        photos: [{ ...records.photos[0], file: 'images/../../etc/passwd' }],
      }),
      /outside the images folder/,
    ],
  ];
  it.each(cases)('rejects %s in plain words', (_, text, message) => {
    expect(() => parseArchiveJson(text)).toThrow(ArchiveError);
    expect(() => parseArchiveJson(text)).toThrow(message);
  });
});
