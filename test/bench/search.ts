// Search per keystroke on an imported FOSDEM schedule with 500 read slides and notes spread
// over its talks. Each keystroke is timed from the input event to the new list laid out; the
// list shown is then checked against the results the same search code gives in Node, so a
// stopwatch stopped before the list changed fails the bench instead of flattering it.
import type { Page } from '@playwright/test';
import type { Talk } from '../../src/lib/model/types';
import { compareTalks } from '../../src/lib/schedule/agenda';
import { buildIndex } from '../../src/lib/schedule/search';
import { searchAll, TextIndex, type TalkText } from '../../src/lib/schedule/search-texts';
import { noteText, seeded, slideText } from '../support/slide-words';

const SLIDES = 500;
const NOTES = 150;
const OPINIONS = 40;

/** What a keystroke left on screen: the heading's count and the first talk listed. */
interface Shown {
  ms: number;
  frameMs: number;
  heading: string;
  first: string;
}

function textsFor(talks: Talk[]): TalkText[] {
  const random = seeded(2015);
  const pick = () => talks[Math.floor(random() * talks.length)]!.id;
  const texts: TalkText[] = [];
  const perTalk = new Map<string, number>();
  for (let i = 0; i < SLIDES; i++) {
    const talkId = pick();
    const n = (perTalk.get(talkId) ?? 0) + 1;
    perTalk.set(talkId, n);
    texts.push({
      talkId,
      kind: 'slide',
      ref: i.toString(16).padStart(64, '0'),
      text: slideText(random),
      n,
    });
  }
  for (let i = 0; i < NOTES; i++)
    texts.push({ talkId: pick(), kind: 'note', ref: `bench-note-${i}`, text: noteText(random) });
  const opinions = new Set(Array.from({ length: OPINIONS }, pick));
  for (const talkId of opinions)
    texts.push({ talkId, kind: 'opinion', ref: talkId, text: noteText(random) });
  return texts;
}

