// Synthetic slide photos with known corners, for the slide finder's tests and accuracy bench.
// A slide (light or dark theme; text as lines of letter-shaped blocks, boxes, arrows, circles,
// a chart) is drawn with coverage anti-aliasing, then seen by a pinhole camera from a seat
// (yaw, pitch and roll, the principal point at the centre) on a wall with panels, a screen
// frame and a stage, rendered at photo size (1920 px) and reduced to about 480 px by an area
// average, as canvas drawImage does. Each kind of scene adds one difficulty. Deterministic:
// the same seed gives the same pixels.
import type { Pixels, Point, Quad } from '../../src/lib/slide/geometry';

export const SCENE_KINDS = [
  'clean',
  'noise',
  'blur',
  'dim',
  'glare',
  'heads',
  'cut',
  'screenshot',
] as const;
export type SceneKind = (typeof SCENE_KINDS)[number];

type RGB = [number, number, number];

export interface Scene extends ScenePlan {
  /** Renders the photo as taken, 1920 px wide (no noise or blur: those are the small copy's). */
  photo: () => Pixels;
  /**
   * The photo reduced to 480 px on its long side, as an area average does (for photos drawn
   * directly at that size, each pixel's regions sampled 4 x 4, see renderView), with the
   * kind's noise, blur or low light.
   */
  small: Pixels;
}

// ---------------------------------------------------------------------------------------------
// Randomness

export type Random = () => number;

