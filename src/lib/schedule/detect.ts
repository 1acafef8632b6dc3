// Recognises what a schedule file is from its content (the file name is only a hint), and the
// byte-level helpers that run before any text exists: BOM handling, decoding, binary sniffing.

import type { Worded } from '../util/fill';
import { isC3vocJson } from './c3voc-json';
import { isFrabJson } from './frab-json';
import { isSessionizeAll } from './sessionize';
import { isRecord } from './text';
import { SCHEDULE_WORDS as W } from './words';

export type Detection =
  | { format: 'frab-xml' | 'ics' }
  | { format: 'frab-json' | 'c3voc-json' | 'sessionize'; json: unknown }
  | { problem: 'html-page' | 'truncated' | 'invalid'; kind?: 'json' | 'xml' }
  /** `looks` says what the file looks like, for the message (see SCHEDULE_WORDS.looks*). */
  | { problem: 'not-a-schedule'; looks: Worded };

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Drops a byte-order mark and reports the encoding it announced (UTF-8 when there is none). */
export function stripBom(bytes: Uint8Array): { bytes: Uint8Array; encoding: TextEncoding } {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf)
    return { bytes: bytes.subarray(3), encoding: 'utf-8' };
  if (a === 0xff && b === 0xfe) return { bytes: bytes.subarray(2), encoding: 'utf-16le' };
  if (a === 0xfe && b === 0xff) return { bytes: bytes.subarray(2), encoding: 'utf-16be' };
  return { bytes, encoding: 'utf-8' };
}

/** Lenient decoding: broken sequences become U+FFFD instead of failing the whole import. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding = 'utf-8'): string {
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes);
}

function isSpaceByte(b: number | undefined): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

/** True when there is nothing but whitespace. */
export function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (!isSpaceByte(b)) return false;
  return true;
}

/** NUL bytes near the start mean an image, archive or other binary file, not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 4096).includes(0);
}

/** Whether the bytes begin (after whitespace) with `BEGIN:VCALENDAR`, case-insensitively. */
export function looksLikeIcsBytes(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length && isSpaceByte(bytes[i])) i++;
  const want = 'BEGIN:VCALENDAR';
  for (let k = 0; k < want.length; k++) {
    const b = bytes[i + k];
    if (b === undefined || String.fromCharCode(b).toUpperCase() !== want[k]) return false;
  }
  return true;
}

/** A JSON text that fails to parse because it stops inside a string or an open bracket. */
export function jsonLooksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) depth++;
    else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return inString || depth > 0;
}

/** The first element name of an XML/HTML text, skipping the declaration, comments, DOCTYPE. */
function rootElement(text: string): string | undefined {
  const head = text.slice(0, 8192).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![A-Za-z][^>]*>/g, '');
  return /<([A-Za-z_][\w.:-]*)/.exec(head)?.[1];
}

function looksLikeHtml(text: string, root: string | undefined): boolean {
  const head = text.slice(0, 4096).toLowerCase();
  return (
    root?.toLowerCase() === 'html' ||
    head.includes('<!doctype html') ||
    /<(head|body|div|meta|script)[\s>]/.test(head)
  );
}

/** A name from the file, fit to quote in a sentence: one line, at most 40 characters. */
function shown(name: string): string {
  const line = name.replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line || '?';
}

/** Up to five field names, then an ellipsis. */
function fieldList(keys: string[]): string {
  const names = keys.slice(0, 5).map(shown).join(', ');
  return keys.length > 5 ? `${names}, …` : names;
}

const DATE_KEY = /^\d{4}-\d{2}-\d{2}/;
const keyedByDate = (v: unknown) =>
  isRecord(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => DATE_KEY.test(k));

/** What a JSON document that is no schedule we read looks like, in words for the message. */
export function describeJson(json: unknown): Worded {
  if (Array.isArray(json)) {
    if (json.length === 0) return { words: W.looksEmptyJsonList, values: {} };
    const first: unknown = json[0];
    return isRecord(first) && Object.keys(first).length > 0
      ? { words: W.looksJsonListOfObjects, values: { fields: fieldList(Object.keys(first)) } }
      : { words: W.looksJsonListOfValues, values: {} };
  }
  if (!isRecord(json) || Object.keys(json).length === 0) {
    return { words: W.looksEmptyJsonObject, values: {} };
  }
  if (keyedByDate(json)) return { words: W.looksTopDateKeyed, values: {} };
  const dated = Object.keys(json).find((k) => keyedByDate(json[k]));
  if (dated !== undefined) return { words: W.looksDateKeyed, values: { key: shown(dated) } };
  return { words: W.looksJsonFields, values: { fields: fieldList(Object.keys(json)) } };
}

const notSchedule = (words: string, values: Worded['values'] = {}): Detection => ({
  problem: 'not-a-schedule',
  looks: { words, values },
});

/**
 * What `text` is. The content always wins over the file name, because servers and users rename
 * files freely.
 */
export function detectFormat(text: string): Detection {
  const t = text.trimStart();
  if (/^BEGIN:VCALENDAR/i.test(t)) return { format: 'ics' };
  if (t.startsWith('<')) {
    const root = rootElement(t);
    if (root?.toLowerCase() === 'schedule') return { format: 'frab-xml' };
    if (looksLikeHtml(t, root)) return { problem: 'html-page' };
    return root
      ? notSchedule(W.looksXmlRoot, { root: shown(root) })
      : notSchedule(W.looksPlainText);
  }
  if (t.startsWith('{') || t.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(t);
    } catch {
      return { problem: jsonLooksTruncated(t) ? 'truncated' : 'invalid', kind: 'json' };
    }
    // Schedule 2 also has conference.days (without rooms): it must be told apart first.
    if (isC3vocJson(json)) return { format: 'c3voc-json', json };
    if (isFrabJson(json)) return { format: 'frab-json', json };
    if (isSessionizeAll(json)) return { format: 'sessionize', json };
    return { problem: 'not-a-schedule', looks: describeJson(json) };
  }
  if (/<html[\s>]|<!doctype html/i.test(t.slice(0, 4096))) return { problem: 'html-page' };
  return notSchedule(W.looksPlainText);
}
