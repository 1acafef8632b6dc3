// What checking outside data against the record schemas costs, in one Node process and one
// run. Schedule: FOSDEM 2015 parsed, then checked (checkSchedule), against the parse alone.
// Zip: a 300-photo export of FOSDEM with a note per photo read back by readArchive (directory,
// CRC-32, confnotes.json checked record by record), against the same zip read by readZip and
// JSON.parse, which is the same work without the schemas. Budget: the checked path within
// 1.1x its floor (issue 9), in interleaved rounds; each gate checks itself on the checked path
// with the floor's work done once more.
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { checkSchedule } from '../../src/lib/conference/schedule-check';
import { readArchive } from '../../src/lib/export/archive';
import { toArchiveJson, type ArchiveRecords } from '../../src/lib/export/json';
import { exportZip } from '../../src/lib/export/zip';
import { ARCHIVE_JSON, readZip } from '../../src/lib/export/zip-read';
import { toTalkFields } from '../../src/lib/schedule/materialise';
import { parseSchedule } from '../../src/lib/schedule/parse';
import { interleaved, median, medianRatio } from './rounds';
import type { Row } from './startup';

const FOSDEM = new URL('../fixtures/schedules/pentabarf-xml_fosdem2015.xml', import.meta.url);
const PHOTOS = 300;
const ROUNDS = 31;
const BUDGET = 1.1;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as (options?: { type: 'major' | 'minor' }) => void;

/**
 * One run's time, from a collected heap to the young generation's collection of what it made.
 * Without the collection at the end, a run left its garbage to the next run's stopwatch: the
 * parse's tree was promoted during the check that followed it, but after the floor had stopped.
 */
const timed = (run: () => unknown) => async () => {
  gc();
  const t = performance.now();
  await run();
  gc({ type: 'minor' });
  return performance.now() - t;
};

/**
 * Interleaved rounds of the checked path, its floor, and the self-check: the checked path
 * followed by the floor's work again, which the gate must fail.
 */
async function paired(app: () => unknown, floor: () => unknown) {
  const t = await interleaved(ROUNDS, {
    app: timed(app),
    floor: timed(floor),
    slowed: timed(async () => (await app(), await floor())),
  });
  return {
    app: median(t.app),
    floor: median(t.floor),
    ratio: medianRatio(t.app, t.floor),
    slowed: medianRatio(t.slowed, t.floor),
  };
}

async function fosdemZip(): Promise<Blob> {
  const parsed = parseSchedule(readFileSync(FOSDEM), 'fosdem.xml');
  const conferenceId = 'fosdem-2015';
  const talks = toTalkFields(parsed.talks, 'Europe/Brussels').map((t, i) => ({
    ...t,
    id: `talk-${i}`,
    conferenceId,
  }));
  const image = new Uint8Array(200 * 1024).map((_, i) => (i * 7) & 0xff);
  const records: ArchiveRecords = {
    conferences: [
      {
        id: conferenceId,
        title: parsed.conference.title,
        startDate: parsed.conference.startDate,
        endDate: parsed.conference.endDate,
        timeZone: 'Europe/Brussels',
        timeZoneSource: 'user',
        source: { kind: 'file', fileName: 'fosdem.xml', format: 'frab-xml', fetchedAt: 1 },
        demo: false,
        warnings: [],
        createdAt: 1,
        updatedAt: 1,
      },
    ],
    talks,
    stars: talks.slice(0, 40).map((t) => ({ talkId: t.id, conferenceId, createdAt: 1 })),
    photos: Array.from({ length: PHOTOS }, (_, i) => ({
      id: i.toString(16).padStart(64, '0'),
      conferenceId,
      talkId: talks[i % talks.length]!.id,
      position: i,
      caption: `Slide ${i}`,
      takenAt: 1_422_700_000_000 + i,
      width: 1920,
      height: 1080,
      size: image.length,
      type: 'image/jpeg',
      status: 'ready' as const,
      createdAt: 1,
      file: `images/fosdem-2015_${String(i + 1).padStart(3, '0')}.jpg`,
    })),
    entries: Array.from({ length: PHOTOS }, (_, i) => ({
      id: `note-${i}`,
      conferenceId,
      talkId: talks[i % talks.length]!.id,
      position: PHOTOS + i,
      text: `- point ${i} about the slide before\n- and a second one`,
      createdAt: 1,
      updatedAt: 2,
    })),
    opinions: [],
    freeSections: [],
  };
  async function* entries() {
    yield { name: ARCHIVE_JSON, lastModified: new Date(0), input: toArchiveJson(records) };
    for (const p of records.photos)
      yield { name: p.file, lastModified: new Date(0), input: new Blob([image]) };
  }
  return exportZip(entries());
}

export async function validationBench(): Promise<Row[]> {
  const bytes = readFileSync(FOSDEM);
  const schedule = await paired(
    () => checkSchedule(parseSchedule(bytes, 'fosdem.xml')),
    () => parseSchedule(bytes, 'fosdem.xml'),
  );
  const zip = await fosdemZip();
  const archive = await paired(
    () => readArchive(zip),
    async () => JSON.parse(await (await readZip(zip)).get(ARCHIVE_JSON)!.text()) as unknown,
  );
  const rows = (what: string, r: typeof schedule) => [
    {
      what,
      value: `${r.ratio.toFixed(2)}x (${r.app.toFixed(0)} ms, floor ${r.floor.toFixed(0)} ms)`,
      budget: `<= ${BUDGET}x`,
      ok: r.ratio <= BUDGET,
    },
    {
      what: "  self-check: the floor's work added, caught by the gate",
      value: `${r.slowed.toFixed(2)}x`,
      budget: `> ${BUDGET}x`,
      ok: r.slowed > BUDGET,
    },
  ];
  return [
    ...rows('FOSDEM parse + schema check vs parse', schedule),
    ...rows(`zip import read, ${PHOTOS} photos, checked vs unchecked`, archive),
  ];
}
