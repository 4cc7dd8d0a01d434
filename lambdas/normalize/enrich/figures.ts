/**
 * Quantities in the body: money (yuan, or another currency by ISO code), percentages, percentage points and counts,
 * written with Arabic digits (decimals, thousands separators, full width) or Chinese numerals, with 万 / 亿 / 万亿
 * multipliers, inner 多 / 余, qualifiers before or after (超过, 约, 近, 以上, 左右, 以下…) and ranges (6500~7000人次).
 * A figure is a number directly followed by a unit; the exclusion rules below drop what only looks like one
 * (ordinals, durations, vague amounts, the indefinite 一, idioms). Conventions and the labelled pages they were
 * checked on: test/fixtures/enrich/README.md (`npm run bench:enrich`).
 *
 * Bounded: at most MAX_FIGURES figures per record and CONTEXT_MAX_CHARS of context each (a page of 20,000
 * 「增长1%，」 would otherwise give a record of hundreds of MB); when the cap cuts, a warning says so.
 * Every step is linear in the paragraph: one regex pass, and a context window that never scans past its cap.
 */
import { unitFlags } from '../clean/char-memo.js';

export type FigureUnit = 'CNY' | 'USD' | 'EUR' | 'GBP' | 'JPY' | 'HKD' | 'KRW' | 'RUB' | 'AUD' | 'TWD' | 'percent' | 'percentPoint' | 'count';
export type FigureQualifier = 'over' | 'about' | 'under' | 'range';

export interface FigureMention {
  text: string;
  value: number;
  unit: FigureUnit;
  context: string;
  qualifier?: FigureQualifier;
  upper?: number;
}

/** Figures kept per record: far above any real article (the busiest labelled page has 44) and a record stays small. */
export const MAX_FIGURES = 500;
/**
 * Numbers with a unit examined per record, figures or not: bounds the time on hostile text that matches without
 * giving figures (万亿元 ×100k). The labelled pages have at most 120; 5,000 take about 0.3 s here on 万亿元 ×100k.
 */
export const MAX_CANDIDATES = 5_000;
/** Context characters kept on each side of a figure, within its sentence: a sentence is rarely longer than 200. */
export const CONTEXT_MAX_CHARS = 100;

/**
 * Counting classifiers that make a count (contract: any counting classifier). Left out on purpose, each seen to
 * mislead on the labelled pages: 期 (二期工程 is a phase), 届 and 级 (sessions, levels), 处 (两处长度值), 年/天/月 (durations).
 */
export const COUNT_CLASSIFIERS = '个家项场名人次座台条位所篇种款块辆部张份单宗间层幅支本章户件只头架艘批套棵株枚颗趟列首封起类片口幢栋笔例';
/** Words after 个 that make a duration or a different unit, not a count: 3个月, 两个小时, 4.51个百分点. */
const NOT_COUNT_AFTER_GE = /^(?:月|小时|钟头|工作日|交易日|自然日|星期|礼拜|季度|年头|学期|半小时|半月|多月|多小时|基点)/;
/**
 * Words right after a classifier that make the whole a name or a term, not a count: 两位数 (double digits),
 * 三次产业 (the tertiary sector), village and town names (八家子村, 五棵树镇, 八家户村).
 */
const NOT_COUNT_AFTER: Readonly<Record<string, RegExp>> = { 位: /^数/, 次: /^产业/, 家: /^[子户]/, 棵: /^树/ };
/** Currency words after a number and the ISO code each gives. 元人民币 and 块钱 are yuan. */
const CURRENCIES: readonly (readonly [string, FigureUnit])[] = [
  ['元人民币', 'CNY'], ['美元', 'USD'], ['欧元', 'EUR'], ['英镑', 'GBP'], ['日元', 'JPY'], ['港元', 'HKD'], ['港币', 'HKD'],
  ['韩元', 'KRW'], ['卢布', 'RUB'], ['澳元', 'AUD'], ['新台币', 'TWD'], ['块钱', 'CNY'], ['元钱', 'CNY'], ['元', 'CNY'],
];
const PERCENT_POINT = '个百分点';