/** mulberry32: a small seeded generator, uniform in [0, 1). */
export function random(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (rnd: Random, lo: number, hi: number) => lo + (hi - lo) * rnd();
const pick = <T>(rnd: Random, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
/** About normal, mean 0 and deviation 1 (a sum of four uniforms, Irwin-Hall). */
function gauss(rnd: Random): number {
  return (rnd() + rnd() + rnd() + rnd() - 2) * Math.sqrt(3);
}

// ---------------------------------------------------------------------------------------------
// Slides: shapes in slide units (height 1, width = aspect), drawn with coverage anti-aliasing

type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: RGB }
  | { kind: 'disc'; x: number; y: number; r: number; color: RGB }
  | { kind: 'ring'; x: number; y: number; r: number; width: number; color: RGB }
  | { kind: 'line'; a: Point; b: Point; width: number; color: RGB }
  | { kind: 'tri'; p: [Point, Point, Point]; color: RGB };

export interface SlideDesign {
  aspect: number;
  theme: 'light' | 'dark';
  background: RGB;
  shapes: Shape[];
}

const ACCENTS: RGB[] = [
  [37, 99, 235],
  [220, 38, 38],
  [22, 163, 74],
  [234, 88, 12],
  [147, 51, 234],
  [8, 145, 178],
  [202, 138, 4],
];

/** A slide of random content: title and bullets, a diagram, a chart, or a title page. */
export function designSlide(rnd: Random, aspect: number, theme: 'light' | 'dark'): SlideDesign {
  const light = theme === 'light';
  const g = light ? between(rnd, 232, 252) : between(rnd, 18, 48);
  const background: RGB = light
    ? [g, g - between(rnd, 0, 6), g - between(rnd, 0, 12)]
    : [g, g, g + between(rnd, 4, 22)];
  const ink: RGB = light ? [between(rnd, 15, 60), 30, 40] : [235, 235, between(rnd, 215, 245)];
  const accent = pick(rnd, ACCENTS);
  const shapes: Shape[] = [];
  const W = aspect;
  const m = between(rnd, 0.05, 0.09);
  let top = m;
  if (rnd() < 0.35) {
    // A header band the full width of the slide, with the title in it.
    const bandH = between(rnd, 0.12, 0.2);
    shapes.push({ kind: 'rect', x: 0, y: 0, w: W, h: bandH, color: accent });
    text(shapes, rnd, m, bandH * 0.35, W * between(rnd, 0.4, 0.75), bandH * 0.35, [250, 250, 250]);
    top = bandH + 0.06;
  } else {
    text(shapes, rnd, m, top, W * between(rnd, 0.35, 0.8), between(rnd, 0.05, 0.08), ink);
    top += 0.16;
  }
  if (rnd() < 0.4) {
    // A footer: a rule and a page number.
    shapes.push({ kind: 'rect', x: m, y: 0.92, w: W - 2 * m, h: 0.004, color: accent });
    text(shapes, rnd, W - m - 0.06, 0.945, 0.06, 0.025, ink);
  }
  const layout = pick(rnd, ['bullets', 'diagram', 'chart', 'title', 'columns'] as const);
  const bottom = 0.88;
  if (layout === 'bullets' || layout === 'columns') {
    const right = layout === 'columns' ? W * 0.5 : W - m;
    const lines = Math.floor(between(rnd, 3, 7));
    const size = between(rnd, 0.035, 0.05);
    const step = Math.min((bottom - top) / lines, size * 2.6);
    for (let i = 0; i < lines; i++) {
      const y = top + i * step;
      shapes.push({
        kind: 'disc',
        x: m + size * 0.4,
        y: y + size * 0.5,
        r: size * 0.22,
        color: accent,
      });
      text(
        shapes,
        rnd,
        m + size * 1.3,
        y,
        (right - m - size * 1.3) * between(rnd, 0.5, 1),
        size,
        ink,
      );
    }
    if (layout === 'columns') {
      const x = W * 0.55;
      const color: RGB = light ? [200, 210, 225] : [60, 70, 95];
      shapes.push({ kind: 'rect', x, y: top, w: W - m - x, h: bottom - top, color });
      shapes.push({
        kind: 'disc',
        x: x + (W - m - x) * 0.35,
        y: top + 0.12,
        r: 0.06,
        color: accent,
      });
      shapes.push({
        kind: 'tri',
        p: [
          { x: x + 0.02, y: bottom - 0.02 },
          { x: x + (W - m - x) * 0.5, y: top + 0.2 },
          { x: W - m - 0.02, y: bottom - 0.02 },
        ],
        color: [accent[0] * 0.6, accent[1] * 0.6, accent[2] * 0.6],
      });
    }
  } else if (layout === 'diagram') {
    const n = Math.floor(between(rnd, 2, 5));
    const bw = ((W - 2 * m) / n) * 0.62;
    const bh = between(rnd, 0.14, 0.24);
    const y = between(rnd, top + 0.02, bottom - bh - 0.1);
    const fill: RGB = light ? [225, 232, 245] : [50, 58, 80];
    for (let i = 0; i < n; i++) {
      const x = m + ((W - 2 * m) / n) * (i + 0.19);
      shapes.push({
        kind: 'rect',
        x: x - 0.006,
        y: y - 0.006,
        w: bw + 0.012,
        h: bh + 0.012,
        color: accent,
      });
      shapes.push({ kind: 'rect', x, y, w: bw, h: bh, color: fill });
      text(shapes, rnd, x + bw * 0.12, y + bh * 0.4, bw * 0.7, 0.03, ink);
      if (i + 1 < n) {
        const ax = x + bw + 0.015;
        const bx = x + (W - 2 * m) / n - 0.02;
        const cy = y + bh / 2;
        shapes.push({
          kind: 'line',
          a: { x: ax, y: cy },
          b: { x: bx - 0.02, y: cy },
          width: 0.008,
          color: ink,
        });
        const tip = [
          { x: bx, y: cy },
          { x: bx - 0.03, y: cy - 0.018 },
          { x: bx - 0.03, y: cy + 0.018 },
        ] as [Point, Point, Point];
        shapes.push({ kind: 'tri', p: tip, color: ink });
      }
    }
    const cy = Math.min(bottom - 0.06, y + bh + 0.14);
    shapes.push({ kind: 'ring', x: W / 2, y: cy, r: 0.05, width: 0.008, color: accent });
    text(shapes, rnd, W / 2 + 0.08, cy - 0.015, W * 0.25, 0.03, ink);
  } else if (layout === 'chart') {
    const x0 = m + 0.05;
    const y0 = bottom - 0.04;
    const cw = W * between(rnd, 0.45, 0.7);
    const ch = y0 - top;
    shapes.push({ kind: 'rect', x: x0, y: top, w: 0.006, h: ch, color: ink });
    shapes.push({ kind: 'rect', x: x0, y: y0, w: cw, h: 0.006, color: ink });
    const bars = Math.floor(between(rnd, 3, 8));
    for (let i = 0; i < bars; i++) {
      const bh = ch * between(rnd, 0.2, 0.95);
      const bx = x0 + 0.03 + (cw / bars) * i;
      shapes.push({
        kind: 'rect',
        x: bx,
        y: y0 - bh,
        w: (cw / bars) * 0.6,
        h: bh,
        color: i % 2 ? accent : pick(rnd, ACCENTS),
      });
    }
    for (let i = 0; i < 3; i++)
      text(shapes, rnd, x0 + cw + 0.05, top + 0.05 + i * 0.08, W - m - x0 - cw - 0.05, 0.03, ink);
  } else {
    text(shapes, rnd, W * 0.15, 0.42, W * 0.7, 0.08, ink);
    text(shapes, rnd, W * 0.25, 0.58, W * 0.5, 0.04, ink);
  }
  if (rnd() < 0.3) shapes.push({ kind: 'disc', x: W - m, y: m, r: 0.03, color: accent });
  return { aspect, theme, background, shapes };
}

/** A line of words made of letter-shaped blocks, `size` the x-height, from (x, y). */
function text(
  shapes: Shape[],
  rnd: Random,
  x: number,
  y: number,
  width: number,
  size: number,
  color: RGB,
) {
  let at = x;
  while (at < x + width - size * 2) {
    const letters = Math.floor(between(rnd, 2, 9));
    for (let i = 0; i < letters && at < x + width; i++) {
      const w = size * between(rnd, 0.45, 0.75);
      const tall = rnd();
      const up = tall < 0.2 ? size * 0.45 : 0;
      const down = tall > 0.9 ? size * 0.35 : 0;
      shapes.push({ kind: 'rect', x: at, y: y - up, w, h: size + up + down, color });
      at += w + size * 0.14;
    }
    at += size * 0.55;
  }
}

const h2 = (x: number, y: number) => x * x + y * y;
const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** The slide drawn straight at width x height, each shape blended by its pixel coverage. */
export function renderSlide(design: SlideDesign, width: number, height: number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  const s = height; // pixels per slide unit; the slide is `aspect` units wide
  const sx = width / design.aspect;
  const [br, bg, bb] = design.background;
  for (let o = 0; o < data.length; o += 4) {
    data[o] = br;
    data[o + 1] = bg;
    data[o + 2] = bb;
    data[o + 3] = 255;
  }
  const blend = (px: number, py: number, cover: number, c: RGB) => {
    if (cover <= 0) return;
    const o = (py * width + px) * 4;
    data[o] = data[o]! + (c[0] - data[o]!) * cover;
    data[o + 1] = data[o + 1]! + (c[1] - data[o + 1]!) * cover;
    data[o + 2] = data[o + 2]! + (c[2] - data[o + 2]!) * cover;
  };
  for (const sh of design.shapes) {
    if (sh.kind === 'rect') {
      const x0 = sh.x * sx;
      const x1 = (sh.x + sh.w) * sx;
      const y0 = sh.y * s;
      const y1 = (sh.y + sh.h) * s;
      for (let py = Math.max(0, Math.floor(y0)); py < Math.min(height, Math.ceil(y1)); py++) {
        const cy = clamp01(Math.min(py + 1, y1) - Math.max(py, y0));
        for (let px = Math.max(0, Math.floor(x0)); px < Math.min(width, Math.ceil(x1)); px++) {
          blend(px, py, cy * clamp01(Math.min(px + 1, x1) - Math.max(px, x0)), sh.color);
        }
      }
      continue;
    }
    // The rest by a signed distance in pixels (positive inside), coverage = distance + 0.5.
    let box: [number, number, number, number];
    let dist: (x: number, y: number) => number;
    if (sh.kind === 'disc' || sh.kind === 'ring') {
      const cx = sh.x * sx;
      const cy = sh.y * s;
      const r = sh.r * s;
      const half = sh.kind === 'ring' ? (sh.width * s) / 2 : 0;
      box = [cx - r - half, cy - r - half, cx + r + half, cy + r + half];
      dist =
        sh.kind === 'disc'
          ? (x, y) => r - Math.sqrt(h2(x - cx, y - cy))
          : (x, y) => half - Math.abs(Math.sqrt(h2(x - cx, y - cy)) - r);
    } else if (sh.kind === 'line') {
      const a = { x: sh.a.x * sx, y: sh.a.y * s };
      const b = { x: sh.b.x * sx, y: sh.b.y * s };
      const half = (sh.width * s) / 2;
      box = [
        Math.min(a.x, b.x) - half,
        Math.min(a.y, b.y) - half,
        Math.max(a.x, b.x) + half,
        Math.max(a.y, b.y) + half,
      ];
      const len2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
      dist = (x, y) => {
        const t = clamp01(((x - a.x) * (b.x - a.x) + (y - a.y) * (b.y - a.y)) / len2);
        return half - Math.sqrt(h2(x - a.x - t * (b.x - a.x), y - a.y - t * (b.y - a.y)));
      };
    } else {
      const p = sh.p.map((q) => ({ x: q.x * sx, y: q.y * s }));
      box = [
        Math.min(...p.map((q) => q.x)),
        Math.min(...p.map((q) => q.y)),
        Math.max(...p.map((q) => q.x)),
        Math.max(...p.map((q) => q.y)),
      ];
      const turn = Math.sign(
        (p[1]!.x - p[0]!.x) * (p[2]!.y - p[0]!.y) - (p[1]!.y - p[0]!.y) * (p[2]!.x - p[0]!.x),
      );
      dist = (x, y) => {
        let d = Infinity;
        for (let i = 0; i < 3; i++) {
          const a = p[i]!;
          const b = p[(i + 1) % 3]!;
          const len = Math.sqrt(h2(b.x - a.x, b.y - a.y));
          d = Math.min(d, (turn * ((b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x))) / len);
        }
        return d;
      };
    }
    const [bx0, by0, bx1, by1] = box;
    for (
      let py = Math.max(0, Math.floor(by0 - 1));
      py < Math.min(height, Math.ceil(by1 + 1));
      py++
    ) {
      for (
        let px = Math.max(0, Math.floor(bx0 - 1));
        px < Math.min(width, Math.ceil(bx1 + 1));
        px++
      ) {
        blend(px, py, clamp01(dist(px + 0.5, py + 0.5) + 0.5), sh.color);
      }
    }
  }
  return { width, height, data };
}

// ---------------------------------------------------------------------------------------------
// The camera: a pinhole from a seat, principal point at the photo's centre

/** 3 x 3 row-major: slide (u, v) in [0, 1]^2 (the wall beyond it) to photo pixels. */
type Mat = Float64Array;

function rot(yaw: number, pitch: number, roll: number): Mat {
  const [cy, sy] = [Math.cos(yaw), Math.sin(yaw)];
  const [cp, sp] = [Math.cos(pitch), Math.sin(pitch)];
  const [cr, sr] = [Math.cos(roll), Math.sin(roll)];
  const Ry = Float64Array.of(cy, 0, sy, 0, 1, 0, -sy, 0, cy);
  const Rx = Float64Array.of(1, 0, 0, 0, cp, -sp, 0, sp, cp);
  const Rz = Float64Array.of(cr, -sr, 0, sr, cr, 0, 0, 0, 1);
  return mul(Rz, mul(Rx, Ry));
}

function mul(a: Mat, b: Mat): Mat {
  const m = new Float64Array(9);
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 3; c++)
      m[r * 3 + c] = a[r * 3]! * b[c]! + a[r * 3 + 1]! * b[3 + c]! + a[r * 3 + 2]! * b[6 + c]!;
  return m;
}

