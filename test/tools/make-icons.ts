// Renders public/favicon.svg into the PNG icons the manifest lists. Run after changing the
// artwork: `npx tsx test/tools/make-icons.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { launch } from '../support/browser';

const svg = readFileSync(new URL('../../public/favicon.svg', import.meta.url), 'utf8');
const out = (name: string) => new URL(`../../public/icons/${name}`, import.meta.url);
const browser = await launch();
const page = await browser.newPage();

async function render(name: string, size: number, padding: number, background: string) {
  await page.setViewportSize({ width: size, height: size });
  // Maskable icons keep their artwork inside the central 80 % safe zone.
  await page.setContent(
    `<body style="margin:0;background:${background}"><div style="width:${size}px;height:${size}px;display:grid;place-items:center">${svg.replace('<svg', `<svg width="${size - 2 * padding}" height="${size - 2 * padding}"`)}</div></body>`,
  );
  writeFileSync(out(name), await page.screenshot({ omitBackground: background === 'transparent' }));
}

await render('icon-192.png', 192, 0, 'transparent');
await render('icon-512.png', 512, 0, 'transparent');
await render('maskable-512.png', 512, 72, '#14161a');
await render('apple-touch-icon.png', 180, 12, '#14161a');
await browser.close();
