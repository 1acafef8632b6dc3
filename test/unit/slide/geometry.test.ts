// Homographies between quads: the four corners land exactly, maps go back and forth, convexity
// is what a user would call a quad; and straightening a checkerboard photographed through an
// independent camera model gives the checkerboard back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apply,
  area,
  corners,
  isConvex,
  mapPoint,
  quadToQuad,
  rectToQuad,
  squareToQuad,
  type Pixels,
  type Point,
  type Quad,
} from '../../../src/lib/slide/geometry';
import { straightSize, warpQuad } from '../../../src/lib/slide/warp';

const quadOf = (p: Point[]): Quad => ({
  topLeft: p[0]!,
  topRight: p[1]!,
  bottomRight: p[2]!,
  bottomLeft: p[3]!,
});
const near = (a: Point, b: Point, tolerance: number) =>
  expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeLessThanOrEqual(tolerance);

/** A convex quad: each corner of a rectangle moved inwards by less than a third of its size. */
const convexQuad = fc
  .record({
    x: fc.double({ min: -500, max: 500, noNaN: true }),
    y: fc.double({ min: -500, max: 500, noNaN: true }),
    w: fc.double({ min: 20, max: 2000, noNaN: true }),
    h: fc.double({ min: 20, max: 2000, noNaN: true }),
    moves: fc.array(fc.double({ min: 0, max: 0.3, noNaN: true }), {
      minLength: 8,
      maxLength: 8,
    }),
  })
  .map(({ x, y, w, h, moves: m }) =>
    quadOf([
      { x: x + m[0]! * w, y: y + m[1]! * h },
      { x: x + w - m[2]! * w, y: y + m[3]! * h },
      { x: x + w - m[4]! * w, y: y + h - m[5]! * h },
      { x: x + m[6]! * w, y: y + h - m[7]! * h },
    ]),
  );

describe('homography', () => {
  const unit = [
    { x: 0, y: 0 },
    { x: 1, y: 0 },
    { x: 1, y: 1 },
    { x: 0, y: 1 },
  ];

  it('takes the unit square onto the quad, corner by corner', () => {
    fc.assert(
      fc.property(convexQuad, (q) => {
        const m = squareToQuad(q);
        const size = Math.sqrt(area(q));
        corners(q).forEach((c, i) => near(apply(m, unit[i]!), c, 1e-9 * size));
      }),
    );
  });

  it('takes one quad onto another, corner by corner', () => {
    fc.assert(
      fc.property(convexQuad, convexQuad, (from, to) => {
        const m = quadToQuad(from, to);
        const size = Math.sqrt(area(to));
        corners(from).forEach((c, i) => near(apply(m, c), corners(to)[i]!, 1e-7 * size));
      }),
    );
  });

  it('takes a rectangle onto the quad', () => {
    const q = quadOf([
      { x: 10, y: 20 },
      { x: 300, y: 5 },
      { x: 280, y: 200 },
      { x: 30, y: 190 },
    ]);
    const m = rectToQuad(640, 360, q);
    near(apply(m, { x: 0, y: 0 }), q.topLeft, 1e-9);
    near(apply(m, { x: 640, y: 0 }), q.topRight, 1e-9);
    near(apply(m, { x: 640, y: 360 }), q.bottomRight, 1e-9);
    near(apply(m, { x: 0, y: 360 }), q.bottomLeft, 1e-9);
  });

  it('maps a point there and back (mapPoint)', () => {
    fc.assert(
      fc.property(
        convexQuad,
        convexQuad,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (from, to, u, v) => {
          // A point inside `from`, by its place in the unit square.
          const p = apply(squareToQuad(from), { x: u, y: v });
          const back = mapPoint(to, from, mapPoint(from, to, p));
          near(back, p, 1e-6 * Math.sqrt(area(from)));
        },
      ),
    );
  });

  it('composes: from a to b then b to c is a to c', () => {
    fc.assert(
      fc.property(convexQuad, convexQuad, convexQuad, (a, b, c) => {
        const p = apply(squareToQuad(a), { x: 0.3, y: 0.6 });
        near(mapPoint(b, c, mapPoint(a, b, p)), mapPoint(a, c, p), 1e-6 * Math.sqrt(area(c)));
      }),
    );
  });

  it('keeps the centre of a parallelogram where an affine map does', () => {
    const from = quadOf([
      { x: 0, y: 0 },
      { x: 4, y: 0 },
      { x: 4, y: 2 },
      { x: 0, y: 2 },
    ]);
    const to = quadOf([
      { x: 10, y: 10 },
      { x: 18, y: 12 },
      { x: 20, y: 16 },
      { x: 12, y: 14 },
    ]);
    near(mapPoint(from, to, { x: 2, y: 1 }), { x: 15, y: 13 }, 1e-9);
  });
});

