// Makes the file Chromium's fake camera plays (--use-file-for-fake-video-capture): a Y4M video
// of a projected slide seen from a seat (keystoned, in a dim room, heads in front), drawn in the
// browser. Every frame differs (a counter on the slide), so shots of a burst are distinct
// images, as they are from a real sensor.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './browser';

/**
 * Ten seconds at 30 fps before the video loops: a burst on a loaded machine took over three
 * seconds, and a shot of the same frame twice is one photo (the same bytes), not two. The
 * count is in the file name, so a video made shorter before is not reused.
 */
const FRAMES = 300;
export const FAKE_CAMERA = join(tmpdir(), 'confnotes-e2e', `slide-in-room-${FRAMES}.y4m`);
/** The same room in 1920×1080 frames, what a phone's camera gives the capture screen. */
export const HD_CAMERA = join(tmpdir(), 'confnotes-e2e', `slide-in-room-1080p-${FRAMES}.y4m`);

/** Chromium flags that replace the camera with a video file and grant access without asking. */
export const cameraArgs = (file: string) => [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${file}`,
];
export const CAMERA_ARGS = cameraArgs(FAKE_CAMERA);

/** Writes the video (960×540 unless told) once; later calls find it made. */
export async function makeFakeCamera(
  path = FAKE_CAMERA,
  { width: WIDTH, height: HEIGHT } = { width: 960, height: 540 },
): Promise<string> {
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
          // Drawn in 960×540 units, scaled to the frame: the picture is the same at any size.
          const k = w / 960;
          // The slide, as the projector shows it.
          const sw = 800;
          const sh = 450;
          const slide = new OffscreenCanvas(sw * k, sh * k);
          const s = slide.getContext('2d')!;
          s.scale(k, k);
          s.fillStyle = '#fdfdf8';
          s.fillRect(0, 0, sw, sh);
          s.fillStyle = '#1d3557';
          s.fillRect(0, 0, sw, 80);
          s.fillStyle = '#fff';
          s.font = 'bold 40px sans-serif';
          s.fillText('Kubernetes at scale', 36, 55);
          s.fillStyle = '#222';
          s.font = '28px sans-serif';
          [
            'Feature environments per pull request',
            'Secrets managed in the cluster',
            'Clean-up after merge',
          ].forEach((line, i) => s.fillText(`• ${line}`, 50, 150 + i * 55));
          s.fillStyle = '#e63946';
          s.fillRect(50 + ((n * 7) % 560), 340, 110, 55);
          s.fillStyle = '#555';
          s.font = '20px monospace';
          s.fillText(`frame ${n}`, sw - 140, sh - 20);
          // The room seen from a seat on the left: a dim wall, the slide keystoned (its left
          // edge nearer, so taller), and two heads over its lower edge.
          const c = new OffscreenCanvas(w, h);
          const g = c.getContext('2d')!;
          g.scale(k, k);
          const wall = g.createLinearGradient(0, 0, 0, h / k);
          wall.addColorStop(0, '#23262d');
          wall.addColorStop(1, '#121317');
          g.fillStyle = wall;
          g.fillRect(0, 0, w / k, h / k);
          const left = 150;
          const width = 640;
          const tall = 392;
          const short = 330;
          const mid = 250;
          for (let x = 0; x < sw * k; x++) {
            const t = x / (sw * k);
            const hx = tall + (short - tall) * t;
            const top = mid - hx / 2 + 10 * t;
            g.drawImage(
              slide,
              x,
              0,
              1,
              sh * k,
              left + t * width,
              top,
              width / (sw * k) + 0.6 / k,
              hx,
            );
          }
          g.fillStyle = '#0b0b0d';
          for (const [cx, cy] of [
            [330, 500],
            [610, 520],
          ] as const) {
            g.beginPath();
            g.ellipse(cx, cy, 52, 66, 0, 0, Math.PI * 2);
            g.fill();
          }
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
