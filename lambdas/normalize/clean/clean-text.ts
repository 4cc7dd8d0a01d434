/**
 * The cleaning stage for one string, in the only order that works:
 *   1. strip pinyin annotations (the readings are checked against the characters as served, Traditional included);
 *   2. OpenCC Traditional → mainland Simplified with phrases;
 *   3. NFC + white-space collapse;
 *   4. count garbled runs (flagged, never "fixed").
 * Each string remembers what was done to it, so the record counts only what it keeps.
 */
import { findGarbledRuns } from './mojibake.js';
import { stripPinyinAnnotations } from './pinyin-annotations.js';
import { toSimplified } from './simplified.js';
import { normalizeSpace } from './whitespace.js';

export interface CleanedText {
  /** As served (after decoding), white space collapsed. */
  raw: string;
  /** Clean, Simplified text. */
  text: string;
  pinyinRemoved: number;
  garbled: number;
}

export function cleanText(served: string): CleanedText {
  const raw = normalizeSpace(served);
  const stripped = stripPinyinAnnotations(raw);
  const text = normalizeSpace(toSimplified(stripped.text));
  return { raw, text, pinyinRemoved: stripped.removed, garbled: findGarbledRuns(text).length };
}
