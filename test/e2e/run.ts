// `npm run test:e2e`: builds the production app, then runs the browser tests against it.
import { execFileSync } from 'node:child_process';
import { chromePath } from '../support/browser';

chromePath(); // installs or explains Chromium before anything slow starts
const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  execFileSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
run('npx', ['vite', 'build', '--logLevel', 'warn']);
// A second build with another version number, served by the update-prompt test.
run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', 'dist-next', '--emptyOutDir'], {
  CONFNOTES_VERSION: 'next-build',
});
run('npx', ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts', ...process.argv.slice(2)]);
