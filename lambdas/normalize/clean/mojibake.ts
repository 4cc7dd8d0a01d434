/**
 * Find garbled spans (mojibake, `?` replacement runs). Flags only: the text is NEVER changed.
 *
 * Definition:
 *  - STRONG markers (any one can start a run):
 *     a. U+FFFD, the replacement character.
 *     b. an ASCII `?` followed by a Han character, a Latin letter or another `?`, or preceded by `?`
 *        (a clause-final `吗?` followed by a space, quote, newline or the end is NOT a marker). A `?` inside a
 *        URL (`…/list.php?id=3`) is a query string, not damage, and is ignored.
 *     c. a leftover pinyin annotation with a tone mark, `(xiàn)`, that stripPinyinAnnotations did not remove.
 *     d. UTF-8 read as cp1252/Latin-1 (`å¸‚å§”`): 2+ characters in a row from U+00A1–U+00FF or cp1252's
 *        0x80–0x9F punctuation, with at least one of them in U+00C0–U+00FF (the lead bytes of UTF-8 sequences),
 *        so that Chinese `“”`, `……` and `——` on their own never count.
 *  - WEAK markers (only extend a run, never make one on their own): a single Latin letter directly between two
 *    Han characters (`怠R嬲`, `谥v話`); alone it is usually legitimate (`发行A股`).
 *  - A RUN is a maximal span of markers in which consecutive markers are at most MAX_GARBLED_GAP_CHARS apart,
 *    containing at least one strong marker. Offsets are UTF-16 code-unit indices into the input (`text.slice`).
 */
import { PINYIN, TONE_MARKED } from './patterns.js';

// Two markers at most this many characters apart belong to one run. Mojibake replaces each damaged character
// separately, so one garbled phrase shows markers every 1–4 characters (`?仄骄怠R嬲袑?` has gaps 3 and 2);
// a clause (~6+ chars) of clean text between two markers means two separate damages.
export const MAX_GARBLED_GAP_CHARS = 6;

// cp1252 maps 0x80–0x9F to these characters instead of C1 controls; UTF-8 continuation bytes land on them.
const CP1252_EXTRAS = '\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d'
  + '\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178';
const LATIN1_RUN_CHAR = `[\\u00a1-\\u00ff${CP1252_EXTRAS}]`;

/** Marker patterns by role, compiled once. */
export const GARBLED_PATTERNS = {
  replacementChar: /\ufffd+/gu,
  questionMark: /(?<=\?)\?|\?(?=[\p{Script=Han}\p{Script=Latin}?])/gu,
  leftoverPinyin: new RegExp(`${PINYIN.open}${PINYIN.tonedSyllable}${PINYIN.close}`, 'gu'),
  latin1Mojibake: new RegExp(`${LATIN1_RUN_CHAR}*[\\u00c0-\\u00ff]${LATIN1_RUN_CHAR}*`, 'gu'),
  loneLatinBetweenHan: /(?<=\p{Script=Han})\p{Script=Latin}(?=\p{Script=Han})/gu,
  // Spans where a `?` is legitimate: URLs (ASCII up to the first space or non-ASCII character).
  url: /(?:https?:\/\/|www\.)[\x21-\x7e]+/giu,
} as const;
const MIN_LATIN1_RUN_CHARS = 2; // one stray `é` or `°` is real text; two in a row is a decoded byte sequence

export interface GarbledRun {
  start: number;
  end: number;
  text: string;
}

interface Marker {
  start: number;
  end: number;
  strong: boolean;
}

/**
 * A character every strong marker holds: U+FFFD, `?`, a tone mark (a leftover annotation's toned syllable) or a
 * U+00C0–U+00FF lead (a Latin-1 run). A run needs a strong marker, so a text with none of them has no run and the
 * marker patterns are not run on it (most lines asked hold only a parenthesis).
 */
const STRONG_MARKER_CHAR = new RegExp(`[\\ufffd?\\u00c0-\\u00ff${TONE_MARKED}]`, 'u');

export function findGarbledRuns(text: string): GarbledRun[] {
  if (!STRONG_MARKER_CHAR.test(text)) return [];
  const markers = findMarkers(text).sort((a, b) => a.start - b.start);
  const runs: GarbledRun[] = [];
  let current: Marker[] = [];
  const flush = (): void => {
    const first = current[0];
    const last = current.at(-1);
    if (first && last && current.some((m) => m.strong)) {
      runs.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end) });
    }
    current = [];
  };
  for (const marker of markers) {
    const previous = current.at(-1);
    if (previous && marker.start - previous.end > MAX_GARBLED_GAP_CHARS) flush();
    current.push(marker);
  }
  flush();
  return runs;
}

function findMarkers(text: string): Marker[] {
  const urls = matchSpans(text, GARBLED_PATTERNS.url);
  const inUrl = (m: Marker): boolean => urls.some((u) => m.start >= u.start && m.end <= u.end);
  const strong = [
    ...matchSpans(text, GARBLED_PATTERNS.replacementChar),
    ...matchSpans(text, GARBLED_PATTERNS.questionMark).filter((m) => !inUrl(m)),
    ...matchSpans(text, GARBLED_PATTERNS.leftoverPinyin),
    ...matchSpans(text, GARBLED_PATTERNS.latin1Mojibake).filter((m) => m.end - m.start >= MIN_LATIN1_RUN_CHARS),
  ];
  const weak = matchSpans(text, GARBLED_PATTERNS.loneLatinBetweenHan, false);
  return [...strong, ...weak];
}

function matchSpans(text: string, pattern: RegExp, strong = true): Marker[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, strong }));
}
