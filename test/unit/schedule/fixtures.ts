// Loads the real schedule files in test/fixtures/schedules (byte-for-byte, see SOURCES.md).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSchedule } from '../../../src/lib/schedule/parse';
import type { ParsedSchedule, ParsedTalk } from '../../../src/lib/schedule/types';
import { fill } from '../../../src/lib/util/words';

export const FIXTURES = {
  fosdem: 'pentabarf-xml_fosdem2015.xml',
  fosdem2026: 'pentabarf-xml_fosdem2026.xml',
  debconf: 'frab-xml_wafer_debconf23_utc-dates_ist.xml',
  rc3: 'frab-json_pretalx_rc3-channels-2020.json',
  pyconuk: 'ics_pyconuk2015_utc_missing-dtend.ics',
  sessionize: 'sessionize-all_orlandocodecamp2020_bom.json',
  hub38c3: 'c3voc-json_hub-38c3_schedule2.json',
  hub38c3draft: 'c3voc-json_hub-38c3_schedule2-draft-2025.json',
  fosdem2008: 'pentabarf-xml_fosdem2008_no-room-elements.xml',
  handmade: 'frab-xml_handmade_person-without-persons.xml',
  merged: 'frab-xml_c3voc-merged_person-name-elements.xml',
} as const;

export type FixtureName = keyof typeof FIXTURES;

const dir = fileURLToPath(new URL('../../fixtures/schedules/', import.meta.url));

export function fixtureBytes(name: FixtureName): Uint8Array {
  return new Uint8Array(readFileSync(dir + FIXTURES[name]));
}

export function fixtureText(name: FixtureName): string {
  return new TextDecoder().decode(fixtureBytes(name));
}

const cache = new Map<FixtureName, ParsedSchedule>();

/** Parsed once per test file; tests must not mutate the result. */
export function parsed(name: FixtureName, fileName?: string): ParsedSchedule {
  let s = cache.get(name);
  if (!s) {
    s = parseSchedule(fixtureBytes(name), fileName ?? FIXTURES[name]);
    cache.set(name, s);
  }
  return s;
}

export function talkByTitle(s: ParsedSchedule, title: string): ParsedTalk {
  const found = s.talks.filter((t) => t.title === title);
  if (found.length !== 1) throw new Error(`${found.length} talks titled ${title}`);
  return found[0] as ParsedTalk;
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Distinct values of a talk field, ignoring missing ones. */
export function distinct(
  s: ParsedSchedule,
  pick: (t: ParsedTalk) => string | undefined,
): Set<string> {
  const out = new Set<string>();
  for (const t of s.talks) {
    const v = pick(t);
    if (v !== undefined) out.add(v);
  }
  return out;
}

/** The warnings as the English interface shows them. */
export function warningTexts(s: ParsedSchedule): string[] {
  return s.warnings.map((w) => fill(w.words, w.values));
}
