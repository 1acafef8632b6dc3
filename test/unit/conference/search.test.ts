import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/schedule/search';
import { searchAll } from '../../../src/lib/schedule/search-texts';

const talks = [
  {
    id: '1',
    title: 'Kubernetes for everyone',
    speakers: [{ name: 'Ana Ruiz' }],
    abstract: 'Pods.',
  },
  {
    id: '2',
    title: 'Intro to Rust',
    speakers: [{ name: 'Jérémy Pinsolle' }],
    abstract: 'Runs on <b>Kubernetes</b> too.',
  },
  { id: '3', title: 'Café & Crème', speakers: [], abstract: '' },
];
const index = buildIndex(talks);

describe('search', () => {
  it.each([
    ['', ['1', '2', '3']],
    ['kube', ['1', '2']],
    ['ube', []],
    ['jeremy', ['2']],
    ['KUBERNETES rust', ['2']],
    ['cafe creme', ['3']],
    ['b', []],
    ['nothing here', []],
  ])('%j finds %j', (query, ids) => {
    expect(searchAll(index, new Map(), query).map((h) => h.talkId)).toEqual(ids);
  });
});
