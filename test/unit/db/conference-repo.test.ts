import { beforeEach, describe, expect, it } from 'vitest';
import { createDb, type ConfnotesDb } from '../../../src/lib/db/db';
import { ConferenceRepo } from '../../../src/lib/db/conference-repo';
import { StarRepo } from '../../../src/lib/db/star-repo';
import { parseSchedule } from '../../../src/lib/schedule/parse';
import type { ScheduleSource } from '../../../src/lib/model/types';
import { fixtureText, parsed } from '../schedule/fixtures';

const source = (fileName: string): ScheduleSource => ({
  kind: 'file',
  fileName,
  format: 'frab-xml',
  fetchedAt: 0,
});
let db: ConfnotesDb;
let repo: ConferenceRepo;
let stars: StarRepo;
let n = 0;

beforeEach(() => {
  db = createDb(`repo-test-${++n}`);
  repo = new ConferenceRepo(db);
  stars = new StarRepo(db);
});

const byTitle = async (conferenceId: string, title: string) =>
  (await repo.talks(conferenceId)).find((t) => t.title === title)!;

describe('ConferenceRepo', () => {
  it('stores a zone-less file with the device zone and reads wall clocks in it', async () => {
    const id = await repo.create(parsed('fosdem'), source('fosdem.xml'), {
      deviceTimeZone: 'Europe/Brussels',
    });
    expect(await repo.get(id)).toMatchObject({
      title: 'FOSDEM 2015',
      timeZone: 'Europe/Brussels',
      timeZoneSource: 'device',
    });
    expect(await repo.talks(id)).toHaveLength(551);
    const t = await byTitle(id, 'Identity Crisis: Are we who we say we are?');
    expect(t).toMatchObject({
      startLocal: '2015-01-31T10:00',
      startUtc: Date.UTC(2015, 0, 31, 9, 0),
      utcFromFile: false,
    });
  });

  it('keeps the zone a file states and the instants it gives', async () => {
    const id = await repo.create(parsed('debconf'), source('debconf.xml'), {
      deviceTimeZone: 'Europe/London',
    });
    expect(await repo.get(id)).toMatchObject({ timeZone: 'Asia/Kolkata', timeZoneSource: 'file' });
    expect((await byTitle(id, 'Opening Ceremony')).startUtc).toBe(
      Date.parse('2023-09-10T05:00:00Z'),
    );
  });

  it('renames a conference, and a refresh from a new file keeps the name', async () => {
    const id = await repo.create(parsed('sessionize'), source('bom.json'), {
      deviceTimeZone: 'America/New_York',
    });
    expect((await repo.get(id))!.title).toBe('sessionize all orlandocodecamp2020 bom');
    await repo.rename(id, '  Orlando Code Camp 2020 ');
    expect((await repo.get(id))!.title).toBe('Orlando Code Camp 2020');
    // Synced like any other change to the conference.
    expect(await db.outbox.get(`conferences/${id}`)).toBeTruthy();
    await repo.refresh(id, parsed('sessionize'), source('newer.json'));
    expect((await repo.get(id))!.title).toBe('Orlando Code Camp 2020');

    await expect(repo.rename(id, '   ')).rejects.toThrow('Give the conference a name.');
    await expect(repo.rename('gone', 'X')).rejects.toThrow('This conference no longer exists.');
    expect((await repo.get(id))!.title).toBe('Orlando Code Camp 2020');
  });

  it('changing the zone re-reads wall clocks but never moves instants from the file', async () => {
    const fosdem = await repo.create(parsed('fosdem'), source('f'), {
      deviceTimeZone: 'Europe/London',
    });
    await repo.setTimeZone(fosdem, 'Europe/Brussels');
    expect((await byTitle(fosdem, 'Welcome to FOSDEM 2015')).startUtc).toBe(
      Date.UTC(2015, 0, 31, 8, 30),
    );
    expect(await repo.get(fosdem)).toMatchObject({
      timeZone: 'Europe/Brussels',
      timeZoneSource: 'user',
    });

    const rc3 = await repo.create(parsed('rc3'), source('r'), { deviceTimeZone: 'Europe/London' });
    const before = await repo.talks(rc3);
    await repo.setTimeZone(rc3, 'America/New_York');
    const after = await repo.talks(rc3);
    expect(after.map((t) => t.startUtc)).toEqual(before.map((t) => t.startUtc));
  });

  it('a refresh of an .ics with rebuilt UIDs keeps every star on its talk', async () => {
    const id = await repo.create(parsed('pyconuk'), source('s.ics'), {
      deviceTimeZone: 'Europe/London',
    });
    const nukes = await byTitle(id, 'Python powered Nukes');
    await stars.set(nukes.id, id, true);
    const rebuilt = fixtureText('pyconuk').replaceAll('20150919T102825Z-', '20150920T080000Z-9');
    const result = await repo.refresh(
      id,
      parseSchedule(new TextEncoder().encode(rebuilt), 's.ics'),
      source('s.ics'),
    );
    expect(result).toEqual({ added: 0, removed: 0, kept: 158 });
    expect((await byTitle(id, 'Python powered Nukes')).id).toBe(nukes.id);
    expect(await db.stars.get(nukes.id)).toBeTruthy();
  });

  it('a talk that vanished keeps its star and is flagged; one without user data goes', async () => {
    const id = await repo.create(parsed('rc3'), source('r'), { deviceTimeZone: 'Europe/Berlin' });
    const [starred, plain] = await repo.talks(id);
    await stars.set(starred!.id, id, true);
    const next = {
      ...parsed('rc3'),
      talks: parsed('rc3').talks.filter(
        (t) => t.title !== starred!.title && t.title !== plain!.title,
      ),
    };
    expect(await repo.refresh(id, next, source('r'))).toEqual({ added: 0, removed: 2, kept: 46 });
    expect(await db.talks.get(starred!.id)).toMatchObject({ removedFromSchedule: true });
    expect(await db.talks.get(plain!.id)).toBeUndefined();
    // It comes back unflagged, with the same id, when the schedule lists it again.
    await repo.refresh(id, parsed('rc3'), source('r'));
    expect(await db.talks.get(starred!.id)).toMatchObject({ removedFromSchedule: false });
  });

  it('a failed import writes nothing', async () => {
    // Every record gets the same id: the second talk's add fails inside the transaction.
    await expect(
      repo.create(parsed('rc3'), source('r'), { deviceTimeZone: 'UTC', newId: () => 'same' }),
    ).rejects.toThrow();
    expect(await db.conferences.count()).toBe(0);
    expect(await db.talks.count()).toBe(0);
  });

  it('deleting a conference removes its talks and stars, and nothing of another', async () => {
    const a = await repo.create(parsed('rc3'), source('a'), { deviceTimeZone: 'UTC' });
    const b = await repo.create(parsed('sessionize'), source('b'), { deviceTimeZone: 'UTC' });
    const [ta] = await repo.talks(a);
    const [tb] = await repo.talks(b);
    await stars.set(ta!.id, a, true);
    await stars.set(tb!.id, b, true);
    await repo.delete(a);
    expect(await repo.list()).toMatchObject([{ id: b }]);
    expect(await db.talks.where({ conferenceId: a }).count()).toBe(0);
    expect(await db.stars.toArray()).toMatchObject([{ talkId: tb!.id }]);
    expect(await repo.talks(b)).toHaveLength(99);
  });
});

