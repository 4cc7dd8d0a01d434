/**
 * Strip pinyin reading annotations that some re-publishers inject after characters:
 * `鎮(zhèn)江` → `鎮江`.
 *
 * Two shapes are removed, nothing else:
 *  1. READING: a Han character followed by a parenthesised lower-case pinyin syllable (ASCII or full-width
 *     parentheses) that is a dictionary reading of that character (pinyin-pro), looked up on the character
 *     itself and on its Simplified form (readings may be keyed on either). `黨(工)委`, `(記者 陳志奎)` and
 *     `(qū)` after a character it is not a reading of all stay.
 *  2. AFTER_MOJIBAKE: the annotated character and its `(` were replaced by `?` upstream (`一串串?dāng)?shù)字`).
 *     A tone-marked syllable right after `?` (with or without `(`), closed by `)`, is removed; the `?` stays
 *     so that mojibake.ts can still flag the damage (`一串串??字`).
 *
 * Readings are compared WITH tone marks. There is deliberately no toneless fallback: on the five seeds all
 * 908 annotations that follow a real character match a tone-marked reading exactly, and a toneless match
 * would widen what we delete from text we cannot otherwise verify. Add one only with a seed that needs it.
 */
import { createRequire } from 'node:module';
import type * as PinyinPro from 'pinyin-pro';
import { PINYIN } from './patterns.js';
import { toSimplifiedChars } from './simplified.js';

/**
 * pinyin-pro is loaded on first use, not at module load. Measured in fresh processes (CPU time, 2-core box):
 * imported eagerly it costs ~50 ms at module load (compiling and building its dictionaries) and the first
 * pinyin() call ~45 ms more (its phrase automaton); loaded here, module load pays ~9 ms (the bundled code is
 * only pre-parsed) and the first page with a `字(pinyin)` candidate pays ~55 ms + ~50 ms. So a cold start is
 * ~40 ms faster, and a container that meets an annotated page pays ~20 ms more once, on that page.
 * A synchronous lazy load needs `require`, which resolves to pinyin-pro's CommonJS build:
 *  - bundled (lib/bundling.ts), esbuild replaces both `typeof require` and `require('pinyin-pro')` with its
 *    own shims, so the first branch runs the bundled copy, evaluated on that first call;
 *  - from source (tsx, vitest), an ES module has no `require`, so Node's own is made with createRequire.
 * The CommonJS and ES builds hold the same readings (pinyin-load.test.ts compares every Han code point).
 */
let pinyinPro: typeof PinyinPro | undefined;
function loadPinyinPro(): typeof PinyinPro {
  pinyinPro ??= (typeof require === 'function' ? require('pinyin-pro') : createRequire(import.meta.url)('pinyin-pro')) as typeof PinyinPro;
  return pinyinPro;
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
 * The toneless shape of every reading pinyin-pro gives a Han character: an initial (or none) and a final, or one of
 * the interjections m, n, ng, hm, hng, ê (checked against all of them in pinyin-load.test.ts). A parenthesised word
 * without this shape, `(value)`, `(b)`, `(humancapital)`, is no reading of anything, so it is refused before
 * pinyin-pro is loaded: loading it and building its automaton cost ~400 ms of CPU in a `jsnews normalize` process
 * over zh-cwced, where every candidate was such a word (node --cpu-prof).
 */
export const READING_SHAPE = /^(?:(?:[bpmfdtnlgkhjqxrzcsyw]|[zcs]h)?(?:a|ai|an|ang|ao|e|ei|en|eng|er|i|ia|ian|iang|iao|ie|in|ing|iong|iu|o|ong|ou|u|ua|uai|uan|uang|ue|ui|un|uo|ü|üan|üe|ün|ê)|m|n|ng|hm|hng|ê)$/;
/** The four combining tone marks (macron, acute, caron, grave); ü's diaeresis and ê's circumflex stay. */
const TONE_MARKS = /[\u0300\u0301\u0304\u030c]/g;

/** `syllable` (NFC) without its tone marks, in NFC: `zhuàng` → `zhuang`, `lǜ` → `lü`, `ế` → `ê`. */
export function toneless(syllable: string): string {
  return syllable.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
}

/**
 * The characters pinyin-pro gives a reading without a tone mark (neutral tone: 的 de, 吗 ma, 啊 a; 93 of ~98k Han
 * code points, the list checked against pinyin-pro in pinyin-load.test.ts). A toneless syllable after any other
 * character, `场(a)`, is no reading of it, also refused without loading pinyin-pro.
 */
export const NEUTRAL_TONE_HAN: ReadonlySet<string> = new Set(
  '上么了亪们价伧侤傖價兯匙卜吗吧呀呃呗呢呵咗咧咯咱哇哟哩哪哼唄啊啐啦啰啵喲喽嗎嗭嗻嘍嘛嘞噃嚜囉囖地垯壭头家嶳庅底弬得戌栅桲榌橻殖氇汢爳疸瘩的着瞜筽籂繨罢罷脦臂著蓿蔔蟆裳跶边过里鞡饹馇麶麼麽',
);

/** True when `syllable` (tone-marked pinyin) is a dictionary reading of `han` or of its Simplified form. */
export function isReadingOf(syllable: string, han: string): boolean {
  const wanted = syllable.normalize('NFC');
  const bare = toneless(wanted);
  if (!READING_SHAPE.test(bare)) return false;
  if (bare === wanted && !NEUTRAL_TONE_HAN.has(han) && !NEUTRAL_TONE_HAN.has(toSimplifiedChars(han))) return false;
  const forms = new Set([han, toSimplifiedChars(han)]);
  for (const form of forms) {
    if (readingsOf(form).includes(wanted)) return true;
  }
  return false;
}

const readingCache = new Map<string, readonly string[]>();

function readingsOf(han: string): readonly string[] {
  let readings = readingCache.get(han);
  if (readings === undefined) {
    readings = loadPinyinPro().pinyin(han, { multiple: true, type: 'array' });
    readingCache.set(han, readings);
  }
  return readings;
}
