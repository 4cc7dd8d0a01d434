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
  return collapseRuns(text.normalize('NFC'), WHITE_SPACE_RUN, WHITE_SPACE_NOT_SPACE).trim();
}

/** The characters of WHITE_SPACE_RUN other than the ASCII space. */
const WHITE_SPACE_NOT_SPACE = /[^\S ]|[\u200b\u2060]/u;

/**
 * Every character `\s` matches (ECMAScript WhiteSpace and LineTerminator), as a string: for tables of code units.
 * whitespace.test.ts holds it to /\s/ over every BMP code unit.
 */
export const JS_WHITE_SPACE_CHARS = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** The characters of `\s` other than the ASCII space: tab, line breaks, NBSP, U+1680, U+2000–U+200A, U+2028/9, U+202F, U+205F, U+3000, U+FEFF. */
export const JS_SPACE_NOT_SPACE = /[^\S ]/;

/**
 * `text.replace(runs, ' ')`, where `runs` matches runs of some white-space set that includes ' ' and
 * `notSpace` matches one character of that set other than ' '. When the text has no such character and no two
 * spaces in a row, every run is already a single space and the replace would rebuild the same string; it is
 * skipped (most lines of a page are like that, and the rebuild was a visible share of the run time).
 */
export function collapseRuns(text: string, runs: RegExp, notSpace: RegExp): string {
  return notSpace.test(text) || text.includes('  ') ? text.replace(runs, ' ') : text;
}

/** True when the text has nothing but white space (as defined by WHITE_SPACE_RUN). */
export function isBlank(text: string): boolean {
  return normalizeSpace(text) === '';
}

/** Characters that are not white space. */
export function nonSpaceChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0x3000) n++;
  }
  return n;
}
