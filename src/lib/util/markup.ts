// Schedule text (Markdown, raw HTML or HTML that was entity-escaped) to safe HTML. Loaded only
// with the talk page. Nothing from a schedule may run script, load anything (from any host) or
// stop the page from rendering: a text too large or too deeply nested for `marked` is shown as
// plain paragraphs, and only a short list of tags and attributes that load nothing survives.
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { safeHref } from './href';

// Why a bound and not a worker: marked is recursive (2,000 nested `>` overflow its stack) and
// superlinear in list depth (600 levels took 5 s on the main thread). A worker would still
// spend those seconds and need an async render; a bound found in one linear scan costs nothing,
// and no real abstract comes near it (the longest in our five real schedules: 5,500 characters,
// 3 levels). Past it the words are all still there, as plain text.
export const MAX_MARKUP_CHARS = 20_000;
/** Nesting levels (quote markers, list markers, indentation, open HTML tags) marked is given. */
export const MAX_MARKUP_DEPTH = 32;
/** Plain text is cut here: a 20 MB abstract would take the page as long to lay out. */
const MAX_PLAIN_CHARS = 200_000;

// A whitelist, not a blacklist: whatever a tag or attribute loads (background, poster, srcset,
// xlink:href, ping, action, formaction, data, codebase, lowsrc, dynsrc, longdesc, style with
// url()...), it is not on these lists, and neither is anything a browser invents later.
export const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'details',
  'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hr', 'i', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'small', 'span',
  'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u',
  'ul', 'var',
]; // prettier-ignore
export const ALLOWED_ATTR = ['href', 'title', 'colspan', 'rowspan', 'start', 'lang', 'dir'];

/** Tags the HTML parser closes by itself: a run of them is a sequence, not nesting. */
const SELF_CLOSING = new Set(
  'p li dt dd tr td th option br hr img input meta link wbr area col source track'.split(' '),
);

/** The deepest nesting of the text, as far as marked and the HTML parser will see it. */
export function markupDepth(text: string): number {
  let deepest = 0;
  for (const line of text.split('\n')) {
    // Quote and list markers at the start of a line, and its indentation, each open a level.
    const prefix = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*/.exec(line);
    const lead = prefix?.[0] ?? '';
    const markers = lead.replace(/[ \t]/g, '').replace(/\d{1,9}[.)]/g, '.').length;
    const columns = lead.replace(/\t/g, '    ').replace(/[^ ]/g, '').length;
    deepest = Math.max(deepest, markers + Math.floor(columns / 4));
  }
  let open = 0;
  for (const m of text.matchAll(/<(\/?)([a-z][a-z0-9-]*)[^<>]*?(\/?)>/gi)) {
    const [, close, name = '', selfClose] = m;
    if (selfClose || SELF_CLOSING.has(name.toLowerCase())) continue;
    open = close ? Math.max(0, open - 1) : open + 1;
    deepest = Math.max(deepest, open);
  }
  return deepest;
}

/** Whether marked may be given the text at all. */
export function withinBounds(text: string): boolean {
  return text.length <= MAX_MARKUP_CHARS && markupDepth(text) <= MAX_MARKUP_DEPTH;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The text as escaped paragraphs: blank lines part them, single newlines break lines. */
export function plainHtml(text: string): string {
  const cut = text.length > MAX_PLAIN_CHARS ? `${text.slice(0, MAX_PLAIN_CHARS)}…` : text;
  return cut
    .split(/\n[ \t]*\n/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

let hooked = false;

function purifier() {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName !== 'A') return;
      // The same check as every other link from a schedule, plus mailto.
      const target = safeHref(node.getAttribute('href'), { mailto: true });
      if (target) {
        node.setAttribute('href', target);
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer nofollow');
      } else {
        node.removeAttribute('href');
      }
    });
    hooked = true;
  }
  return DOMPurify;
}

/** marked's HTML for the text, unsanitised; undefined when the text is past the bounds. */
export function markedHtml(text: string): string | undefined {
  if (!withinBounds(text)) return undefined;
  return marked.parse(text, { async: false, gfm: true, breaks: false });
}

export function renderMarkup(text: string): string {
  const html = markedHtml(text);
  // With no DOM (Node) DOMPurify cannot sanitise and would hand its input back: plain text then.
  if (html === undefined || !DOMPurify.isSupported) return plainHtml(text);
  return purifier().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  });
}
