// The files of an export zip, produced one at a time (images fetched a batch at a time, as the
// zip writer reaches them), and the way back: a zip read into a checked archive and its images by photo id.
import type { Photo } from '../model/types';
import { toAsciiDoc } from './asciidoc';
import { ArchiveError, parseArchiveJson, toArchiveJson, type ArchiveRecords } from './json';
import type { ConfnotesArchive } from './json';
import { toMarkdown } from './markdown';
import { documentPhotos, type ExportInput } from './model';
import { nameImages, uniqueSlug } from './slug';
import { ARCHIVE_WORDS } from './words';
import type { ZipEntry } from './zip';
import { ARCHIVE_JSON, readZip } from './zip-read';

export interface ExportPlan {
  docs: { input: ExportInput; slug: string; imageName: (photoId: string) => string }[];
  /** Every image to write, in zip order: document order first, per conference. */
  images: { id: string; file: string; type: string; takenAt?: number }[];
}

/**
 * Slugs and image names for the conferences exported. Photos of `photos` that no document
 * shows (the Unsorted tray) follow the shown ones under their conference's slug.
 */
export function planExport(inputs: ExportInput[], photos: Photo[]): ExportPlan {
  const taken = new Set<string>();
  const images: ExportPlan['images'] = [];
  const placed = new Set<string>();
  const byId = new Map(photos.map((p) => [p.id, p]));
  const docs = inputs.map((input) => {
    const slug = uniqueSlug(input.conference.title, taken);
    const shown = documentPhotos(input).filter((p) => !placed.has(p.id));
    const shownIds = new Set(shown.map((p) => p.id));
    const others = photos.filter(
      (p) => p.conferenceId === input.conference.id && !shownIds.has(p.id) && !placed.has(p.id),
    );
    const names = nameImages(slug, [...shown, ...others]);
    for (const [id, name] of names) {
      placed.add(id);
      const type = byId.get(id)?.type ?? shown.find((p) => p.id === id)?.type ?? 'image/jpeg';
      images.push({ id, file: `images/${name}`, type, takenAt: byId.get(id)?.takenAt });
    }
    const imageName = (id: string) => {
      const name = names.get(id);
      if (name === undefined) throw new Error(`No image name planned for photo ${id}`);
      return name;
    };
    return { input, slug, imageName };
  });
  const loose = photos.filter((p) => !placed.has(p.id));
  for (const [id, name] of nameImages(uniqueSlug('photos', taken), loose)) {
    images.push({ id, file: `images/${name}`, type: byId.get(id)!.type });
  }
  return { docs, images };
}

export type RecordsToExport = Omit<ArchiveRecords, 'photos'> & { photos: Photo[] };

/** Images asked of the database at a time: one read each, not one per image. */
export const IMAGES_ASKED = 32;

/**
 * The zip's files in order: each conference's .adoc and .md, confnotes.json, then the images,
 * asked of `imageBytes` by photo id when the writer gets to them, `IMAGES_ASKED` at a time
 * (with their CRC-32 when stored).
 */
export async function* archiveEntries(
  inputs: ExportInput[],
  records: RecordsToExport,
  imageBytes: (photoIds: string[]) => Promise<ImageBytes[]>,
  exportedAt = new Date(),
): AsyncGenerator<ZipEntry> {
  const plan = planExport(inputs, records.photos);
  for (const { input, slug, imageName } of plan.docs) {
    yield { name: `${slug}.adoc`, lastModified: exportedAt, input: toAsciiDoc(input, imageName) };
    yield { name: `${slug}.md`, lastModified: exportedAt, input: toMarkdown(input, imageName) };
  }
  const files = new Map(plan.images.map((i) => [i.id, i.file]));
  const photos = records.photos.map((p) => ({ ...p, file: files.get(p.id)! }));
  yield {
    name: ARCHIVE_JSON,
    lastModified: exportedAt,
    input: toArchiveJson({ ...records, photos }, exportedAt),
  };
  for (let at = 0; at < plan.images.length; at += IMAGES_ASKED) {
    const images = plan.images.slice(at, at + IMAGES_ASKED);
    const bytes = await imageBytes(images.map((i) => i.id));
    for (const [i, image] of images.entries()) {
      const { blob, crc } = bytes[i]!;
      const lastModified = image.takenAt ? new Date(image.takenAt) : exportedAt;
      yield { name: image.file, lastModified, input: blob, crc };
    }
  }
}

/** An image's bytes, and their CRC-32 when known (see StoredBlob). */
export interface ImageBytes {
  blob: Blob;
  crc?: number | undefined;
}

export interface ImportedArchive {
  archive: ConfnotesArchive;
  /**
   * Image bytes by photo id, typed from the photo record, with the CRC-32 they were checked
   * against.
   */
  images: Map<string, Required<ImageBytes>>;
}

/** A Confnotes zip read and checked; nothing is written anywhere. */
export async function readArchive(zip: Blob): Promise<ImportedArchive> {
  const files = await readZip(zip);
  const archive = parseArchiveJson(await files.get(ARCHIVE_JSON)!.text());
  const images: ImportedArchive['images'] = new Map();
  for (const photo of archive.photos) {
    const blob = files.get(photo.file);
    if (!blob) {
      throw new ArchiveError(ARCHIVE_WORDS.missingImage, { file: photo.file });
    }
    images.set(photo.id, {
      blob: blob.type === photo.type ? blob : blob.slice(0, blob.size, photo.type),
      crc: files.crcs.get(photo.file)!,
    });
  }
  return { archive, images };
}
