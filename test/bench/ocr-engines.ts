// Issue 12's engine choice, rerunnable: tesseract-wasm (through the app's reader, read/engine.ts)
// against tesseract.js 7 on the generated test set (test/support/ocr-set.ts), with the same
// @tesseract.js-data models from node_modules and nothing fetched or cached by the engines
// (cacheMethod 'none'). Each engine runs in a child process of its own, so that its memory is
// its own: start-up (engine and English model, cold) and each read in CPU time (the machine is
// shared), peak RSS, word accuracy.
// tesseract.js is not a dependency of the app: `npm i --no-save tesseract.js@7`, then
// `npx tsx test/bench/ocr-engines.ts`.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openReader } from '../../src/lib/read/engine';
import { openSet, shots, truth, type Shot } from '../support/ocr-set';
import { modelBytes, score, total, wasmBytes } from '../support/ocr-score';
import type { Pixels } from '../../src/lib/slide';

type Engine = 'tesseract-wasm' | 'tesseract.js';

/** Named in a constant so that type checks pass without it installed; what is used of it: */
const TESSERACT_JS = 'tesseract.js';
interface TesseractJs {
  createWorker(
    lang: string,
    oem: number,
    options: { langPath: string; cacheMethod: 'none'; gzip: boolean },
  ): Promise<{
    recognize(image: Buffer): Promise<{ data: { text: string } }>;
    terminate(): Promise<unknown>;
  }>;
}

interface Result {
  engine: Engine;
  /** Which build ran. */
  build: string;
  startMs: number;
  readMs: number[];
  peakRss: number;
  text: Record<string, string>;
}

/** An engine's side: reads every shot (English first, then French) and reports. */
async function run(engine: Engine): Promise<Result> {
  const set = openSet();
  const list = shots().sort((a, b) => a.slide.lang.localeCompare(b.slide.lang));
  // Made once (by the first engine's run), then read back one at a time: the set is 650 MB.
  try {
    for (const shot of list) await set.pixels(shot);
  } finally {
    await set.close();
  }
  const read = engine === 'tesseract-wasm' ? await wasmSide() : await jsSide();
  const readMs: number[] = [];
  const text: Record<string, string> = {};
  let peakRss = process.memoryUsage().rss;
  for (const shot of list) {
    const image = await set.pixels(shot);
    const before = process.cpuUsage();
    text[shot.id] = await read.read(shot, image);
    readMs.push(cpuMs(before));
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  await read.close();
  return { engine, build: read.build, startMs: read.startMs, readMs, peakRss, text };
}

interface Side {
  build: string;
  startMs: number;
  read(shot: Shot, image: Pixels): Promise<string>;
  close(): Promise<void>;
}

async function wasmSide(): Promise<Side> {
  const wasm = wasmBytes();
  const before = process.cpuUsage();
  const reader = await openReader(wasm);
  reader.use('en', modelBytes('en'));
  const startMs = cpuMs(before);
  return {
    build: 'tesseract-wasm 0.11, SIMD build, app reader (confidence filter on)',
    startMs,
    async read(shot, image) {
      if (reader.lang !== shot.slide.lang) reader.use(shot.slide.lang, modelBytes(shot.slide.lang));
      return reader.read(image);
    },
    async close() {
      reader.close();
    },
  };
}

async function jsSide(): Promise<Side> {
  const { createWorker } = (await import(TESSERACT_JS)) as TesseractJs;
  const here = fileURLToPath(import.meta.url);
  const models = (code: string) =>
    join(here, `../../../node_modules/@tesseract.js-data/${code}/4.0.0_best_int`);
  // Its models' folder is fixed when a worker is made: a language switch makes a new worker.
  const open = (lang: 'eng' | 'fra') =>
    createWorker(lang, 1, { langPath: models(lang), cacheMethod: 'none', gzip: true });
  const before = process.cpuUsage();
  let worker = await open('eng');
  const startMs = cpuMs(before);
  let lang = 'en';
  return {
    build: 'tesseract.js 7, the core it picks in Node (SIMD, LSTM only), its text unfiltered',
    startMs,
    async read(shot, image) {
      if (lang !== shot.slide.lang) {
        lang = shot.slide.lang;
        await worker.terminate();
        worker = await open(lang === 'en' ? 'eng' : 'fra');
      }
      // tesseract.js takes encoded images only; a binary PPM costs it next to nothing to decode.
      const { data } = await worker.recognize(ppm(image));
      return data.text;
    },
    async close() {
      await worker.terminate();
    },
  };
}

function ppm({ width, height, data }: Pixels): Buffer {
  const head = Buffer.from(`P6\n${width} ${height}\n255\n`);
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0, o = 0; i < data.length; i += 4, o += 3) {
    rgb[o] = data[i]!;
    rgb[o + 1] = data[i + 1]!;
    rgb[o + 2] = data[i + 2]!;
  }
  return Buffer.concat([head, rgb]);
}

/** CPU time of the whole process (every thread: tesseract.js reads in a worker thread). */
function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function report(r: Result): void {
  const list = shots();
  console.log(`\n${r.engine}: ${r.build}`);
  console.log(`  start (engine + English model, cold): ${r.startMs.toFixed(0)} ms CPU`);
  console.log(
    `  read: median ${median(r.readMs).toFixed(0)} ms CPU over ${r.readMs.length} slides`,
  );
  console.log(`  peak RSS: ${(r.peakRss / 2 ** 20).toFixed(0)} MB`);
  for (const kind of new Set(list.map((s) => s.kind))) {
    const sum = total(
      list.filter((s) => s.kind === kind).map((s) => score(truth(s.slide), r.text[s.id]!)),
    );
    console.log(
      `  ${kind.padEnd(10)} ${(sum.accuracy * 100).toFixed(1)} % of ${sum.truth} words, ${sum.invented} invented`,
    );
  }
}

const engine = process.argv[2] as Engine | undefined;
if (engine) {
  process.send!(await run(engine));
} else {
  try {
    await import(TESSERACT_JS);
  } catch {
    console.log(
      'tesseract.js is not installed: `npm i --no-save tesseract.js@7`, then run this again.',
    );
    process.exit(0);
  }
  for (const which of ['tesseract-wasm', 'tesseract.js'] as const) {
    const child = fork(fileURLToPath(import.meta.url), [which]);
    const result = await new Promise<Result>((resolve, reject) => {
      child.once('message', (m) => resolve(m as Result));
      child.once('exit', (code) => reject(new Error(`${which} exited with ${code}`)));
    });
    child.kill();
    report(result);
  }
}