function inv(m: Mat): Mat {
  const [a, b, c, d, e, f, g, h, i] = Array.from(m) as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return Float64Array.of(
    e * i - f * h,
    c * h - b * i,
    b * f - c * e,
    f * g - d * i,
    a * i - c * g,
    c * d - a * f,
    d * h - e * g,
    b * g - a * h,
    a * e - b * d,
  ).map((v) => v / det);
}

function toPhoto(m: Mat, u: number, v: number): Point {
  const w = m[6]! * u + m[7]! * v + m[8]!;
  return { x: (m[0]! * u + m[1]! * v + m[2]!) / w, y: (m[3]! * u + m[4]! * v + m[5]!) / w };
}

function quadOf(m: Mat, u0: number, v0: number, u1: number, v1: number): Quad {
  return {
    topLeft: toPhoto(m, u0, v0),
    topRight: toPhoto(m, u1, v0),
    bottomRight: toPhoto(m, u1, v1),
    bottomLeft: toPhoto(m, u0, v1),
  };
}

export function quadArea(q: Quad): number {
  const p = [q.topLeft, q.topRight, q.bottomRight, q.bottomLeft];
  let s = 0;
  for (let i = 0; i < 4; i++) s += p[i]!.x * p[(i + 1) % 4]!.y - p[(i + 1) % 4]!.x * p[i]!.y;
  return Math.abs(s) / 2;
}

interface View {
  /** Slide (u, v) to photo pixels. */
  m: Mat;
  /** Photo pixels to slide (u, v). */
  inv: Mat;
}

/**
 * A slide of `aspect` seen by a camera of focal length `f` px, turned by yaw, pitch and roll,
 * moved so that it covers `area` of the photo with its centre at `centre`.
 */
function look(
  W: number,
  H: number,
  f: number,
  aspect: number,
  angles: [number, number, number],
  area: number,
  centre: Point,
): View {
  const R = rot(...angles);
  const e1 = [R[0]! * aspect, R[3]! * aspect, R[6]! * aspect];
  const e2 = [R[1]!, R[4]!, R[7]!];
  const C = [0, 0, (f * aspect) / (0.7 * W)];
  let m = new Float64Array(9);
  for (let round = 0; round < 6; round++) {
    const o = [0, 1, 2].map((k) => C[k]! - 0.5 * e1[k]! - 0.5 * e2[k]!);
    const cols = [e1, e2, o];
    for (let c = 0; c < 3; c++) {
      m[c] = f * cols[c]![0]! + (W / 2) * cols[c]![2]!;
      m[3 + c] = f * cols[c]![1]! + (H / 2) * cols[c]![2]!;
      m[6 + c] = cols[c]![2]!;
    }
    const got = quadArea(quadOf(m, 0, 0, 1, 1)) / (W * H);
    const at = toPhoto(m, 0.5, 0.5);
    C[0] = C[0]! + ((centre.x - at.x) * C[2]!) / f;
    C[1] = C[1]! + ((centre.y - at.y) * C[2]!) / f;
    C[2] = C[2]! * Math.sqrt(got / area);
  }
  m = m.map((v) => v / m[8]!);
  return { m, inv: inv(m) };
}

