import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FR } from '../../../src/ui/i18n/fr';
import { FR_START } from '../../../src/ui/i18n/fr-start';
import { SYNC_WORDS } from '../../../src/lib/sync/words';

const UI = new URL('../../../src/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(svelte|ts)$/.test(name) ? [path] : [];
  });
}

const LIT = String.raw`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"`;
/** t('…') or t(cond ? '…' : '…'): the literals of the first argument. */
const CALL = new RegExp(String.raw`\bt\(\s*(?:[^'"(),?]*\?\s*)?(${LIT})(?:\s*:\s*(${LIT}))?`, 'g');

function keys(files = sources(UI)): Set<string> {
  const found = new Set<string>();
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(CALL)) {
      for (const lit of [m[1], m[2]])
        if (lit) found.add(lit.slice(1, -1).replace(/\\(['"])/g, '$1'));
    }
  }
  return found;
}

describe('French interface', () => {
  // The interface's own strings, and sync's messages, which it shows through t().
  const used = new Set([...keys(), ...Object.values(SYNC_WORDS)]);

  it('finds the strings the interface uses', () => {
    expect(used.size).toBeGreaterThan(100);
    expect(used).toContain('Take photo');
    expect(used).toContain('{n} talks');
  });

  it('translates every one of them, keeping their placeholders', () => {
    const missing = [...used].filter((k) => !(k in FR));
    expect(missing).toEqual([]);
    for (const key of used) {
      const holes = (s: string) => [...s.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();
      expect(holes(FR[key]!), key).toEqual(holes(key));
    }
  });

  it('has no translation that nothing uses', () => {
    expect(Object.keys(FR).filter((k) => !used.has(k))).toEqual([]);
  });

  it('has the first screen’s words in the part loaded before the first paint', () => {
    // What a first visit shows: the shell, the home screen and the update prompt.
    const start = [
      'App.svelte',
      'ui/home',
      'ui/common/UpdateBanner.svelte',
      'ui/state/pwa.svelte.ts',
    ].flatMap((p) => (statSync(UI + p).isDirectory() ? sources(UI + p) : [UI + p]));
    const words = keys(start);
    expect(words).toContain('Import schedule');
    expect([...words].filter((k) => !(k in FR_START))).toEqual([]);
    expect(Object.keys(FR_START).filter((k) => !words.has(k) && !used.has(k))).toEqual([]);
  });
});
