import { describe, expect, it } from 'vitest';
import { fill, worded, WordedError, type WordValues } from '../../../src/lib/util/words';
import { parseArchiveJson } from '../../../src/lib/export/json';
import { ARCHIVE_PARTS, ARCHIVE_WORDS } from '../../../src/lib/export/words';

describe('words for the user', () => {
  const cases: [string, string, WordValues, string][] = [
    ['no placeholder', 'Done.', {}, 'Done.'],
    ['values', '{host} answered {status}.', { host: 'a.org', status: 500 }, 'a.org answered 500.'],
    ['a value left out', 'Hello {name}.', {}, 'Hello {name}.'],
    [
      'words inside words',
      'Damaged ({why}).',
      { why: worded('"{name}" is cut short', { name: 'a.jpg' }) },
      'Damaged ("a.jpg" is cut short).',
    ],
  ];
  it.each(cases)('fills %s', (_, words, values, english) => {
    expect(fill(words, values)).toBe(english);
    expect(new WordedError(words, values)).toMatchObject({ words, values, message: english });
  });

  it('keeps each part of a damaged export apart, so each can be translated', () => {
    const text = JSON.stringify({
      format: 'confnotes',
      version: 1,
      exportedAt: '2019-11-28T18:00:00.000Z',
      conferences: [],
      talks: [],
      stars: [],
      photos: [{ id: 'a'.repeat(64) }],
      entries: [],
      opinions: [],
      freeSections: [],
    });
    const err = (() => {
      try {
        return parseArchiveJson(text);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toMatchObject({
      words: ARCHIVE_WORDS.damaged,
      values: {
        what: {
          words: ARCHIVE_PARTS.badField,
          values: { record: { words: ARCHIVE_PARTS.photo }, n: 1, field: 'conferenceId' },
        },
      },
      message:
        'This Confnotes export is damaged: a photo (number 1) has no valid "conferenceId". Nothing was imported.',
    });
  });
});
