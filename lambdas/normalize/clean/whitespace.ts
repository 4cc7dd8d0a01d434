/**
 * White-space normalisation. Punctuation keeps its width: `,` and `，` are both left as served.
 */

// Everything that renders as (or hides as) a gap: \s covers ASCII white space, NBSP, U+3000 ideographic space,
// the U+2000–U+200A spaces, line/paragraph separators and U+FEFF (BOM); \s does NOT cover U+200B (zero-width
// space) or U+2060 (word joiner), which pages leak from CMS editors, so they are added. ZWJ/ZWNJ (U+200C/D) are
// left alone: they join emoji and Indic sequences and never separate words.
export const WHITE_SPACE_RUN = /[\s\u200b\u2060]+/gu;

/** NFC, collapse every white-space run (see WHITE_SPACE_RUN) into one ASCII space, trim both ends. */
export function normalizeSpace(text: string): string {
  return text.normalize('NFC').replace(WHITE_SPACE_RUN, ' ').trim();
}

/** True when the text has nothing but white space (as defined by WHITE_SPACE_RUN). */
export function isBlank(text: string): boolean {
  return normalizeSpace(text) === '';
}
