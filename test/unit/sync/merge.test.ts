import { describe, expect, it } from 'vitest';
import { merge } from '../../../src/lib/sync/merge';
import type { SyncRecord } from '../../../src/lib/sync/state';

/** A device's records and merge bases, and the one state file on the "server". */
class Device {
  local = new Map<string, SyncRecord>();
  base = new Map<string, string>();
  constructor(private readonly server: Server) {}

  sync(now = 1000) {
    const out = merge({ local: this.local, base: this.base, remote: this.server, now });
    for (const [key, record] of out.put) this.local.set(key, record);
    for (const key of out.remove) this.local.delete(key);
    for (const [key, hash] of out.base) {
      if (hash === null) this.base.delete(key);
      else this.base.set(key, hash);
    }
    if (out.changed) {
      this.server.records = out.records;
      this.server.tombstones = out.tombstones;
      this.server.writes++;
    }
    return out;
  }
}

class Server {
  records: Record<string, SyncRecord> = {};
  tombstones: Record<string, number> = {};
  writes = 0;
}

const note = (text: string, updatedAt = 1): SyncRecord => ({
  id: 'n1',
  conferenceId: 'c',
  talkId: 't',
  position: 1,
  text,
  createdAt: 1,
  updatedAt,
});

function pair() {
  const server = new Server();
  return { server, a: new Device(server), b: new Device(server) };
}

