// The slide's words as each image's alt text in both write-ups (issue 12): one line, bounded,
// through the escapers; without them, the alt text is what it was before.
import { describe, expect, it } from 'vitest';
import { planExport } from '../../../src/lib/export/archive';
import { toAsciiDoc } from '../../../src/lib/export/asciidoc';
import { toMarkdown } from '../../../src/lib/export/markdown';
import { ALT_MAX, slideAlt, type ExportInput } from '../../../src/lib/export/model';
import { inspectHtml, renderMarkdown } from '../../support/html-oracle';
import { renderAdocPage } from './render';
import { conference, talks } from './synthetic';

const SLIDE = 'Kafka Streams\n  exactly-once,  "at least" once\n\n[1] see {author}';

function write(photos: { caption: string; text?: string }[]) {
  const input: ExportInput = {
    conference,
    talks: [talks[0]!],
    notes: new Map([
      [
        't0',
        {
          talkId: 't0',
          opinion: '',
          timeline: photos.map((p, i) => ({
            kind: 'photo' as const,
            id: `p${i}`,
            type: 'image/jpeg',
            ...p,
          })),
        },
      ],
    ]),
    freeSections: [],
    lang: 'en',
    onlyWithNotes: true,
  };
  const { imageName } = planExport([input], []).docs[0]!;
  return { adoc: toAsciiDoc(input, imageName), md: toMarkdown(input, imageName) };
}

describe('slideAlt', () => {
  it('joins the lines into one and collapses the spaces', () => {
    expect(slideAlt(SLIDE)).toBe('Kafka Streams exactly-once, "at least" once [1] see {author}');
    expect(slideAlt(' \n ')).toBe('');
    expect(slideAlt(undefined)).toBe('');
  });

  it('cuts a long text between words, with an ellipsis, within ALT_MAX characters', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i},`).join('\n');
    const alt = slideAlt(words);
    expect(Array.from(alt).length).toBeLessThanOrEqual(ALT_MAX);
    expect(alt).toMatch(/ word\d+…$/);
    expect(words.replace(/\n/g, ' ').startsWith(alt.slice(0, -1))).toBe(true);
    // Exactly at the bound: nothing is cut.
    const full = 'x'.repeat(ALT_MAX - 5) + ' abcd';
    expect(slideAlt(full)).toBe(full);
  });

  it('cuts a word longer than the bound where it must, not inside a surrogate pair', () => {
    const alt = slideAlt('𝐀'.repeat(ALT_MAX + 10));
    expect(Array.from(alt)).toHaveLength(ALT_MAX);
    expect(alt.endsWith('𝐀…')).toBe(true);
  });
});

describe('alt text in the write-ups', () => {
  it('keeps the old alt text of a photo not read: caption or "Slide N", the file name', () => {
    const { adoc, md } = write([{ caption: 'Intro' }, { caption: '' }]);
    expect(md).toContain('*Intro*\\\n![Intro](images/cafe-conf-2024_01.jpg)');
    expect(md).toContain('\n![Slide 2](images/cafe-conf-2024_02.jpg)');
    expect(adoc).toContain('.Intro\nimage:cafe-conf-2024_01.jpg[]\n');
    expect(adoc).toContain('\nimage:cafe-conf-2024_02.jpg[]\n');
  });

  it("gives a read photo its slide's words, the caption still above it", () => {
    const { adoc, md } = write([{ caption: 'Intro', text: SLIDE }]);
    expect(md).toContain(
      '*Intro*\\\n![Kafka Streams exactly-once, "at least" once \\[1\\] see {author}](images/cafe-conf-2024_01.jpg)',
    );
    expect(adoc).toContain(
      '.Intro\nimage:cafe-conf-2024_01.jpg["Kafka Streams exactly-once, \\"at least\\" once [1\\] see \\{author}"]',
    );
    const page = renderAdocPage(adoc, 'secure');
    expect(page.messages).toEqual([]);
    const alt = slideAlt(SLIDE);
    expect(inspectHtml(page.html, 'asciidoc')).toMatchObject({ problems: [], alts: [alt] });
    expect(inspectHtml(renderMarkdown(md), 'markdown')).toMatchObject({
      problems: [],
      alts: [alt],
    });
  });

  it('falls back when the slide was read and held no words', () => {
    const { md } = write([{ caption: '', text: '\n' }]);
    expect(md).toContain('![Slide 1](images/cafe-conf-2024_01.jpg)');
  });
});
