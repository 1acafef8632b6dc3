// A long list on a phone lays out only the rows in sight (rowWindow), its other rows standing in
// as padding; every row laid out carries its place in the whole list (aria-posinset/setsize),
// so a screen reader still says "37 of 266". Heights measured once stay known for the session,
// so coming back to a list finds its rows where they were.
import { untrack } from 'svelte';
import { rowTop, rowWindow, type RowWindow } from '../../lib/util/row-window';

/**
 * Heights of rows already shown, by row key, at the list width they were measured at. Not
 * reactive on purpose: a window reads it again when its own version changes.
 */
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const measured = new Map<string, number>();
let measuredWidth = 0;
let sum = 0;

/** Until a row has been measured: about a talk row of two lines. */
const FIRST_ESTIMATE = 80;
/** Rows for one screen beyond the one in sight, above and below. */
const margin = () => innerHeight;

/**
 * After the next frame, once the browser is idle (Safari has no requestIdleCallback); the
 * function returned cancels it.
 */
function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(run, 50);
    return () => clearTimeout(timer);
  }
  const id = requestIdleCallback(run, { timeout: 500 });
  return () => cancelIdleCallback(id);
}

function remember(key: string, height: number): boolean {
  const old = measured.get(key);
  if (old !== undefined && Math.abs(old - height) < 0.5) return false;
  sum += height - (old ?? 0);
  measured.set(key, height);
  return true;
}

/**
 * A list hidden meanwhile (the day's, while a search shows its hits) keeps its window and its
 * rows' heights as they were: measured hidden, every row would be 0 px high, at width 0.
 */
const hidden = (list: HTMLElement) => list.getClientRects().length === 0;

/** Where a row should come back to: its key and its top in the viewport. */
export interface RowAnchor {
  key: string;
  top: number;
}

export class ListWindow {
  readonly #keys: () => string[];
  #list: HTMLElement | undefined;
  /** The band in sight, in the list's pixels; before mounting, the first screen. */
  #band = $state({ top: 0, bottom: typeof innerHeight === 'number' ? innerHeight : 800 });
  /** Bumped when a height is measured, so the window is worked out again. */
  #version = $state(0);
  /** The row holding the focus, kept laid out. */
  #focused = $state<number | undefined>(undefined);
  #anchor: RowAnchor | undefined;
  /**
   * Rows the list has not laid out before (a new list, a new search's hits) come in sight
   * first: the margin around them waits until the browser is idle, so a keystroke or a tap
   * builds a screen of rows, not three. `#bare` is the list of keys still without margin.
   */
  #bare: string[] | undefined;
  #widened = $state(0);
  /** Cancels the margin's wait for idle time, while there is one. */
  #widening: (() => void) | undefined;

  constructor(keys: () => string[], anchor?: RowAnchor) {
    this.#keys = keys;
    this.#anchor = anchor;
  }