// ---------------------------------------------------------------------------------------------
// The room and the photo

interface Room {
  style: 'tv' | 'projector' | 'wall';
  wall: RGB;
  /** Screen surface round the slide (projector) and the frame round that, in slide units. */
  surface: [number, number, number, number];
  frame: [number, number, number, number];
  surfaceColor: RGB;
  frameColor: RGB;
  /** Panels on the wall: u0, v0, u1, v1 and a brightness factor. */
  panels: [number, number, number, number, number][];
  light: number;
  gain: number;
  /** The stage's front edge: y = a + b x, and its colour. */
  stage: [number, number];
  stageColor: RGB;
  heads: { x: number; y: number; rx: number; ry: number; color: RGB }[];
  vignette: number;
  tilt: [number, number];
}

const SURFACE = 0;
const FRAME = 1;
const WALL = 2;
const STAGE = 3;
const SLIDE = 4;
const PANEL = 8;
const HEAD = 32;

function sceneRoom(rnd: Random, aspect: number): Room {
  const style = pick(rnd, ['tv', 'projector', 'projector', 'wall'] as const);
  const wallGrey = between(rnd, 60, 190);
  const tint = pick(rnd, [
    [1, 1, 1],
    [1.05, 1, 0.9],
    [0.9, 0.95, 1.05],
    [1.1, 0.95, 0.8],
  ] as RGB[]);
  const su = (lo: number, hi: number) => between(rnd, lo, hi) / aspect;
  const surface: [number, number, number, number] =
    style === 'projector'
      ? [su(0.01, 0.12), between(rnd, 0.01, 0.08), su(0.01, 0.12), between(rnd, 0.01, 0.12)]
      : [0, 0, 0, 0];
  const t = style === 'wall' ? 0 : between(rnd, 0.012, 0.035);
  const frame: [number, number, number, number] = [
    surface[0] + t / aspect,
    surface[1] + t,
    surface[2] + t / aspect,
    surface[3] + t * between(rnd, 1, 2.5),
  ];
  const panels: Room['panels'] = [];
  for (let i = Math.floor(between(rnd, 0, 4)); i > 0; i--) {
    const side = rnd() < 0.5 ? -1 : 1;
    const u0 = side < 0 ? between(rnd, -1.2, -0.5) : between(rnd, 1.2, 1.6);
    const v0 = between(rnd, -0.6, 0.6);
    panels.push([
      u0,
      v0,
      u0 + between(rnd, 0.15, 0.4),
      v0 + between(rnd, 0.3, 0.9),
      between(rnd, 0.75, 1.25),
    ]);
  }
  const fg = between(rnd, 8, 40);
  return {
    style,
    wall: tint.map((k) => wallGrey * k) as RGB,
    surface,
    frame,
    surfaceColor: [between(rnd, 185, 225), between(rnd, 185, 225), 225],
    frameColor: [fg, fg, fg + between(rnd, 0, 10)],
    panels,
    light: between(rnd, 0.45, 0.8),
    gain: between(rnd, 0.75, 1),
    stage: [0, 0],
    stageColor: [between(rnd, 20, 70), between(rnd, 15, 50), between(rnd, 10, 40)],
    heads: [],
    vignette: between(rnd, 0.1, 0.45),
    tilt: [between(rnd, -0.3, 0.3), between(rnd, -0.2, 0.2)],
  };
}

/**
 * Renders the room and the slide at `scale` output pixels per photo pixel: each pixel sampled
 * at its centre, and again 4 x 4 times where a neighbour is of another region (wall, frame,
 * slide, head...). The slide is sampled from `tex`, drawn near the size it has in the output.
 */
