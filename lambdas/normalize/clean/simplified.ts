/**
 * Traditional → mainland Simplified conversion (OpenCC via opencc-js) and script detection.
 *
 * Preset choice, checked on the five seeds after stripPinyinAnnotations (all are mainland news that was run
 * through a Simplified→Traditional converter upstream):
 *  - `{ from: 'tw', to: 'cn' }` (OpenCC tw2s, mmseg phrase segmentation + TW variant phrases) is CHOSEN. It is the only
 *    preset that turns the particle 著 back into 着 (洋溢着, 围着, 着力, 沿着 in 001/002/004) while keeping 著名,
 *    著作, 显著. Its known misses are a few 著 "write/notable" compounds, repaired by MAINLAND_PHRASE_FIXES.
 *  - `'t'` and `'hk'` gave identical output on the seeds and leave 洋溢著 / 围著 / 著力 (wrong in mainland text).
 *  - `'twp'` (Taiwan phrase conversion) is WRONG for this corpus: it rewrites mainland vocabulary as if it were
 *    Taiwanese: 新增→添加, 指标→指针, 核心→内核, 执行→运行, 整合→集成, 效能→性能, 资讯→信息.
 */
import { ConverterBuilder, CustomConverter, type ConverterFunction } from 'opencc-js/core';
import CJK_COMPATIBILITY_IDEOGRAPHS from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import ST_CHARACTERS from 'opencc-js/dict/STCharacters';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TS_PHRASES from 'opencc-js/dict/TSPhrases';
import TW_VARIANTS from 'opencc-js/dict/TWVariants';
import TW_VARIANTS_PHRASES from 'opencc-js/dict/TWVariantsPhrases';
import * as T2CN_PRESET from 'opencc-js/preset/t2cn';

/*
 * Load strategy (measured with `npm run bench:lambda`): the package root bundles every OpenCC dictionary
 * (1.16 MB, of which STPhrases alone is 1.0 MB), and building the cn→tw converter put STPhrases' 49k phrases
 * into two tries on the first call: the first normalize() of a cold process took ~600 ms CPU, now ~240-410. We import only what is used: the `t2cn` preset (tw2s and
 * t2s, the exact configs opencc-js's own `Converter` uses) and, for the character-level script check, the
 * character and variant dictionaries, read one character at a time (oneCharConverter) rather than built into tries:
 * the first detectScript of a process went from 31-47 ms CPU to 13-16 ms. STPhrases has no single-character keys, so
 * for one character the result is the same as the full s2tw converter (checked for every Han code point in
 * simplified-load.test.ts).
 * Converters are built on first use, never at module load.
 */
type TextConverter = ConverterFunction;

// 著 = "write / notable" compounds that tw2s turns into 着; mainland writes them with 著. Found by running
// tw2s over common 著 compounds (专著, 论著, 编著, ...); extend when a new one shows up.
export const MAINLAND_PHRASE_FIXES: readonly (readonly [string, string])[] = [
  ['专着', '专著'], ['论着', '论著'], ['编着', '编著'], ['拙着', '拙著'], ['译着', '译著'],
  ['遗着', '遗著'], ['卓着', '卓著'], ['土着', '土著'], ['原着', '原著'],
];

// Characters that s2t (cn→tw) changes but that are also ordinary Traditional characters with their own uses
// (于 surname, 干 as in 干擾, 后 queen, 台 as in 台灣, 里 in 公里, 斗 in 北斗, 征 in 征服, 占 in 占卜, 范 surname,
// 余 surname, 采 in 風采, 丑 in 子丑, 伙 in 伙食, 辟 in 復辟, 并 in 并州). Not evidence of Simplified text.
export const BOTH_SCRIPTS_HAN: ReadonlySet<string> = new Set([...'于干后台里斗并征占范余采丑伙辟']);
// Characters t2s changes that the mainland standard (通用规范汉字表, 2013) also keeps for some uses, so Simplified text
// holds them as served: the surname 於, 濛 (细雨濛濛, names such as 魏其濛), 乾 (乾坤, 乾隆), 夥 (expressing "many"),
// 徵 (the note 徵 of 宫商角徵羽). They are no evidence of Traditional text (issue 9 class 7: a Simplified page with
// 魏其濛 and 於 was detected as mixed and rewritten).
export const SIMPLIFIED_ALSO_VALID_HAN: ReadonlySet<string> = new Set([...'於濛乾夥徵']);
// A page is one script when at least this share of its script-specific characters are of that script.
// Seeds: Traditional pages 001/002/004 score 0.997/0.999/1.0 (0.970/0.985/0.980 even without BOTH_SCRIPTS_HAN),
// Simplified pages 000/003 score 1.0; 0.9 leaves room for mojibake, quoted names and leftovers of conversion.
export const DOMINANT_SCRIPT_SHARE = 0.9;

export type Script = 'Hans' | 'Hant' | 'mixed';