const DIGITS = '0-9０-９';
const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CHINESE_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const CHINESE_SECTIONS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };
const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';
/** Multipliers after Arabic digits: 2.5万, 1866亿, 1.2万亿, 5千万. */
const MULTIPLIER = '(?:[千百]?万亿|[千百]?亿|[千百]?万|千|百)';
const ARABIC = `[${DIGITS}]{1,3}(?:,[0-9]{3})+(?:[.．][0-9]+)?|[${DIGITS}]+(?:[.．][${DIGITS}]+)?`;
/** 多 / 余 inside a figure (20多万元, 700余次, 5万余人次, 5.26亿余元) mean "more than". */
const INNER = '[多余]';
const UNIT_WORDS = [...CURRENCIES.map(([w]) => w), PERCENT_POINT, '人次', '%', '％'];
const UNIT = `(?:${UNIT_WORDS.join('|')}|[${COUNT_CLASSIFIERS}])`;
/** One number: digits or a Chinese numeral, then a multiplier, with 多/余 before or after the multiplier. */
const NUMBER = (tag: string): string =>
  `(?:(?<${tag}a>${ARABIC})|(?<${tag}c>[${CHINESE_NUMERAL_CHARS}]+?))(?<${tag}i1>${INNER})?(?<${tag}m>${MULTIPLIER})?(?<${tag}i2>${INNER})?`;
/** Range separators: 6500~7000, 5%-8%, 39%至41%, 2元—10元, 六到八人. */
const RANGE_SEPARATOR = '\\s?[~～\\-—–至到]\\s?';

/**
 * Number + unit, optionally a range "number [unit] separator number unit". The look-behind keeps a number from
 * starting inside a code, a formula or a model name (3+3+X, A1, X50, 1.5.2).
 */
const FIGURE_SOURCE =
  `(?<![${DIGITS}A-Za-z.．+＋])(?<![A-Za-z] )` +
  `(?:${NUMBER('l')}(?<lu>${UNIT})?${RANGE_SEPARATOR})?` +
  `${NUMBER('n')}(?<unit>${UNIT})`;
/** The figure pattern tried at one position only (sticky): figureMatches runs it where a figure can start. */
const FIGURE_AT = new RegExp(FIGURE_SOURCE, 'y');
/**
 * Code units a figure match can start with: every match begins with its first number, whose first character is an
 * Arabic digit (half- or full-width) or a Chinese numeral. Run at every position, the two look-behinds and the
 * alternatives cost more than the rest of the figure reading (node --cpu-prof on zh-cwced).
 */
const FIGURE_START = ((): Uint8Array => {
  const t = new Uint8Array(0x10000);
  for (const ch of `0123456789０１２３４５６７８９${CHINESE_NUMERAL_CHARS}`) t[ch.charCodeAt(0)] = 1;
  return t;
})();

/**
 * The figure-pattern matches of a paragraph, left to right and never overlapping: exactly what `matchAll` of the global
 * pattern gives (the leftmost match at or after the previous end), with the pattern tried only at FIGURE_START units.
 */
function* figureMatches(paragraph: string): Generator<RegExpExecArray> {
  for (let i = 0; i < paragraph.length; ) {
    if (FIGURE_START[paragraph.charCodeAt(i)] === 0) {
      i++;
      continue;
    }
    FIGURE_AT.lastIndex = i;
    const match = FIGURE_AT.exec(paragraph);
    if (match === null) {
      i++;
      continue;
    }
    yield match;
    i = match.index + match[0].length;
  }
}

/** Qualifier words written before a number (longest first). */
const PREFIX_QUALIFIERS: readonly (readonly [string, FigureQualifier])[] = [
  ['约合人民币', 'about'], ['不超过', 'under'], ['不高于', 'under'], ['不低于', 'over'], ['不少于', 'over'], ['约合', 'about'],
  ['约为', 'about'], ['约有', 'about'], ['大约', 'about'], ['接近', 'about'], ['近乎', 'about'], ['将近', 'about'], ['超过', 'over'], ['超出', 'over'],
  ['突破', 'over'], ['不到', 'under'], ['不足', 'under'], ['约', 'about'], ['近', 'about'], ['超', 'over'], ['逾', 'over'],
];
/** Qualifier words written after the unit. 多 after a unit: 14％多. */
const SUFFIX_QUALIFIERS: readonly (readonly [string, FigureQualifier])[] = [
  ['及以上', 'over'], ['以上', 'over'], ['以下', 'under'], ['以内', 'under'], ['左右', 'about'], ['多', 'over'],
];
const MAX_PREFIX_CHARS = 5;
/**
 * Words ending in a one-character qualifier that are not qualifiers: 签约 / 合约 / 节约 … before 约,
 * 最近 / 附近 before 近, 赶超 before 超.
 */
