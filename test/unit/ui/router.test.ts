import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../../src/ui/routes';

describe('parseRoute', () => {
  it.each([
    ['', { name: 'home' }],
    ['#/', { name: 'home' }],
    ['#/import', { name: 'import' }],
    ['#/settings', { name: 'settings' }],
    ['#/now', { name: 'now' }],
    ['#/c/abc', { name: 'conference', id: 'abc', tab: 'schedule' }],
    ['#/c/abc/agenda', { name: 'conference', id: 'abc', tab: 'agenda' }],
    ['#/c/a%2Fb/t/x%20y', { name: 'talk', id: 'a/b', talkId: 'x y' }],
    ['#/c/abc/zzz', { name: 'not-found' }],
    ['#/import/extra', { name: 'not-found' }],
  ])('%j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('reads back every link it makes', () => {
    expect(parseRoute(href.talk('c/1', 't 2'))).toEqual({ name: 'talk', id: 'c/1', talkId: 't 2' });
    expect(parseRoute(href.conference('c', 'now'))).toEqual({
      name: 'conference',
      id: 'c',
      tab: 'now',
    });
  });
});
