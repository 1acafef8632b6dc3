// Draws the slide images in test/fixtures/images with Chromium's own encoders (canvas toBlob),
// so the unit tests read real JPEG, PNG and WebP files. Run after changing the drawing:
// `npx tsx test/tools/make-image-fixtures.ts`. EXIF variants are built from slide.jpg by the
// tests themselves (test/unit/capture/exif.ts), byte by byte.
import { writeFileSync } from 'node:fs';
import { launch } from '../support/browser';

// A string, not a function: tsx would add helpers the page does not have.
const DRAW = `(async () => {
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const ctx = canvas.getContext('2d');
  function draw(background) {
    ctx.clearRect(0, 0, 640, 480);
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, 640, 480);
    ctx.fillStyle = '#14161a';
    ctx.font = 'bold 36px sans-serif';
    ctx.fillText('Offline first, for real', 40, 80);
    ctx.font = '24px sans-serif';
    ['Store the shot first', 'Compress in a worker', 'Never fetch code'].forEach(function (line, i) {
      ctx.fillText('\u2022 ' + line, 60, 160 + i * 50);
    });
    ctx.fillStyle = '#2a6df4';
    ctx.fillRect(40, 360, 560, 12);
  }
  function encode(type, quality) {
    return new Promise(function (resolve) {
      canvas.toBlob(function (blob) {
        const reader = new FileReader();
        reader.onload = function () { resolve(String(reader.result).split(',')[1]); };
        reader.readAsDataURL(blob);
      }, type, quality);
    });
  }
  draw('#f4f1ea');
  const jpeg = await encode('image/jpeg', 0.8);
  const webp = await encode('image/webp', 0.8);
  // Half-transparent: the case where a JPEG needs a white ground.
  draw('rgba(244, 241, 234, 0.5)');
  const png = await encode('image/png');
  return { 'slide.jpg': jpeg, 'slide.webp': webp, 'slide.png': png };
})()`;

const browser = await launch();
const page = await browser.newPage();
const files = (await page.evaluate(DRAW)) as Record<string, string>;
for (const [name, base64] of Object.entries(files)) {
  writeFileSync(
    new URL(`../fixtures/images/${name}`, import.meta.url),
    Buffer.from(base64, 'base64'),
  );
}
await browser.close();
