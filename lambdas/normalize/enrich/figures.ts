/**
 * Quantities in the body: money (→ yuan), percentages and counts, written with Arabic digits
 * (decimals, thousands separators) or Chinese numerals, with 万 / 亿 / 万亿 multipliers.
 * A figure is a number directly followed by a unit; the exclusion rules below drop what only looks like one.
 */
export type FigureUnit = 'CNY' | 'percent' | 'count';

export interface FigureMention {
  text: string;
  value: number;
  unit: FigureUnit;
  context: string;
}

/** Counting classifiers that make a count: 个 (things), 家 (firms), 项 (items, projects), 场 (events). */
export const COUNT_CLASSIFIERS = '个家项场';
/** Sentence ends for `context`. Never ASCII `.`: it is a decimal point (94.5%). */
const SENTENCE_END = /[。！？；;]/;
/** ASCII ! and ? end a sentence only when a space, quote or the end follows: `当?仄骄` is a mojibake `?`, not a question. */
const ASCII_SENTENCE_END = /[!?]/;
const NOT_AFTER_ASCII_END = /[\p{Script=Han}?A-Za-z0-9]/u;

function endsSentence(text: string, i: number): boolean {
  const ch = text[i]!;
  if (SENTENCE_END.test(ch)) return true;
  return ASCII_SENTENCE_END.test(ch) && !NOT_AFTER_ASCII_END.test(text[i + 1] ?? '');
}

const DIGITS = '0-9０-９';
const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CHINESE_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const CHINESE_SECTIONS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };
const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';
/** Multipliers after Arabic digits: 2.5万, 1866亿, 1.2万亿, 5千万. */
const MULTIPLIER = '(?:[千百]?万亿|[千百]?亿|[千百]?万|千|百)';

/**
 * Number + unit. The look-behind keeps a number from starting inside a code or formula (3+3+X, A1, 1.5.2);
 * a hyphen is allowed before it so both ends of a range count (5%-8%).
 * Groups: arabic number | chinese number, then multiplier, then unit.
 */
const FIGURE = new RegExp(
  `(?<![${DIGITS}A-Za-z.．+＋])` +
    `(?:(?<arabic>[${DIGITS}]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[${DIGITS}]+(?:[.．][${DIGITS}]+)?)(?<multiplier>${MULTIPLIER})?` +
    `|(?<chinese>[${CHINESE_NUMERAL_CHARS}]+))` +
    `(?<unit>元|[%％]|[${COUNT_CLASSIFIERS}])`,
  'g',
);

/** 第 before a number makes an ordinal (第六场, 第十八次), not a quantity. */
const ORDINAL_MARK = '第';
/** A lone 一 before a classifier is the indefinite article (一个环节, 一场, 一项). */
const INDEFINITE_ONE = '一';
/**
 * Chinese-numeral quantities below this are phrasing, not reported figures: 两个毫不动摇, 三项清理.
 * Arabic digits are always kept (5场, 9个).
 */
export const MIN_CHINESE_NUMERAL_VALUE = 10;
/** A lone magnitude before 元 names the unit (亿元以上项目), not an amount; 千亿元 / 百万元 are amounts. */
const UNIT_LABEL = /^[万亿]$/;
/** Magnitude-only numerals before a classifier are idioms (万家灯火, 千家万户, 百项), never counts. */
const MAGNITUDE_ONLY = /^[十百千万亿]+$/;

function toHalfWidth(text: string): string {
  return text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** 一千五百 → 1500, 两百 → 200, 十二 → 12, 千亿 → 1e11, 三万五千 → 35000. */
export function parseChineseNumeral(text: string): number {
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in CHINESE_DIGITS) digit = CHINESE_DIGITS[ch]!;
    else if (ch in CHINESE_UNITS) {
      section += (digit || 1) * CHINESE_UNITS[ch]!;
      digit = 0;
    } else if (ch in CHINESE_SECTIONS) {
      const scale = CHINESE_SECTIONS[ch]!;
      // A bare leading magnitude means one of it: 亿 → 1e8, 万亿 → 1e12 (亿 then scales the 万 already counted).
      const value = section + digit || (total === 0 ? 1 : 0);
      total = scale === 1e8 ? (total + value) * scale : total + value * scale;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

/** Round away binary noise from decimal × multiplier (1.2 × 1e12). */
function exact(value: number): number {
  return Number(value.toPrecision(15));
}

function unitOf(unit: string): FigureUnit {
  if (unit === '元') return 'CNY';
  return unit === '%' || unit === '％' ? 'percent' : 'count';
}

interface FigureMatch {
  arabic?: string;
  multiplier?: string;
  chinese?: string;
  unit: string;
}

function valueOf(groups: FigureMatch): number {
  if (groups.arabic !== undefined) {
    const base = Number(toHalfWidth(groups.arabic).replace(/,/g, ''));
    return exact(base * (groups.multiplier ? parseChineseNumeral(groups.multiplier) : 1));
  }
  return parseChineseNumeral(groups.chinese ?? '');
}

/** Named exclusion rules; each returns a reason when the match is not a figure. */
function exclusionOf(groups: FigureMatch, before: string, value: number): string | null {
  if (before === ORDINAL_MARK) return 'ordinal';
  const chinese = groups.chinese;
  if (chinese === undefined) return null;
  if (chinese === INDEFINITE_ONE) return 'indefinite article';
  if (groups.unit === '元' && UNIT_LABEL.test(chinese)) return 'unit label';
  if (groups.unit !== '元' && MAGNITUDE_ONLY.test(chinese)) return 'idiom';
  if (value < MIN_CHINESE_NUMERAL_VALUE) return 'small chinese numeral';
  return null;
}

/** The sentence around `index`, with its closing punctuation. */
function sentenceAround(paragraph: string, index: number): string {
  let start = index;
  while (start > 0 && !endsSentence(paragraph, start - 1)) start--;
  let end = index;
  while (end < paragraph.length && !endsSentence(paragraph, end)) end++;
  return paragraph.slice(start, Math.min(end + 1, paragraph.length)).trim();
}

function figuresIn(paragraph: string): FigureMention[] {
  const found: FigureMention[] = [];
  for (const match of paragraph.matchAll(FIGURE)) {
    const groups = match.groups as unknown as FigureMatch;
    const value = valueOf(groups);
    if (exclusionOf(groups, paragraph[match.index - 1] ?? '', value) !== null) continue;
    found.push({ text: match[0], value, unit: unitOf(groups.unit), context: sentenceAround(paragraph, match.index) });
  }
  return found;
}

export function findFigures(paragraphs: string[]): FigureMention[] {
  return paragraphs.flatMap(figuresIn);
}
