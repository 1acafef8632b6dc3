// File names inside the export zip: the conference slug, and the photos numbered in the order
// the write-up shows them ("images/xebicon-2019_01.jpg", the seed's naming).

/** ASCII, lowercase, dashes: "Xebicon 2019" gives "xebicon-2019"; accents are folded. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[øØ]/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'conference';
}

/** A slug not yet in `taken` (which it joins): "devoxx", then "devoxx-2". */
export function uniqueSlug(title: string, taken: Set<string>): string {
  const base = slugify(title);
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/gif': 'gif',
  'image/heic': 'heic',
  'image/heif': 'heif',
};

export function extensionOf(type: string): string {
  return EXTENSIONS[type.toLowerCase().split(';')[0]!.trim()] ?? 'jpg';
}

const TYPES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(EXTENSIONS).map(([type, ext]) => [ext, type])),
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** The image type a file name's extension gives ("a/b_01.JPG" gives image/jpeg), or "". */
export function typeOfFile(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 || name.includes('/', dot) ? '' : (TYPES[name.slice(dot + 1).toLowerCase()] ?? '');
}

/**
 * Names photos `<slug>_01.jpg` onward in the order given (document order first, then any photo
 * the document does not show); two digits at least, three or more past 99.
 */
export function nameImages(
  slug: string,
  photos: { id: string; type: string }[],
): Map<string, string> {
  const ids = [...new Map(photos.map((p) => [p.id, p])).values()];
  const width = Math.max(2, String(ids.length).length);
  return new Map(
    ids.map((p, i) => [
      p.id,
      `${slug}_${String(i + 1).padStart(width, '0')}.${extensionOf(p.type)}`,
    ]),
  );
}