describe('isConvex', () => {
  it('holds for every quad of the generator', () => {
    fc.assert(fc.property(convexQuad, (q) => isConvex(q)));
  });

  it.each<[string, Point[]]>([
    [
      'corners in the wrong order (a bow tie)',
      [
        { x: 0, y: 0 },
        { x: 10, y: 10 },
        { x: 10, y: 0 },
        { x: 0, y: 10 },
      ],
    ],
    [
      'corners named anticlockwise',
      [
        { x: 0, y: 0 },
        { x: 0, y: 10 },
        { x: 10, y: 10 },
        { x: 10, y: 0 },
      ],
    ],
    [
      'a dent',
      [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 4, y: 4 },
        { x: 0, y: 10 },
      ],
    ],
    [
      'three corners in a line',
      [
        { x: 0, y: 0 },
        { x: 5, y: 0 },
        { x: 10, y: 0 },
        { x: 0, y: 10 },
      ],
    ],
    [
      'all in one point',
      [
        { x: 3, y: 3 },
        { x: 3, y: 3 },
        { x: 3, y: 3 },
        { x: 3, y: 3 },
      ],
    ],
    [
      'not a number',
      [
        { x: NaN, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 10 },
        { x: 0, y: 10 },
      ],
    ],
  ])('is false for %s', (_, p) => {
    expect(isConvex(quadOf(p))).toBe(false);
  });
});

/**
 * A checkerboard of `cells` x `rows` squares of `size` px, photographed by a pinhole camera
 * turned by yaw, pitch and roll; its corners and the photo. The projection is written here from
 * the camera, not from the code under test.
 */
function photographBoard(
  angles: [number, number, number],
  cells: number,
  rows: number,
): { photo: Pixels; quad: Quad } {
  const [yaw, pitch, roll] = angles;
  const W = 320;
  const H = 240;
  const f = 300;
  const [cy, sy, cp, sp, cr, sr] = [
    Math.cos(yaw),
    Math.sin(yaw),
    Math.cos(pitch),
    Math.sin(pitch),
    Math.cos(roll),
    Math.sin(roll),
  ];
  // Board point (u, v) in [0, cells] x [0, rows], centred, rotated, 2.2 units away per cell.
  const depth = cells * 2.2;
  const toCamera = (u: number, v: number): [number, number, number] => {
    let x = u - cells / 2;
    let y = v - rows / 2;
    let z = 0;
    [x, z] = [cy * x + sy * z, -sy * x + cy * z];
    [y, z] = [cp * y - sp * z, sp * y + cp * z];
    [x, y] = [cr * x - sr * y, sr * x + cr * y];
    return [x, y, z + depth];
  };
  const project = (u: number, v: number): Point => {
    const [x, y, z] = toCamera(u, v);
    return { x: W / 2 + (f * x) / z, y: H / 2 + (f * y) / z };
  };
  // The photo: for each pixel, the board point seen there, by intersecting the ray with the
  // board's plane (2 x 2 samples a pixel).
  const [ox, oy, oz] = toCamera(0, 0);
  const [ux, uy, uz] = toCamera(1, 0).map((c, i) => c - [ox, oy, oz][i]!) as [
    number,
    number,
    number,
  ];
  const [vx, vy, vz] = toCamera(0, 1).map((c, i) => c - [ox, oy, oz][i]!) as [
    number,
    number,
    number,
  ];
  const [nx, ny, nz] = [uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx];
  const data = new Uint8ClampedArray(W * H * 4);
  for (let py = 0; py < H; py++) {
    for (let px = 0; px < W; px++) {
      let sum = 0;
      for (let s = 0; s < 4; s++) {
        const rx = (px + ((s & 1) + 0.5) / 2 - W / 2) / f;
        const ry = (py + ((s >> 1) + 0.5) / 2 - H / 2) / f;
        const t = (nx * ox + ny * oy + nz * oz) / (nx * rx + ny * ry + nz);
        // hit - o = u e_u + v e_v, e_u and e_v being orthogonal.
        const [dx, dy, dz] = [rx * t - ox, ry * t - oy, t - oz];
        const u = (dx * ux + dy * uy + dz * uz) / (ux * ux + uy * uy + uz * uz);
        const v = (dx * vx + dy * vy + dz * vz) / (vx * vx + vy * vy + vz * vz);
        const inside = u >= 0 && u < cells && v >= 0 && v < rows;
        sum += inside ? ((Math.floor(u) + Math.floor(v)) % 2 ? 30 : 220) : 120;
      }
      const o = (py * W + px) * 4;
      data[o] = data[o + 1] = data[o + 2] = sum / 4;
      data[o + 3] = 255;
    }
  }
  return {
    photo: { width: W, height: H, data },
    quad: quadOf([project(0, 0), project(cells, 0), project(cells, rows), project(0, rows)]),
  };
}

