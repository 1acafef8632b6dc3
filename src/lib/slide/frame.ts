// Peeling a screen's frame off the slide: a TV's bezel, a projection screen's black border and
// the unlit screen round the projected slide all make a quad round the slide as well supported
// as the slide's own.
import { pixel, quantile, type Gradients } from './edges';
import { centre, corners, isConvex, type Point, type Quad } from './geometry';
import { along, meet, support, type Line } from './lines';
import { quadOf, type Candidate } from './quads';

/**
 * A screen's frame (a TV's bezel, a projection screen's border and unlit margin) makes a quad
 * round the slide as well supported as the slide's own. So each side moves inwards to the
 * nearest parallel line (within a tenth of the quad's size) such that all of the band between
 * them is darker than the slide's background (lit or shining); again from there, until no such
 * line is left. A margin of the slide's own background is no darker than itself, a title bar
 * holds a title, so peeling stops at the slide; and a deep band on one side alone is not
 * peeled first.
 */
export function peelFrames(
  best: Candidate,
  horizontal: Line[],
  vertical: Line[],
  g: Gradients,
  unit: number,
): Candidate {
  let lines = best.lines;
  let quad = best.quad;
  for (let round = 0; round < 6; round++) {
    const p = corners(quad);
    const { x: mx, y: my } = centre(quad);
    // The slide's background: most of a slide is background, so a low quantile of its inside
    // is the background even where dark content covers much of it.
    const background = interiorGrey(quad, g, 0.25);
    const deep = [false, false, false, false];
    const next = lines.map((l, i) => {
      if (l.border) return l;
      const before = lines[(i + 3) & 3]!;
      const after = lines[(i + 1) & 3]!;
      const a = p[i]!;
      const b = p[(i + 1) & 3]!;
      const size = Math.hypot(p[(i + 2) & 3]!.x - a.x, p[(i + 2) & 3]!.y - a.y);
      const inward = l.nx * mx + l.ny * my > l.c ? 1 : -1;
      let found = l;
      let nearest = Infinity;
      for (const cand of i % 2 ? vertical : horizontal) {
        if (cand === l || cand.border || Math.abs(cand.nx * l.nx + cand.ny * l.ny) < 0.9986)
          continue;
        const ca = meet(cand, before);
        const cb = meet(cand, after);
        if (!ca || !cb) continue;
        const da = inward * (l.nx * ca.x + l.ny * ca.y - l.c);
        const db = inward * (l.nx * cb.x + l.ny * cb.y - l.c);
        const depth = Math.max(da, db);
        if (Math.min(da, db) < 0.5 * unit || depth > 0.1 * size || depth >= nearest) continue;
        const ta = along(cand, ca);
        const tb = along(cand, cb);
        const trim = (tb - ta) * 0.03;
        if (support(cand, ta + trim, tb - trim) < 0.5) continue;
        if (!darkBand(a, b, ca, cb, g, background, unit)) continue;
        found = cand;
        nearest = depth;
        deep[i] = depth > 0.04 * size;
      }
      return found;
    }) as [Line, Line, Line, Line];
    // A frame goes round the slide (but for a side cut off or hidden); a deep band on one side
    // alone, before any frame was found, is more likely the slide's own (a title bar with no
    // title). Once a frame is found, a side may go on alone (a thicker bezel at the bottom).
    const moved = next.flatMap((l, i) => (l !== lines[i] ? [i] : []));
    if (!moved.length || (round === 0 && moved.length === 1 && deep[moved[0]!])) break;
    const q = quadOf(next);
    if (!q || !isConvex(q)) break;
    lines = next;
    quad = q;
  }
  return { ...best, quad, lines };
}

/**
 * Is the band between side oa-ob and side ia-ib a frame? A frame (bezel, unlit screen, its
 * border) is darker all across than the slide's background; a band of the slide itself is not:
 * it is the background, or holds letters and shapes as bright. Where glare lights a bezel, a
 * cross-section may instead be even and darker than the slide just inside it; that may be so
 * for fewer than half of them, and two may fail outright.
 */
function darkBand(
  oa: Point,
  ob: Point,
  ia: Point,
  ib: Point,
  g: Gradients,
  background: number,
  unit: number,
): boolean {
  const below = background - Math.max(3, g.noise);
  let dark = 0;
  let lit = 0;
  for (let k = 1; k < 20; k++) {
    const u = k / 20;
    const ox = oa.x + (ob.x - oa.x) * u;
    const oy = oa.y + (ob.y - oa.y) * u;
    const ix = ia.x + (ib.x - ia.x) * u;
    const iy = ia.y + (ib.y - ia.y) * u;
    const depth = Math.hypot(ix - ox, iy - oy);
    const ux = (ix - ox) / depth;
    const uy = (iy - oy) / depth;
    // Clear of the blur round both lines; a band too thin for that gives its middle.
    const margin = Math.min(1.5 * unit, depth / 2);
    let lo = Infinity;
    let hi = -Infinity;
    for (let d = margin; d <= depth - margin; d += unit) {
      const v = g.grey[pixel(g, ox + ux * d, oy + uy * d)]!;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (hi < below) {
      dark++;
      continue;
    }
    const rim = g.grey[pixel(g, ix + ux * 3 * unit, iy + uy * 3 * unit)]!;
    if (hi - lo < Math.max(6, 2 * g.noise) && hi < rim - Math.max(6, 2 * g.noise)) lit++;
  }
  return dark >= 10 && dark + lit >= 17;
}

/** The `q`-quantile of grey inside the quad, from a 15 x 15 grid of points spread over it. */
function interiorGrey(quad: Quad, g: Gradients, q: number): number {
  const values: number[] = [];
  for (let j = 1; j < 16; j++) {
    const v = j / 16;
    const lx = quad.topLeft.x + (quad.bottomLeft.x - quad.topLeft.x) * v;
    const ly = quad.topLeft.y + (quad.bottomLeft.y - quad.topLeft.y) * v;
    const rx = quad.topRight.x + (quad.bottomRight.x - quad.topRight.x) * v;
    const ry = quad.topRight.y + (quad.bottomRight.y - quad.topRight.y) * v;
    for (let i = 1; i < 16; i++) {
      const u = i / 16;
      values.push(g.grey[pixel(g, lx + (rx - lx) * u, ly + (ry - ly) * u)]!);
    }
  }
  return quantile(values, q);
}
