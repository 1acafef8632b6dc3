import { describe, expect, it } from 'vitest';
import { planExport } from '../../../src/lib/export/archive';
import { toMarkdown } from '../../../src/lib/export/markdown';
import type { ExportInput } from '../../../src/lib/export/model';
import { inspectHtml, renderMarkdown } from '../../support/html-oracle';
import { markdownHtmlNodes, markdownImages } from './render';
import { syntheticInput } from './synthetic';
import { xebiconInput } from './xebicon-notes';

function write(input: ExportInput) {
  const plan = planExport([input], []);
  return { md: toMarkdown(input, plan.docs[0]!.imageName), files: plan.images.map((i) => i.file) };
}

describe('Markdown export', () => {
  it('writes the Xebicon demo like the golden file, every image in the zip', async () => {
    const { md, files } = write(xebiconInput());
    await expect(md).toMatchFileSnapshot('../../fixtures/export/xebicon-2019.md');
    const images = markdownImages(md);
    expect(images).toHaveLength(22);
    expect(images).toEqual(files);
    expect(md).toContain(
      '*DBLoader (part of the Data pipeline)*\\\n![DBLoader (part of the Data pipeline)](images/xebicon-2019_02.jpg)',
    );
    expect(md).toContain('![Diapositive 1](images/xebicon-2019_01.jpg)');
    expect(md).toContain('\n### Avis\n');
    expect(md).toContain('\n-> ils ont choisi spark-submit (car le plus classique)\n');
    expect(md).toContain(
      '- S3 : object storage de AWS\n  - très bonne durabilité\n  - organisation des data :\n    - /raw-data',
    );
    expect(md).toContain(
      '## Spark On K8S with S3? How we made it work!\n\n<https://xebicon.fr/programme-xebicon-2019/#event-85>\n\n> **Fast Track**\n>\n> Spark, couplé',
    );
  });

  it('writes hostile notes as text: no HTML, every image in the zip', async () => {
    const { md, files } = write(syntheticInput());
    await expect(md).toMatchFileSnapshot('../../fixtures/export/cafe-conf-2024.md');
    expect(markdownImages(md)).toEqual(files);
    expect(markdownHtmlNodes(md)).toBe(0);
    expect(md).toContain('\\<script>alert(1)\\</script>');
    expect(md).toContain('\\==== not a delimiter\\\n');
    expect(md).toContain('\\# heading?');
    expect(md).toContain('- back to one\\\n  continued line of one');
    expect(md).toContain('[docs, v2 = new](https://docs.example/a_b)');
    expect(md).toContain('<https://deep.example/path_(x)>');
  });

  it('renders to nothing but the write-up (test/support/html-oracle.ts)', () => {
    for (const input of [xebiconInput(), syntheticInput()]) {
      const { md, files } = write(input);
      const seen = inspectHtml(renderMarkdown(md), 'markdown');
      expect(seen.problems).toEqual([]);
      expect(seen.images).toEqual(files);
    }
  });
});
