// A test set for slide reading, made by the tests: slides of four talks (two English, two
// French, light and dark templates) drawn in Chromium with Debian's DejaVu fonts at 1920 x 1080,
// then shot in kinds: straight, keystoned (seen askew in a dim room, then straightened back by
// the app's warpQuad from the slide's corners), blurred, noisy (sensor noise and the app's
// JPEG), small (the slide shot from far, read at 800 px). Pairs of shots test stacking: the same
// slide shot twice, a build step (one bullet more), two slides of one talk. Each shot's pixels
// are cached as raw RGBA under the temp folder, keyed by a hash of its recipe and of the code
// that makes it, so only the first run starts a browser.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JPEG_QUALITY } from '../../src/lib/capture/sizing';
import type { ReadLang } from '../../src/lib/read/engine';
import { apply, quadToQuad } from '../../src/lib/slide/geometry';
import { straightSize, warpQuad, type Pixels, type Quad } from '../../src/lib/slide';
import { launch } from './browser';
import { downscale, random, type Random } from './slide-scenes';

// ---------------------------------------------------------------------------------------------
// The slides

interface Template {
  theme: 'light' | 'dark';
  background: string;
  ink: string;
  accent: string;
  font: string;
  /** The title in a band of the accent colour, else in ink over an accent rule. */
  band: boolean;
}

interface Talk {
  lang: ReadLang;
  template: Template;
  slides: { title: string; bullets?: string[]; boxes?: string[]; caption?: string }[];
}

const TALKS: Talk[] = [
  {
    lang: 'en',
    template: {
      theme: 'light',
      background: '#fbfbf8',
      ink: '#1f2430',
      accent: '#2563eb',
      font: 'DejaVu Sans',
      band: true,
    },
    slides: [
      {
        title: 'Kafka consumer groups',
        bullets: [
          'Partitions are assigned to one consumer',
          'Rebalancing pauses the whole group',
          'Commit offsets after processing',
          'Prefer the cooperative sticky assignor',
        ],
      },
      {
        title: 'Sizing partitions',
        bullets: [
          'Throughput grows with the partition count',
          'Each partition costs memory on the broker',
          'Keys decide ordering within a partition',
          'Plan for twice the expected load',
        ],
      },
      {
        title: 'Monitoring lag',
        bullets: [
          'Consumer lag is the first alarm',
          'Alert on growth, not on a fixed number',
          'Dashboards per topic and per group',
        ],
      },
      {
        title: 'Data flow',
        boxes: ['Producer', 'Broker', 'Consumer'],
        caption: 'Offsets live in a compacted topic',
      },
    ],
  },
  {
    lang: 'en',
    template: {
      theme: 'dark',
      background: '#1b1d2a',
      ink: '#ececf1',
      accent: '#ea580c',
      font: 'DejaVu Sans',
      band: false,
    },
    slides: [
      {
        title: 'Why Rust on microcontrollers',
        bullets: [
          'No garbage collector and no runtime',
          'Ownership catches data races at compile time',
          'Zero cost abstractions over registers',
          'Cargo builds for many targets',
        ],
      },
      {
        title: 'Interrupt handlers',
        bullets: [
          'Keep every handler short',
          'Share state through critical sections',
          'Never allocate inside an interrupt',
        ],
      },
      {
        title: 'Testing on the host',
        bullets: [
          'Hardware traits make drivers testable',
          'Run the logic without a board',
          'Flash only for integration tests',
          'Measure power with a cheap probe',
        ],
      },
      {
        title: 'Boot sequence',
        boxes: ['Reset', 'Bootloader', 'Firmware', 'Main loop'],
        caption: 'A watchdog restarts a stuck board',
      },
    ],
  },
  {
    lang: 'fr',
    template: {
      theme: 'light',
      background: '#f6f4ee',
      ink: '#202020',
      accent: '#15803d',
      font: 'DejaVu Serif',
      band: false,
    },
    slides: [
      {
        title: 'Les index en pratique',
        bullets: [
          'Une requête lente bloque la file',
          'Préférez les index partiels',
          'Mesurez avant d’optimiser',
          'L’analyse régulière aide le planificateur',
        ],
      },
      {
        title: 'Réplication et sauvegardes',
        bullets: [
          'Une réplique n’est pas une sauvegarde',
          'Testez la restauration chaque mois',
          'Chiffrez les archives hors du site',
        ],
      },
      {
        title: 'Le cœur du moteur',
        bullets: [
          'Les pages mortes occupent de la place',
          'Le nettoyage libère l’espace réutilisable',
          'Évitez les transactions trop longues',
          'Surveillez la fragmentation des tables',
        ],
      },
      {
        title: 'Chemin d’une requête',
        boxes: ['Analyseur', 'Planificateur', 'Exécuteur'],
        caption: 'Le cache évite des lectures coûteuses',
      },
    ],
  },
  {
    lang: 'fr',
    template: {
      theme: 'dark',
      background: '#14161c',
      ink: '#f1efe9',
      accent: '#7c3aed',
      font: 'DejaVu Sans',
      band: true,
    },
    slides: [
      {
        title: 'Pourquoi l’accessibilité',
        bullets: [
          'Un utilisateur sur cinq vit avec un handicap',
          'Les lecteurs d’écran suivent la structure',
          'Le contraste compte même en plein soleil',
        ],
      },
      {
        title: 'Œuvres et licences',
        bullets: [
          'Une licence libre protège les contributeurs',
          'Citez les auteurs des images',
          'Vérifiez la compatibilité des dépendances',
          'Préférez les formats ouverts',
        ],
      },
      {
        title: 'Tester sans écran',
        bullets: [
          'Naviguez au clavier uniquement',
          'Écoutez la page avec un lecteur vocal',
          'Agrandissez le texte à deux cents pour cent',
        ],
      },
      {
        title: 'Chaîne de publication',
        boxes: ['Rédaction', 'Relecture', 'Traduction', 'Mise en ligne'],
        caption: 'Chaque étape vérifie les textes alternatifs',
      },
    ],
  },
];

