// Export and import of Confnotes zips for the screens: progress in bytes, Cancel, and the
// way out (the share sheet where the browser takes files, else a download). The zip handed to
// share or download is made of the database's own image Blobs: no image is copied.
import { archiveEntries, readArchive } from '../../lib/export/archive';
import type { ExportChoice } from '../../lib/db/archive-repo';
import { ArchiveRepo } from '../../lib/db/archive-repo';
import { appDb } from '../../lib/db/db';
import { slugify } from '../../lib/export/slug';
import { exportZip } from '../../lib/export/zip';
import { makeMissingThumbnails } from './capture.svelte';
import { explain, i18n, t } from './i18n.svelte';
import { plural } from './plural';
import { photoRepo as photos } from './photos.svelte';

export const archives = new ArchiveRepo(appDb());

function download(file: File) {
  const url = URL.createObjectURL(file);
  const a = Object.assign(document.createElement('a'), { href: url, download: file.name });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download starts asynchronously from the URL.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export class ExportJob {
  running = $state(false);
  written = $state(0);
  total = $state(0);
  message = $state('');
  error = $state('');
  #controller: AbortController | undefined;

  async run(conferenceIds: string[], choice: ExportChoice, name: string): Promise<void> {
    this.running = true;
    this.error = this.message = '';
    this.written = 0;
    const controller = (this.#controller = new AbortController());
    try {
      const { inputs, records } = await archives.load(conferenceIds, choice);
      this.total = records.photos.reduce((sum, p) => sum + p.size, 0) + 64 * 1024;
      const entries = archiveEntries(inputs, records, (ids) => archives.imageBytes(ids));
      const zip = await exportZip(entries, {
        signal: controller.signal,
        onProgress: (n) => (this.written = n),
      });
      const file = new File([zip], `${slugify(name) || 'confnotes'}.zip`, {
        type: 'application/zip',
      });
      if (navigator.canShare?.({ files: [file] }))
        await navigator.share({ files: [file], title: name });
      else download(file);
      await photos.markExported(
        records.photos.map((p) => p.id),
        Date.now(),
      );
      const size = (file.size / 1024 / 1024).toLocaleString(i18n.lang, {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      });
      this.message = t('Exported {name} ({size} MB).', { name: file.name, size });
    } catch (e) {
      this.error = controller.signal.aborted ? t('Export cancelled.') : explain(e);
    } finally {
      this.running = false;
    }
  }

  cancel(): void {
    this.#controller?.abort(new DOMException('Export cancelled.', 'AbortError'));
  }
}

/**
 * Restores a Confnotes zip; nothing is written unless the whole archive checks out. The home
 * screen offers it, so the whole French table is loaded before the outcome is put in words.
 */
export async function importZip(file: File): Promise<string> {
  const { archive, images } = await readArchive(file);
  const { conferences: c, photos: p } = await archives.import(archive, images);
  // The zip carries no thumbnails: they are made in the background.
  if (p) makeMissingThumbnails();
  await i18n.all();
  return t('Imported {conferences} and {photos}.', {
    conferences: plural(c, '{n} conference', '{n} conferences'),
    photos: plural(p, '{n} photo', '{n} photos'),
  });
}
