// ETags as WebDAV servers give them. Apache (FileETag MTime Size, its default) marks a file's
// ETag weak (W/"x") for a second after a write, and a weak ETag never satisfies If-Match: the
// same file is compared weakly, and a 412 on a weak tag is retried once that second is over.

/** How long Apache keeps a new ETag weak (one second), and a little more. */
export const WEAK_MS = 1100;

/** ETags compared weakly: the same file's tag is W/"x" within a second of a write, "x" after. */
export const sameTag = (a: string, b: string | undefined) =>
  b !== undefined && a.replace(/^W\//, '') === b.replace(/^W\//, '');

/** Waits out the second a weak ETag lasts, when `etag` is one; at once otherwise. */
export async function outlastWeak(etag: string | undefined): Promise<void> {
  if (etag?.startsWith('W/')) await new Promise((r) => setTimeout(r, WEAK_MS));
}
