// Every screen at 320, 360 and 412 px, in English and French, dark and light, on the
// production build: no visible text is cut or runs out of its box or off the screen, and no
// two controls lie on each other or run their labels together. The checks are one function run
// in the page (layoutProblems); a failure names the screen, the size, the language, the theme
// and the elements. LAYOUT_SHOTS=/some/folder keeps a full-page screenshot of each.
// The same walk runs axe-core on every screen at 360 px, English in the dark theme and French in
// the light one: any violation fails, named with its screen, rule, and the elements it found.
// One walk a language fills the app once for both.
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { dayButtons, fill, LOCALES, SCREENS, SCREEN_OPTIONS, type Lang } from './screens';

const SHOTS = process.env.LAYOUT_SHOTS;
const WIDTHS = [320, 360, 412];
const THEMES = ['dark', 'light'] as const;
/**
 * Where axe runs: each language once and each theme once (names and words differ by language,
 * contrast by theme), at one width; the layout checks cover all four pairings at every width.
 */
const AXE_WIDTH = 360;
const AXE_THEME: Record<Lang, (typeof THEMES)[number]> = { en: 'dark', fr: 'light' };

test.use(SCREEN_OPTIONS);

/**
 * What is wrong with the layout of the page as it is drawn now, one sentence each; runs in the
 * page. Looks only inside an open modal dialog when there is one (the rest is inert).
 *  - text cut: an element that hides its overflow (or sets text-overflow) holds text wider or
 *    taller than itself; text reaching past an ancestor that clips it;
 *  - text out of its box: a line wider than the box it is laid out in, or past the screen's
 *    left or right edge (unless inside something that scrolls sideways);
 *  - a placeholder longer than its field;
 *  - controls (links, buttons, fields, labels of controls) that overlap, or whose labels touch
 *    on one line so that they read as one word ("ProgrammeMaintenant"); controls off the screen;
 *  - a control in the page that stays under one fixed at the bottom even when scrolled to the end.
 */
