import { describe, expect, it } from 'vitest';
import { createDb } from '../../../src/lib/db/db';
import { ConferenceRepo } from '../../../src/lib/db/conference-repo';
import { addDemo } from '../../../src/lib/db/demo';
import demo from '../../../src/lib/demo/xebicon-2019.json';
import type { ParsedSchedule } from '../../../src/lib/schedule/types';

describe('addDemo', () => {
  it('writes what a full import of the demo would, without the import code', async () => {
    const ids = () => {
      let n = 0;
      return () => `id-${++n}`;
    };
    const light = createDb('demo-light');
    await addDemo(light, 'Europe/Paris', 1000, ids());
    const full = createDb('demo-full');
    const { programmeUrl, ...parsed } = demo as ParsedSchedule & { programmeUrl: string };
    await new ConferenceRepo(full).create(
      parsed,
      {
        kind: 'demo',
        url: programmeUrl,
        fileName: 'xebicon-2019-notes.adoc',
        format: 'confnotes-demo',
        fetchedAt: 1000,
      },
      { deviceTimeZone: 'Europe/Paris', now: 1000, newId: ids() },
    );
    expect(await light.conferences.toArray()).toEqual(await full.conferences.toArray());
    expect(await light.talks.toArray()).toEqual(await full.talks.toArray());
    expect(await light.talks.count()).toBe(12);
    // The demo never syncs: nothing of it waits in the outbox.
    expect(await light.outbox.count()).toBe(0);
  });
});
