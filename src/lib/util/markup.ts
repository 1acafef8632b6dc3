// Schedule text (Markdown, raw HTML or HTML that was entity-escaped) to safe HTML. Loaded only
// with the talk page. Nothing from a schedule may run script or load anything from another
// host, so media, frames, forms and inline styles are dropped along with script.
import DOMPurify from 'dompurify';
import { marked } from 'marked';

const FORBID_TAGS = [
  'img',
  'picture',
  'source',
  'video',
  'audio',
  'track',
  'iframe',
  'frame',
  'object',
  'embed',
  'link',
  'style',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'meta',
  'base',
];

let hooked = false;

function purifier() {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer nofollow');
      }
    });
    hooked = true;
  }
  return DOMPurify;
}

export function renderMarkup(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true, breaks: false });
  return purifier().sanitize(html, {
    FORBID_TAGS,
    FORBID_ATTR: ['style', 'srcset'],
    ALLOW_DATA_ATTR: false,
  });
}