function layoutProblems(): string[] {
  const problems = new Set<string>();
  const viewWidth = document.documentElement.clientWidth;
  const root: Element = document.querySelector('dialog:modal') ?? document.body;
  const css = (el: Element) => getComputedStyle(el);
  const SLACK = 1;

  const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  /** The tag and accessible text of an element, for the message. */
  function describe(el: Element): string {
    const tag = el.tagName.toLowerCase();
    const byIds = el
      .getAttribute('aria-labelledby')
      ?.split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    const labels = (el as HTMLInputElement).labels;
    const text =
      el.getAttribute('aria-label') ||
      words(byIds) ||
      (labels?.length ? words(labels[0]!.textContent) : '') ||
      words(el.textContent) ||
      el.getAttribute('placeholder') ||
      el.getAttribute('alt') ||
      el.getAttribute('title') ||
      '';
    const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
    return `${tag} "${words(short)}"`;
  }

  const hiddenMemo = new Map<Element, boolean>();
  /** Not drawn, or drawn only for screen readers (the visually-hidden pattern). */
  function hidden(el: Element | null): boolean {
    if (!el || el === document.documentElement) return false;
    const known = hiddenMemo.get(el);
    if (known !== undefined) return known;
    const s = css(el);
    const rect = el.getBoundingClientRect();
    const gone =
      !el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) ||
      (s.clipPath !== 'none' && s.clipPath.startsWith('inset(50%')) ||
      (s.position === 'absolute' && s.overflow === 'hidden' && rect.width <= 1) ||
      hidden(el.parentElement);
    hiddenMemo.set(el, gone);
    return gone;
  }

  const scrollsSideways = (s: CSSStyleDeclaration) =>
    s.overflowX === 'auto' || s.overflowX === 'scroll';
  const clips = (s: CSSStyleDeclaration) => s.overflowX === 'hidden' || s.overflowX === 'clip';
  /** The nearest ancestor that scrolls sideways, if any. */
  function scroller(el: Element): Element | undefined {
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement)
      if (scrollsSideways(css(a)) && a !== document.body) return a;
    return undefined;
  }
  /** The box a text node is laid out in: its nearest ancestor that is not an inline span. */
  function boxOf(el: Element): Element {
    let box = el;
    while (box.parentElement && ['inline', 'contents'].includes(css(box).display))
      box = box.parentElement;
    return box;
  }

  // Text, node by node.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !words(node.textContent)) continue;
    if (parent.closest('script, style, select, option, textarea, noscript, svg')) continue;
    if (hidden(parent)) continue;
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (!rects.length) continue;
    const left = Math.min(...rects.map((r) => r.left));
    const right = Math.max(...rects.map((r) => r.right));
    const top = Math.min(...rects.map((r) => r.top));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    const text = `"${words(node.textContent).slice(0, 40)}"`;
    const box = boxOf(parent);
    const b = box.getBoundingClientRect();
    if (!scrollsSideways(css(box)) && (left < b.left - SLACK || right > b.right + SLACK))
      problems.add(`text ${text} runs out of its box, ${describe(box)}`);
    // Cut by an ancestor that hides what overflows it (up to the first one that scrolls).
    for (let a: Element | null = parent; a && a !== document.body; a = a.parentElement) {
      const s = css(a);
      if (scrollsSideways(s)) break;
      if (!clips(s) && s.overflowY !== 'hidden' && s.overflowY !== 'clip') continue;
      const c = a.getBoundingClientRect();
      const cutX = clips(s) && (left < c.left - SLACK || right > c.right + SLACK);
      const cutY =
        (s.overflowY === 'hidden' || s.overflowY === 'clip') &&
        (top < c.top - SLACK || bottom > c.bottom + SLACK);
      if (cutX || cutY) problems.add(`text ${text} is cut by ${describe(a)}`);
    }
    if (!scroller(parent) && (left < -SLACK || right > viewWidth + SLACK))
      problems.add(
        `text ${text} runs off the screen (${Math.round(left)} to ${Math.round(right)} px)`,
      );
  }

  // Elements that hide their overflow (or mark it with an ellipsis) and hold text wider than
  // themselves; placeholders longer than their fields.
  const measure = document.createElement('canvas').getContext('2d')!;
  for (const el of root.querySelectorAll('*')) {
    if (hidden(el)) continue;
    const s = css(el);
    if (el instanceof HTMLInputElement && el.placeholder && !el.value) {
      measure.font = s.font;
      const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      // A search field keeps room for its clear button only once something is typed.
      if (measure.measureText(el.placeholder).width > room + SLACK)
        problems.add(`the placeholder of ${describe(el)} is cut: "${el.placeholder}"`);
    }
    if (el instanceof HTMLSelectElement && el.selectedOptions[0]) {
      // Chromium draws the choice in the padding box less 20 px for the arrow.
      measure.font = s.font;
      const shown = words(el.selectedOptions[0].textContent);
      const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - 20;
      if (measure.measureText(shown).width > room + SLACK)
        problems.add(`the choice shown in ${describe(el)} is cut: "${shown}"`);
    }
    if (!words(el.textContent) || el.matches('select, textarea, option')) continue;
    const ellipsis = s.textOverflow !== 'clip' && s.textOverflow !== '';
    if ((clips(s) || ellipsis) && el.scrollWidth > el.clientWidth + SLACK)
      problems.add(`${describe(el)} cuts its text (${el.scrollWidth} px in ${el.clientWidth})`);
    if (
      (s.overflowY === 'hidden' || s.overflowY === 'clip') &&
      el.scrollHeight > el.clientHeight + SLACK
    )
      problems.add(`${describe(el)} cuts its text at the bottom`);
  }
  if (document.documentElement.scrollWidth > viewWidth + SLACK)
    problems.add(`the page scrolls sideways (${document.documentElement.scrollWidth} px wide)`);

  // Controls.
  const selector =
    'a[href], button, input:not([type=hidden]), select, textarea, summary, label, [role=button], [tabindex]:not([tabindex="-1"])';
  const controls = [...root.querySelectorAll(selector)].filter(
    (el) =>
      !hidden(el) &&
      // A label counts when it labels a control (a file input's visible button is its label).
      (!(el instanceof HTMLLabelElement) || el.control !== null),
  );
  /** Fixed or sticky, itself or through an ancestor: where it is drawn depends on the scroll. */
  const floating = (el: Element) => {
    for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
      const p = css(a).position;
      if (p === 'fixed' || p === 'sticky') return p;
    }
    return false;
  };
  const related = (a: Element, b: Element) =>
    a.contains(b) ||
    b.contains(a) ||
    (a instanceof HTMLLabelElement && a.control === b) ||
    (b instanceof HTMLLabelElement && b.control === a);
  const overlap = (r: DOMRect, q: DOMRect) =>
    Math.min(r.right, q.right) - Math.max(r.left, q.left) > SLACK &&
    Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top) > SLACK;
  /** Where the control's own text is drawn. */
  function textRect(el: Element): DOMRect | undefined {
    const rects: DOMRect[] = [];
    const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = texts.nextNode(); n; n = texts.nextNode()) {
      if (!words(n.textContent) || hidden(n.parentElement)) continue;
      range.selectNodeContents(n);
      rects.push(...[...range.getClientRects()].filter((r) => r.width > 0));
    }
    if (!rects.length) return undefined;
    const l = Math.min(...rects.map((r) => r.left));
    const t = Math.min(...rects.map((r) => r.top));
    return new DOMRect(
      l,
      t,
      Math.max(...rects.map((r) => r.right)) - l,
      Math.max(...rects.map((r) => r.bottom)) - t,
    );
  }
  const boxes = controls.map((el) => ({
    el,
    rect: el.getBoundingClientRect(),
    text: textRect(el),
    floats: floating(el),
  }));
  for (const { el, rect } of boxes)
    if (!scroller(el) && (rect.left < -SLACK || rect.right > viewWidth + SLACK))
      problems.add(
        `${describe(el)} is off the screen (${Math.round(rect.left)} to ${Math.round(rect.right)} px)`,
      );
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if (related(a.el, b.el)) continue;
      // A control in the page and one fixed over it: checked at the end of the page, below.
      // (A button floating over a list is fine while the list can be scrolled from under it.)
      if (a.floats !== b.floats && (a.floats || b.floats) !== 'sticky') continue;
      if (overlap(a.rect, b.rect)) problems.add(`${describe(a.el)} and ${describe(b.el)} overlap`);
      else if (a.text && b.text) {
        const sameLine =
          Math.min(a.text.bottom, b.text.bottom) - Math.max(a.text.top, b.text.top) >
          Math.min(a.text.height, b.text.height) / 2;
        const gap = Math.max(a.text.left, b.text.left) - Math.min(a.text.right, b.text.right);
        const em = parseFloat(css(a.el).fontSize);
        if (sameLine && gap < em / 4)
          problems.add(`the labels of ${describe(a.el)} and ${describe(b.el)} run together`);
      }
    }
  }
  // Scrolled to the end, nothing in the page may stay under a control fixed at the bottom.
  const { scrollX, scrollY } = window;
  window.scrollTo(0, document.documentElement.scrollHeight);
  const bottom = boxes.filter(
    ({ el, floats }) => floats && el.getBoundingClientRect().top > window.innerHeight / 2,
  );
  for (const f of bottom)
    for (const { el, floats } of boxes)
      if (
        !floats &&
        !related(el, f.el) &&
        overlap(el.getBoundingClientRect(), f.el.getBoundingClientRect())
      )
        problems.add(`${describe(el)} stays under ${describe(f.el)} at the end of the page`);
  window.scrollTo(scrollX, scrollY);
  return [...problems];
}