describe('merge', () => {
  it('sends everything on a first sync and brings it all to a new device', () => {
    const { server, a, b } = pair();
    a.local.set('entries/n1', note('hello'));
    a.local.set('stars/t', { talkId: 't', conferenceId: 'c', createdAt: 1 });
    expect(a.sync().changed).toBe(true);
    expect(Object.keys(server.records).sort()).toEqual(['entries/n1', 'stars/t']);
    const out = b.sync();
    expect(out.changed).toBe(false);
    expect(b.local).toEqual(a.local);
  });

  it('changes nothing when nothing changed, on either side', () => {
    const { server, a, b } = pair();
    a.local.set('entries/n1', note('hello'));
    a.sync();
    b.sync();
    const writes = server.writes;
    expect(a.sync()).toMatchObject({ changed: false, remove: [], conflicts: [] });
    expect(b.sync().put.size).toBe(0);
    expect(server.writes).toBe(writes);
  });

  it('carries an edit one way, then back the other way', () => {
    const { server, a, b } = pair();
    a.local.set('entries/n1', note('v1'));
    a.sync();
    b.sync();
    b.local.set('entries/n1', note('v2 from the laptop', 2));
    b.sync();
    a.sync();
    expect(a.local.get('entries/n1')!.text).toBe('v2 from the laptop');
    a.local.set('entries/n1', note('v3 from the phone', 3));
    a.sync();
    b.sync();
    expect(b.local.get('entries/n1')!.text).toBe('v3 from the phone');
    expect(server.records['entries/n1']!.text).toBe('v3 from the phone');
  });

  it('keeps both versions of a note edited on two devices, and both devices converge', () => {
    const { server, a, b } = pair();
    a.local.set('entries/n1', note('- original'));
    a.sync();
    b.sync();
    a.local.set('entries/n1', note('- original\n- phone bullet', 5));
    b.local.set('entries/n1', note('- original\n- laptop bullet', 6));
    a.sync();
    const out = b.sync();
    expect(out.conflicts).toEqual(['entries/n1']);
    a.sync();
    const onA = a.local.get('entries/n1')!;
    expect(onA.text).toBe('- original\n- phone bullet');
    expect(onA.otherVersions).toEqual([{ text: '- original\n- laptop bullet', updatedAt: 6 }]);
    expect(b.local.get('entries/n1')).toEqual(onA);
    expect(server.records['entries/n1']).toEqual(onA);

    // The user keeps the laptop's words on the phone; the laptop takes that choice.
    a.local.set('entries/n1', note('- original\n- laptop bullet', 7));
    a.sync();
    b.sync();
    expect(b.local.get('entries/n1')).toEqual(note('- original\n- laptop bullet', 7));
    expect(a.sync().changed).toBe(false);
  });

  it('does not call equal words a conflict', () => {
    const { a, b } = pair();
    a.local.set('opinions/t', { talkId: 't', conferenceId: 'c', text: 'meh', updatedAt: 1 });
    a.sync();
    b.sync();
    a.local.set('opinions/t', { talkId: 't', conferenceId: 'c', text: 'great', updatedAt: 4 });
    b.local.set('opinions/t', { talkId: 't', conferenceId: 'c', text: 'great', updatedAt: 3 });
    a.sync();
    expect(b.sync().conflicts).toEqual([]);
    expect(b.local.get('opinions/t')).toEqual({
      talkId: 't',
      conferenceId: 'c',
      text: 'great',
      updatedAt: 4,
    });
  });

  it('is idempotent when a sync is replayed after its server write (a crash before saving)', () => {
    const { server, a, b } = pair();
    a.local.set('entries/n1', note('x'));
    a.sync();
    b.sync();
    a.local.set('entries/n1', note('from a', 2));
    b.local.set('entries/n1', note('from b', 3));
    a.sync();
    const baseBefore = new Map(b.base);
    const localBefore = new Map(b.local);
    b.sync();
    const written = JSON.stringify(server.records);
    // b "crashed": its local writes never happened, so it syncs again from where it was.
    b.base = baseBefore;
    b.local = localBefore;
    const replay = b.sync();
    expect(replay.changed).toBe(false);
    expect(JSON.stringify(server.records)).toBe(written);
  });

  it('carries deletions as tombstones', () => {
    const { server, a, b } = pair();
    a.local.set('stars/t', { talkId: 't', conferenceId: 'c', createdAt: 1 });
    a.sync();
    b.sync();
    a.local.delete('stars/t');
    a.sync(1234);
    expect(server.tombstones).toEqual({ 'stars/t': 1234 });
    expect(b.sync().remove).toEqual(['stars/t']);
    expect(b.local.has('stars/t')).toBe(false);
    // Starred again later: the star comes back everywhere.
    b.local.set('stars/t', { talkId: 't', conferenceId: 'c', createdAt: 9 });
    b.sync();
    a.sync();
    expect(a.local.get('stars/t')).toMatchObject({ createdAt: 9 });
    expect(server.tombstones).toEqual({});
  });

  it('lets an edit win over a deletion made elsewhere, both ways', () => {
    const { a, b } = pair();
    a.local.set('entries/n1', note('keep me'));
    a.sync();
    b.sync();
    a.local.delete('entries/n1');
    b.local.set('entries/n1', note('keep me, edited', 2));
    a.sync();
    b.sync();
    a.sync();
    expect(a.local.get('entries/n1')!.text).toBe('keep me, edited');

    a.local.set('entries/n1', note('edited again', 3));
    b.local.delete('entries/n1');
    b.sync();
    a.sync();
    b.sync();
    expect(b.local.get('entries/n1')!.text).toBe('edited again');
  });

  it('never deletes local records the server lost without a tombstone', () => {
    const { server, a } = pair();
    a.local.set('entries/n1', note('precious'));
    a.sync();
    server.records = {};
    const out = a.sync();
    expect(out.remove).toEqual([]);
    expect(a.local.get('entries/n1')!.text).toBe('precious');
    expect(server.records['entries/n1']!.text).toBe('precious');
  });

  it('keeps this device’s version of a photo both devices changed', () => {
    const { a, b } = pair();
    const photo = (caption: string, talkId = 't') => ({
      id: 'p',
      conferenceId: 'c',
      talkId,
      caption,
    });
    a.local.set('photos/p', photo(''));
    a.sync();
    b.sync();
    a.local.set('photos/p', photo('Architecture'));
    b.local.set('photos/p', photo('', 't2'));
    a.sync();
    const out = b.sync();
    expect(out.conflicts).toEqual([]);
    a.sync();
    expect(a.local.get('photos/p')).toEqual(photo('', 't2'));
  });
});

