// The as-is test (as-is.ts) against valibot itself: whatever it lets through must be exactly
// what valibot would give back; the real schedules' talks must go through it, or the check
// pays for copies again; and a schema part it does not read leaves it out entirely.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { compileAsIs, type AsIs } from '../../../src/lib/model/as-is';
import { check } from '../../../src/lib/model/check';
import {
  Entry,
  FreeSection,
  Opinion,
  ParsedConference,
  ParsedTalk,
  Photo,
  Star,
  Talk,
} from '../../../src/lib/model/records';
import { toTalkFields } from '../../../src/lib/schedule/materialise';
import { parseSchedule } from '../../../src/lib/schedule/parse';

const DIR = new URL('../../fixtures/schedules/', import.meta.url);
const schedules = readdirSync(DIR)
  .filter((name) => !name.endsWith('.md'))
  .map((name) => parseSchedule(readFileSync(new URL(name, DIR)), name));
const parsedTalks = schedules.flatMap((s) => s.talks);
const storedTalks = toTalkFields(parsedTalks.slice(0, 200), 'Europe/Brussels').map((t, i) => ({
  ...t,
  id: `talk-${i}`,
  conferenceId: 'fosdem-2015',
}));

const compiled = (schema: v.GenericSchema): AsIs => {
  const test = compileAsIs(schema);
  if (!test) throw new Error('schema not compiled');
  return test;
};

/** What valibot makes of `value`, or undefined when it refuses it. */
function valibot(schema: v.GenericSchema, value: unknown): { output: unknown } | undefined {
  const result = v.safeParse(schema, value);
  return result.success ? { output: result.output } : undefined;
}

/** Values near real records: a field set to anything, removed, or added; a list item likewise. */
function nearby(records: object[]): fc.Arbitrary<unknown> {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r))), 'extra', 'constructor'];
  const anyValue = fc.oneof(
    fc.anything(),
    fc.string({ maxLength: 30 }),
    fc.constantFrom(undefined, null, NaN, Infinity, -1, 0, 1.5, 2 ** 53, 'x'.repeat(2_001)),
    fc.constantFrom('2015-01-31T09:30', '2015-02-30T09:30', '2015-01-31T24:00', 'Europe/Paris'),
  );
  const change = fc.oneof(
    fc.record({
      kind: fc.constant('set' as const),
      key: fc.constantFrom(...keys),
      value: anyValue,
    }),
    fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom(...keys) }),
    fc.record({
      kind: fc.constant('item' as const),
      key: fc.constantFrom(...keys),
      value: anyValue,
    }),
  );
  return fc
    .tuple(fc.constantFrom(...records), fc.array(change, { maxLength: 3 }))
    .map(([record, changes]) => {
      const out: Record<string, unknown> = structuredClone(record) as Record<string, unknown>;
      for (const c of changes) {
        if (c.kind === 'set') out[c.key] = c.value;
        else if (c.kind === 'delete') delete out[c.key];
        else if (Array.isArray(out[c.key]) && (out[c.key] as unknown[]).length) {
          (out[c.key] as unknown[])[0] =
            typeof c.value === 'string' ? { name: c.value, [c.value]: 1 } : c.value;
        }
      }
      return out;
    });
}

const CASES: [string, v.GenericSchema, object[]][] = [
  ['ParsedTalk', ParsedTalk, parsedTalks],
  ['ParsedConference', ParsedConference, schedules.map((s) => s.conference)],
  ['Talk', Talk, storedTalks],
  [
    'Photo',
    Photo,
    [
      {
        id: 'a'.repeat(64),
        conferenceId: 'c-1',
        talkId: 'unsorted:c-1',
        position: 0,
        caption: 'Slide 1',
        takenAt: 1_422_700_000_000,
        width: 1920,
        height: 1080,
        size: 204_800,
        type: 'image/jpeg',
        status: 'ready',
        createdAt: 1,
        kept: true,
        corners: {
          topLeft: { x: 0.1, y: 0.1 },
          topRight: { x: 0.9, y: 0.1 },
          bottomRight: { x: 0.9, y: 0.9 },
          bottomLeft: { x: 0.1, y: 0.9 },
        },
      },
    ],
  ],
  [
    'Opinion',
    Opinion,
    [
      {
        talkId: 'talk-1',
        conferenceId: 'c-1',
        text: 'Worth it.',
        updatedAt: 5,
        otherVersions: [{ text: 'Worth it?', updatedAt: 4 }],
      },
    ],
  ],
  [
    'FreeSection',
    FreeSection,
    [
      {
        id: 'f-1',
        conferenceId: 'c-1',
        title: 'Hallway',
        text: 'Met A.',
        position: 1,
        updatedAt: 3,
      },
    ],
  ],
  ['Star', Star, [{ talkId: 'talk-1', conferenceId: 'c-1', createdAt: 1 }]],
  [
    'Entry',
    Entry,
    [
      {
        id: 'n-1',
        conferenceId: 'c-1',
        talkId: 'talk-1',
        position: 3,
        text: '- a point',
        createdAt: 1,
        updatedAt: 2,
      },
    ],
  ],
];