const NOT_A_QUALIFIER_BEFORE: Readonly<Record<string, RegExp>> = { 约: /[签合预节制公条契邀履违特]约$/, 近: /[最附邻]近$/, 超: /[赶]超$/ };
/** Characters before a number that make it vague (几十万元, 几百元), an ordinal (第六场, 七届八次) or a rank (前100名). */
const VAGUE_BEFORE = /几$/;
/** 数 / 上 before a Chinese magnitude are vague (数百家, 上百万元, 上万人); before Arabic digits 数 is "number" (舱房数789间). */
const VAGUE_BEFORE_CHINESE = /[数上]$/;
const ORDINAL_BEFORE = /[第届]$/;
/** The longest quoted slogan whose Chinese-numeral counts are names, not figures (“两个毫不动摇”, 「三项清理」). */
const SLOGAN_QUOTE_CHARS = 40;
const OPEN_QUOTES = '“「『‘';
const CLOSE_QUOTES = '”」』’';
const NOT_IN_SLOGAN = '，,。！？；：:!?;';
/** The three sets above as code-unit flags (all one unit each), read per character of the window. */
const OPEN_QUOTE_UNITS = unitFlags(OPEN_QUOTES);
const CLOSE_QUOTE_UNITS = unitFlags(CLOSE_QUOTES);
const NOT_IN_SLOGAN_UNITS = unitFlags(NOT_IN_SLOGAN);
/** 前4个月 / 前100名 rank or bound a period; 此前 / 目前 / 提前 … end a time word, and the number after them is a figure. */
const RANK_BEFORE = /(?<![此之日目提以])前$/;
/** A lone 一 before a classifier is the indefinite article (一个环节, 一场); a lone 二 is an ordinal-like label (二期, 二本). */
const NOT_A_COUNT_NUMERAL = /^[一二]$/;
/** Magnitude-only numerals (万家灯火, 千家万户, 百项) are idioms unless a qualifier makes them a figure (近千辆, 百余名, 超千亿元). */
const MAGNITUDE_ONLY = /^[百千万亿]+$/;
/** A bare 万 or 亿 before 元 names the unit (亿元以上项目, 万元以下), never an amount. */
const UNIT_LABEL = /^[万亿]$/;
/** Two adjacent digit characters are an approximation (五六千元, 三四个), not one number. */
const ADJACENT_DIGITS = /[一二两三四五六七八九]{2}/;