describe('ConferenceRepo with photos', () => {
  const jpeg = (n: number) =>
    new Blob([new Uint8Array([0xff, 0xd8, 0xff, n])], { type: 'image/jpeg' });

  it('a talk with photos but no star survives its removal from the schedule', async () => {
    const { PhotoRepo } = await import('../../../src/lib/db/photo-repo');
    const photos = new PhotoRepo(db);
    const id = await repo.create(parsed('rc3'), source('r'), { deviceTimeZone: 'Europe/Berlin' });
    const [talk] = await repo.talks(id);
    const shot = await photos.addShot(id, talk!.id, jpeg(1), 0);
    const next = {
      ...parsed('rc3'),
      talks: parsed('rc3').talks.filter((t) => t.title !== talk!.title),
    };
    await repo.refresh(id, next, source('r'));
    expect(await db.talks.get(talk!.id)).toMatchObject({ removedFromSchedule: true });
    expect(await db.photos.get(shot.id)).toMatchObject({ talkId: talk!.id });
  });

  it('deleting a conference deletes its photos and their bytes, not another one’s', async () => {
    const { PhotoRepo } = await import('../../../src/lib/db/photo-repo');
    const photos = new PhotoRepo(db);
    const a = await repo.create(parsed('rc3'), source('a'), { deviceTimeZone: 'UTC' });
    const b = await repo.create(parsed('rc3'), source('b'), { deviceTimeZone: 'UTC' });
    const pa = await photos.addShot(a, (await repo.talks(a))[0]!.id, jpeg(2), 0);
    const pb = await photos.addShot(b, (await repo.talks(b))[0]!.id, jpeg(3), 0);
    await repo.delete(a);
    expect(await db.photos.get(pa.id)).toBeUndefined();
    expect(await db.originals.get(pa.id)).toBeUndefined();
    expect(await db.photos.get(pb.id)).toBeTruthy();
    expect(await db.originals.get(pb.id)).toBeTruthy();
  });
});
