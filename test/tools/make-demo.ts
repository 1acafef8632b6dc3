// Writes src/lib/demo/xebicon-2019.json from the seed write-up. Run after changing the seed
// parser: `npx tsx test/tools/make-demo.ts`. A unit test checks the file matches the seed.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseSeedAdoc, seedProgrammeUrl } from '../../src/lib/demo/seed-adoc';

const seed = readFileSync(
  new URL('../fixtures/seed/xebicon-2019-notes.adoc', import.meta.url),
  'utf8',
);
const demo = { ...parseSeedAdoc(seed), programmeUrl: seedProgrammeUrl(seed) };
writeFileSync(
  new URL('../../src/lib/demo/xebicon-2019.json', import.meta.url),
  `${JSON.stringify(demo, null, 2)}\n`,
);
