// Orlando Code Camp 2020 Sessionize view/All (real file), plus id-type normalisation.
import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../src/lib/schedule/parse';
import { parseSessionize } from '../../../src/lib/schedule/sessionize';
import { SCHEDULE_WARNINGS as W } from '../../../src/lib/schedule/words';
import { distinct, fixtureBytes, parsed, talkByTitle } from './fixtures';

describe('Orlando Code Camp 2020 (Sessionize view/All: BOM, local times, mixed id types)', () => {
  const s = parsed('sessionize', 'All.json');

  it('strips the BOM and reads 99 sessions in 14 rooms on one day', () => {
    expect([...fixtureBytes('sessionize').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(s.format).toBe('sessionize');
    expect(s.talks).toHaveLength(99);
    expect(distinct(s, (t) => t.room).size).toBe(14);
    expect(s.conference).toEqual({
      title: 'Imported schedule',
      startDate: '2020-03-28',
      endDate: '2020-03-28',
    });
  });

  it('keeps local times without offset as wall clock only, and says there is no zone', () => {
    expect(s.talks.every((t) => t.startLocal && t.endLocal && t.startUtc === undefined)).toBe(true);
    expect(s.warnings).toEqual([{ words: W.noZone, values: {} }]);
  });

  it('keys service sessions by GUID and talks by their string ids, namespaced', () => {
    const keys = s.talks.map((t) => t.sourceKey);
    expect(new Set(keys).size).toBe(99);
    expect(keys.every((k) => k.startsWith('sessionize:'))).toBe(true);
    expect(keys.filter((k) => /^sessionize:[0-9a-f]{8}-/.test(k))).toHaveLength(12);
    expect(keys.filter((k) => /^sessionize:\d+$/.test(k))).toHaveLength(87);
    expect(talkByTitle(s, 'Keynote')).toMatchObject({
      sourceKey: 'sessionize:7b3d6b07-294f-4319-8234-aae9701d98b5',
      room: 'Room 1',
      startLocal: '2020-03-28T08:00',
      endLocal: '2020-03-28T09:00',
      speakers: [],
    });
  });

  it('resolves speakers by id, in the session’s order, with the tag line as affiliation', () => {
    expect(talkByTitle(s, 'How to get a job as a developer').speakers).toEqual([
      { name: 'Lee Warrick', affiliation: 'Full-stack JavaScript Developer' },
      { name: 'Edwin Otero', affiliation: 'Front-end Developer' },
    ]);
    const design = talkByTitle(s, 'Design and Data: A Case Study');
    expect(design.speakers.map((p) => p.name)).toEqual(['Abhishek Murali', 'Kevin Kho']);
    expect(talkByTitle(s, 'Build intelligent Apps').speakers[0]?.affiliation).toContain('🐺');
    expect(s.talks.filter((t) => t.speakers.length === 2)).toHaveLength(5);
    expect(s.talks.filter((t) => t.speakers.length === 0)).toHaveLength(12);
  });

  it('resolves category ids through categories[].items[] into type and track', () => {
    expect(talkByTitle(s, 'Build intelligent Apps')).toMatchObject({
      type: 'Session',
      track: 'AI/ML',
      room: 'Room 4',
      startLocal: '2020-03-28T09:00',
      endLocal: '2020-03-28T09:45',
      sourceKey: 'sessionize:174026',
    });
    expect(talkByTitle(s, 'AR and VR for everyone')).toMatchObject({ type: 'Lightning talk' });
    expect(talkByTitle(s, 'AR and VR for everyone').track).toBeUndefined();
  });

  it('normalises \\r\\n in descriptions', () => {
    expect(s.talks.filter((t) => t.abstract?.includes('\n\n'))).not.toHaveLength(0);
    expect(s.talks.some((t) => t.abstract?.includes('\r'))).toBe(false);
  });

  it('takes a title from a meaningful file name', () => {
    const named = parseSchedule(fixtureBytes('sessionize'), 'orlando-code-camp_2020.json');
    expect(named.conference.title).toBe('orlando code camp 2020');
  });
});

describe('Sessionize id types', () => {
  it('matches numeric speakers[].sessions to string session ids', () => {
    const s = parseSessionize({
      sessions: [{ id: '123', title: 'Only linked from the speaker', speakers: [], roomId: 5 }],
      speakers: [{ id: 'sp-1', fullName: 'Grace Hopper', sessions: [123] }],
      rooms: [{ id: 5, name: 'Hall' }],
      categories: [
        { title: 'Language', items: [{ id: 9, name: 'English' }] },
        { title: 'Track', items: [{ id: 10, name: 'Web' }] },
      ],
    });
    expect(s.talks[0]).toMatchObject({ speakers: [{ name: 'Grace Hopper' }], room: 'Hall' });
    const withCats = parseSessionize({
      sessions: [{ id: 1, title: 'T', categoryItems: [9, '10'], startsAt: '2024-05-01T09:00:00Z' }],
      categories: [
        { title: 'Language', items: [{ id: 9, name: 'English' }] },
        { title: 'Track', items: [{ id: 10, name: 'Web' }] },
      ],
    });
    // A trailing Z on Sessionize times is a label, not a trusted instant.
    expect(withCats.talks[0]).toMatchObject({
      language: 'English',
      track: 'Web',
      startLocal: '2024-05-01T09:00',
    });
    expect(withCats.talks[0]?.startUtc).toBeUndefined();
  });
});
