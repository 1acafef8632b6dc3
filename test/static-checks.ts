// `npm test`'s first step: the type checks (svelte-check, tsc) and the lint (eslint, prettier,
// layers) side by side, since each runs in one thread and CI has two cores. Each one's output
// is shown whole once it ends; the step fails when either does.
import { spawn } from 'node:child_process';

function run(script: string): Promise<{ script: string; code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ script, code: code ?? 1, out }));
  });
}

const results = await Promise.all(['check', 'lint'].map(run));
for (const r of results) process.stdout.write(r.out);
const failed = results.filter((r) => r.code !== 0).map((r) => r.script);
if (failed.length) {
  console.error(`npm run ${failed.join(' and ')} failed`);
  process.exitCode = 1;
}
