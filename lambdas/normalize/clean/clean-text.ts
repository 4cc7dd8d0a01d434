/**
 * The cleaning stage for one string, in the only order that works:
 *   1. strip pinyin annotations (the readings are checked against the characters as served, Traditional included);
 *   2. OpenCC Traditional → mainland Simplified with phrases, only for text served in Traditional: the page's script
 *      (or, on a mixed page, the segment's) decides; Simplified text keeps every character (simplified.ts);
 *   3. NFC + white-space collapse;
 *   4. count garbled runs (flagged, never "fixed").
 * Each string remembers what was done to it, so the record counts only what it keeps.
 */
import { findGarbledRuns } from './mojibake.js';
import { stripPinyinAnnotations } from './pinyin-annotations.js';
import { simplifyForScript, type Script } from './simplified.js';
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

/**
 * `script` is the script the page is served in (detectScript over the page's text). Without it the string is taken
 * as its own page ('mixed': each sentence converted only when it reads as Traditional); callers that know the page
 * pass its script, so a short Simplified line with 濛 or 乾 and no other evidence is never converted.
 */
export function cleanText(served: string, script: Script = 'mixed'): CleanedText {
  const raw = normalizeSpace(served);
  const stripped = MAY_HOLD_ANNOTATION.test(raw) ? stripPinyinAnnotations(raw) : { text: raw, removed: 0 };
  const text = HAN.test(stripped.text) && !KANA.test(stripped.text) ? respaced(simplifyForScript(stripped.text, script), raw) : stripped.text;
  const garbled = MAY_BE_GARBLED.test(text) ? findGarbledRuns(text).length : 0;
  return { raw, text, pinyinRemoved: stripped.removed, garbled };
}

/**
 * normalizeSpace(converted), where `raw` is already normalizeSpace's output: a string the conversion left as `raw` (no
 * annotation stripped, nothing converted: most strings of a Simplified page) is returned as it is, since normalizeSpace
 * of its own output gives the same string (NFC is idempotent, and no white space but single inner spaces is left).
 */
function respaced(converted: string, raw: string): string {
  return converted === raw ? raw : normalizeSpace(converted);
}
