// Makes the file Chromium's fake camera plays (--use-file-for-fake-video-capture): a Y4M video
// of projector slides drawn in the browser. Every frame differs (a counter in the corner), so
// shots of a burst are distinct images, as they are from a real sensor.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './browser';

export const FAKE_CAMERA = join(tmpdir(), 'confnotes-e2e', 'slides.y4m');

/** Chromium flags that replace the camera with that video and grant access without asking. */
export const CAMERA_ARGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${FAKE_CAMERA}`,
];
const WIDTH = 960;
const HEIGHT = 540;
const FRAMES = 90; // three seconds at 30 fps before the video loops

export async function makeFakeCamera(path = FAKE_CAMERA): Promise<string> {
  if (existsSync(path)) return path;
  mkdirSync(join(path, '..'), { recursive: true });
  const browser = await launch();
  const page = await browser.newPage();
  const fd = openSync(`${path}.part`, 'w');
  try {
    writeSync(fd, `YUV4MPEG2 W${WIDTH} H${HEIGHT} F30:1 Ip A1:1 C420jpeg\n`);
    for (let n = 0; n < FRAMES; n++) {
      const frame = await page.evaluate(
        ({ n, w, h }) => {
          const c = new OffscreenCanvas(w, h);
          const g = c.getContext('2d')!;
          g.fillStyle = '#fdfdf8';
          g.fillRect(0, 0, w, h);
          g.fillStyle = '#1d3557';
          g.fillRect(0, 0, w, 90);
          g.fillStyle = '#fff';
          g.font = 'bold 44px sans-serif';
          g.fillText('Kubernetes at scale', 40, 62);
          g.fillStyle = '#222';
          g.font = '30px sans-serif';
          [
            'Feature environments per pull request',
            'Secrets managed in the cluster',
            'Clean-up after merge',
          ].forEach((line, i) => g.fillText(`• ${line}`, 60, 170 + i * 60));
          g.fillStyle = '#e63946';
          g.fillRect(60 + ((n * 7) % 700), 400, 120, 60);
          g.fillStyle = '#555';
          g.font = '22px monospace';
          g.fillText(`frame ${n}`, w - 160, h - 24);
          // RGBA to planar YUV 4:2:0 (BT.601), the layout Y4M's C420jpeg expects.
          const rgba = g.getImageData(0, 0, w, h).data;
          const out = new Uint8Array(w * h * 1.5);
          const u0 = w * h;
          const v0 = u0 + (w / 2) * (h / 2);
          for (let y = 0; y < h; y++) {
            for (let x = 0; x < w; x++) {
              const i = (y * w + x) * 4;
              const [r, gr, b] = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
              out[y * w + x] = 0.299 * r + 0.587 * gr + 0.114 * b;
              if (y % 2 === 0 && x % 2 === 0) {
                const k = (y / 2) * (w / 2) + x / 2;
                out[u0 + k] = 128 - 0.168736 * r - 0.331264 * gr + 0.5 * b;
                out[v0 + k] = 128 + 0.5 * r - 0.418688 * gr - 0.081312 * b;
              }
            }
          }
          // Base64 through a data URL: far quicker to hand over than a JSON array of numbers.
          return new Promise<string>((resolve) => {
            const reader = new FileReader();
            reader.onload = () => resolve((reader.result as string).split(',')[1]!);
            reader.readAsDataURL(new Blob([out]));
          });
        },
        { n, w: WIDTH, h: HEIGHT },
      );
      writeSync(fd, 'FRAME\n');
      writeSync(fd, Buffer.from(frame, 'base64'));
    }
  } finally {
    closeSync(fd);
    await browser.close();
  }
  renameSync(`${path}.part`, path);
  return path;
}
