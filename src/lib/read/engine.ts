// Reading a slide's text with Tesseract compiled to WebAssembly (tesseract-wasm). Runs where
// it is given the bytes: in the read worker, which fetches them from the app's own origin, and
// in Node for the tests and the bench, which read them from node_modules. Nothing here fetches.
import { createOCREngine, type OCREngine } from 'tesseract-wasm';

export type ReadLang = 'en' | 'fr';

/** Pixels as ImageData holds them: RGBA, 4 bytes a pixel, rows top to bottom. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * Words recognised with less confidence than this are left out: on a photo, heads, the stage
 * and the screen's frame give shapes Tesseract reads as short runs of letters. On the test set
 * (test/support/ocr-set.ts, 80 shots) 0.4 keeps 89.6 % of the words with 38 invented; 0 keeps
 * 91.4 % but invents 77 (bullets read as "e", arrows); 0.3 keeps the same words as 0.4 with 51
 * invented, 0.6 drops 0.5 % more for 21. The true words under 0.4 sit under 0.3: the first word
 * after a bullet, French elisions (d'une, n'est).
 */
export const MIN_CONFIDENCE = 0.4;

export interface Reader {
  /** The language whose model is loaded, if any. */
  readonly lang: ReadLang | undefined;
  /** Loads a language's model (the uncompressed .traineddata), replacing the one loaded. */
  use(lang: ReadLang, model: Uint8Array): void;
  /** The slide's text: one line per line of the slide, words separated by single spaces. */
  read(image: Pixels): string;
  /** Frees the engine's memory; the reader is unusable after. */
  close(): void;
}

/** Starts an engine from the wasm binary (the SIMD build or the fallback, as the caller chose). */
export async function openReader(wasm: ArrayBuffer | Uint8Array): Promise<Reader> {
  const engine: OCREngine = await createOCREngine({ wasmBinary: wasm });
  let lang: ReadLang | undefined;
  return {
    get lang() {
      return lang;
    },
    use(next, model) {
      engine.loadModel(model);
      lang = next;
    },
    read(image) {
      if (!lang) throw new Error('No language loaded');
      // tesseract-wasm reads the pixels from the start of their buffer, ignoring a view's
      // offset: a view into a larger buffer is copied first.
      const whole =
        image.data.byteOffset === 0 && image.data.length === image.data.buffer.byteLength;
      engine.loadImage((whole ? image : { ...image, data: image.data.slice() }) as ImageData);
      try {
        return linesOf(engine.getTextBoxes('word'));
      } finally {
        engine.clearImage();
      }
    },
    close() {
      engine.destroy();
    },
  };
}

/** Flags tesseract-wasm sets on a word (its `layoutFlags`). */
const END_OF_LINE = 2;

/** Round bullets (•, ◦, ○) come out as a lone "e" or "o" opening the line; no line starts so. */
const BULLET = /^[eo]$/;

function linesOf(words: { text: string; confidence: number; flags: number }[]): string {
  const lines: string[] = [];
  let line: string[] = [];
  for (const w of words) {
    const text = w.text.trim();
    const kept = w.confidence >= MIN_CONFIDENCE && /[\p{L}\p{N}]/u.test(text);
    if (kept && !(line.length === 0 && BULLET.test(text))) line.push(text);
    if (w.flags & END_OF_LINE) {
      if (line.length) lines.push(line.join(' '));
      line = [];
    }
  }
  if (line.length) lines.push(line.join(' '));
  return lines.join('\n');
}
