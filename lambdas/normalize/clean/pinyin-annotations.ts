/**
 * Strip pinyin reading annotations that some re-publishers inject after characters:
 * `鎮(zhèn)江` → `鎮江`.
 *
 * Two shapes are removed, nothing else:
 *  1. READING: a Han character followed by a parenthesised lower-case pinyin syllable (ASCII or full-width
 *     parentheses) that is a dictionary reading of that character (pinyin-pro's, in a generated table), looked
 *     up on the character itself and on its Simplified form (readings may be keyed on either). `黨(工)委`,
 *     `(記者 陳志奎)` and `(qū)` after a character it is not a reading of all stay.
 *  2. AFTER_MOJIBAKE: the annotated character and its `(` were replaced by `?` upstream (`一串串?dāng)?shù)字`).
 *     A tone-marked syllable right after `?` (with or without `(`), closed by `)`, is removed; the `?` stays
 *     so that mojibake.ts can still flag the damage (`一串串??字`).
 *
 * Readings are compared WITH tone marks. There is deliberately no toneless fallback: on the five seeds all
 * 908 annotations that follow a real character match a tone-marked reading exactly, and a toneless match
 * would widen what we delete from text we cannot otherwise verify. Add one only with a seed that needs it.
 */
import { PINYIN } from './patterns.js';
import { PINYIN_READINGS_JSON } from './pinyin-readings.js';
import { toSimplifiedChars } from './simplified.js';

/**
 * The readings: pinyin-readings.ts, generated from pinyin-pro by scripts/build-pinyin-table.ts (`npm run
 * build:pinyin`; pinyin-pro is a dev dependency, never loaded by the normalizer), maps each reading to the Han
 * characters it is a reading of. pinyin-load.test.ts holds the committed table to the script's output and this
 * module's verdict to pinyin-pro's for every Han code point.
 * Parsed on the first `字(syllable)` candidate, from JSON text. Measured on the esbuild bundle in fresh processes
 * (CPU, 2-core box, load 8-9): the string costs ~0.5 ms at module load and its JSON.parse ~0.6 ms; imported as a
 * .json file (an object literal in the bundle) it cost ~1.6 ms at load. Loading pinyin-pro on the first candidate,
 * as this module did before, cost 63-104 ms CPU and ~28 MB RSS (load 9-12).
 */
let readings: Readonly<Record<string, string>> | undefined;
function readingTable(): Readonly<Record<string, string>> {
  readings ??= JSON.parse(PINYIN_READINGS_JSON) as Record<string, string>;
  return readings;
}

/**
 * The two annotation shapes, compiled once into one alternation; the `?` shape is tried first.
 * After `?` the syllable must carry a tone mark: with no character left to check the reading against, the tone
 * mark is what tells pinyin apart from stray Latin text such as `?a)`.
 */
export const PINYIN_ANNOTATION_PATTERNS = {
  afterMojibake: `\\?${PINYIN.open}?(?<lost>${PINYIN.tonedSyllable})${PINYIN.close}`,
  reading: `(?<han>\\p{Script=Han})${PINYIN.open}(?<syllable>${PINYIN.syllable})${PINYIN.close}`,
} as const;
const ANNOTATION = new RegExp(
  `${PINYIN_ANNOTATION_PATTERNS.afterMojibake}|${PINYIN_ANNOTATION_PATTERNS.reading}`,
  'gu',
);

export interface PinyinStripResult {
  text: string;
  /** How many annotations were removed (both shapes). */
  removed: number;
}

export function stripPinyinAnnotations(text: string): PinyinStripResult {
  let removed = 0;
  const stripped = text.replace(ANNOTATION, (match: string, ...args: unknown[]) => {
    const groups = args.at(-1) as { lost?: string; han?: string; syllable?: string };
    if (groups.lost !== undefined) {
      removed += 1;
      return '?';
    }
    if (groups.han !== undefined && groups.syllable !== undefined && isReadingOf(groups.syllable, groups.han)) {
      removed += 1;
      return groups.han;
    }
    return match;
  });
  return { text: stripped, removed };
}

/**
 * The toneless shape of every reading in the table: an initial (or none) and a final, or one of the interjections
 * m, n, ng, hm, hng, ê (pinyin-load.test.ts checks every key). A parenthesised word without this shape, `(value)`,
 * `(b)`, `(humancapital)`, is no reading of anything and is refused first, before the Simplified form is looked
 * up (OpenCC): on zh-cwced every `字(word)` candidate was such a word.
 */
export const READING_SHAPE = /^(?:(?:[bpmfdtnlgkhjqxrzcsyw]|[zcs]h)?(?:a|ai|an|ang|ao|e|ei|en|eng|er|i|ia|ian|iang|iao|ie|in|ing|iong|iu|o|ong|ou|u|ua|uai|uan|uang|ue|ui|un|uo|ü|üan|üe|ün|ê)|m|n|ng|hm|hng|ê)$/;
/** The four combining tone marks (macron, acute, caron, grave); ü's diaeresis and ê's circumflex stay. */
const TONE_MARKS = /[\u0300\u0301\u0304\u030c]/g;

/** `syllable` (NFC) without its tone marks, in NFC: `zhuàng` → `zhuang`, `lǜ` → `lü`, `ế` → `ê`. */
export function toneless(syllable: string): string {
  return syllable.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
}

/**
 * True when `syllable` (tone-marked pinyin) is a dictionary reading of `han` or of its Simplified form. A toneless
 * syllable is a reading only of the few neutral-tone characters the table lists it for (的 de, 吗 ma, 啊 a): `场(a)`
 * is refused like any other non-reading.
 */
export function isReadingOf(syllable: string, han: string): boolean {
  const wanted = syllable.normalize('NFC');
  if (!READING_SHAPE.test(toneless(wanted))) return false;
  return isListedReading(wanted, han) || isListedReading(wanted, toSimplifiedChars(han));
}

/** True when `reading` (NFC) is one of the table's readings of the one character `han`. */
function isListedReading(reading: string, han: string): boolean {
  // A character outside the BMP is a surrogate pair; high and low surrogates never overlap, so the substring
  // search cannot match across two neighbouring characters.
  const table = readingTable();
  return Object.hasOwn(table, reading) && table[reading]!.includes(han);
}
