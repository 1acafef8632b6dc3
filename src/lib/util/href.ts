// The one check a URL from a schedule, a zip or a sync folder passes before it becomes a link:
// an absolute http(s) address (mailto too, for links inside markup), read by the same WHATWG
// URL parser the browser applies to href, so no spelling of a scheme can carry a script.

const WEB = new Set(['http:', 'https:']);
const WEB_OR_MAIL = new Set(['http:', 'https:', 'mailto:']);

/**
 * The href to render for `raw`, or undefined when it must not be a link. `URL` strips leading
 * and trailing spaces and control characters and every tab and newline, as the browser does,
 * so `java\tscript:` and ` javascript:` are seen for what they are; entities are not decoded
 * in an attribute set from script, so `&#106;avascript:` is no scheme at all and is refused
 * with every other relative address (there is no base to resolve it against).
 */
export function safeHref(raw: unknown, opts: { mailto?: boolean } = {}): string | undefined {
  if (typeof raw !== 'string' || raw.length > 8192) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const allowed = opts.mailto ? WEB_OR_MAIL : WEB;
  if (!allowed.has(url.protocol)) return undefined;
  // `http:foo` parses with the host "foo"; an address with no host is no place to go.
  if (url.protocol !== 'mailto:' && url.hostname === '') return undefined;
  return url.href;
}

/** The links that may be rendered, each address once (first label wins), in the given order. */
export function safeLinks(
  links: { url: unknown; label: string }[],
): { href: string; label: string }[] {
  const byHref = new Map<string, string>();
  for (const { url, label } of links) {
    const href = safeHref(url);
    if (href && !byHref.has(href)) byHref.set(href, label);
  }
  return [...byHref].map(([href, label]) => ({ href, label }));
}
