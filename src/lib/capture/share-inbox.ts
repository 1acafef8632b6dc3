// The inbox between the service worker's share target and the page: Cache Storage entries,
// each one shared file with its type and name in headers. The page drains it into the capture
// pipeline and deletes each entry only once its shot is stored.
export const SHARE_TARGET_PATH = '/share-target';
export const SHARE_INBOX_CACHE = 'confnotes-share-inbox';

export interface SharedFile {
  key: string;
  file: File;
}

export async function sharedFiles(): Promise<SharedFile[]> {
  if (!('caches' in globalThis)) return [];
  const inbox = await caches.open(SHARE_INBOX_CACHE);
  const out: SharedFile[] = [];
  for (const request of await inbox.keys()) {
    const res = await inbox.match(request);
    if (!res) continue;
    const name = decodeURIComponent(res.headers.get('X-File-Name') ?? 'shared-image');
    const type = res.headers.get('Content-Type') ?? '';
    out.push({ key: request.url, file: new File([await res.blob()], name, { type }) });
  }
  return out;
}

export async function removeShared(key: string): Promise<void> {
  await (await caches.open(SHARE_INBOX_CACHE)).delete(key);
}