describe('the as-is test', () => {
  it.each(CASES)(
    '%s: what passes as it is, valibot gives back unchanged (property)',
    (_, schema, records) => {
      const asIs = compiled(schema);
      // The records as they are pass, so the check never copies them.
      expect(records.filter((r) => !asIs(r))).toEqual([]);
      fc.assert(
        fc.property(fc.oneof(nearby(records), fc.anything()), (value) => {
          if (!asIs(value)) return;
          const out = valibot(schema, value);
          expect(out).toBeDefined();
          expect(out!.output).toStrictEqual(value);
        }),
        { numRuns: 2_000 },
      );
    },
  );

  it('lets every talk of every real schedule through, and each stored talk', () => {
    expect(parsedTalks.length).toBeGreaterThan(1_000);
    const parsed = compiled(ParsedTalk);
    expect(parsedTalks.filter((t) => !parsed(t))).toEqual([]);
    const stored = compiled(Talk);
    expect(storedTalks.filter((t) => !stored(t))).toEqual([]);
    expect(schedules.map((s) => s.conference).every(compiled(ParsedConference))).toBe(true);
  });

  it('turns away a field the schema lacks, a bad one, and anything but a plain object', () => {
    const asIs = compiled(ParsedTalk);
    const talk = parsedTalks[0]!;
    expect(asIs({ ...talk, extra: 1 })).toBe(false);
    expect(asIs({ ...talk, speakers: [{ name: 'A', twitter: '@a' }] })).toBe(false);
    expect(asIs({ ...talk, startLocal: '2015-02-30T09:30' })).toBe(false);
    expect(asIs({ ...talk, title: 'x'.repeat(2_001) })).toBe(false);
    expect(asIs({ ...talk, title: undefined })).toBe(false);
    expect(asIs(Object.assign(Object.create(null) as object, talk))).toBe(false);
    expect(asIs([talk])).toBe(false);
    // A hole in a list is checked as undefined, as valibot does.
    const holes: unknown[] = [];
    holes[1] = { name: 'B' };
    expect(asIs({ ...talk, speakers: holes })).toBe(false);
    expect(v.safeParse(ParsedTalk, { ...talk, speakers: holes }).success).toBe(false);
  });

  it('compiles no test for a schema with a part it does not read', () => {
    const unread = [
      v.pipe(
        v.string(),
        v.transform((s) => s.trim()),
      ),
      v.optional(v.string(), 'none'),
      v.object({ a: v.union([v.string(), v.number()]) }),
      v.object({ a: v.lazy(() => v.string()) }),
      v.record(v.string(), v.string()),
      v.fallback(v.string(), ''),
      v.pipe(v.string(), v.regex(/a/g)),
      v.strictObject({ a: v.string() }),
    ];
    for (const schema of unread) expect(compileAsIs(schema as v.GenericSchema)).toBeUndefined();
  });
});

describe('check', () => {
  it('hands back a record that passes as it is, and a copy without the fields to drop', () => {
    const talk = parsedTalks[0]!;
    const same = check(ParsedTalk, talk);
    expect(same.ok && same.value).toBe(talk);
    const extra = { ...talk, extra: '<script>' };
    const dropped = check(ParsedTalk, extra);
    expect(dropped.ok && dropped.value).not.toBe(extra);
    expect(dropped.ok && dropped.value).toStrictEqual(talk);
    expect(check(ParsedTalk, { ...talk, startLocal: 'soon' })).toEqual({
      ok: false,
      field: 'startLocal',
    });
  });
});
