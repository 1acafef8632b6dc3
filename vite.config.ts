/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * The Content-Security-Policy of the built app: script only from our origin (nothing inline,
 * nothing eval'd), images from our origin and the object URLs of stored photos, no plugins,
 * frames or <base>, and forms post only to us (the share target). Requests may go to any web address because the schedule and sync
 * URLs are the user's to choose; what the pages render never reaches them (DOMPurify, safeHref).
 * Svelte sets inline styles (style: directives), hence 'unsafe-inline' for style attributes only.
 */
const CSP = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets the read worker compile Tesseract's WebAssembly; it allows no eval
  // of JavaScript.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self' https: http: blob: data:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** The policy as a <meta> in the built index.html, so it travels with any static host. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'confnotes-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * What reading slide text needs (issue 12): Tesseract's WebAssembly, with and without SIMD,
 * and the English and French models, copied from their npm packages to /read/ under a name
 * that changes with their content. They stay out of the precache manifest: the page stores them
 * in a cache of their own when "Read slide text" is on (src/ui/state/reading.svelte.ts). The
 * module `virtual:read-assets` gives their addresses and sizes.
 */
const READ_FILES = {
  simd: 'node_modules/tesseract-wasm/dist/tesseract-core.wasm',
  noSimd: 'node_modules/tesseract-wasm/dist/tesseract-core-fallback.wasm',
  en: 'node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz',
  fr: 'node_modules/@tesseract.js-data/fra/4.0.0_best_int/fra.traineddata.gz',
} as const;

function readAssets(): Plugin {
  const files = Object.entries(READ_FILES).map(([key, path]) => {
    const bytes = readFileSync(new URL(path, import.meta.url));
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
    const base = path.slice(path.lastIndexOf('/') + 1);
    const dot = base.indexOf('.');
    return { key, bytes, name: `${base.slice(0, dot)}-${hash}${base.slice(dot)}` };
  });
  const id = 'virtual:read-assets';
  return {
    name: 'confnotes-read-assets',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(source) {
      if (source !== `\0${id}`) return;
      const entries = files.map(
        ({ key, bytes, name }) => `${key}: { url: BASE + 'read/${name}', bytes: ${bytes.length} }`,
      );
      return `const BASE = import.meta.env.BASE_URL;\nexport default { ${entries.join(', ')} };`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = files.find((f) => req.url === `/read/${f.name}`);
        if (!file) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(file.bytes);
      });
    },
    generateBundle() {
      for (const { bytes, name } of files)
        this.emitFile({ type: 'asset', fileName: `read/${name}`, source: bytes });
    },
  };
}

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(process.env.CONFNOTES_VERSION ?? pkg.version),
  },
  resolve: {
    // Dexie's build for current browsers: the same code as its default one without the
    // fallbacks for old engines, 1.3 KB less gzip on first launch (budget: DESIGN.md).
    alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }],
  },
  build: {
    target: 'es2022',
    // Every browser the app supports preloads modules itself.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the first screen runs in one chunk, the entry included: left to itself the
        // bundler cut it into a dozen small files, each with its own overhead, and moved
        // modules between them whenever a lazy import changed. Budget: DESIGN.md, measured by
        // npm run bench -- startup. The group holds every part of the Svelte runtime any
        // component uses, so lazy components should stick to features the first screen uses.
        codeSplitting: {
          groups: [
            {
              name: 'start',
              test: /node_modules[\\/](svelte|dexie)[\\/]|src[\\/](main\.ts|App\.svelte|lib[\\/](db[\\/](db|outbox|conference-list|photo-tables|demo)|sync[\\/]tag|schedule[\\/](date-range|warm-dates))|ui[\\/](home[\\/]|common[\\/](UpdateBanner|InstallPrompt)|state[\\/](app|i18n|router|env|live|pwa|sync-trigger\.svelte)))\b/,
            },
          ],
        },
      },
    },
  },
  worker: {
    format: 'es',
  },
  // Also as a header where we serve the build: it then covers the workers and the service
  // worker too, and frame-ancestors (which a <meta> cannot carry).
  preview: {
    headers: { 'Content-Security-Policy': `${CSP}; frame-ancestors 'none'` },
  },
  plugins: [
    contentSecurityPolicy(),
    readAssets(),
    svelte(),
    VitePWA({
      // Prompt, not auto-update: a new worker waits until the user taps Reload. Our own worker
      // (src/sw) because the generated one cannot receive shared images.
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      },
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Confnotes: conference notebook',
        short_name: 'Confnotes',
        description:
          'Offline conference notebook: the schedule, slide photos and your notes on your phone, exported as a write-up.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#14161a',
        background_color: '#14161a',
        categories: ['productivity', 'education'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
        screenshots: [
          {
            src: '/screenshots/narrow.png',
            sizes: '720x1440',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'A conference schedule with starred talks',
          },
          {
            src: '/screenshots/wide.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: 'A talk with its abstract and speakers',
          },
        ],
        // Photos shared from the gallery or another app are filed like camera shots.
        share_target: {
          action: '/share-target',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: {
            files: [
              {
                name: 'photos',
                accept: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/*'],
              },
            ],
          },
        },
        shortcuts: [
          {
            name: 'Open camera',
            short_name: 'Camera',
            url: '/#/camera',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }],
          },
          {
            name: 'Now & Next',
            short_name: 'Now',
            url: '/#/now',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }],
          },
          {
            name: 'Import schedule',
            short_name: 'Import',
            url: '/#/import',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }],
          },
        ],
      },
    }),
  ],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    // A guard against hangs, not a speed check: the sync fault test alone runs some forty
    // syncs, and took over vitest's default 5 s on this shared 2-core machine under load.
    testTimeout: 30_000,
  },
});
