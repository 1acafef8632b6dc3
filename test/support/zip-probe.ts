// Reads one zip file with readZip in a process of its own and prints what came of it and how
// far the process's resident memory rose at its peak: in a fresh process the peak before the
// read is where memory stands, so a bomb inflated and dropped still shows.
// Usage: node --import tsx test/support/zip-probe.ts <file.zip>
import { openAsBlob } from 'node:fs';
import { readZip } from '../../src/lib/export/zip-read';

const zip = await openAsBlob(process.argv[2]!);
const before = process.memoryUsage().rss;
const peakBefore = process.resourceUsage().maxRSS * 1024;
let outcome: string;
try {
  const files = await readZip(zip);
  outcome = `files: ${[...files.keys()].join(', ')}`;
} catch (e) {
  outcome = `${(e as Error).name}: ${(e as Error).message}`;
}
const peakRise = process.resourceUsage().maxRSS * 1024 - before;
process.stdout.write(JSON.stringify({ outcome, peakRise, startGap: peakBefore - before }));
