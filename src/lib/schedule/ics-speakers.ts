// Finds speakers that iCalendar files hide in free text: "Title (talk by Jane Doe)",
// "Title - Jane Doe, John Roe", "Speaker: …" lines in DESCRIPTION. Conservative on purpose:
// a title wrongly cut in half is worse than a speaker left in the title.

import type { ParsedSpeaker } from './types';

const BY_RE =
  /^(.*\S)\s*\(\s*(talk|workshop|demo|panel|keynote|tutorial|session|lightning talk|presentation|poster|sprint)\s+by\s+([^()]+)\)\s*$/i;

/** Words that mark the part after a comma as an organisation, not another person. */
const ORG_RE =
  /\b(universit\w*|centre|center|institut\w*|inc|ltd|llc|gmbh|labs?|foundation|college|school|company|corp\w*|group|society|council|agency|chair|team|project|department|ministry|association|limited|plc)\b/i;

const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'la',
  'le',
  'bin',
  'al',
  'y',
  'dos',
  'del',
]);

/** One person's name: 1–5 words, capitalised (particles aside), no digits or sentence marks. */
function looksLikeName(s: string): boolean {
  if (/[\d:?!"“”/|]/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length === 0 || words.length > 5) return false;
  return words.every((w) => PARTICLES.has(w.toLowerCase()) || /^\p{Lu}/u.test(w));
}

/** "A & B", "A and B", "A, B", "A, University of X" → speakers (with affiliation). */
export function splitNames(s: string): ParsedSpeaker[] {
  const out: ParsedSpeaker[] = [];
  for (const chunk of s.split(/\s*(?:&|;|\+|\band\b|\bund\b)\s*/)) {
    const parts = chunk.split(/\s*,\s*/).filter((p) => p !== '');
    if (parts.length === 0) continue;
    const [first, ...rest] = parts as [string, ...string[]];
    const tail = rest.join(', ');
    if (rest.length > 0 && (ORG_RE.test(tail) || !rest.every(looksLikeName))) {
      out.push({ name: first, affiliation: tail });
    } else {
      for (const p of parts) out.push({ name: p });
    }
  }
  return out;
}

export interface SummarySplit {
  title: string;
  speakers: ParsedSpeaker[];
  /** "talk", "workshop"… when the summary said so. */
  type?: string;
}

/** "Title (talk by Jane Doe)" → title, type and speakers; undefined when not that shape. */
export function splitByPattern(summary: string): SummarySplit | undefined {
  const m = BY_RE.exec(summary);
  if (!m) return undefined;
  const title = (m[1] ?? '').trim();
  const names = splitNames((m[3] ?? '').trim());
  // PyCon UK 2015 has "(panel by Discussion: From data …)": the "speaker" is the title again.
  const speakers = names.every((p) => looksLikeName(p.name)) ? names : [];
  return { title, speakers, type: (m[2] ?? '').toLowerCase() };
}

const DASH_RE = /^(.+\S)\s+[-–—]\s+([^-–—]+)$/;

/** "Title - Jane Doe, John Roe" → split, only when the right side reads as names. */
export function splitByDash(summary: string): SummarySplit | undefined {
  const m = DASH_RE.exec(summary);
  if (!m) return undefined;
  const names = splitNames((m[2] ?? '').trim());
  if (names.length === 0 || !names.every((p) => looksLikeName(p.name))) return undefined;
  return { title: (m[1] ?? '').trim(), speakers: names };
}

/**
 * Whether a file writes "Title - Names": most dashed summaries must read as names, otherwise
 * "Fifty Shades of Disaster - Human Error and Complex Systems" would lose half its title.
 */
export function fileUsesDashNames(summaries: string[]): boolean {
  const dashed = summaries.filter((s) => DASH_RE.test(s));
  if (dashed.length < 2 || dashed.length < summaries.length / 2) return false;
  const named = dashed.filter((s) => splitByDash(s) !== undefined).length;
  return named >= dashed.length * 0.8;
}

const DESC_SPEAKER_RE =
  /^[ \t]*(?:speakers?|presenters?|presented by|hosts?|by)[ \t]*:[ \t]*(.+)$/im;

/** A "Speaker(s): …" line in DESCRIPTION → speakers, and the description without that line. */
export function speakersFromDescription(
  desc: string,
): { speakers: ParsedSpeaker[]; rest: string } | undefined {
  const m = DESC_SPEAKER_RE.exec(desc);
  if (!m) return undefined;
  const speakers = splitNames((m[1] ?? '').trim());
  if (speakers.length === 0) return undefined;
  return { speakers, rest: desc.replace(m[0], '').trim() };
}
