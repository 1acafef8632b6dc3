// The reading queue against a real (fake-indexeddb) database and a port standing in for the
// worker: which photos it reads and in what order, in which language, what it stores, that it
// stacks after reading, that a failure or a new crop does what it should, and that it pauses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConferenceRepo } from '../../../src/lib/db/conference-repo';
import { createDb, type ConfnotesDb } from '../../../src/lib/db/db';
import { PhotoRepo, type ProcessedImage } from '../../../src/lib/db/photo-repo';
import { photosToRead, readingCounts } from '../../../src/lib/db/photo-reads';
import { SlideReader, type ReadPort } from '../../../src/lib/conference/slide-reader';
import { readLangOf } from '../../../src/lib/read/lang';
import type { ReadLang } from '../../../src/lib/read/engine';
import type { Talk } from '../../../src/lib/model/types';
import { image } from '../capture/exif';
import { parsed } from '../schedule/fixtures';
import { storedJpeg } from '../../support/stored-jpeg';

let db: ConfnotesDb;
let photos: PhotoRepo;
let conf: string;
let keynote: Talk;
let n = 0;

const processed = (): ProcessedImage => ({
  ...storedJpeg(image('slide.jpg')),
  thumb: new Blob([image('slide.webp')], { type: 'image/webp' }),
  width: 1920,
  height: 1080,
});

/** A stored, processed photo whose JPEG carries `words` as its bytes, for the fake reader. */
async function photo(words: string, takenAt: number, talkId = keynote.id): Promise<string> {
  const p = await photos.addShot(conf, talkId, new File([words], `${words}.jpg`), takenAt);
  await photos.completeProcessing(p.id, {
    ...processed(),
    jpeg: new Blob([words], { type: 'image/jpeg' }),
  });
  return p.id;
}

/** Reads a "photo" by returning the text its bytes hold; records what it was asked. */
class FakePort implements ReadPort {
  asked: { words: string; lang: ReadLang }[] = [];
  closed = 0;
  failOn = '';
  onRead: () => void = () => {};
  async read(blob: Blob, lang: ReadLang) {
    const words = await blob.text();
    this.asked.push({ words, lang });
    const closed = this.closed;
    this.onRead();
    // Like the worker, a close during the read ends it.
    if (this.closed > closed) throw new Error('The reader was closed');
    if (words === this.failOn) throw new Error('unreadable');
    return { words, hash: '0123456789abcdef' };
  }
  close() {
    this.closed++;
  }
}

beforeEach(async () => {
  db = createDb(`reader-test-${++n}`);
  photos = new PhotoRepo(db);
  const conferences = new ConferenceRepo(db);
  conf = await conferences.create(
    parsed('fosdem'),
    { kind: 'file', fileName: 'fosdem.xml', format: 'frab-xml', fetchedAt: 0 },
    { deviceTimeZone: 'Europe/Brussels' },
  );
  keynote = (await conferences.talks(conf)).find((t) => t.sourceKey.includes('identity_crisis'))!;
});

afterEach(() => db.close());

describe('readLangOf', () => {
  it('takes the languages schedules give, else the fallback', () => {
    for (const said of ['fr', 'FR', 'fr-CA', 'fra', 'French', 'français', 'Francais'])
      expect(readLangOf(said, 'en'), said).toBe('fr');
    for (const said of ['en', 'en-GB', 'eng', 'English', 'anglais'])
      expect(readLangOf(said, 'fr'), said).toBe('en');
    for (const said of [undefined, '', 'de', 'Deutsch', 'enfr', 'frisian'])
      expect(readLangOf(said, 'fr'), String(said)).toBe('fr');
  });
});

