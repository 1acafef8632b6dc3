// Reads Sessionize API v2 `view/All` JSON: flat sessions, speakers, rooms and categories joined
// by id. Ids are strings on sessions but numbers in `speakers[].sessions`, so every id is
// compared as a string. Times are local wall clock with no zone.

import { parseDateTime } from './frab-time';
import { dropImpossibleTimes } from './sane-time';
import {
  asArray,
  assignDefined,
  cleanBlock,
  cleanLine,
  dateRange,
  ensureUniqueKeys,
  idString,
  isRecord,
  titleFromFileName,
} from './text';
import { ScheduleError, type ParsedSchedule, type ParsedSpeaker, type ParsedTalk } from './types';
import {
  SCHEDULE_WARNINGS as W,
  SCHEDULE_WORDS,
  countWarning,
  warning,
  type ScheduleWarning,
} from './words';

export function isSessionizeAll(v: unknown): boolean {
  return (
    isRecord(v) &&
    Array.isArray(v.sessions) &&
    (Array.isArray(v.speakers) || Array.isArray(v.rooms) || Array.isArray(v.categories))
  );
}

type CategoryRole = 'type' | 'track' | 'language';

/** Which talk field a Sessionize category feeds, judged by the organiser's category title. */
function roleOf(categoryTitle: string): CategoryRole | undefined {
  if (/language|sprache|langue|idioma/i.test(categoryTitle)) return 'language';
  if (/format|type|kind/i.test(categoryTitle)) return 'type';
  if (/track|topic|categor|theme|area|tag/i.test(categoryTitle)) return 'track';
  return undefined;
}

function byId(list: unknown, nameKey: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const item of asArray(list)) {
    if (!isRecord(item)) continue;
    const id = idString(item.id);
    const name = cleanLine(item[nameKey]);
    if (id && name) map.set(id, name);
  }
  return map;
}

function categoryItems(categories: unknown): Map<string, { role: CategoryRole; name: string }> {
  const map = new Map<string, { role: CategoryRole; name: string }>();
  for (const cat of asArray(categories)) {
    if (!isRecord(cat)) continue;
    const role = roleOf(cleanLine(cat.title) ?? '');
    if (!role) continue;
    for (const [id, name] of byId(cat.items, 'name')) map.set(id, { role, name });
  }
  return map;
}

function speakerIndex(doc: Record<string, unknown>) {
  const speakers = new Map<string, ParsedSpeaker>();
  const bySession = new Map<string, Set<string>>();
  for (const sp of asArray(doc.speakers)) {
    if (!isRecord(sp)) continue;
    const id = idString(sp.id);
    const name =
      cleanLine(sp.fullName) ??
      cleanLine(`${cleanLine(sp.firstName) ?? ''} ${cleanLine(sp.lastName) ?? ''}`);
    if (!id || !name) continue;
    // Sessionize has no affiliation field; the tag line ("Developer at Acme") is the closest.
    const tagLine = cleanLine(sp.tagLine);
    speakers.set(id, tagLine ? { name, affiliation: tagLine } : { name });
    for (const sid of asArray(sp.sessions)) {
      const key = idString(sid);
      if (!key) continue;
      const set = bySession.get(key) ?? new Set<string>();
      set.add(id);
      bySession.set(key, set);
    }
  }
  return { speakers, bySession };
}

function wall(v: unknown): { local?: string; utc?: number } {
  const parsed = parseDateTime(cleanLine(v) ?? '');
  if (!parsed) return {};
  // Sessionize's times are local; a `Z` on them is a label, not an instant we can trust.
  if (!parsed.offsetMin) return { local: parsed.wall };
  return { local: parsed.wall, utc: Date.parse(`${parsed.wall}:00Z`) - parsed.offsetMin * 60_000 };
}

export function parseSessionize(doc: unknown, fileName?: string): ParsedSchedule {
  if (!isSessionizeAll(doc) || !isRecord(doc)) {
    throw new ScheduleError('not-a-schedule', SCHEDULE_WORDS.notSessionize);
  }
  const rooms = byId(doc.rooms, 'name');
  const cats = categoryItems(doc.categories);
  const { speakers, bySession } = speakerIndex(doc);
  const talks: ParsedTalk[] = [];
  let impossible = 0;
  for (const s of asArray(doc.sessions)) {
    if (!isRecord(s)) continue;
    const id = idString(s.id);
    const title = cleanLine(s.title);
    if (!id || !title) continue;
    // The session's own list gives the order; speakers[].sessions (numbers) fill any gaps.
    const ids = new Set<string>();
    for (const sp of asArray(s.speakers)) {
      const spId = isRecord(sp) ? idString(sp.id) : idString(sp);
      if (spId) ids.add(spId);
    }
    for (const spId of bySession.get(id) ?? []) ids.add(spId);
    const fields: Partial<Record<CategoryRole, string>> = {};
    for (const item of asArray(s.categoryItems)) {
      const cat = cats.get(idString(item) ?? '');
      if (cat) fields[cat.role] = fields[cat.role] ? `${fields[cat.role]}, ${cat.name}` : cat.name;
    }
    const start = wall(s.startsAt);
    const end = wall(s.endsAt);
    const recording = cleanLine(s.recordingUrl);
    const talk: ParsedTalk = {
      // Sessionize ids are unique across the whole platform and survive edits.
      sourceKey: `sessionize:${id}`,
      title,
      speakers: [...ids].flatMap((i) => speakers.get(i) ?? []),
      links: recording ? [{ url: recording, title: 'Recording' }] : [],
    };
    const times = {
      startLocal: start.local,
      endLocal: end.local,
      startUtc: start.utc,
      endUtc: end.utc,
    };
    if (dropImpossibleTimes(times)) impossible++;
    talks.push(
      assignDefined(talk, {
        ...fields,
        abstract: cleanBlock(s.description),
        room: rooms.get(idString(s.roomId) ?? '') ?? cleanLine(s.room),
        ...times,
        rawStart: cleanLine(s.startsAt),
      }),
    );
  }
  const warnings: ScheduleWarning[] = [];
  if (talks.some((t) => t.startLocal && t.startUtc === undefined)) warnings.push(warning(W.noZone));
  if (impossible > 0)
    warnings.push(countWarning(impossible, W.impossibleTimeOne, W.impossibleTime));
  const dupes = ensureUniqueKeys(talks);
  if (dupes > 0) warnings.push(countWarning(dupes, W.sessionIdReusedOne, W.sessionIdReused));
  return {
    format: 'sessionize',
    conference: { title: titleFromFileName(fileName) ?? 'Imported schedule', ...dateRange(talks) },
    talks,
    warnings,
  };
}
