import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FR } from '../../../src/ui/i18n/fr';
import { FR_START } from '../../../src/ui/i18n/fr-start';
import { SYNC_WORDS } from '../../../src/lib/sync/words';
import { FETCH_WORDS, SCHEDULE_WARNINGS, SCHEDULE_WORDS } from '../../../src/lib/schedule/words';
import { ARCHIVE_PARTS, ARCHIVE_WORDS } from '../../../src/lib/export/words';
import { IMAGE_MESSAGES } from '../../../src/lib/capture/image-error';
import { RECORD_WORDS, STORAGE_WORDS } from '../../../src/lib/db/errors';

const UI = new URL('../../../src/', import.meta.url).pathname;

/**
 * What src/lib tells the user, in tables the screens translate by their English text: constants
 * named *_WORDS, *_PARTS, *_MESSAGES or *_WARNINGS.
 */
const LIB_WORDS: Record<string, Record<string, string>> = {
  SYNC_WORDS,
  SCHEDULE_WORDS,
  SCHEDULE_WARNINGS,
  FETCH_WORDS,
  ARCHIVE_WORDS,
  ARCHIVE_PARTS,
  IMAGE_MESSAGES,
  STORAGE_WORDS,
  RECORD_WORDS,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(svelte|ts)$/.test(name) ? [path] : [];
  });
}

const LIT = String.raw`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"`;
/** t('…') or t(cond ? '…' : '…'), cond maybe a call: the first argument's literals. */
const COND = String.raw`(?:[^'"(),?]|\([^'"()]*\))*\?\s*`;
const CALL = new RegExp(String.raw`\bt\(\s*(?:${COND})?(${LIT})(?:\s*:\s*(${LIT}))?`, 'g');
/** plural(n, '…', '…'), n maybe a call or an expression over several lines: both sentences. */
const COUNT = String.raw`(?:[^'"(),]|\((?:[^'"()]|\([^'"()]*\))*\))+`;
const PLURAL = new RegExp(String.raw`\bplural\(\s*${COUNT},\s*(${LIT}),\s*(${LIT})`, 'g');

function keys(files = sources(UI)): Set<string> {
  const found = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of [...text.matchAll(CALL), ...text.matchAll(PLURAL)]) {
      for (const lit of [m[1], m[2]])
        if (lit) found.add(lit.slice(1, -1).replace(/\\(['"])/g, '$1'));
    }
  }
  return found;
}

describe('French interface', () => {
  // The interface's own strings, and lib's messages, which it shows through t().
  const lib = Object.values(LIB_WORDS).flatMap((table) => Object.values(table));
  const used = new Set([...keys(), ...lib]);

  it('knows every table of words in src/lib', () => {
    // A new table must be added above, or its messages would go untranslated unnoticed.
    const TABLE = /export const (\w+_(?:WORDS|PARTS|MESSAGES|WARNINGS))\b/g;
    const found = sources(UI + 'lib').flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(TABLE)].map((m) => m[1]),
    );
    expect(found.sort()).toEqual(Object.keys(LIB_WORDS).sort());
  });

  it('translates every message of src/lib', () => {
    expect(lib.length).toBeGreaterThan(80);
    expect(lib.filter((k) => !(k in FR))).toEqual([]);
  });

  it('finds the strings the interface uses', () => {
    expect(used.size).toBeGreaterThan(100);
    expect(used).toContain('Take photo');
    expect(used).toContain('{n} talks');
    expect(used).toContain('{n} talk');
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
    // What a first visit shows: the shell, the home screen, the install and update prompts.
    const start = [
      'App.svelte',
      'ui/home',
      'ui/common/UpdateBanner.svelte',
      'ui/common/InstallPrompt.svelte',
      'ui/state/pwa.svelte.ts',
    ].flatMap((p) => (statSync(UI + p).isDirectory() ? sources(UI + p) : [UI + p]));
    const words = keys(start);
    expect(words).toContain('Import schedule');
    expect([...words].filter((k) => !(k in FR_START))).toEqual([]);
    expect(Object.keys(FR_START).filter((k) => !words.has(k) && !used.has(k))).toEqual([]);
  });
});
