// Word accuracy of a slide's reading against its truth, and the engine's files as the app ships
// them, for the tests and benches on the generated set (ocr-set.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { ReadLang } from '../../src/lib/read/engine';

/** The words of a text as compared here: lower case, accents folded, split at anything not a letter or digit. */
export function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Length of the longest common subsequence of two word lists. */
function common(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    for (let j = 0; j < b.length; j++) {
      row.push(x === b[j] ? prev[j]! + 1 : Math.max(prev[j + 1]!, row[j]!));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** How a reading compares with the truth, in words (see words()). */
export interface Score {
  /** The truth's words. */
  truth: number;
  /** Of those, how many were read, in order (the longest common subsequence). */
  found: number;
  /** Words read that match none of the truth's in that alignment: misreads and inventions. */
  invented: number;
}

export function score(truthText: string, read: string): Score {
  const t = words(truthText);
  const r = words(read);
  const found = common(t, r);
  return { truth: t.length, found, invented: r.length - found };
}

/** Scores summed: accuracy is found / truth, inventions per truth word invented / truth. */
export function total(scores: Score[]): Score & { accuracy: number; inventedRate: number } {
  const sum = scores.reduce(
    (a, s) => ({
      truth: a.truth + s.truth,
      found: a.found + s.found,
      invented: a.invented + s.invented,
    }),
    { truth: 0, found: 0, invented: 0 },
  );
  return { ...sum, accuracy: sum.found / sum.truth, inventedRate: sum.invented / sum.truth };
}

// ---------------------------------------------------------------------------------------------
// The engine's files, as the app ships them

const modules = join(fileURLToPath(import.meta.url), '../../../node_modules');

/** tesseract-wasm's SIMD build, as the read worker is given it. */
export const wasmBytes = () =>
  readFileSync(join(modules, 'tesseract-wasm/dist/tesseract-core.wasm'));

/** A language's model, uncompressed. */
export function modelBytes(lang: ReadLang): Uint8Array {
  const code = lang === 'en' ? 'eng' : 'fra';
  return gunzipSync(
    readFileSync(join(modules, `@tesseract.js-data/${code}/4.0.0_best_int/${code}.traineddata.gz`)),
  );
}
