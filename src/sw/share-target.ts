// Images shared to Confnotes from another app arrive here as a POST. They are parked in a
// Cache Storage inbox and the app files them like camera shots when it opens: only the page
// knows which talk is on and holds the capture pipeline.
/// <reference lib="webworker" />
import { SHARE_INBOX_CACHE, SHARE_TARGET_PATH } from '../lib/capture/share-inbox';

export { SHARE_TARGET_PATH };

export async function receiveShare({ request }: { request: Request }): Promise<Response> {
  let count = 0;
  try {
    const form = await request.formData();
    const inbox = await caches.open(SHARE_INBOX_CACHE);
    const stamp = Date.now();
    for (const entry of form.getAll('photos')) {
      if (typeof entry === 'string') continue;
      const headers = {
        'Content-Type': entry.type || 'application/octet-stream',
        'X-File-Name': encodeURIComponent(entry.name),
      };
      await inbox.put(`/share-inbox/${stamp}-${count++}`, new Response(entry, { headers }));
    }
  } catch {
    return Response.redirect('/#/shared?error=1', 303);
  }
  return Response.redirect(`/#/shared?count=${count}`, 303);
}