/** Mean absolute difference from the straight checkerboard, over the red channel. */
function boardError(straight: Pixels, cells: number, rows: number): number {
  let sum = 0;
  for (let y = 0; y < straight.height; y++) {
    for (let x = 0; x < straight.width; x++) {
      const u = ((x + 0.5) / straight.width) * cells;
      const v = ((y + 0.5) / straight.height) * rows;
      const want = (Math.floor(u) + Math.floor(v)) % 2 ? 30 : 220;
      sum += Math.abs(straight.data[(y * straight.width + x) * 4]! - want);
    }
  }
  return sum / (straight.width * straight.height);
}

describe('warpQuad', () => {
  const angle = (max: number) => fc.double({ min: -max, max, noNaN: true });

  it('straightens a photographed checkerboard back into a checkerboard', () => {
    fc.assert(
      fc.property(angle(0.5), angle(0.35), angle(0.1), (yaw, pitch, roll) => {
        const { photo, quad } = photographBoard([yaw, pitch, roll], 8, 6);
        const out = warpQuad(photo, quad, 160, 120);
        expect(out.width).toBe(160);
        expect(out.height).toBe(120);
        // A cell is 20 px; resampling blurs each cell border over about a pixel: a mean of 3
        // to 8 levels of the 190 contrast. Corners 1 px off would add some 10.
        expect(boardError(out, 8, 6)).toBeLessThan(10);
      }),
      { numRuns: 12 },
    );
  });

  it('would see a quad a few pixels off', () => {
    const { photo, quad } = photographBoard([0.3, -0.2, 0.05], 8, 6);
    const shifted = quadOf(corners(quad).map((p) => ({ x: p.x + 6, y: p.y + 4 })));
    expect(boardError(warpQuad(photo, shifted, 160, 120), 8, 6)).toBeGreaterThan(40);
  });

  it('fills alpha and clamps samples outside the image to its edge', () => {
    const data = new Uint8ClampedArray(2 * 2 * 4).fill(0);
    data.set([200, 100, 50, 0], 0);
    data.set([200, 100, 50, 0], 8);
    const src = { width: 2, height: 2, data };
    // A quad twice the image's size around it: the left column is (200, 100, 50).
    const out = warpQuad(
      src,
      quadOf([
        { x: -2, y: -2 },
        { x: 4, y: -2 },
        { x: 4, y: 4 },
        { x: -2, y: 4 },
      ]),
      6,
      6,
    );
    for (let y = 0; y < 6; y++) {
      expect([...out.data.subarray(y * 24, y * 24 + 4)]).toEqual([200, 100, 50, 255]);
      expect([...out.data.subarray(y * 24 + 20, y * 24 + 24)]).toEqual([0, 0, 0, 255]);
    }
  });

  it('gives the same picture from pixels at any byte offset (32-bit words or bytes)', () => {
    const { photo, quad } = photographBoard([0.3, -0.2, 0.05], 8, 6);
    const shifted = new Uint8ClampedArray(photo.data.length + 1);
    shifted.set(photo.data, 1);
    const odd = { width: photo.width, height: photo.height, data: shifted.subarray(1) };
    const a = warpQuad(photo, quad, 150, 110);
    const b = warpQuad(odd, quad, 150, 110);
    let diff = 0;
    for (let i = 0; i < a.data.length; i++) {
      expect(Math.abs(a.data[i]! - b.data[i]!)).toBeLessThanOrEqual(2);
      diff += Math.abs(a.data[i]! - b.data[i]!);
    }
    expect(diff / a.data.length).toBeLessThan(0.5);
  });

  it('survives a degenerate quad and an empty image', () => {
    const { photo } = photographBoard([0, 0, 0], 8, 6);
    const point = quadOf([0, 1, 2, 3].map(() => ({ x: 5, y: 5 })));
    const out = warpQuad(photo, point, 8, 8);
    expect(out.data).toHaveLength(8 * 8 * 4);
    const empty = warpQuad({ width: 0, height: 0, data: new Uint8ClampedArray(0) }, point, 3, 2);
    expect([...empty.data]).toEqual([
      0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255,
    ]);
  });

  it('averages several samples a pixel when shrinking a lot (no aliasing of fine stripes)', () => {
    // Vertical stripes one pixel wide, shrunk 4 times: each output pixel is their average.
    const W = 64;
    const data = new Uint8ClampedArray(W * W * 4);
    for (let i = 0; i < W * W; i++) data.set([i % 2 ? 255 : 0, 0, 0, 255], i * 4);
    const out = warpQuad(
      { width: W, height: W, data },
      quadOf([
        { x: 0, y: 0 },
        { x: W, y: 0 },
        { x: W, y: W },
        { x: 0, y: W },
      ]),
      16,
      16,
    );
    for (let i = 0; i < 16 * 16; i++) expect(Math.abs(out.data[i * 4]! - 128)).toBeLessThan(20);
  });
});