export interface ScriptCounts {
  /** Han characters that t2s changes (Traditional-only). */
  traditional: number;
  /** Han characters that s2t changes (Simplified-only), excluding BOTH_SCRIPTS_HAN. */
  simplified: number;
}

const HAN = /\p{Script=Han}/u;

function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

// `Converter({ from, to })` over the t2cn preset only: it converts to 'cn' and nothing else.
const t2cnConverter = lazy(() => ConverterBuilder(T2CN_PRESET));

const textConverter = lazy((): TextConverter => {
  const tw2s = t2cnConverter()({ from: 'tw', to: 'cn' });
  const fixes = CustomConverter(MAINLAND_PHRASE_FIXES);
  return (text) => fixes(tw2s(text));
});
// Character-by-character t2s for reading lookup (pinyin annotations).
const charT2s = lazy((): TextConverter => t2cnConverter()({ from: 't', to: 'cn' }));

/** Convert Traditional Chinese text to mainland Simplified with phrase conversion. Simplified text passes through. */
export function toSimplified(text: string): string {
  return textConverter()(text);
}

/** Character-by-character t2s (no phrases); used to look up a character's Simplified form. */
export function toSimplifiedChars(text: string): string {
  return charT2s()(text);
}

type CharScript = 'traditional' | 'simplified' | 'shared';
// One entry per distinct Han character seen (a few thousand at most), so each character is looked up once.
const charScriptCache = new Map<string, CharScript>();

/**
 * A one-character OpenCC converter read straight from the dictionaries, without building opencc-js's tries (building
 * them for t2s and s2tw cost 25-35 ms CPU at the start of every process, on the first Han character). opencc-js
 * converts a chain of dictionary groups in turn; within a group, it takes the longest key matching at each position,
 * the group's earlier dictionary winning on a tie. A lone character can only match a one-character key, so one
 * character's conversion is: for each group, its first dictionary's entry for the character, if any. Held to opencc-js's
 * own converters for every Han code point in simplified-load.test.ts.
 */
function oneCharConverter(chain: readonly (readonly string[])[]): (ch: string) => string {
  const groups = chain.map(oneCharEntries);
  return (ch) => {
    let out = ch;
    for (const entries of groups) out = entries.get(out) ?? out;
    return out;
  };
}

/** The one-character keys of a dictionary group ("source replacement…|…"; the first replacement is used, as opencc-js does). */
function oneCharEntries(group: readonly string[]): Map<string, string> {
  const entries = new Map<string, string>();
  // Later dictionaries first, so an earlier one's entry overwrites them (opencc-js loads a group the same way).
  for (let d = group.length - 1; d >= 0; d--) {
    const dict = group[d]!;
    for (let start = 0; start < dict.length; ) {
      let end = dict.indexOf('|', start);
      if (end < 0) end = dict.length;
      const space = dict.indexOf(' ', start);
      const keyLength = space - start;
      if (space > start && space < end && (keyLength === 1 || (keyLength === 2 && dict.codePointAt(start)! > 0xffff))) {
        const next = dict.indexOf(' ', space + 1);
        entries.set(dict.slice(start, space), dict.slice(space + 1, next < 0 || next > end ? end : next));
      }
      start = end + 1;
    }
  }
  return entries;
}

// Character-level t2s and cn→tw for script detection: the t2s config of opencc-js's t2cn preset (compatibility
// ideographs normalized, then TSPhrases over TSCharacters), and cn→tw rather than cn→t: OpenCC-standard variants
// (群→羣, 峰→峯, 吃→喫) would count shared characters. opencc-js's s2tw chain without its phrase dictionaries,
// which never match a single character.
const oneCharT2s = lazy(() => oneCharConverter([[CJK_COMPATIBILITY_IDEOGRAPHS], [TS_PHRASES, TS_CHARACTERS]]));
const oneCharS2tw = lazy(() => oneCharConverter([[CJK_COMPATIBILITY_IDEOGRAPHS], [ST_CHARACTERS], [TW_VARIANTS_PHRASES, TW_VARIANTS]]));

function classifyChar(ch: string): CharScript {
  let script = charScriptCache.get(ch);
  if (script === undefined) {
    if (SIMPLIFIED_ALSO_VALID_HAN.has(ch)) script = 'shared';
    else if (oneCharT2s()(ch) !== ch) script = 'traditional';
    else if (!BOTH_SCRIPTS_HAN.has(ch) && oneCharS2tw()(ch) !== ch) script = 'simplified';
    else script = 'shared';
    charScriptCache.set(ch, script);
  }
  return script;
}

/** Per BMP code unit: 0 not seen yet, else 1 + index in UNIT_CLASSES (not Han, or the character's CharScript). */
const unitClass = new Uint8Array(0x10000);
const UNIT_CLASSES = ['not-han', 'traditional', 'simplified', 'shared'] as const;
/** unitClass values of the two script-specific classes. */
const TRADITIONAL_UNIT = 1 + UNIT_CLASSES.indexOf('traditional');
const SIMPLIFIED_UNIT = 1 + UNIT_CLASSES.indexOf('simplified');
const HIGH_SURROGATE_FIRST = 0xd800;
const HIGH_SURROGATE_LAST = 0xdbff;