function renderView(
  W: number,
  H: number,
  scale: number,
  view: View,
  room: Room,
  tex: Pixels,
): Pixels {
  const w = Math.round(W * scale);
  const h = Math.round(H * scale);
  const data = new Uint8ClampedArray(w * h * 4);
  const im = view.inv;
  const td = tex.data;
  const tw = tex.width;
  const th = tex.height;
  const [fl, ft, fr, fb] = room.frame;
  const [sl, st, sr, sb] = room.surface;
  const headTop = Math.min(...room.heads.map((k) => k.y - k.ry));
  // A screen shines by itself; a projector adds its light to the wall's or screen's own (an
  // unlit projection screen in a dim room is grey: the light of the room on it is `ambient`).
  const ambient = room.style === 'tv' ? 0 : room.style === 'wall' ? 1 : 0.35;
  const base = room.style === 'projector' ? room.surfaceColor : room.wall;
  const [i0, i1, i2, i3, i4, i5, i6, i7, i8] = Array.from(im) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const { light, vignette, gain, heads, panels } = room;
  const [tiltX, tiltY] = room.tilt;
  const [stageY, stageSlope] = room.stage;
  const [sr0, sg0, sb0] = room.stageColor;
  const [br0, bg0, bb0] = base;
  const [ur, ug, ub] = room.surfaceColor;
  const [fr0, fg0, fb0] = room.frameColor;
  const [wr, wg, wb] = room.wall;
  // The colour of the last sample.
  let cr = 0;
  let cg = 0;
  let cb = 0;
  const set = (r: number, g: number, b: number) => {
    cr = r;
    cg = g;
    cb = b;
  };
  /** The region at photo point (x, y); its colour into rgb. */
  const sample = (x: number, y: number): number => {
    const pw = i6 * x + i7 * y + i8;
    // Behind the camera (pw <= 0) is no part of the wall.
    const inv = pw > 0 ? 1 / pw : 0;
    const u = pw > 0 ? (i0 * x + i1 * y + i2) * inv : -1e9;
    const v = pw > 0 ? (i3 * x + i4 * y + i5) * inv : -1e9;
    const dx = x / W - 0.5;
    const dy = y / H - 0.5;
    const lit = light * (1 - vignette * (dx * dx + dy * dy) * 2) * (1 + tiltX * dx + tiltY * dy);
    if (y >= headTop) {
      for (let k = 0; k < heads.length; k++) {
        const hd = heads[k]!;
        const ex = (x - hd.x) / hd.rx;
        const ey = (y - hd.y) / hd.ry;
        if (ex * ex + ey * ey <= 1) {
          const f = 0.6 + lit;
          set(hd.color[0] * f, hd.color[1] * f, hd.color[2] * f);
          return HEAD + k;
        }
      }
    }
    if (y > stageY + stageSlope * x) {
      const k = lit * (1 - 0.3 * dy);
      set(sr0 * k, sg0 * k, sb0 * k);
      return STAGE;
    }
    if (u >= 0 && u < 1 && v >= 0 && v < 1) {
      let tx = u * tw - 0.5;
      let ty = v * th - 0.5;
      if (tx < 0) tx = 0;
      else if (tx > tw - 1) tx = tw - 1;
      if (ty < 0) ty = 0;
      else if (ty > th - 1) ty = th - 1;
      const x0 = tx | 0;
      const y0 = ty | 0;
      const fx = tx - x0;
      const fy = ty - y0;
      const i00 = (y0 * tw + x0) * 4;
      const i01 = x0 + 1 < tw ? i00 + 4 : i00;
      const i10 = y0 + 1 < th ? i00 + tw * 4 : i00;
      const i11 = i10 + (i01 - i00);
      const w00 = (1 - fx) * (1 - fy);
      const w01 = fx * (1 - fy);
      const w10 = (1 - fx) * fy;
      const w11 = fx * fy;
      const a = ambient * lit;
      set(
        br0 * a + (td[i00]! * w00 + td[i01]! * w01 + td[i10]! * w10 + td[i11]! * w11) * gain,
        bg0 * a +
          (td[i00 + 1]! * w00 + td[i01 + 1]! * w01 + td[i10 + 1]! * w10 + td[i11 + 1]! * w11) *
            gain,
        bb0 * a +
          (td[i00 + 2]! * w00 + td[i01 + 2]! * w01 + td[i10 + 2]! * w10 + td[i11 + 2]! * w11) *
            gain,
      );
      return SLIDE;
    }
    if (u >= -sl && u < 1 + sr && v >= -st && v < 1 + sb) {
      const k = lit * 0.35;
      set(ur * k, ug * k, ub * k);
      return SURFACE;
    }
    if (u >= -fl && u < 1 + fr && v >= -ft && v < 1 + fb) {
      const k = 0.5 + lit;
      set(fr0 * k, fg0 * k, fb0 * k);
      return FRAME;
    }
    for (let k = 0; k < panels.length; k++) {
      const p = panels[k]!;
      if (u >= p[0] && u < p[2] && v >= p[1] && v < p[3]) {
        const f = lit * p[4];
        set(wr * f, wg * f, wb * f);
        return PANEL + k;
      }
    }
    set(wr * lit, wg * lit, wb * lit);
    return WALL;
  };
  const label = new Uint8Array(w * h);
  for (let j = 0, o = 0; j < h; j++) {
    for (let i = 0; i < w; i++, o++) {
      label[o] = sample((i + 0.5) / scale, (j + 0.5) / scale);
      data[o * 4] = cr;
      data[o * 4 + 1] = cg;
      data[o * 4 + 2] = cb;
      data[o * 4 + 3] = 255;
    }
  }
  // Pixels on a border between regions (a neighbour in another) get 4 x 4 samples: in a copy
  // reduced 4 times, one a photo pixel, as an area average of a photo rendered without
  // anti-aliasing gives.
  const n = 4;
  for (let j = 0, o = 0; j < h; j++) {
    for (let i = 0; i < w; i++, o++) {
      const l = label[o]!;
      if (
        (i === 0 || label[o - 1] === l) &&
        (i === w - 1 || label[o + 1] === l) &&
        (j === 0 || label[o - w] === l) &&
        (j === h - 1 || label[o + w] === l)
      )
        continue;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sj = 0; sj < n; sj++) {
        for (let si = 0; si < n; si++) {
          sample((i + (si + 0.5) / n) / scale, (j + (sj + 0.5) / n) / scale);
          r += cr;
          g += cg;
          b += cb;
        }
      }
      data[o * 4] = r / (n * n);
      data[o * 4 + 1] = g / (n * n);
      data[o * 4 + 2] = b / (n * n);
    }
  }
  return { width: w, height: h, data };
}

/** Adds a bright blob (a reflection, the projector's hot spot) centred at (cx, cy). */
function glare(p: Pixels, cx: number, cy: number, sigma: number, amount: number) {
  const r = Math.ceil(sigma * 3);
  for (let y = Math.max(0, Math.floor(cy - r)); y < Math.min(p.height, cy + r); y++) {
    for (let x = Math.max(0, Math.floor(cx - r)); x < Math.min(p.width, cx + r); x++) {
      const g =
        amount * Math.exp(-((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2) / (2 * sigma * sigma));
      const o = (y * p.width + x) * 4;
      p.data[o] = p.data[o]! + g;
      p.data[o + 1] = p.data[o + 1]! + g;
      p.data[o + 2] = p.data[o + 2]! + g * 0.95;
    }
  }
}

/** Area-average reduction to width x height, as canvas drawImage with smoothing does. */
export function downscale(src: Pixels, width: number, height: number): Pixels {
  width = Math.round(width);
  height = Math.round(height);
  const k = src.width / width;
  if (Number.isInteger(k) && k * height === src.height) return downscaleBy(src, k);
  const sx = src.width / width;
  const sy = src.height / height;
  const cols = weights(src.width, width, sx);
  const rows = weights(src.height, height, sy);
  const mid = new Float32Array(width * src.height * 3);
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < width; x++) {
      const [first, ws] = cols[x]!;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let k = 0; k < ws.length; k++) {
        const o = (y * src.width + first + k) * 4;
        r += src.data[o]! * ws[k]!;
        g += src.data[o + 1]! * ws[k]!;
        b += src.data[o + 2]! * ws[k]!;
      }
      const o = (y * width + x) * 3;
      mid[o] = r;
      mid[o + 1] = g;
      mid[o + 2] = b;
    }
  }
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const [first, ws] = rows[y]!;
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let k = 0; k < ws.length; k++) {
        const o = ((first + k) * width + x) * 3;
        r += mid[o]! * ws[k]!;
        g += mid[o + 1]! * ws[k]!;
        b += mid[o + 2]! * ws[k]!;
      }
      const o = (y * width + x) * 4;
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
      data[o + 3] = 255;
    }
  }
  return { width, height, data };
}

