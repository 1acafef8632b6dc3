// The words of a slide's text as stacks compare them, and how much two slides' words overlap.
// Comparison only: case and accents folded, punctuation dropped, so "Réseau," and "reseau" are
// one word; the text shown and exported keeps what was read.

/**
 * The distinct words of a text, folded: lower case, accents removed, split at anything that is
 * not a letter or a digit. One-character tokens are left out: OCR reads specks, bullets and
 * the bars of icons as lone letters, and on a slide they carry no meaning of their own.
 */
export function slideWords(text: string): Set<string> {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const found = new Set<string>();
  for (const token of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (token.length > 1) found.add(token);
  }
  return found;
}

/**
 * How much two slide texts share, from 0 (nothing) to 1 (the same words), symmetric: the
 * share of the shorter text's words found in the longer (c), times 2r / (1 + r) where r is
 * the shorter's word count over the longer's. The product is the Dice coefficient,
 * 2|A∩B| / (|A| + |B|), written so the two reasons a score drops can be seen:
 * - a re-shot of the same slide has r near 1 and loses only what OCR misread: c ≈ 0.9 to 1;
 * - a build step (one more bullet) has every word of the shorter version in the fuller one,
 *   c ≈ 1, and r ≈ 0.5 to 0.8, so 0.67 to 0.9, whichever of the two is the fuller;
 * - a different slide shares a title or a footer at most: c low.
 * Containment alone would score a build step 1, like a re-shot; Jaccard counts OCR's misreads
 * on both sides twice and pulls re-shots below 0.9. Texts without words score 0: nothing
 * says they show the same slide.
 */
export function overlap(a: string | ReadonlySet<string>, b: string | ReadonlySet<string>): number {
  const wa = typeof a === 'string' ? slideWords(a) : a;
  const wb = typeof b === 'string' ? slideWords(b) : b;
  if (wa.size === 0 || wb.size === 0) return 0;
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return (2 * shared) / (wa.size + wb.size);
}
