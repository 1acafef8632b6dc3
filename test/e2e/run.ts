// `npm run test:e2e`: builds the production app, then runs the browser tests against it.
// Two runs on one machine would overwrite each other's dist/: a run waits for the one before
// it (flock, from util-linux, where present).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromePath } from '../support/browser';

const LOCK = '/tmp/confnotes-e2e.lock';
if (!process.env.CONFNOTES_E2E_LOCKED && existsSync('/usr/bin/flock')) {
  const locked = spawnSync('/usr/bin/flock', [LOCK, 'npx', 'tsx', ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, CONFNOTES_E2E_LOCKED: '1' },
  });
  process.exit(locked.status ?? 1);
}

chromePath(); // installs or explains Chromium before anything slow starts
/** Runs a step: its exit status. */
function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return new Promise((resolve) => child.on('close', (status) => resolve(status ?? 1)));
}
// The two builds side by side: each spends much of its time in one thread (the plugins' and
// the service worker's JavaScript), so together they take little longer than one.
const builds = await Promise.all([
  run('npx', ['vite', 'build', '--logLevel', 'warn']),
  // Another version number, served by the update-prompt test.
  run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', 'dist-next', '--emptyOutDir'], {
    CONFNOTES_VERSION: 'next-build',
  }),
]);
// A failed step ends the run with its exit status (no stack trace to read past).
const failed = builds.find((status) => status !== 0);
if (failed !== undefined) process.exit(failed);
process.exit(
  await run('npx', [
    'playwright',
    'test',
    '-c',
    'test/e2e/playwright.config.ts',
    ...process.argv.slice(2),
  ]),
);