/** HAN test + classifyChar for one BMP character, remembered in `unitClass`; returns its unitClass value. */
function classifyUnit(code: number): number {
  let k = unitClass[code]!;
  if (k === 0) {
    const ch = String.fromCharCode(code);
    k = 1 + UNIT_CLASSES.indexOf(HAN.test(ch) ? classifyChar(ch) : 'not-han');
    unitClass[code] = k;
  }
  return k;
}

/** Count script-specific Han characters. One table read per BMP code unit; only astral characters take a string. */
export function countScriptChars(text: string): ScriptCounts {
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let k: number;
    if (unit >= HIGH_SURROGATE_FIRST && unit <= HIGH_SURROGATE_LAST && text.codePointAt(i)! > 0xffff) {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      i++;
      k = 1 + UNIT_CLASSES.indexOf(HAN.test(ch) ? classifyChar(ch) : 'not-han');
    } else k = unitClass[unit] || classifyUnit(unit);
    if (k === TRADITIONAL_UNIT) traditional++;
    else if (k === SIMPLIFIED_UNIT) simplified++;
  }
  return { traditional, simplified };
}

/** The script the text is served in. No script-specific characters (e.g. 中国江苏) counts as 'Hans'. */
export function detectScript(text: string): Script {
  const { traditional, simplified } = countScriptChars(text);
  const total = traditional + simplified;
  if (total === 0) return 'Hans';
  if (traditional / total >= DOMINANT_SCRIPT_SHARE) return 'Hant';
  if (simplified / total >= DOMINANT_SCRIPT_SHARE) return 'Hans';
  return 'mixed';
}

/** Sentence-sized segments of a mixed-script string: each ends after a sentence mark or a line break (kept). */
const SEGMENT = /[^。！？!?；;\n]*[。！？!?；;\n]*/g;

/** On a page served in Simplified, a sentence is converted only with at least this many Traditional-only characters
 * (and DOMINANT_SCRIPT_SHARE of its evidence): a Traditional blog post inside Simplified site chrome is converted,
 * a Simplified sentence with a stray Traditional-looking character is not. On a mixed page one character suffices. */
export const MIN_TRADITIONAL_IN_SIMPLIFIED_PAGE = 3;

/**
 * The Simplified form of one string of a page served in `pageScript` (CONTRACT.md: OpenCC only on text served in
 * Traditional; text served in Simplified keeps every character):
 *   - 'Hant' page: tw→cn with phrases (toSimplified);
 *   - 'Hans' or 'mixed' page: each sentence-sized segment on its own, converted only when it reads as Traditional
 *     (detectScript) with enough Traditional-only characters (MIN_TRADITIONAL_IN_SIMPLIFIED_PAGE on a Simplified
 *     page, 1 on a mixed one); every other sentence stays character for character (魏其濛, 细雨濛濛, 於, 乾, 藉, 瞭).
 */
export function simplifyForScript(text: string, pageScript: Script): string {
  if (pageScript === 'Hant') return toSimplified(text);
  const min = pageScript === 'Hans' ? MIN_TRADITIONAL_IN_SIMPLIFIED_PAGE : 1;
  if (countScriptChars(text).traditional < min) return text;
  let out = '';
  for (const segment of text.match(SEGMENT) ?? []) out += isTraditionalSegment(segment, min) ? toSimplified(segment) : segment;
  return out;
}

/**
 * Simplified-only characters a sentence with MIN_TRADITIONAL_IN_SIMPLIFIED_PAGE or more Traditional-only ones may hold
 * and still read as Traditional. DOMINANT_SCRIPT_SHARE leaves room for leftovers of an upstream conversion on a page,
 * but a sentence holds only a handful of script-specific characters, where one leftover already breaks the share:
 * zh-cwced 8f1cdd94's two Traditional sentences inside Simplified text (8 Traditional-only with 建筑's 筑, 4 with
 * 游人's 游, both characters a Traditional converter leaves as they are) stayed Traditional, against the contract
 * (OpenCC on text served in Traditional). One, not more: two Simplified-only characters are evidence of Simplified
 * writing. Records changed on the 327 bench and seed inputs: that page's two sentences only.
 */
export const CONVERSION_LEFTOVERS_PER_SEGMENT = 1;

function isTraditionalSegment(segment: string, min: number): boolean {
  const { traditional, simplified } = countScriptChars(segment);
  if (traditional < min) return false;
  const leftovers = traditional >= MIN_TRADITIONAL_IN_SIMPLIFIED_PAGE ? Math.min(simplified, CONVERSION_LEFTOVERS_PER_SEGMENT) : 0;
  return traditional / (traditional + simplified - leftovers) >= DOMINANT_SCRIPT_SHARE;
}
