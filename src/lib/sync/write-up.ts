// The readable write-up in a conference folder: the AsciiDoc and Markdown of the export (talks
// with notes), naming the images by their file on the server, each sent only when changed.
import { toAsciiDoc } from '../export/asciidoc';
import { toMarkdown } from '../export/markdown';
import { documentPhotos } from '../export/model';
import { eachLimited } from './limit';
import { imageFile } from './revive';
import type { SyncRun } from './run';
import { hashText, type SyncRecord } from './state';
import type { SyncMeta } from './store';

/**
 * The readable write-up, sent only when its text changed: made from this device's records (as
 * `held` has them, when given, else as the database has them now), and sent once `ready` (its
 * images on the server) resolves.
 */
export async function writeDocuments(
  run: SyncRun,
  meta: SyncMeta,
  dir: string,
  ready?: Promise<unknown>,
  held?: ReadonlyMap<string, SyncRecord>,
) {
  const input = await run.store.document(meta.conferenceId, run.options.lang, held);
  if (!input) return;
  const photos = new Map(documentPhotos(input).map((p) => [p.id, p]));
  const name = (id: string) => imageFile(photos.get(id) ?? { id, type: 'image/jpeg' });
  const docs: [string, string, string][] = [
    [`${meta.folder}.adoc`, toAsciiDoc(input, name), 'text/asciidoc; charset=utf-8'],
    [`${meta.folder}.md`, toMarkdown(input, name), 'text/markdown; charset=utf-8'],
  ];
  await ready;
  // Both at once; each is marked as sent only once the server has it.
  await eachLimited(docs, docs.length, async ([name, text, type]) => {
    const hash = hashText(text);
    if (meta.files[name] === hash) return;
    await run.client.put(`${dir}${name}`, text, { type });
    meta.files[name] = hash;
  });
}
