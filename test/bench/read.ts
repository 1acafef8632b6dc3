// Reading slide text (`npm run bench -- read`): the app's reader (read/engine.ts) in Node on
// the generated test set (test/support/ocr-set.ts), every slide in every kind of shot. Reports
// the engine's cold start (wasm compile and the English model loaded), the CPU time of a read
// per 1920 px slide with the engine warm (median and 90th percentile; DESIGN.md's budget is
// 2 s CPU), the peak memory (the process's RSS and the engine's WebAssembly heap), and the
// word accuracy per kind (ocr-set.ts score()).
import { openReader } from '../../src/lib/read/engine';
import { KINDS, openSet, shots, truth } from '../support/ocr-set';
import { modelBytes, score, total, wasmBytes, type Score } from '../support/ocr-score';
import type { Row } from './startup';

/** DESIGN.md: slide text (OCR), per 1920 px photo, <= 2 s CPU here. */
const BUDGET_CPU_MS = 2000;

/**
 * Least word accuracy per kind on the whole set, a point under what the reader did on
 * 2 December 2026 (335 words a kind): straight 89.0 %, keystoned 88.4 %, blurred 87.8 %, noisy
 * 88.7 %, small 94.0 %. It reads the same pixels the same way each time, so a drop is real.
 */
const FLOORS: Record<(typeof KINDS)[number], number> = {
  straight: 0.88,
  keystoned: 0.87,
  blurred: 0.86,
  noisy: 0.87,
  small: 0.93,
};

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

/** Whether reads of these CPU times meet the budget: the 90th percentile within it. */
const withinBudget = (cpu: number[]) => quantile(cpu, 0.9) <= BUDGET_CPU_MS;

export async function readBench(): Promise<Row[]> {
  const all = shots();
  const set = openSet();
  try {
    // The first run draws the set in Chromium (minutes); later runs read the temp folder.
    for (const shot of all) await set.pixels(shot);
  } finally {
    await set.close();
  }

  // The engine's heap is the Memory its wasm instance exports; catch it as it is made.
  let heap: WebAssembly.Memory | undefined;
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = (async (...args: Parameters<typeof instantiate>) => {
    const made = await instantiate(...args);
    const instance = ('instance' in made ? made.instance : made) as WebAssembly.Instance;
    heap ??= Object.values(instance.exports as Record<string, unknown>).find(
      (e): e is WebAssembly.Memory => e instanceof WebAssembly.Memory,
    );
    return made;
  }) as typeof instantiate;
  const wasm = wasmBytes();
  const english = modelBytes('en');
  const french = modelBytes('fr');
  const startCpu = process.cpuUsage();
  const startAt = performance.now();
  const reader = await openReader(wasm).finally(() => {
    WebAssembly.instantiate = instantiate;
  });
  reader.use('en', english);
  const startMs = performance.now() - startAt;
  const startCpuMs = cpuMs(startCpu);

  let peakRss = process.memoryUsage().rss;
  let peakHeap = heap?.buffer.byteLength ?? 0;
  const cpu: number[] = [];
  const scores = new Map<string, Score[]>();
  // English shots, then French: one model switch. Each image read back from the cache as it is
  // needed (the set is 650 MB), and one read first to warm the engine.
  const order = [...all].sort((a, b) => a.slide.lang.localeCompare(b.slide.lang));
  reader.read(await set.pixels(order[0]!));
  for (const shot of order) {
    const image = await set.pixels(shot);
    if (reader.lang !== shot.slide.lang)
      reader.use(shot.slide.lang, shot.slide.lang === 'en' ? english : french);
    const before = process.cpuUsage();
    const text = reader.read(image);
    if (image.width === 1920) cpu.push(cpuMs(before));
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    peakHeap = Math.max(peakHeap, heap?.buffer.byteLength ?? 0);
    scores.set(shot.kind, [...(scores.get(shot.kind) ?? []), score(truth(shot.slide), text)]);
  }
  reader.close();

  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  const rows: Row[] = [
    {
      what: 'read: engine start (wasm + English model, cold)',
      value: `${startMs.toFixed(0)} ms (${startCpuMs.toFixed(0)} ms CPU)`,
      budget: 'reported',
      ok: true,
    },
    {
      what: `read: CPU per 1920 px slide, median (${cpu.length} reads)`,
      value: `${quantile(cpu, 0.5).toFixed(0)} ms`,
      budget: 'reported',
      ok: true,
    },
    {
      what: 'read: CPU per 1920 px slide, p90',
      value: `${quantile(cpu, 0.9).toFixed(0)} ms`,
      budget: `<= ${BUDGET_CPU_MS} ms`,
      ok: withinBudget(cpu),
    },
    {
      // The gate's self-check: the same reads, each made to take twice the budget at the median.
      what: 'read: CPU gate fails reads at twice the budget',
      value: withinBudget(cpu.map((ms) => (ms * 2 * BUDGET_CPU_MS) / quantile(cpu, 0.5)))
        ? 'passed (gate broken)'
        : 'failed',
      budget: 'failed',
      ok: !withinBudget(cpu.map((ms) => (ms * 2 * BUDGET_CPU_MS) / quantile(cpu, 0.5))),
    },
    {
      what: 'read: peak memory, RSS / wasm heap',
      value: `${mb(peakRss)} / ${heap ? mb(peakHeap) : '?'}`,
      budget: 'reported',
      ok: true,
    },
  ];
  for (const kind of KINDS) {
    const sum = total(scores.get(kind) ?? []);
    rows.push({
      what: `read: word accuracy, ${kind} (${sum.truth} words)`,
      value: `${(sum.accuracy * 100).toFixed(1)} %, ${sum.invented} invented`,
      budget: `>= ${FLOORS[kind] * 100} %`,
      ok: sum.accuracy >= FLOORS[kind],
    });
  }
  return rows;
}