/** Writes the texts as the app stores them: photo records with `text`, entries, opinions. */
function store(page: Page, conferenceId: string, texts: TalkText[]): Promise<void> {
  return page.evaluate(
    ({ conferenceId, texts }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('confnotes');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['photos', 'entries', 'opinions'], 'readwrite');
          const now = Date.now();
          texts.forEach((t, i) => {
            if (t.kind === 'slide')
              tx.objectStore('photos').put({
                id: t.ref,
                conferenceId,
                talkId: t.talkId,
                position: t.n!,
                caption: '',
                takenAt: now + i,
                width: 1920,
                height: 1080,
                size: 150_000,
                type: 'image/jpeg',
                status: 'ready',
                createdAt: now + i,
                text: { words: t.text, lang: 'en' },
              });
            else if (t.kind === 'note')
              tx.objectStore('entries').put({
                id: t.ref,
                conferenceId,
                talkId: t.talkId,
                position: 1000 + i,
                text: t.text,
                createdAt: now,
                updatedAt: now,
              });
            else
              tx.objectStore('opinions').put({
                talkId: t.talkId,
                conferenceId,
                text: t.text,
                updatedAt: now,
              });
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { conferenceId, texts },
  );
}

function talksOf(page: Page, conferenceId: string): Promise<Talk[]> {
  return page.evaluate(
    (conferenceId) =>
      new Promise<Talk[]>((resolve, reject) => {
        const open = indexedDB.open('confnotes');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result
            .transaction('talks')
            .objectStore('talks')
            .index('conferenceId')
            .getAll(conferenceId);
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result as Talk[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    conferenceId,
  );
}

/**
 * Types each query a key at a time into the searchbox, timing each keystroke from the input
 * event until the list on screen is the one expected and laid out: the stopwatch cannot stop
 * before the list has changed.
 */
function type(page: Page, queries: string[], expected: Omit<Shown, 'ms' | 'frameMs'>[]) {
  // Each query's prefixes, then '' (clearing the box, not timed). No named inner functions:
  // tsx would wrap them in a helper the page does not have.
  const steps = queries.flatMap((q) => [...Array.from(q, (_, i) => q.slice(0, i + 1)), '']);
  return page.evaluate(
    async ({ steps, expected }) => {
      const box = document.querySelector<HTMLInputElement>('input[type=search]')!;
      const shown: Shown[] = [];
      // What the list shows: the heading's count and the first talk of the hits' list, which
      // comes first in <main> (the hidden day view follows it). Read inline: a named arrow
      // would be wrapped by tsx in a helper the page lacks.
      for (const value of steps) {
        const want = value ? expected[shown.length]! : undefined;
        const s = performance.now();
        box.value = value;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        // Svelte applies the update in a microtask queued by the input event: wait microtask
        // by microtask for the list expected (a frame at most, then the list is wrong), and
        // read its size, which forces style and layout. The next frame is timed apart
        // (frameMs): waiting for it adds idle time to the work.
        let got: { heading: string; first: string };
        for (let i = 0; ; i++) {
          got = {
            heading: document.querySelector('main h2')?.textContent?.trim() ?? '',
            first:
              document
                .querySelector('main ul.plain')
                ?.querySelector('a.title')
                ?.textContent?.trim() ?? '',
          };
          if (!want || (got.heading === want.heading && got.first === want.first) || i > 1000)
            break;
          await Promise.resolve();
        }
        void document.querySelector('main ul.plain')?.getBoundingClientRect().height;
        const ms = performance.now() - s;
        await new Promise(requestAnimationFrame);
        if (want) shown.push({ ms, frameMs: performance.now() - s, ...got });
      }
      return shown;
    },
    { steps, expected },
  );
}

/**
 * The conference page must be open on the imported schedule. Seeds the texts, reloads, and
 * types the queries; throws when a keystroke's list is not the one search should give.
 */
export async function searchKeystrokes(page: Page): Promise<{ ms: number[]; frameMs: number[] }> {
  const conferenceId = decodeURIComponent(/#\/c\/([^/?]+)/.exec(page.url())![1]!);
  const talks = (await talksOf(page, conferenceId)).sort(compareTalks);
  const texts = textsFor(talks);
  await store(page, conferenceId, texts);
  await page.reload();
  await page.getByText(`${talks.length} talks`).waitFor();

  // A word of one slide that no talk's own fields hold, so it is found only there.
  const index = buildIndex(talks);
  const folded = new TextIndex().update(texts);
  const onSlide = texts
    .filter((t) => t.kind === 'slide')
    .flatMap((t) => t.text.toLowerCase().split(/\s+/))
    .find((w) => w.length >= 8 && searchAll(index, folded, w).every((h) => h.found));
  if (!onSlide) throw new Error('no slide-only word in the generated texts');
  // The texts are folded once the page opens: wait for that before the stopwatch runs.
  await page.getByRole('searchbox', { name: 'Search talks' }).fill(onSlide);
  await page.getByText('On a slide:').first().waitFor();
  await page.getByRole('searchbox', { name: 'Search talks' }).fill('');

  const queries = [
    'kernel debugging with gdb',
    `${onSlide} model`,
    'memory cache latency',
    'roadmap',
  ];
  const byId = new Map(talks.map((t) => [t.id, t.title]));
  const expected = queries.flatMap((q) =>
    Array.from(q, (_, i) => {
      const hits = searchAll(index, folded, q.slice(0, i + 1));
      const n = hits.length;
      return {
        heading: `${n} ${n === 1 ? 'talk' : 'talks'} found`,
        first: byId.get(hits[0]?.talkId ?? '') ?? '',
      };
    }),
  );
  const shown = await type(page, queries, expected);
  expected.forEach((e, i) => {
    const s = shown[i]!;
    if (s.heading !== e.heading || s.first !== e.first)
      throw new Error(
        `keystroke ${i + 1}: the list showed "${s.heading}" / "${s.first}", search gives "${e.heading}" / "${e.first}"`,
      );
  });
  // The queries must change the list as they are typed, or the check above proves little.
  if (new Set(expected.map((e) => `${e.heading}|${e.first}`)).size < queries.length * 2)
    throw new Error('the typed queries hardly change the list');
  // The stopwatch checks itself: a keystroke slowed on purpose by 40 ms (a listener that waits
  // before the app's own) must be timed at 40 ms or more, or it times something else.
  await page.evaluate(() => {
    const box = document.querySelector<HTMLInputElement>('input[type=search]')!;
    box.addEventListener(
      'input',
      () => {
        const until = performance.now() + 40;
        while (performance.now() < until);
      },
      { capture: true, once: true },
    );
  });
  const [slow] = await type(page, [queries[0]!.slice(0, 1)], expected.slice(0, 1));
  if (!slow || slow.ms < 40)
    throw new Error(`a keystroke slowed by 40 ms was timed at ${slow?.ms.toFixed(1)} ms`);
  return { ms: shown.map((s) => s.ms), frameMs: shown.map((s) => s.frameMs) };
}