/** Area average over k x k blocks. */
function downscaleBy(src: Pixels, k: number): Pixels {
  const width = src.width / k;
  const height = src.height / k;
  const sum = new Float32Array(width * 3);
  const data = new Uint8ClampedArray(width * height * 4);
  const d = src.data;
  for (let y = 0; y < height; y++) {
    sum.fill(0);
    for (let j = 0; j < k; j++) {
      let o = (y * k + j) * src.width * 4;
      for (let x = 0; x < width; x++) {
        let r = 0;
        let g = 0;
        let b = 0;
        for (let i = 0; i < k; i++, o += 4) {
          r += d[o]!;
          g += d[o + 1]!;
          b += d[o + 2]!;
        }
        sum[x * 3] = sum[x * 3]! + r;
        sum[x * 3 + 1] = sum[x * 3 + 1]! + g;
        sum[x * 3 + 2] = sum[x * 3 + 2]! + b;
      }
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      data[o] = sum[x * 3]! / (k * k);
      data[o + 1] = sum[x * 3 + 1]! / (k * k);
      data[o + 2] = sum[x * 3 + 2]! / (k * k);
      data[o + 3] = 255;
    }
  }
  return { width, height, data };
}

/** For each output pixel, the first source pixel and the shares of the source pixels it covers. */
function weights(n: number, m: number, scale: number): [number, number[]][] {
  return Array.from({ length: m }, (_, i) => {
    const a = i * scale;
    const b = Math.min(n, (i + 1) * scale);
    const first = Math.floor(a);
    const ws: number[] = [];
    for (let k = first; k < b; k++) ws.push((Math.min(k + 1, b) - Math.max(k, a)) / scale);
    return [first, ws] as [number, number[]];
  });
}

/** Gaussian noise of `sigma` per channel plus a shared part (luma noise). */
function addNoise(p: Pixels, rnd: Random, sigma: number) {
  // Four normal values a pixel from a table of them, at a random place in it per pixel.
  const table = Float32Array.from({ length: 4100 }, () => gauss(rnd));
  const d = p.data;
  for (let o = 0; o < d.length; o += 4) {
    const t = (rnd() * 4096) | 0;
    const l = table[t]! * sigma * 0.8;
    d[o] = d[o]! + l + table[t + 1]! * sigma * 0.6;
    d[o + 1] = d[o + 1]! + l + table[t + 2]! * sigma * 0.6;
    d[o + 2] = d[o + 2]! + l + table[t + 3]! * sigma * 0.6;
  }
}

/** Gaussian blur of `sigma` px, separable, the edge pixels repeated outwards. */
function blur(p: Pixels, sigma: number) {
  const r = Math.ceil(sigma * 3);
  const k = Array.from({ length: 2 * r + 1 }, (_, i) =>
    Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)),
  );
  const total = k.reduce((a, b) => a + b, 0);
  const kern = Float32Array.from(k, (v) => v / total);
  const { width: w, height: h, data } = p;
  const n = Math.max(w, h);
  const line = new Float32Array(n + 2 * r);
  // One row or column of one channel at a time: copied out with its ends repeated, convolved back.
  const pass = (count: number, length: number, start: number, stride: number) => {
    for (let c = 0; c < 3; c++) {
      for (let i = 0; i < count; i++) {
        const o = start * i + c;
        for (let j = 0; j < length; j++) line[j + r] = data[o + j * stride]!;
        for (let j = 0; j < r; j++) {
          line[j] = line[r]!;
          line[length + r + j] = line[length + r - 1]!;
        }
        for (let j = 0; j < length; j++) {
          let sum = 0;
          for (let t = 0; t <= 2 * r; t++) sum += line[j + t]! * kern[t]!;
          data[o + j * stride] = sum;
        }
      }
    }
  };
  pass(h, w, w * 4, 4);
  pass(w, h, 4, w * 4);
}

/** Low light: the picture's range squeezed towards a raised black. */
function dim(p: Pixels, contrast: number, black: number) {
  for (let o = 0; o < p.data.length; o += 4)
    for (let c = 0; c < 3; c++) p.data[o + c] = black + p.data[o + c]! * contrast;
}

// ---------------------------------------------------------------------------------------------
// Scenes

/** The long side of the copy the finder gets. */
export const SMALL = 480;

const inside = (q: Quad, W: number, H: number, margin: number) =>
  [q.topLeft, q.topRight, q.bottomRight, q.bottomLeft].every(
    (p) =>
      p.x >= margin * W && p.x <= (1 - margin) * W && p.y >= margin * H && p.y <= (1 - margin) * H,
  );

/** Where the line through a and b crosses the horizontal y = c (or the vertical x = c). */
function cross(a: Point, b: Point, c: number, vertical: boolean): Point {
  if (vertical) {
    const t = (c - a.x) / (b.x - a.x);
    return { x: c, y: a.y + t * (b.y - a.y) };
  }
  const t = (c - a.y) / (b.y - a.y);
  return { x: a.x + t * (b.x - a.x), y: c };
}

/**
 * For a slide cut by one edge of the photo: the visible part (the cut side replaced by the
 * photo's edge), or undefined when the cut is not of one whole side.
 */
function cutPart(
  q: Quad,
  W: number,
  H: number,
  edge: 'top' | 'bottom' | 'left' | 'right',
): Quad | undefined {
  const m = 0.02;
  const { topLeft: a, topRight: b, bottomRight: c, bottomLeft: d } = q;
  const ok = (p: Point) => p.x > m * W && p.x < (1 - m) * W && p.y > m * H && p.y < (1 - m) * H;
  if (edge === 'top' && a.y < -0.01 * H && b.y < -0.01 * H && ok(c) && ok(d))
    return {
      topLeft: cross(d, a, 0, false),
      topRight: cross(c, b, 0, false),
      bottomRight: c,
      bottomLeft: d,
    };
  if (edge === 'bottom' && c.y > 1.01 * H && d.y > 1.01 * H && ok(a) && ok(b))
    return {
      topLeft: a,
      topRight: b,
      bottomRight: cross(b, c, H, false),
      bottomLeft: cross(a, d, H, false),
    };
  if (edge === 'left' && a.x < -0.01 * W && d.x < -0.01 * W && ok(b) && ok(c))
    return {
      topLeft: cross(b, a, 0, true),
      topRight: b,
      bottomRight: c,
      bottomLeft: cross(c, d, 0, true),
    };
  if (edge === 'right' && b.x > 1.01 * W && c.x > 1.01 * W && ok(a) && ok(d))
    return {
      topLeft: a,
      topRight: cross(a, b, W, true),
      bottomRight: cross(d, c, W, true),
      bottomLeft: d,
    };
  return undefined;
}

