// `npm run test:e2e`: builds the production app, then runs the browser tests against it.
// Two runs on one machine would overwrite each other's dist/: a run waits for the one before
// it (flock, from util-linux, where present).
import { spawnSync } from 'node:child_process';
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
/** Runs a step; a failed step ends the run with its exit status (no stack trace to read past). */
function run(cmd: string, args: string[], env: Record<string, string> = {}): void {
  const { status } = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (status !== 0) process.exit(status ?? 1);
}
run('npx', ['vite', 'build', '--logLevel', 'warn']);
// A second build with another version number, served by the update-prompt test.
run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', 'dist-next', '--emptyOutDir'], {
  CONFNOTES_VERSION: 'next-build',
});
run('npx', ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts', ...process.argv.slice(2)]);
