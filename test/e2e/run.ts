// `npm run test:e2e`: builds the production app, then runs the browser tests against it.
// Two runs on one machine would overwrite each other's dist/: a run waits for the one before
// it (flock, from util-linux, where present).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromePath } from '../support/browser';

const LOCK = '/tmp/confnotes-e2e.lock';
if (!process.env.CONFNOTES_E2E_LOCKED && existsSync('/usr/bin/flock')) {
  execFileSync('/usr/bin/flock', [LOCK, 'npx', 'tsx', ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, CONFNOTES_E2E_LOCKED: '1' },
  });
  process.exit(0);
}

chromePath(); // installs or explains Chromium before anything slow starts
const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  execFileSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
run('npx', ['vite', 'build', '--logLevel', 'warn']);
// A second build with another version number, served by the update-prompt test.
run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', 'dist-next', '--emptyOutDir'], {
  CONFNOTES_VERSION: 'next-build',
});
run('npx', ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts', ...process.argv.slice(2)]);