describe('SlideReader', () => {
  it('reads every ready photo once, newest first, stores the text and hash, and closes the worker', async () => {
    const old = await photo('kafka partitions', 1_000);
    const recent = await photo('consumer groups', 2_000);
    await photos.addShot(conf, keynote.id, new File(['pending'], 'p.jpg'), 3_000);
    const port = new FakePort();
    await new SlideReader(db, port, () => 'en').wake();
    expect(port.asked.map((a) => a.words)).toEqual(['consumer groups', 'kafka partitions']);
    expect((await db.photos.get(old))?.text).toEqual({ words: 'kafka partitions', lang: 'en' });
    expect((await db.photos.get(recent))?.hash).toBe('0123456789abcdef');
    expect(await readingCounts(db)).toEqual({ read: 2, waiting: 0 });
    expect(port.closed).toBe(1);
    // Nothing left: waking again reads nothing.
    await new SlideReader(db, port, () => 'en').wake();
    expect(port.asked).toHaveLength(2);
  });

  it("reads in the talk's language from the schedule, else the interface's", async () => {
    await db.talks.update(keynote.id, { language: 'fr' });
    await photo('une diapositive', 1_000);
    await photo('a tray photo', 2_000, `unsorted:${conf}`);
    const port = new FakePort();
    await new SlideReader(db, port, () => 'en').wake();
    expect(port.asked).toEqual([
      { words: 'a tray photo', lang: 'en' },
      { words: 'une diapositive', lang: 'fr' },
    ]);
  });

  it('goes on past a photo it cannot read, and leaves it waiting for the next start', async () => {
    await photo('broken', 2_000);
    const fine = await photo('fine', 1_000);
    const port = new FakePort();
    port.failOn = 'broken';
    await new SlideReader(db, port, () => 'en').wake();
    expect((await db.photos.get(fine))?.text?.words).toBe('fine');
    expect(await readingCounts(db)).toEqual({ read: 1, waiting: 1 });
  });

  it('reads a photo again after a new crop, and drops a reading of the image it replaced', async () => {
    const id = await photo('first crop', 1_000);
    const port = new FakePort();
    await new SlideReader(db, port, () => 'en').wake();
    await db.photos.update(id, { imageTag: 'abcdef01' });
    expect((await photosToRead(db)).map((p) => p.id)).toEqual([id]);
    // The crop changes again while the photo is being read: that reading is not stored.
    port.onRead = () => void db.photos.update(id, { imageTag: 'abcdef02' });
    await new SlideReader(db, port, () => 'en').wake();
    const stored = await db.photos.get(id);
    expect(stored?.text?.of).toBe('abcdef02');
    expect(port.asked).toHaveLength(3);
  });

  it('stacks a re-shot of the same slide once both are read', async () => {
    const text = 'Kafka consumer groups\nPartitions are assigned to one consumer\nCommit offsets';
    const a = await photo(text, 1_000);
    const b = await photo(`${text} `, 61_000);
    await new SlideReader(db, new FakePort(), () => 'en').wake();
    const [sa, sb] = [await db.photos.get(a), await db.photos.get(b)];
    expect(sa?.stack).toBeDefined();
    expect(sb?.stack).toBe(sa?.stack);
  });

  it('pauses at once, dropping the read in flight, and reads it again on resume', async () => {
    await photo('one', 3_000);
    await photo('two', 2_000);
    await photo('three', 1_000);
    const port = new FakePort();
    const reader = new SlideReader(db, port, () => 'en');
    port.onRead = () => reader.pause();
    await reader.wake();
    expect(port.asked.map((a) => a.words)).toEqual(['one']);
    expect(port.closed).toBeGreaterThanOrEqual(1);
    expect(await readingCounts(db), 'the dropped read is not stored').toEqual({
      read: 0,
      waiting: 3,
    });
    expect(await reader.wake(), 'paused: waking does nothing').toBeUndefined();
    expect(port.asked).toHaveLength(1);
    port.onRead = () => {};
    await reader.resume();
    expect(port.asked.map((a) => a.words)).toEqual(['one', 'one', 'two', 'three']);
    expect(await readingCounts(db)).toEqual({ read: 3, waiting: 0 });
  });
});