/** The cut part if its corners on the edge fall within the edge (no corner of the photo in it). */
function visiblePart(
  q: Quad,
  W: number,
  H: number,
  edge: 'top' | 'bottom' | 'left' | 'right',
): Quad | undefined {
  const part = cutPart(q, W, H, edge);
  const within = (p: Point) => p.x >= 0 && p.x <= W && p.y >= 0 && p.y <= H;
  return part && [part.topLeft, part.topRight, part.bottomRight, part.bottomLeft].every(within)
    ? part
    : undefined;
}

/** A scene's geometry and content, before any pixel is drawn. */
export interface ScenePlan {
  name: string;
  kind: SceneKind;
  /** The photo's size. */
  width: number;
  height: number;
  /**
   * Where the finder should put the corners, in photo pixels: the slide; for a screen cut by
   * the photo's edge, the visible part (the corners on the edge where the slide's sides cross
   * it). Undefined for screenshots: they must not be cropped.
   */
  truth: Quad | undefined;
  /** The whole slide's corners in photo pixels (outside the photo where it is cut). */
  slide: Quad | undefined;
  design: SlideDesign;
}

/** One scene of `kind`, the same for the same seed. */
export function makeScene(kind: SceneKind, seed: number): Scene {
  const { plan, draw } = planned(kind, seed);
  return { ...plan, ...draw() };
}

/** A scene's plan alone (cheap: nothing drawn), the same as makeScene's. */
export function planScene(kind: SceneKind, seed: number): ScenePlan {
  return planned(kind, seed).plan;
}

function planned(
  kind: SceneKind,
  seed: number,
): { plan: ScenePlan; draw: () => { photo: () => Pixels; small: Pixels } } {
  const rnd = random(seed * 7919 + SCENE_KINDS.indexOf(kind) * 104729 + 1);
  const aspect = rnd() < 0.6 ? 16 / 9 : 4 / 3;
  const theme = rnd() < 0.6 ? 'light' : 'dark';
  const design = designSlide(rnd, aspect, theme);
  const name = `${kind} ${seed} (${theme}, ${aspect > 1.5 ? '16:9' : '4:3'})`;
  if (kind === 'screenshot') {
    const W = 1920;
    const H = Math.round(W / aspect);
    const photo = () => renderSlide(design, W, H);
    const plan = { name, kind, width: W, height: H, truth: undefined, slide: undefined, design };
    // Drawn straight at the small size: each shape's exact coverage of a pixel is what an area
    // average of any larger drawing of it tends to (a test checks it against downscale).
    return {
      plan,
      draw: () => ({ photo, small: renderSlide(design, SMALL, Math.round((SMALL * H) / W)) }),
    };
  }
  const W = 1920;
  const H = rnd() < 0.65 ? 1440 : 1080;
  const room = sceneRoom(rnd, aspect);
  let view: View | undefined;
  let truth: Quad | undefined;
  for (let attempt = 0; attempt < 500 && !view; attempt++) {
    const f = W * between(rnd, 0.72, 1.05);
    const angles: [number, number, number] = [
      (between(rnd, -28, 28) * Math.PI) / 180,
      (between(rnd, -18, 6) * Math.PI) / 180,
      (between(rnd, -5, 5) * Math.PI) / 180,
    ];
    const cut = kind === 'cut' ? pick(rnd, ['top', 'bottom', 'left', 'right'] as const) : undefined;
    const area = cut ? between(rnd, 0.45, 0.85) : between(rnd, 0.3, 0.75);
    let centre = { x: W * between(rnd, 0.4, 0.6), y: H * between(rnd, 0.38, 0.58) };
    if (kind === 'heads') centre.y = H * between(rnd, 0.45, 0.58);
    if (cut) {
      const shift = between(rnd, 0.12, 0.35);
      centre = {
        x: centre.x + (cut === 'left' ? -shift * W : cut === 'right' ? shift * W : 0),
        y: centre.y + (cut === 'top' ? -shift * H : cut === 'bottom' ? shift * H : 0),
      };
    }
    const v = look(W, H, f, aspect, angles, area, centre);
    const q = quadOf(v.m, 0, 0, 1, 1);
    const outer = quadOf(v.m, -room.frame[0], -room.frame[1], 1 + room.frame[2], 1 + room.frame[3]);
    if (cut) {
      const part = visiblePart(q, W, H, cut);
      if (!part || quadArea(part) < 0.25 * W * H || quadArea(part) < 0.5 * quadArea(q)) continue;
      truth = part;
    } else {
      if (!inside(outer, W, H, 0.015)) continue;
      truth = q;
    }
    view = v;
  }
  if (!view || !truth) throw new Error(`no view for ${name}`);
  const slide = quadOf(view.m, 0, 0, 1, 1);
  // The stage's front edge, below the screen's frame, tilted like the slide's bottom.
  const outer = quadOf(
    view.m,
    -room.frame[0],
    -room.frame[1],
    1 + room.frame[2],
    1 + room.frame[3],
  );
  const slope =
    (slide.bottomRight.y - slide.bottomLeft.y) / (slide.bottomRight.x - slide.bottomLeft.x);
  const low = Math.max(
    outer.bottomLeft.y - slope * outer.bottomLeft.x,
    outer.bottomRight.y - slope * outer.bottomRight.x,
  );
  room.stage = [low + between(rnd, 0.03, 0.25) * H, slope * between(rnd, 0.5, 1.2)];
  if (kind === 'heads') {
    const people = Math.floor(between(rnd, 2, 6));
    for (let i = 0; i < people; i++) {
      const x = between(rnd, 0.05, 0.95) * W;
      const bottom =
        slide.bottomLeft.y +
        ((x - slide.bottomLeft.x) / (slide.bottomRight.x - slide.bottomLeft.x)) *
          (slide.bottomRight.y - slide.bottomLeft.y);
      const slideH = slide.bottomLeft.y - slide.topLeft.y;
      const rx = between(rnd, 0.035, 0.065) * W;
      const top = bottom - between(rnd, -0.02, 0.22) * slideH;
      const grey = between(rnd, 12, 60);
      const color: RGB = [grey * between(rnd, 1, 1.4), grey, grey * between(rnd, 0.7, 1)];
      room.heads.push({ x, y: top + rx * 1.3, rx, ry: rx * 1.3, color });
      room.heads.push({
        x: x + between(rnd, -0.3, 0.3) * rx,
        y: top + rx * 2.6 + rx * 3,
        rx: rx * between(rnd, 2.2, 3),
        ry: rx * 3.2,
        color: color.map((c) => c * 0.8) as RGB,
      });
    }
  }
  const spot =
    kind === 'glare'
      ? {
          at: toPhoto(view.m, between(rnd, 0.1, 0.9), between(rnd, 0.1, 0.9)),
          sigma: between(rnd, 0.06, 0.16) * W,
          amount: between(rnd, 90, 200),
        }
      : undefined;
  const render = (scale: number) => {
    const texW = Math.ceil(
      Math.max(
        slide.topRight.x - slide.topLeft.x,
        slide.bottomRight.x - slide.bottomLeft.x,
        400 / scale,
      ) * scale,
    );
    const tex = renderSlide(design, texW, Math.round(texW / aspect));
    const out = renderView(W, H, scale, view, room, tex);
    if (spot) glare(out, spot.at.x * scale, spot.at.y * scale, spot.sigma * scale, spot.amount);
    return out;
  };
  const draw = () => {
    const small = render(SMALL / W);
    if (kind === 'noise') addNoise(small, rnd, between(rnd, 5, 12));
    else if (kind === 'blur') blur(small, between(rnd, 1, 2.2));
    else if (kind === 'dim') {
      dim(small, between(rnd, 0.2, 0.38), between(rnd, 4, 18));
      addNoise(small, rnd, between(rnd, 1.5, 3.5));
    } else addNoise(small, rnd, 1.2);
    return { photo: () => render(1), small };
  };
  return { plan: { name, kind, width: W, height: H, truth, slide, design }, draw };
}

