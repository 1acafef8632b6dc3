// The screens' translator fills placeholders through lib's fill(), translating each text, the
// nested ones included; isWorded() tells words apart from other thrown or stored values.
import { describe, expect, it } from 'vitest';
import { fill, isWorded, worded } from '../../../src/lib/util/words';

const FR: Record<string, string> = {
  '{name}: {reason}': '{name} : {reason}',
  'This photo is damaged.': 'Cette photo est abîmée.',
};
const translate = (english: string) => FR[english] ?? english;

describe('fill with a translation', () => {
  it('translates the text and the words nested in its values', () => {
    const reason = worded('This photo is damaged.');
    expect(fill('{name}: {reason}', { name: 'a.jpg', reason }, translate)).toBe(
      'a.jpg : Cette photo est abîmée.',
    );
  });

  it('keeps English without a translation, and unknown placeholders as they are', () => {
    expect(fill('{name}: {reason}', { name: 'a.jpg' })).toBe('a.jpg: {reason}');
  });
});

describe('isWorded', () => {
  it('knows words from strings, errors and nothing', () => {
    expect(isWorded(worded('Saved'))).toBe(true);
    expect(isWorded('Saved')).toBe(false);
    expect(isWorded(new Error('x'))).toBe(false);
    expect(isWorded(undefined)).toBe(false);
    expect(isWorded({ words: 'x', values: null })).toBe(false);
  });
});
