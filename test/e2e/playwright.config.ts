// Real-browser tests: Debian's Chromium drives the production build (the service worker only
// exists there). `npm run test:e2e` builds first; each test serves that build with vite preview.
import { defineConfig } from '@playwright/test';
import { CHROME_ARGS, chromePath } from '../support/browser';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir: '../../test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 360, height: 740 },
    launchOptions: { executablePath: chromePath(), args: CHROME_ARGS },
    serviceWorkers: 'allow',
    trace: 'off',
  },
});