/** `perKind` scenes of every kind, seeds 1 .. perKind. */
export function sceneSet(perKind: number, kinds: readonly SceneKind[] = SCENE_KINDS): Scene[] {
  return kinds.flatMap((kind) => Array.from({ length: perKind }, (_, i) => makeScene(kind, i + 1)));
}

// ---------------------------------------------------------------------------------------------
// Scoring a finder on scenes

/** A corner this far (px in the 1920 px photo) or less from the truth is found. */
export const FOUND_WITHIN = 10;

export interface Outcome {
  scene: Scene;
  /** The finder's answer, in the small copy's pixels. */
  quad: Quad | undefined;
  /** The finder's corners scaled to the photo, or undefined for no crop. */
  found: Quad | undefined;
  /** The worst corner's distance from the truth, px in the photo (no crop where one is due: Infinity). */
  error: number;
  verdict: 'found' | 'missed' | 'wrong' | 'left alone' | 'false crop';
}

/** Runs `find` on each scene's small copy and compares with the truth. */
export function judge(scene: Scene, find: (image: Pixels) => Quad | undefined): Outcome {
  const q = find(scene.small);
  const k = 1920 / scene.small.width;
  const found = q && {
    topLeft: { x: q.topLeft.x * k, y: q.topLeft.y * k },
    topRight: { x: q.topRight.x * k, y: q.topRight.y * k },
    bottomRight: { x: q.bottomRight.x * k, y: q.bottomRight.y * k },
    bottomLeft: { x: q.bottomLeft.x * k, y: q.bottomLeft.y * k },
  };
  if (!scene.truth)
    return { scene, quad: q, found, error: 0, verdict: found ? 'false crop' : 'left alone' };
  if (!found) return { scene, quad: q, found, error: Infinity, verdict: 'missed' };
  const t = scene.truth;
  const error = Math.max(
    Math.hypot(found.topLeft.x - t.topLeft.x, found.topLeft.y - t.topLeft.y),
    Math.hypot(found.topRight.x - t.topRight.x, found.topRight.y - t.topRight.y),
    Math.hypot(found.bottomRight.x - t.bottomRight.x, found.bottomRight.y - t.bottomRight.y),
    Math.hypot(found.bottomLeft.x - t.bottomLeft.x, found.bottomLeft.y - t.bottomLeft.y),
  );
  return { scene, quad: q, found, error, verdict: error <= FOUND_WITHIN ? 'found' : 'wrong' };
}

export interface KindSummary {
  kind: SceneKind;
  scenes: number;
  /** Photos: corners found within FOUND_WITHIN. */
  found: number;
  missed: number;
  /** Photos: a crop with a corner further off. */
  wrong: number;
  /** Screenshots: left as they are, or cropped. */
  leftAlone: number;
  falseCrops: number;
  /** Worst-corner errors of the scenes found, px in the photo, ascending. */
  errors: number[];
  median: number;
  p90: number;
}

/** Per kind: how many found, missed, wrong (or false crops), and the errors of those found. */
export function summarise(outcomes: Outcome[]): KindSummary[] {
  const kinds = SCENE_KINDS.filter((k) => outcomes.some((o) => o.scene.kind === k));
  return kinds.map((kind) => {
    const mine = outcomes.filter((o) => o.scene.kind === kind);
    const errors = mine
      .filter((o) => o.verdict === 'found')
      .map((o) => o.error)
      .sort((a, b) => a - b);
    const at = (q: number) => (errors.length ? errors[Math.ceil(q * errors.length) - 1]! : NaN);
    const count = (v: Outcome['verdict']) => mine.filter((o) => o.verdict === v).length;
    return {
      kind,
      scenes: mine.length,
      found: count('found'),
      leftAlone: count('left alone'),
      missed: count('missed'),
      wrong: count('wrong'),
      falseCrops: count('false crop'),
      errors,
      median: at(0.5),
      p90: at(0.9),
    };
  });
}