/**
 * axe-core's violations on the page as it is drawn now, one line per element. AxeBuilder puts
 * axe-core in the page through the DevTools protocol (page.evaluate), which the
 * Content-Security-Policy does not govern: the csp fixture would fail the test if it did get in
 * the way.
 */
async function axe(page: Page, where: string): Promise<string[]> {
  // Legacy mode runs axe in the page in one call. The default finishes every run in a new
  // blank page, for frames from other origins, which the app has none of: four times slower here.
  const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
  return violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${where}: ${v.id} (${v.impact}): ${v.help}: ${node.target.join(' ')} ${node.html.slice(0, 120)}${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
    ),
  );
}

for (const lang of ['en', 'fr'] as Lang[]) {
  test.describe(`in ${lang === 'en' ? 'English' : 'French'}`, () => {
    test.use({ locale: LOCALES[lang] });
    // A guard against hangs, from the fixtures' set-up on (a loaded machine took a minute to
    // start the app's server): 42 screens opened, 84 layout checks and 14 axe runs.
    test.describe.configure({ timeout: 300_000 });

    test('every screen fits 320, 360 and 412 px, dark and light; axe finds no violation', async ({
      page,
      app,
    }) => {
      if (SHOTS) mkdirSync(SHOTS, { recursive: true });
      await page.setViewportSize({ width: 360, height: 740 });
      const filled = await fill(page, app, lang);
      // Each problem once, with the sizes and themes it shows in.
      const found = new Map<string, string[]>();
      const note = (what: string, where: string) =>
        found.set(what, [...(found.get(what) ?? []), where]);
      const violations: string[] = [];
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 740 });
        for (const screen of SCREENS) {
          await screen.open(page, filled);
          for (const theme of THEMES) {
            await page.emulateMedia({ colorScheme: theme });
            for (const problem of await page.evaluate(layoutProblems))
              note(`${screen.name}: ${problem}`, `${width} px ${theme}`);
            if (SHOTS && width < 400) {
              // What shows first, and (unless a dialog covers the screen) the whole page.
              const path = `${SHOTS}/${screen.name.replace(/\W+/g, '-')}-${width}-${lang}-${theme}`;
              await page.screenshot({ path: `${path}.png` });
              if (!screen.close)
                await page.screenshot({ path: `${path}-full.png`, fullPage: true });
            }
            if (width === AXE_WIDTH && theme === AXE_THEME[lang])
              violations.push(...(await axe(page, `${screen.name} (${lang}, ${theme})`)));
          }
          if (screen.name === 'schedule, last day') {
            // The strip scrolls sideways rather than squeeze, and shows the day chosen.
            const inView = await dayButtons(page)
              .last()
              .evaluate((el) => {
                const strip = el.parentElement!.getBoundingClientRect();
                const day = el.getBoundingClientRect();
                return day.left >= strip.left - 1 && day.right <= strip.right + 1;
              });
            if (!inView) note(`${screen.name}: the chosen day is out of view`, `${width} px`);
          }
          await screen.close?.(page, filled);
        }
      }
      const report = [...found].map(([what, where]) => `${what} (${lang}: ${where.join(', ')})`);
      expect.soft(report, 'layout problems').toEqual([]);
      expect(violations, 'axe violations').toEqual([]);
    });
  });
}