describe('straightSize', () => {
  const q = quadOf([
    { x: 100, y: 100 },
    { x: 1700, y: 150 },
    { x: 1650, y: 1000 },
    { x: 120, y: 950 },
  ]);

  it('gives the aspect, long side at most the limit', () => {
    expect(straightSize(q, 16 / 9, 1280)).toEqual({ width: 1280, height: 720 });
    expect(straightSize(q, 4 / 3, 1024)).toEqual({ width: 1024, height: 768 });
  });

  it('never upscales beyond the quad: the long side is at most its longest side', () => {
    const small = quadOf(corners(q).map((p) => ({ x: p.x / 10, y: p.y / 10 })));
    const { width, height } = straightSize(small, 16 / 9, 1920);
    expect(width).toBe(160);
    expect(height).toBe(90);
  });

  it('is whole pixels, at least 1, for any aspect and limit', () => {
    fc.assert(
      fc.property(
        convexQuad,
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0.5, max: 4000, noNaN: true }),
        (quad, aspect, longSide) => {
          const { width, height } = straightSize(quad, aspect, longSide);
          expect(Number.isInteger(width) && Number.isInteger(height)).toBe(true);
          expect(width).toBeGreaterThanOrEqual(1);
          expect(height).toBeGreaterThanOrEqual(1);
          expect(Math.max(width, height)).toBeLessThanOrEqual(Math.max(1, longSide));
        },
      ),
    );
  });

  it('is portrait for a ratio below 1', () => {
    expect(straightSize(q, 0.75, 800)).toEqual({ width: 600, height: 800 });
  });
});
