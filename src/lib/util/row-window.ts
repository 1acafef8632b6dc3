// Which rows of a long list to lay out: those in sight plus a margin, the rest stood in for by
// padding of their height (measured once a row has been shown, else estimated). A day of a
// large schedule holds hundreds of talks, and a phone should only build the dozen on screen.

/** Rows [start, end) are laid out; `before` and `after` are the pixels the others take. */
export interface RowWindow {
  start: number;
  end: number;
  before: number;
  after: number;
}

/**
 * The rows that meet the band [top, bottom], in the list's own pixels (0 is the list's top),
 * with `margin` pixels more on each side. `heights[i]` is the row's measured height, or
 * undefined where it has not been shown yet and `estimate` stands in for it. A list out of the
 * band keeps its row nearest to it, so that Tab and a screen reader still step into the list
 * (which then scrolls into sight and lays out its neighbours). Row `keep` (the one holding the
 * focus) is laid out wherever it is, so that scrolling away does not drop the focus.
 */
export function rowWindow(
  heights: readonly (number | undefined)[],
  estimate: number,
  top: number,
  bottom: number,
  margin: number,
  keep?: number,
): RowWindow {
  const from = top - margin;
  const to = bottom + margin;
  let y = 0;
  let start = heights.length;
  let before = 0;
  for (let i = 0; i < heights.length; i++) {
    const h = heights[i] ?? estimate;
    if (y + h > from) {
      start = i;
      before = y;
      break;
    }
    y += h;
  }
  if (start === heights.length) {
    // The band is below the list: its last row stays.
    start = Math.max(0, heights.length - 1);
    before = y - (heights[start] ?? (heights.length ? estimate : 0));
  }
  let end = start;
  y = before;
  while (end < heights.length && (y < to || end === start)) y += heights[end++] ?? estimate;
  if (keep !== undefined && keep >= 0 && keep < heights.length) {
    if (keep < start) {
      start = keep;
      before = rowTop(heights, estimate, keep);
    }
    end = Math.max(end, keep + 1);
  }
  let after = 0;
  for (let i = end; i < heights.length; i++) after += heights[i] ?? estimate;
  return { start, end, before, after };
}

/** The top of row `index` in the list's pixels. */
export function rowTop(
  heights: readonly (number | undefined)[],
  estimate: number,
  index: number,
): number {
  let y = 0;
  for (let i = 0; i < index && i < heights.length; i++) y += heights[i] ?? estimate;
  return y;
}