describe('merge of photos read and stacked (issue 12)', () => {
  const P = 'photos/p';
  const SLIDE = { words: 'Kafka at scale\nPartitions', lang: 'en' as const };
  const RECROPPED = {
    words: 'Kafka at scale\nPartitions\nReplicas',
    lang: 'en' as const,
    of: '0a1b2c3d',
  };
  const photo = (over: SyncRecord = {}): SyncRecord => ({
    id: 'p',
    conferenceId: 'c',
    talkId: 't',
    caption: '',
    ...over,
  });

  /** Both devices hold `start`; each then changes it; a syncs first, b finds the conflict. */
  function both(start: SyncRecord, onA: SyncRecord, onB: SyncRecord) {
    const { server, a, b } = pair();
    a.local.set(P, photo(start));
    a.sync();
    b.sync();
    a.local.set(P, photo({ ...start, ...onA }));
    b.local.set(P, photo({ ...start, ...onB }));
    a.sync();
    const out = b.sync();
    a.sync();
    expect(out.conflicts).toEqual([]);
    // Both converge on what the server holds.
    expect(a.local.get(P)).toEqual(server.records[P]);
    expect(b.local.get(P)).toEqual(server.records[P]);
    return server.records[P]!;
  }

  it('brings the text read on one device, its hash and stack to the other', () => {
    const { a, b } = pair();
    a.local.set(P, photo());
    a.sync();
    b.sync();
    a.local.set(P, photo({ text: SLIDE, hash: '3c3c7e7e00ff8181', stack: 'p', kept: true }));
    a.sync();
    b.sync();
    expect(b.local.get(P)).toEqual(a.local.get(P));
    b.local.set(P, photo({ text: SLIDE, hash: '3c3c7e7e00ff8181', unstacked: true }));
    b.sync();
    a.sync();
    expect(a.local.get(P)).toEqual(b.local.get(P));
  });

  it.each<[string, SyncRecord, SyncRecord, SyncRecord, SyncRecord]>([
    [
      'a text read there and a caption typed here',
      {},
      { text: SLIDE, hash: '3c3c7e7e00ff8181' },
      { caption: 'Intro' },
      { caption: 'Intro', text: SLIDE, hash: '3c3c7e7e00ff8181' },
    ],
    [
      'a text read there, "Keep this one" here',
      { stack: 'q' },
      { text: SLIDE },
      { kept: true },
      { stack: 'q', kept: true, text: SLIDE },
    ],
    [
      '"Keep this one" there, a stack joined here',
      { text: SLIDE, stack: 'q' },
      { kept: true },
      { caption: 'Intro' },
      { caption: 'Intro', text: SLIDE, stack: 'q', kept: true },
    ],
    [
      'a stack joined there, read here',
      {},
      { stack: 'q' },
      { text: SLIDE },
      { text: SLIDE, stack: 'q' },
    ],
    [
      '"Unstack" there beats a stack joined here',
      { text: SLIDE, stack: 'q', kept: true },
      { stack: undefined, kept: undefined, unstacked: true },
      { caption: 'Intro' },
      { caption: 'Intro', text: SLIDE, unstacked: true },
    ],
    [
      '"Unstack" here beats "Keep this one" there',
      { text: SLIDE, stack: 'q' },
      { kept: true },
      { stack: undefined, unstacked: true },
      { text: SLIDE, unstacked: true },
    ],
    [
      'a re-crop read again here beats the older words there',
      { text: SLIDE, hash: '3c3c7e7e00ff8181' },
      { caption: 'Intro' },
      { imageTag: '0a1b2c3d', text: RECROPPED, hash: '0000ffff0000ffff' },
      { imageTag: '0a1b2c3d', text: RECROPPED, hash: '0000ffff0000ffff' },
    ],
    [
      'a re-crop here, not read yet: the older words stay, not the old hash',
      { text: SLIDE, hash: '3c3c7e7e00ff8181' },
      { caption: 'Intro' },
      { imageTag: '0a1b2c3d', hash: undefined },
      { imageTag: '0a1b2c3d', text: SLIDE },
    ],
    [
      'words read there of the crop this device just made',
      { imageTag: '0a1b2c3d' },
      { text: RECROPPED, hash: '0000ffff0000ffff' },
      { text: SLIDE, caption: 'Intro' },
      { imageTag: '0a1b2c3d', caption: 'Intro', text: RECROPPED, hash: '0000ffff0000ffff' },
    ],
  ])('%s', (_, start, onA, onB, merged) => {
    const clean = (r: SyncRecord) =>
      Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
    expect(clean(both(start, onA, onB))).toEqual(photo(merged));
  });
});
