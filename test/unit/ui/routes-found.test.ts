import { describe, expect, it } from 'vitest';
import { href, parseRoute, type Found } from '../../../src/ui/routes';

describe('a talk opened at what search found', () => {
  it.each<Found>([
    { kind: 'slide', ref: 'ab12', q: 'kafka raft' },
    { kind: 'note', ref: 'e-1', q: 'what? & why=' },
    { kind: 'opinion', ref: 't/2', q: 'café' },
  ])('reads back %j', (found) => {
    expect(parseRoute(href.talk('c 1', 't/2', found))).toEqual({
      name: 'talk',
      id: 'c 1',
      talkId: 't/2',
      found,
    });
  });

  it('ignores other parameters and keeps the plain link plain', () => {
    expect(href.talk('c', 't')).toBe('#/c/c/t/t');
    expect(parseRoute('#/c/c/t/t?x=1')).toEqual({ name: 'talk', id: 'c', talkId: 't' });
    expect(parseRoute('#/c/c/t/t?slide=p')).toEqual({
      name: 'talk',
      id: 'c',
      talkId: 't',
      found: { kind: 'slide', ref: 'p', q: '' },
    });
  });
});
