// Test helpers: Asciidoctor (the Ruby one compiled to JS, @asciidoctor/core 3) with its log
// captured, and the image paths a CommonMark parser finds in Markdown.
import Asciidoctor from '@asciidoctor/core';
import { Parser } from 'commonmark';

const asciidoctor = Asciidoctor();

export function renderAdoc(text: string): { html: string; messages: string[]; images: string[] } {
  const logger = asciidoctor.MemoryLogger.create();
  asciidoctor.LoggerManager.setLogger(logger);
  const doc = asciidoctor.load(text, {
    safe: 'safe',
    attributes: { 'attribute-missing': 'warn' },
  });
  const html = doc.convert();
  const messages = logger.getMessages().map((m) => `${m.getSeverity()}: ${String(m.getText())}`);
  const images = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!);
  return { html, messages, images };
}

/**
 * The whole page Asciidoctor makes of a document in a safe mode (`secure` is the CLI's
 * default, `safe` lets includes read files), as test/support/html-oracle.ts's CLI runs do:
 * no stylesheet, a missing attribute reported.
 */
export function renderAdocPage(
  text: string,
  safe: 'secure' | 'safe',
): { html: string; messages: string[] } {
  const logger = asciidoctor.MemoryLogger.create();
  asciidoctor.LoggerManager.setLogger(logger);
  const html = asciidoctor.convert(text, {
    safe,
    standalone: true,
    attributes: { stylesheet: false, 'attribute-missing': 'warn' },
  }) as string;
  const messages = logger.getMessages().map((m) => `${m.getSeverity()}: ${String(m.getText())}`);
  return { html, messages };
}

export function markdownImages(text: string): string[] {
  const walker = new Parser().parse(text).walker();
  const out: string[] = [];
  for (let step = walker.next(); step; step = walker.next()) {
    if (step.entering && step.node.type === 'image') out.push(step.node.destination ?? '');
  }
  return out;
}

export function markdownHtmlNodes(text: string): number {
  const walker = new Parser().parse(text).walker();
  let n = 0;
  for (let step = walker.next(); step; step = walker.next()) {
    if (step.entering && /html/.test(step.node.type)) n++;
  }
  return n;
}
