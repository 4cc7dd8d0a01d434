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

/** Han characters (CJK unified ideographs and extensions): only text with them needs OpenCC. */
const HAN = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{323af}]/u;
/** Kana mean Japanese: its kanji are not Traditional Chinese and must not be converted. */
const KANA = /[\u3040-\u30ff\u31f0-\u31ff]/;
/** Annotations always carry a closing parenthesis; text without one has none to strip. */
const MAY_HOLD_ANNOTATION = /[)）]/;
/** Garbled runs need a `?`, U+FFFD, a leftover annotation or Latin-1 mojibake. */
const MAY_BE_GARBLED = /[?\ufffd)\u00c0-\u00ff]/;

export function cleanText(served: string): CleanedText {
  const raw = normalizeSpace(served);
  const stripped = MAY_HOLD_ANNOTATION.test(raw) ? stripPinyinAnnotations(raw) : { text: raw, removed: 0 };
  const text = HAN.test(stripped.text) && !KANA.test(stripped.text) ? normalizeSpace(toSimplified(stripped.text)) : stripped.text;
  const garbled = MAY_BE_GARBLED.test(text) ? findGarbledRuns(text).length : 0;
  return { raw, text, pinyinRemoved: stripped.removed, garbled };
}
