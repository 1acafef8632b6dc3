// The last gate between a parsed schedule (a stranger's file, read by our parsers) and the
// database. A field no screen can use (an unknown zone, a 100 KB title) is left out of its
// talk; a talk that cannot stand without it is left out of the import; either way the
// conference's page says so, in words naming one of them. Nothing here throws.
import * as v from 'valibot';
import type { ParsedSchedule } from '../schedule/types';
import {
  countWarning,
  SCHEDULE_WARNINGS as W,
  warning,
  type ScheduleWarning,
} from '../schedule/words';
import { check, passesAsIs } from '../model/check';
import { ParsedConference, ParsedTalk } from '../model/records';

type Fields = Record<string, unknown>;

/**
 * The record with each optional field that fails left out, or undefined when a required one
 * fails. `dropped` gets the names of the fields left out.
 */
function repaired<S extends v.ObjectSchema<v.ObjectEntries, undefined>>(
  schema: S,
  record: unknown,
  dropped: string[],
): v.InferOutput<S> | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  let copy = record as Fields;
  const fields = Object.keys(schema.entries).length;
  for (let tries = 0; tries <= fields; tries++) {
    const result = check(schema, copy);
    if (result.ok) return result.value;
    const field = result.field.split('.')[0]!;
    const entry = schema.entries[field];
    if (!entry || entry.type !== 'optional') return undefined;
    copy = { ...copy };
    delete copy[field];
    dropped.push(field);
  }
  return undefined;
}

/** The schedule with every talk and field checked; what was left out joins its warnings. */
export function checkSchedule(parsed: ParsedSchedule): ParsedSchedule {
  const warnings: ScheduleWarning[] = [];
  const lostConference: string[] = [];
  const conference = repaired(ParsedConference, parsed.conference, lostConference) ?? {
    title: '…',
  };
  for (const field of lostConference) {
    warnings.push(warning(W.conferenceField, { field }));
  }

  // The file's own list while every talk passes as it is: checking a large schedule then
  // allocates nothing, which would set the garbage collector copying the whole parsed tree.
  let talks: ParsedSchedule['talks'] | undefined;
  const lostTalks: number[] = [];
  let firstLoss: { title: string; field: string } | undefined;
  let talksWithLoss = 0;
  parsed.talks.forEach((talk, i) => {
    if (passesAsIs(ParsedTalk, talk)) return talks?.push(talk);
    talks ??= parsed.talks.slice(0, i);
    const dropped: string[] = [];
    const ok = repaired(ParsedTalk, talk, dropped);
    if (!ok) return lostTalks.push(i + 1);
    if (dropped.length) {
      talksWithLoss++;
      firstLoss ??= { title: ok.title, field: dropped[0]! };
    }
    talks.push(ok);
  });
  if (firstLoss) {
    warnings.push(countWarning(talksWithLoss, W.fieldsDroppedOne, W.fieldsDropped, firstLoss));
  }
  if (lostTalks.length) {
    const first = lostTalks[0]!;
    warnings.push(countWarning(lostTalks.length, W.talksDroppedOne, W.talksDropped, { first }));
  }
  return {
    ...parsed,
    conference,
    talks: talks ?? parsed.talks,
    warnings: [...parsed.warnings, ...warnings],
  };
}
