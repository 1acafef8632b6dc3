// Which shots stack, which stack a new one joins, and which shot stands for a stack
// (read/stacks.ts), on hand-made photo records.
import { describe, expect, it } from 'vitest';
import type { Photo } from '../../../src/lib/model/types';
import {
  faceOf,
  faces,
  relation,
  stackToJoin,
  STACK_WINDOW_MS,
  type Relation,
} from '../../../src/lib/read/stacks';

const T0 = Date.UTC(2026, 1, 1, 10);
const SLIDE = 'Kafka at scale\nPartitions are the unit of parallelism\nConsumers share partitions';
const BUILD = `${SLIDE}\nRetention is set per topic`;
const OTHER = 'Exactly once\nIdempotent producers and transactions\nAt a cost';
const HASH = '3c3c7e7e00ff8181';
const NEAR = '3c3c7e7e00ff8080'; // 2 bits from HASH
const FAR = 'c3c3818100ff7e7e'; // 48 bits from HASH

let n = 0;
function shot(over: Partial<Photo> & { words?: string } = {}): Photo {
  const { words = SLIDE, ...rest } = over;
  n++;
  return {
    id: `p${n}`.padEnd(64, '0'),
    conferenceId: 'conf',
    talkId: 'talk',
    position: n,
    caption: '',
    takenAt: T0 + n * 1000,
    width: 1920,
    height: 1080,
    size: 1000,
    type: 'image/jpeg',
    status: 'ready',
    createdAt: T0 + n * 1000,
    hash: HASH,
    text: { words, lang: 'en' },
    ...rest,
  };
}

describe('relation', () => {
  const cases: [string, Partial<Photo> & { words?: string }, Relation][] = [
    ['a re-shot, near hash', { hash: NEAR }, 'same'],
    ['a re-shot from elsewhere in the room, far hash, same words', { hash: FAR }, 'same'],
    ['a re-shot with one word misread', { words: SLIDE.replace('unit', 'umit') }, 'same'],
    ['a build step, near hash', { words: BUILD, hash: NEAR }, 'build'],
    ['a build step with a far hash is not proposed', { words: BUILD, hash: FAR }, 'different'],
    ['a build step without a hash is not proposed', { words: BUILD, hash: undefined }, 'different'],
    ['another slide with a near hash', { words: OTHER, hash: NEAR }, 'different'],
    ['another talk', { talkId: 'talk2' }, 'different'],
    ['taken more than the window later', { takenAt: T0 + STACK_WINDOW_MS + 5000 }, 'different'],
    ['not read yet', { text: undefined }, 'different'],
    ['unstacked by the user', { unstacked: true }, 'different'],
    ['deleted', { deletedAt: T0 }, 'different'],
    ['nothing read, same picture', { words: '', hash: HASH }, 'same'],
    ['nothing read, 1 bit apart', { words: '', hash: '3c3c7e7e00ff8180' }, 'same'],
    ['nothing read, 2 bits apart', { words: '', hash: NEAR }, 'different'],
    ['nothing read, one read', { hash: HASH, text: { words: '', lang: 'fr' } }, 'same'],
    ['nothing read, no hash', { words: '', hash: undefined }, 'different'],
  ];
  it.each(cases)('%s', (_, over, expected) => {
    const first = shot({ takenAt: T0 });
    const second = shot(over);
    expect(relation(first, second)).toBe(expected);
    expect(relation(second, first)).toBe(expected);
  });

  it('does not relate a photo to itself', () => {
    const p = shot();
    expect(relation(p, p)).toBe('different');
  });
});

describe('stackToJoin', () => {
  it('starts a stack keyed by the other shot when it has none', () => {
    const first = shot();
    expect(stackToJoin(shot({ hash: NEAR }), [first])).toBe(first.id);
  });

  it('joins the stack the related shot is in', () => {
    const first = shot({ stack: 'pstack' });
    expect(stackToJoin(shot(), [first])).toBe('pstack');
  });

  it('prefers the same slide to a build step, then the nearest in time', () => {
    const build = shot({ words: BUILD, stack: 'builds' });
    const early = shot({ stack: 'early' });
    const late = shot({ stack: 'late' });
    const now = shot({ takenAt: late.takenAt + 2000 });
    expect(stackToJoin(now, [build, early, late])).toBe('late');
    expect(stackToJoin(now, [build, early])).toBe('early');
    expect(stackToJoin(now, [build])).toBe('builds');
  });

  it('leaves a shot alone when nothing relates, and one already stacked where it is', () => {
    expect(stackToJoin(shot(), [shot({ words: OTHER }), shot({ talkId: 'x' })])).toBeUndefined();
    expect(stackToJoin(shot(), [])).toBeUndefined();
    expect(stackToJoin(shot({ stack: 'mine' }), [shot({ stack: 'theirs' })])).toBe('mine');
  });
});

describe('faceOf', () => {
  it('is the shot the user kept', () => {
    const kept = shot({ kept: true });
    expect(faceOf([kept, shot(), shot({ words: BUILD })])).toBe(kept);
  });

  it('is the newest of re-shots', () => {
    const newest = shot();
    expect(faceOf([shot({ takenAt: newest.takenAt - 5 }), newest])).toBe(newest);
    expect(faceOf([newest, shot({ takenAt: newest.takenAt - 5 })])).toBe(newest);
  });

  it('is the later in the list of shots with the same times', () => {
    const [a, b] = [shot({ takenAt: T0, createdAt: T0 }), shot({ takenAt: T0, createdAt: T0 })];
    expect(faceOf([a, b])).toBe(b);
  });

  it('is the fullest of build steps, even when older', () => {
    const full = shot({ words: BUILD, takenAt: T0 });
    expect(faceOf([shot(), full, shot()])).toBe(full);
  });

  it('is the newest when one shot read nothing', () => {
    const newest = shot({ words: '' });
    expect(faceOf([shot({ takenAt: T0 }), newest])).toBe(newest);
  });
});

describe('faces', () => {
  it('keeps single photos and one face per stack, at the face’s place, in order', () => {
    const a = shot();
    const s1 = shot({ stack: 'S' });
    const b = shot({ words: OTHER });
    const s2 = shot({ stack: 'S' });
    const t1 = shot({ stack: 'T', words: BUILD });
    const t2 = shot({ stack: 'T' });
    expect(faces([a, s1, b, s2, t1, t2]).map((p) => p.id)).toEqual([a.id, b.id, s2.id, t1.id]);
  });

  it('shows a stack whose other members are elsewhere as its one photo', () => {
    const alone = shot({ stack: 'gone' });
    expect(faces([alone])).toEqual([alone]);
  });

  it('shows the kept shot', () => {
    const s1 = shot({ stack: 'S', kept: true });
    const s2 = shot({ stack: 'S' });
    expect(faces([s1, s2])).toEqual([s1]);
  });
});