  #estimate(): number {
    return measured.size ? sum / measured.size : FIRST_ESTIMATE;
  }

  #heights(keys: string[]): (number | undefined)[] {
    return keys.map((k) => measured.get(k));
  }

  range: RowWindow = $derived.by(() => {
    void this.#version;
    void this.#widened;
    const keys = this.#keys();
    if (keys !== this.#shownKeys) {
      this.#shownKeys = keys;
      // A list coming back to a row it showed before is built whole: it must land exactly.
      this.#bare = this.#anchor ? undefined : keys;
    }
    return this.#windowAt(keys, this.#band);
  });
  #shownKeys: string[] | undefined;

  /** The rows to lay out for the band in sight: with their margin, unless still bare. */
  #windowAt(keys: string[], band: { top: number; bottom: number }): RowWindow {
    const around = this.#bare === keys ? 0 : margin();
    return rowWindow(
      this.#heights(keys),
      this.#estimate(),
      band.top,
      band.bottom,
      around,
      this.#focused,
    );
  }

  /** Lays out the margin of rows around those in sight, at idle (see `#bare`). */
  #widen() {
    if (this.#widening || !this.#bare) return;
    this.#widening = whenIdle(() => {
      this.#widening = undefined;
      this.#bare = undefined;
      this.#widened++;
    });
  }

  /** Follows the page's scrolling and the list's width; the focus keeps its row laid out. */
  attach = (list: HTMLElement) => {
    this.#list = list;
    let frame = 0;
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), this.#follow()));
    };
    const onFocus = (e: FocusEvent) => {
      const row = (e.target as Element).closest('li[aria-posinset]');
      this.#focused = row ? Number(row.getAttribute('aria-posinset')) - 1 : undefined;
    };
    const onBlur = (e: FocusEvent) => {
      if (!list.contains(e.relatedTarget as Node | null)) this.#focused = undefined;
    };
    addEventListener('scroll', onScroll, { passive: true });
    addEventListener('resize', onScroll);
    list.addEventListener('focusin', onFocus);
    list.addEventListener('focusout', onBlur);
    // An attachment runs again when state it reads changes: this one follows the page instead.
    untrack(() => this.#follow());
    return () => {
      cancelAnimationFrame(frame);
      removeEventListener('scroll', onScroll);
      removeEventListener('resize', onScroll);
      list.removeEventListener('focusin', onFocus);
      list.removeEventListener('focusout', onBlur);
      this.#widening?.();
      this.#widening = undefined;
      this.#list = undefined;
    };
  };

  /** Moves the band to what is in sight, when that lays out other rows. */
  #follow() {
    const list = this.#list;
    if (!list || hidden(list)) return;
    const top = -list.getBoundingClientRect().top;
    const band = { top, bottom: top + innerHeight };
    const next = this.#windowAt(this.#keys(), band);
    if (next.start !== this.range.start || next.end !== this.range.end) this.#band = band;
  }

  /**
   * Measures the rows laid out (call it from an effect that reads `range`, so it runs after each
   * change to the DOM), then brings the anchored row back to where it was, once.
   */
  measure(): void {
    const list = this.#list;
    const { start } = this.range;
    if (!list || hidden(list)) return;
    this.#steady(list, start);
    if (list.clientWidth !== measuredWidth) {
      measured.clear();
      sum = 0;
      measuredWidth = list.clientWidth;
    }
    const keys = this.#keys();
    let changed = false;
    const rows = list.children;
    for (let i = 0; i < rows.length; i++) {
      const key = keys[start + i];
      if (key !== undefined)
        changed = remember(key, (rows[i] as HTMLElement).offsetHeight) || changed;
    }
    // The anchored row first, then what is in sight is held (after that scroll) against the
    // padding about to change.
    this.#restore(keys);
    if (changed) {
      // Only a change of the padding above needs holding: other changes the browser's scroll
      // anchoring takes care of, and at the top of the page nothing must move at all.
      const before = rowTop(this.#heights(keys), this.#estimate(), start);
      if (Math.abs(before - this.range.before) >= 0.5) this.#hold = this.#firstInSight(list, start);
      this.#version++;
    }
    this.#follow();
    this.#widen();
  }

  /**
   * Heights measured above the screen change the padding and move what is in sight: the row
   * first in sight before goes back to where it was. The browser's scroll anchoring, which
   * keeps the rows still when something above the list grows, is suspended by a change of
   * padding (CSS Scroll Anchoring, "suppression triggers"), so the list does this one itself.
   */
  #hold: { index: number; top: number; scrollY: number } | undefined;

  #firstInSight(list: HTMLElement, start: number) {
    const rows = list.children;
    for (let i = 0; i < rows.length; i++) {
      const top = rows[i]!.getBoundingClientRect();
      if (top.bottom > 0) return { index: start + i, top: top.top, scrollY };
    }
    return undefined;
  }

  #steady(list: HTMLElement, start: number) {
    const hold = this.#hold;
    this.#hold = undefined;
    // Only for the layout the new heights made: once the page has scrolled since, the hold
    // is stale, and applying it would undo that scroll.
    const row = hold && hold.scrollY === scrollY && list.children[hold.index - start];
    if (row) {
      const moved = row.getBoundingClientRect().top - hold.top;
      if (Math.abs(moved) >= 0.5) scrollBy(0, moved);
    }
  }

  #restore(keys: string[]) {
    const anchor = this.#anchor;
    const list = this.#list;
    if (!anchor || !list || keys.length === 0) return;
    const index = keys.indexOf(anchor.key);
    if (index < 0) {
      this.#anchor = undefined;
      return;
    }
    const { start, end } = this.range;
    if (index >= start && index < end) {
      const row = list.children[index - start] as HTMLElement;
      scrollBy(0, row.getBoundingClientRect().top - anchor.top);
      this.#anchor = undefined;
    } else {
      // Not laid out yet: scroll to where it should be, which lays it out; the next
      // measure puts it exactly in place.
      const y =
        list.getBoundingClientRect().top + rowTop(this.#heights(keys), this.#estimate(), index);
      scrollBy(0, y - anchor.top);
    }
  }
}