/** One slide as drawn: its talk's template and its text, `shown` bullets of it (a build step). */
export interface Slide {
  /** talk-slide, e.g. "en-light-1"; with "+N" for a build step showing N bullets. */
  id: string;
  talk: number;
  lang: ReadLang;
  theme: 'light' | 'dark';
  layout: 'bullets' | 'diagram';
  template: Template;
  title: string;
  lines: string[];
  caption?: string;
}

function slideOf(talk: number, index: number, shown?: number): Slide {
  const t = TALKS[talk]!;
  const s = t.slides[index]!;
  const lines = s.bullets ? s.bullets.slice(0, shown) : s.boxes!;
  const step = shown === undefined ? '' : `+${shown}`;
  return {
    id: `${t.lang}-${t.template.theme}-${index + 1}${step}`,
    talk,
    lang: t.lang,
    theme: t.template.theme,
    layout: s.bullets ? 'bullets' : 'diagram',
    template: t.template,
    title: s.title,
    lines,
    caption: s.caption,
  };
}

/** Every slide of every talk, complete. */
export const SLIDES: Slide[] = TALKS.flatMap((t, talk) => t.slides.map((_, i) => slideOf(talk, i)));

/** The slide's text in reading order, one line per line: what a perfect reader would give. */
export function truth(slide: Slide): string {
  return [slide.title, ...slide.lines, ...(slide.caption ? [slide.caption] : [])].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Shots: a slide and what happened to it between the screen and the reader

export const KINDS = ['straight', 'keystoned', 'blurred', 'noisy', 'small'] as const;
export type Kind = (typeof KINDS)[number];

/** What is done to the slide, in this order; every step seeded, so a recipe gives one image. */
interface Recipe {
  /** Seen askew in a dim room, from the seed's seat, then straightened back. */
  askew?: { seed: number; tilt: number };
  /** Gaussian blur, deviation in pixels at 1920. */
  blur?: number;
  /** Sensor noise: deviation of the grey part and seed. */
  noise?: { sigma: number; seed: number };
  /** Reduced to this width by an area average (a far, small slide). */
  width?: number;
  /** Encoded as JPEG at the app's quality and decoded again. */
  jpeg?: boolean;
}

export interface Shot {
  id: string;
  slide: Slide;
  kind: Kind | 'shot';
  recipe: Recipe;
}

const RECIPES: Record<Kind, (seed: number) => Recipe> = {
  straight: () => ({}),
  keystoned: (seed) => ({ askew: { seed, tilt: 1 }, noise: { sigma: 3, seed }, jpeg: true }),
  blurred: () => ({ blur: 2.2, jpeg: true }),
  noisy: (seed) => ({ noise: { sigma: 14, seed }, jpeg: true }),
  small: () => ({ width: 800, jpeg: true }),
};

function shotOf(slide: Slide, kind: Kind, seed = 1): Shot {
  return { id: `${slide.id}/${kind}`, slide, kind, recipe: RECIPES[kind](seed) };
}

/** Each slide in each kind (the whole set by default); a slide's seeds are its place in SLIDES, so a subset's shots are the whole set's. */
export function shots(kinds: readonly Kind[] = KINDS, slides: readonly Slide[] = SLIDES): Shot[] {
  const seed = (s: Slide) => SLIDES.findIndex((x) => x.id === s.id) + 1;
  return kinds.flatMap((kind) => slides.map((s) => shotOf(s, kind, seed(s))));
}

/** A photo as the app takes one: a little askew, a little noise, then its JPEG. */
function photoOf(slide: Slide, seed: number, tag: string): Shot {
  return {
    id: `${slide.id}/${tag}`,
    slide,
    kind: 'shot',
    recipe: { askew: { seed, tilt: 0.4 }, noise: { sigma: 5, seed }, jpeg: true },
  };
}

export const PAIR_KINDS = ['reshot', 'build', 'different'] as const;
export type PairKind = (typeof PAIR_KINDS)[number];

/** Two shots and what they truly are to each other. */
export interface Pair {
  kind: PairKind;
  a: Shot;
  b: Shot;
}

/**
 * Pairs for stacking: each bullet slide shot twice (another seat, other noise); each bullet
 * slide with its last bullet and without; each pair of neighbouring slides of a talk.
 */
export function pairs(): Pair[] {
  const out: Pair[] = [];
  TALKS.forEach((t, talk) => {
    t.slides.forEach((s, i) => {
      const slide = slideOf(talk, i);
      const seed = 100 * (talk + 1) + i;
      if (s.bullets) {
        out.push({
          kind: 'reshot',
          a: photoOf(slide, seed, 'shot-a'),
          b: photoOf(slide, seed + 50, 'shot-b'),
        });
        const fewer = slideOf(talk, i, s.bullets.length - 1);
        out.push({
          kind: 'build',
          a: photoOf(fewer, seed + 20, 'shot-a'),
          b: photoOf(slide, seed, 'shot-a'),
        });
      }
      if (i + 1 < t.slides.length) {
        out.push({
          kind: 'different',
          a: photoOf(slide, seed, 'shot-a'),
          b: photoOf(slideOf(talk, i + 1), seed + 1, 'shot-a'),
        });
      }
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Pixels: drawn in Chromium, degraded here, cached on disk

const WIDTH = 1920;
const HEIGHT = 1080;

const here = fileURLToPath(import.meta.url);
/**
 * The code that makes the pixels, in the cache's key with each shot's recipe: this file (the
 * slides, the page's drawing, the degradations), the scenes' helpers and the app's warp.
 */
const code = () =>
  createHash('sha256')
    .update(readFileSync(here))
    .update(readFileSync(join(here, '../slide-scenes.ts')))
    .update(readFileSync(join(here, '../../../src/lib/slide/warp.ts')))
    .update(readFileSync(join(here, '../../../src/lib/slide/geometry.ts')))
    .digest('hex')
    .slice(0, 16);
let cacheDir: string | undefined;
const cache = () => (cacheDir ??= join(tmpdir(), 'confnotes-ocr-set', code()));

const keyOf = (what: unknown) =>
  createHash('sha256').update(JSON.stringify(what)).digest('hex').slice(0, 24);

function load(key: string): Pixels | undefined {
  const file = join(cache(), `${key}.rgba`);
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  const width = bytes.readUInt32LE(0);
  const height = bytes.readUInt32LE(4);
  // A copy with a buffer of its own: tesseract-wasm reads `data.buffer` from its start.
  const data = new Uint8ClampedArray(bytes.subarray(8, 8 + width * height * 4));
  return { width, height, data };
}

function save(key: string, p: Pixels): void {
  mkdirSync(cache(), { recursive: true });
  const head = Buffer.alloc(8);
  head.writeUInt32LE(p.width, 0);
  head.writeUInt32LE(p.height, 4);
  const file = join(cache(), `${key}.rgba`);
  // Written aside and renamed, so a test and the bench running at once never read half a file.
  const part = `${file}.${process.pid}.part`;
  writeFileSync(
    part,
    Buffer.concat([head, Buffer.from(p.data.buffer, p.data.byteOffset, p.data.length)]),
  );
  renameSync(part, file);
}

/** Where the set's pixels come from: the cache, else a Chromium started on first need. */
export interface OcrSet {
  pixels(shot: Shot): Promise<Pixels>;
  close(): Promise<void>;
}

export function openSet(): OcrSet {
  let painter: Promise<Painter> | undefined;
  const paint = () => (painter ??= openPainter());
  const drawn = async (slide: Slide): Promise<Pixels> => {
    const key = keyOf({ draw: slide });
    const cached = load(key);
    if (cached) return cached;
    const p = await (await paint()).draw(slide);
    save(key, p);
    return p;
  };
  return {
    async pixels(shot) {
      const key = keyOf({ slide: shot.slide, recipe: shot.recipe });
      const cached = load(key);
      if (cached) return cached;
      const r = shot.recipe;
      let p = await drawn(shot.slide);
      if (r.askew) p = askew(p, r.askew.seed, r.askew.tilt);
      if (r.blur) p = blur(p, r.blur);
      if (r.noise) p = noise(p, r.noise.sigma, random(r.noise.seed));
      if (r.width) p = downscale(p, r.width, Math.round((r.width * p.height) / p.width));
      if (r.jpeg) p = await (await paint()).jpeg(p);
      save(key, p);
      return p;
    },
    async close() {
      if (painter) await (await painter).close();
    },
  };
}

/** A page in Chromium that draws slides and passes pixels through the browser's JPEG. */
interface Painter {
  draw(slide: Slide): Promise<Pixels>;
  jpeg(p: Pixels): Promise<Pixels>;
  close(): Promise<void>;
}

/**
 * Pixels cross as raw bytes, never as base64 in the DevTools protocol's JSON (seconds a shot on
 * a busy machine): into the page by a GET from a server here (the page's own origin), out of it
 * as a download, which Chromium writes to a file (a POST's body would be copied into the
 * protocol's request events).
 */
async function openPainter(): Promise<Painter> {
  const outgoing = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const body = outgoing.get(req.url ?? '/');
    outgoing.delete(req.url ?? '/');
    res.setHeader('content-type', body ? 'application/octet-stream' : 'text/html');
    res.end(body ?? '<!doctype html><meta charset="utf-8"><body></body>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  /** Runs `work` in the page, which downloads its width x height pixels: those pixels. */
  const downloaded = async (work: Promise<string>, width: number, height: number) => {
    const [download, url] = await Promise.all([page.waitForEvent('download'), work]);
    const bytes = readFileSync(await download.path());
    await download.delete();
    await page.evaluate((u) => URL.revokeObjectURL(u), url);
    if (bytes.length !== width * height * 4)
      throw new Error(`Got ${bytes.length} bytes for ${width} x ${height}`);
    // A copy with a buffer of its own: tesseract-wasm reads `data.buffer` from its start.
    return { width, height, data: new Uint8ClampedArray(bytes) };
  };
  let n = 0;
  return {
    draw: (slide) =>
      downloaded(page.evaluate(draw, { slide, width: WIDTH, height: HEIGHT }), WIDTH, HEIGHT),
    jpeg(p) {
      const from = `/raw-${n++}`;
      outgoing.set(from, Buffer.from(p.data.buffer, p.data.byteOffset, p.data.length));
      const args = { from, width: p.width, height: p.height, quality: JPEG_QUALITY };
      return downloaded(page.evaluate(throughJpeg, args), p.width, p.height);
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

// In the page (serialised by Playwright: no imports, no closures).
async function draw({ slide, width, height }: { slide: Slide; width: number; height: number }) {
  const t = slide.template;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d')!;
  await document.fonts.load(`bold 72px "${t.font}"`);
  g.fillStyle = t.background;
  g.fillRect(0, 0, width, height);
  const margin = 110;
  g.textBaseline = 'alphabetic';
  // Title: in a band, or over an accent rule.
  if (t.band) {
    g.fillStyle = t.accent;
    g.fillRect(0, 0, width, 200);
    g.fillStyle = '#ffffff';
  } else {
    g.fillStyle = t.accent;
    g.fillRect(margin, 190, 240, 8);
    g.fillStyle = t.ink;
  }
  g.font = `bold 72px "${t.font}"`;
  g.fillText(slide.title, margin, 130);
  g.fillStyle = t.ink;
  if (slide.layout === 'bullets') {
    g.font = `46px "${t.font}"`;
    slide.lines.forEach((line, i) => {
      const y = 340 + i * 110;
      g.fillStyle = t.accent;
      g.beginPath();
      g.arc(margin + 14, y - 16, 10, 0, 2 * Math.PI);
      g.fill();
      g.fillStyle = t.ink;
      g.fillText(line, margin + 60, y, width - 2 * margin - 60);
    });
  } else {
    // A diagram: boxes in a row joined by arrows, a caption under them.
    const n = slide.lines.length;
    const gap = 90;
    const w = (width - 2 * margin - gap * (n - 1)) / n;
    const top = 420;
    const h = 200;
    g.font = `40px "${t.font}"`;
    g.textAlign = 'center';
    slide.lines.forEach((label, i) => {
      const x = margin + i * (w + gap);
      g.lineWidth = 6;
      g.strokeStyle = t.accent;
      g.strokeRect(x, top, w, h);
      g.fillStyle = t.ink;
      g.fillText(label, x + w / 2, top + h / 2 + 14, w - 30);
      if (i + 1 < n) {
        const y = top + h / 2;
        g.strokeStyle = t.ink;
        g.lineWidth = 5;
        g.beginPath();
        g.moveTo(x + w + 12, y);
        g.lineTo(x + w + gap - 30, y);
        g.stroke();
        g.beginPath();
        g.moveTo(x + w + gap - 12, y);
        g.lineTo(x + w + gap - 34, y - 14);
        g.lineTo(x + w + gap - 34, y + 14);
        g.fill();
      }
    });
    g.font = `italic 38px "${t.font}"`;
    g.fillText(slide.caption ?? '', width / 2, top + h + 150);
  }
  // Downloaded: see openPainter. The link's address is revoked once the file is read.
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([g.getImageData(0, 0, width, height).data]));
  link.download = 'drawn.rgba';
  link.click();
  return link.href;
}

// In the page: the image through the browser's JPEG encoder and decoder, as the app stores it.
async function throughJpeg(a: { from: string; width: number; height: number; quality: number }) {
  const data = new Uint8ClampedArray(await (await fetch(a.from)).arrayBuffer());
  const canvas = new OffscreenCanvas(a.width, a.height);
  canvas.getContext('2d')!.putImageData(new ImageData(data, a.width, a.height), 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: a.quality });
  const bitmap = await createImageBitmap(blob);
  const back = new OffscreenCanvas(a.width, a.height).getContext('2d')!;
  back.drawImage(bitmap, 0, 0);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([back.getImageData(0, 0, a.width, a.height).data]));
  link.download = 'jpeg.rgba';
  link.click();
  return link.href;
}

/** About normal, mean 0 and deviation 1 (Box-Muller). */
function gauss(rnd: Random): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

/**
 * The slide seen from a seat in a dim room, in a 2880 x 2160 photo: a projected slide (less
 * contrast, a light fall-off) on a dark wall, its corners where the seat puts them; then
 * straightened back to at most 1920 px by warpQuad from those corners, off by up to a pixel
 * as a finder's would be. `tilt` scales how askew the seat is (1: up to about 12 degrees).
 */
function askew(slide: Pixels, seed: number, tilt: number): Pixels {
  const rnd = random(seed);
  const W = 2880;
  const H = 2160;
  const jitter = (v: number) => v + (rnd() - 0.5) * 160 * tilt;
  const cx = W / 2 + (rnd() - 0.5) * 120;
  const cy = H / 2 + (rnd() - 0.5) * 120;
  const hw = 1000 + rnd() * 80;
  const hh = hw * (9 / 16);
  // A seat off to one side: the far side of the screen shorter than the near one.
  const lean = (rnd() < 0.5 ? -1 : 1) * (0.05 + rnd() * 0.07) * tilt;
  const corners: Quad = {
    topLeft: { x: jitter(cx - hw), y: jitter(cy - hh * (1 + lean)) },
    topRight: { x: jitter(cx + hw), y: jitter(cy - hh * (1 - lean)) },
    bottomRight: { x: jitter(cx + hw), y: jitter(cy + hh * (1 - lean)) },
    bottomLeft: { x: jitter(cx - hw), y: jitter(cy + hh * (1 + lean)) },
  };
  // The photo's corners in the slide's pixels, so that warpQuad draws the whole photo.
  const rect: Quad = {
    topLeft: { x: 0, y: 0 },
    topRight: { x: slide.width, y: 0 },
    bottomRight: { x: slide.width, y: slide.height },
    bottomLeft: { x: 0, y: slide.height },
  };
  const m = quadToQuad(corners, rect);
  const toSlide = (x: number, y: number) => apply(m, { x, y });
  const view: Quad = {
    topLeft: toSlide(0, 0),
    topRight: toSlide(W, 0),
    bottomRight: toSlide(W, H),
    bottomLeft: toSlide(0, H),
  };
  const photo = warpQuad(slide, view, W, H);
  const wall = 28 + rnd() * 20;
  const gain = 0.72 + rnd() * 0.15;
  const black = 14 + rnd() * 10;
  const d = photo.data;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4;
      const px = x + 0.5;
      const py = y + 0.5;
      const w = m[6]! * px + m[7]! * py + m[8]!;
      const sx = (m[0]! * px + m[1]! * py + m[2]!) / w;
      const sy = (m[3]! * px + m[4]! * py + m[5]!) / w;
      const inside = sx >= 0 && sy >= 0 && sx < slide.width && sy < slide.height;
      // The projector's light falls off away from the centre; the wall is lit by what spills.
      const r2 = ((x - cx) / W) ** 2 + ((y - cy) / H) ** 2;
      const light = 1 - 0.9 * r2;
      for (let c = 0; c < 3; c++) {
        d[o + c] = inside ? (black + d[o + c]! * gain) * light : wall * light * (0.9 + 0.1 * c);
      }
    }
  }
  const found: Quad = {
    topLeft: shift(corners.topLeft, rnd),
    topRight: shift(corners.topRight, rnd),
    bottomRight: shift(corners.bottomRight, rnd),
    bottomLeft: shift(corners.bottomLeft, rnd),
  };
  const size = straightSize(found, 16 / 9, WIDTH);
  return warpQuad(photo, found, size.width, size.height);
}

const shift = (p: { x: number; y: number }, rnd: Random) => ({
  x: p.x + (rnd() - 0.5) * 2,
  y: p.y + (rnd() - 0.5) * 2,
});

/** Gaussian blur of deviation `sigma`, one pass across and one down. */
function blur(src: Pixels, sigma: number): Pixels {
  const radius = Math.ceil(sigma * 3);
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, i) =>
    Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)),
  );
  const sum = kernel.reduce((a, b) => a + b);
  const k = kernel.map((v) => v / sum);
  const { width: w, height: h } = src;
  const pass = (from: Uint8ClampedArray, dx: number, dy: number) => {
    const out = new Uint8ClampedArray(from.length);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let r = 0;
        let g = 0;
        let b = 0;
        for (let i = -radius; i <= radius; i++) {
          const sx = Math.min(w - 1, Math.max(0, x + i * dx));
          const sy = Math.min(h - 1, Math.max(0, y + i * dy));
          const o = (sy * w + sx) * 4;
          const f = k[i + radius]!;
          r += from[o]! * f;
          g += from[o + 1]! * f;
          b += from[o + 2]! * f;
        }
        const o = (y * w + x) * 4;
        out[o] = r;
        out[o + 1] = g;
        out[o + 2] = b;
        out[o + 3] = 255;
      }
    }
    return out;
  };
  return { width: w, height: h, data: pass(pass(src.data, 1, 0), 0, 1) };
}

/** Sensor noise: mostly grey (luminance) noise of deviation `sigma`, a third of it per colour. */
function noise(src: Pixels, sigma: number, rnd: Random): Pixels {
  const data = new Uint8ClampedArray(src.data);
  for (let o = 0; o < data.length; o += 4) {
    const grey = gauss(rnd) * sigma;
    for (let c = 0; c < 3; c++) data[o + c] = data[o + c]! + grey + (gauss(rnd) * sigma) / 3;
  }
  return { width: src.width, height: src.height, data };
}