function toHalfWidth(text: string): string {
  return text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** 一千五百 → 1500, 两百 → 200, 十二 → 12, 千亿 → 1e11, 三万五千 → 35000, 一百三十 → 130. */
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

/**
 * Integers below this are exact already: toPrecision(15) writes all their digits (in fixed notation) and reads back the
 * same number, so `exact` returns them as they are instead of formatting and parsing (most figures are integers).
 */
const EXACT_INTEGER_BELOW = 1e15;

/** Round away binary noise from decimal × multiplier (1.2 × 1e12). */
function exact(value: number): number {
  // `+ 0` turns -0 into 0, as Number((-0).toPrecision(15)) does.
  if (Number.isInteger(value) && Math.abs(value) < EXACT_INTEGER_BELOW) return value + 0;
  return Number(value.toPrecision(15));
}

function unitOf(unit: string): FigureUnit {
  if (unit === '%' || unit === '％') return 'percent';
  if (unit === PERCENT_POINT) return 'percentPoint';
  return CURRENCIES.find(([w]) => w === unit)?.[1] ?? 'count';
}

interface NumberParts {
  arabic?: string;
  chinese?: string;
  inner: boolean;
  multiplier?: string;
}

function partsOf(groups: Record<string, string | undefined>, tag: string): NumberParts | null {
  const arabic = groups[`${tag}a`];
  const chinese = groups[`${tag}c`];
  if (arabic === undefined && chinese === undefined) return null;
  return { arabic, chinese, inner: groups[`${tag}i1`] !== undefined || groups[`${tag}i2`] !== undefined, multiplier: groups[`${tag}m`] };
}

function valueOf(parts: NumberParts, inheritedMultiplier?: string): number {
  const multiplier = parts.multiplier ?? inheritedMultiplier;
  const scale = multiplier ? parseChineseNumeral(multiplier) : 1;
  if (parts.arabic !== undefined) return exact(Number(toHalfWidth(parts.arabic).replace(/,/g, '')) * scale);
  return exact(parseChineseNumeral((parts.chinese ?? '') + (parts.multiplier ?? '')));
}

/** Why a Chinese numeral is not a figure, or null. */
function chineseExclusion(parts: NumberParts, qualified: boolean): string | null {
  const chinese = parts.chinese;
  if (chinese === undefined) return null;
  if (ADJACENT_DIGITS.test(chinese)) return 'approximation';
  if (NOT_A_COUNT_NUMERAL.test(chinese) && !parts.multiplier) return 'indefinite or label';
  if (MAGNITUDE_ONLY.test(chinese + (parts.multiplier ?? '')) && !qualified && !parts.inner) return 'idiom or unit label';
  return null;
}

function prefixQualifier(before: string): { qualifier: FigureQualifier; word: string } | null {
  const tail = before.slice(-MAX_PREFIX_CHARS);
  for (const [word, qualifier] of PREFIX_QUALIFIERS) {
    if (tail.endsWith(word)) return NOT_A_QUALIFIER_BEFORE[word]?.test(tail) ? null : { qualifier, word };
  }
  return null;
}

/**
 * Whether `index` sits inside a quoted slogan: a quotation of at most SLOGAN_QUOTE_CHARS characters with no clause or
 * sentence mark inside (“两个毫不动摇”, 「凝聚一种精神、把握两个特征」). Quoted speech has commas and stays readable.
 */
function inSlogan(paragraph: string, index: number): boolean {
  let open = -1;
  for (let i = index - 1; i >= Math.max(0, index - SLOGAN_QUOTE_CHARS); i--) {
    const unit = paragraph.charCodeAt(i);
    if (CLOSE_QUOTE_UNITS[unit] === 1 || NOT_IN_SLOGAN_UNITS[unit] === 1) return false;
    if (OPEN_QUOTE_UNITS[unit] === 1) {
      open = i;
      break;
    }
  }
  if (open < 0) return false;
  for (let i = index; i < Math.min(paragraph.length, open + SLOGAN_QUOTE_CHARS); i++) {
    const unit = paragraph.charCodeAt(i);
    if (CLOSE_QUOTE_UNITS[unit] === 1) return true;
    if (NOT_IN_SLOGAN_UNITS[unit] === 1) return false;
  }
  return false;
}

function suffixQualifier(after: string): { qualifier: FigureQualifier; word: string } | null {
  for (const [word, qualifier] of SUFFIX_QUALIFIERS) if (after.startsWith(word)) return { qualifier, word };
  return null;
}

/** Sentence ends for `context` (code-unit flags). Never ASCII `.`: it is a decimal point (94.5%). */
const SENTENCE_END_UNITS = unitFlags('。！？；;');
/** ASCII ! and ? end a sentence only when a space, quote or the end follows: `当?仄骄` is a mojibake `?`, not a question. */
const ASCII_SENTENCE_END_UNITS = unitFlags('!?');
const NOT_AFTER_ASCII_END = /[\p{Script=Han}?A-Za-z0-9]/u;

function endsSentence(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  if (SENTENCE_END_UNITS[unit] === 1) return true;
  return ASCII_SENTENCE_END_UNITS[unit] === 1 && !NOT_AFTER_ASCII_END.test(text[i + 1] ?? '');
}

/** Clause marks where a context cut short by CONTEXT_MAX_CHARS starts or ends, so it never starts inside a number. */
const CLAUSE_MARK_UNITS = unitFlags('，,、：:');

/**
 * The sentence around [start, end), with its closing punctuation; a sentence longer than CONTEXT_MAX_CHARS on a side
 * is cut there, at the clause mark nearest the cut inside the window.
 */
function contextAround(paragraph: string, start: number, end: number): string {
  let from = start;
  const minFrom = Math.max(0, start - CONTEXT_MAX_CHARS);
  while (from > minFrom && !endsSentence(paragraph, from - 1)) from--;
  if (from === minFrom && from > 0 && !endsSentence(paragraph, from - 1)) {
    let clause = from;
    while (clause < start && CLAUSE_MARK_UNITS[paragraph.charCodeAt(clause)] !== 1) clause++;
    if (clause < start) from = clause + 1;
  }
  let to = end;
  const maxTo = Math.min(paragraph.length, end + CONTEXT_MAX_CHARS);
  while (to < maxTo && !endsSentence(paragraph, to)) to++;
  if (to < paragraph.length && endsSentence(paragraph, to)) to++;
  else if (to === maxTo && to < paragraph.length) {
    let clause = to;
    while (clause > end && CLAUSE_MARK_UNITS[paragraph.charCodeAt(clause - 1)] !== 1) clause--;
    if (clause > end) to = clause;
  }
  return paragraph.slice(from, to).trim();
}

/** The figures a regex match stands for (none when an exclusion rule applies; two when a "range" joins different units). */
function figuresOf(paragraph: string, match: RegExpExecArray): FigureMention[] {
  const groups = match.groups as Record<string, string | undefined>;
  const unitWord = groups.unit!;
  const end = match.index + match[0].length;
  const rest = paragraph.slice(end, end + 4);
  if (unitWord === '个' && NOT_COUNT_AFTER_GE.test(rest)) return [];
  if (NOT_COUNT_AFTER[unitWord]?.test(rest)) return [];
  const upperParts = partsOf(groups, 'n')!;
  const len = (...parts: (string | undefined)[]): number => parts.reduce((n, p) => n + (p?.length ?? 0), 0);
  const upperStart = end - len(groups.na, groups.nc, groups.ni1, groups.nm, groups.ni2, unitWord);
  const lowerParts = partsOf(groups, 'l');
  if (lowerParts) {
    const lowerEnd = match.index + len(groups.la, groups.lc, groups.li1, groups.lm, groups.li2, groups.lu);
    const lower = figureAt(paragraph, match.index, lowerEnd, lowerParts, groups.lu, null);
    if (lower === 'excluded' || (groups.lu !== undefined && unitOf(groups.lu) !== unitOf(unitWord))) {
      // Not a range: 35.7%至35.9亿元 is two figures; 几十万元到100多万元 keeps only the upper end.
      const upper = figureAt(paragraph, upperStart, end, upperParts, unitWord, null);
      return [lower, upper].filter((f): f is FigureMention => f !== 'excluded' && f !== null);
    }
  }
  const figure = figureAt(paragraph, match.index, end, upperParts, unitWord, lowerParts);
  return figure === 'excluded' || figure === null ? [] : [figure];
}

/**
 * One figure from `start` (its number) to `end` (after its unit); `lowerParts` makes it a range. Returns 'excluded'
 * when a rule says the number is not a figure, null when `unitWord` is missing (the lower end of a range written
 * without a unit, which the range then reads).
 */
function figureAt(
  paragraph: string,
  start: number,
  end: number,
  parts: NumberParts,
  unitWord: string | undefined,
  lowerParts: NumberParts | null,
): FigureMention | 'excluded' | null {
  const before = paragraph.slice(Math.max(0, start - MAX_PREFIX_CHARS), start);
  const first = lowerParts ?? parts;
  if (ORDINAL_BEFORE.test(before) || RANK_BEFORE.test(before) || VAGUE_BEFORE.test(before)) return 'excluded';
  if (first.chinese !== undefined && (VAGUE_BEFORE_CHINESE.test(before) || inSlogan(paragraph, start))) return 'excluded';
  if (unitWord === undefined) return null;
  const unit = unitOf(unitWord);
  const prefix = prefixQualifier(before);
  const suffix = lowerParts ? null : suffixQualifier(paragraph.slice(end, end + 3));
  const qualified = prefix !== null || suffix !== null || lowerParts !== null;
  if (unit !== 'count' && parts.chinese !== undefined && UNIT_LABEL.test(parts.chinese + (parts.multiplier ?? '')) && !parts.inner) return 'excluded';
  if (chineseExclusion(parts, qualified) !== null || (lowerParts && chineseExclusion(lowerParts, true) !== null)) return 'excluded';
  const upper = valueOf(parts);
  // 15-18万元: a lower end without its own multiplier takes the upper end's.
  const value = lowerParts ? valueOf(lowerParts, parts.multiplier) : upper;
  if (lowerParts && !(value < upper)) return 'excluded';
  const from = start - (prefix?.word.length ?? 0);
  const to = end + (suffix?.word.length ?? 0);
  const figure: FigureMention = { text: paragraph.slice(from, to), value, unit, context: contextAround(paragraph, from, to) };
  const qualifier: FigureQualifier | undefined = lowerParts ? 'range' : (prefix?.qualifier ?? (parts.inner ? 'over' : suffix?.qualifier));
  if (qualifier) figure.qualifier = qualifier;
  if (lowerParts) figure.upper = upper;
  return figure;
}

/**
 * Figures in body paragraphs, in order, at most MAX_FIGURES from at most MAX_CANDIDATES numbers. When `warnings` is
 * given and a cap stopped the reading, a readable warning is added to it (the record says its figures are incomplete).
 */
export function findFigures(paragraphs: string[], warnings?: string[]): FigureMention[] {
  const found: FigureMention[] = [];
  let candidates = 0;
  for (const paragraph of paragraphs) {
    for (const match of figureMatches(paragraph)) {
      if (found.length >= MAX_FIGURES || ++candidates > MAX_CANDIDATES) {
        warnings?.push(
          found.length >= MAX_FIGURES
            ? `figures capped at ${MAX_FIGURES}: the rest of the body was not read for figures`
            : `figures: stopped after ${MAX_CANDIDATES} numbers with a unit; the rest of the body was not read for figures`,
        );
        return found;
      }
      found.push(...figuresOf(paragraph, match).slice(0, MAX_FIGURES - found.length));
    }
  }
  return found;
}
