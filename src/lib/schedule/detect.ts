// Recognises what a schedule file is from its content (the file name is only a hint), and the
// byte-level helpers that run before any text exists: BOM handling, decoding, binary sniffing.

import { isFrabJson } from './frab-json';
import { isSessionizeAll } from './sessionize';

export type Detection =
  | { format: 'frab-xml' | 'ics' }
  | { format: 'frab-json' | 'sessionize'; json: unknown }
  | { problem: 'html-page' | 'not-a-schedule' | 'truncated' | 'invalid'; kind?: 'json' | 'xml' };

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
  return /<([A-Za-z_][\w.:-]*)/.exec(head)?.[1]?.toLowerCase();
}

function looksLikeHtml(text: string, root: string | undefined): boolean {
  const head = text.slice(0, 4096).toLowerCase();
  return (
    root === 'html' ||
    head.includes('<!doctype html') ||
    /<(head|body|div|meta|script)[\s>]/.test(head)
  );
}

/**
 * What `text` is. `fileName` only breaks ties (a `.json` that is not JSON at all); the content
 * always wins, because servers and users rename files freely.
 */
export function detectFormat(text: string, fileName?: string): Detection {
  const t = text.trimStart();
  if (/^BEGIN:VCALENDAR/i.test(t)) return { format: 'ics' };
  if (t.startsWith('<')) {
    const root = rootElement(t);
    if (root === 'schedule') return { format: 'frab-xml' };
    if (looksLikeHtml(t, root)) return { problem: 'html-page' };
    return { problem: 'not-a-schedule', kind: 'xml' };
  }
  if (t.startsWith('{') || t.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(t);
    } catch {
      return { problem: jsonLooksTruncated(t) ? 'truncated' : 'invalid', kind: 'json' };
    }
    if (isFrabJson(json)) return { format: 'frab-json', json };
    if (isSessionizeAll(json)) return { format: 'sessionize', json };
    return { problem: 'not-a-schedule', kind: 'json' };
  }
  if (/<html[\s>]|<!doctype html/i.test(t.slice(0, 4096))) return { problem: 'html-page' };
  const ext = /\.(json|xml|ics)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  return { problem: 'not-a-schedule', ...(ext === 'json' || ext === 'xml' ? { kind: ext } : {}) };
}
