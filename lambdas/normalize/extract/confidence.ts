/**
 * quality.confidence (CONTRACT.md): 0..1, how likely the extracted title and body are the page's article and nothing
 * else. Computed from features of the extraction only (no site, page or label is known here):
 *   - length: a very short body is more often a teaser, a footer or a stub than an article;
 *   - clause-mark density: prose has a clause mark every 10-30 characters (Chinese) or 40-90 (Latin script); link
 *     lists, menus, tag clouds and contact blocks have far fewer;
 *   - link density of the body: chrome is mostly links;
 *   - boilerplate share: characters in contact / ICP / copyright / "about us" lines (issue 9 class 1: a site's
 *     cooperation footer won over a 108-character brief);
 *   - share of the page's text: a body that is a sliver of a long page may be a neighbouring box;
 *   - title-body agreement: an article repeats words of its headline, or paraphrases it (paraphraseAgreement); a
 *     neighbouring story or a feed does not;
 *   - the extraction layer: the last-resort layers are less sure than scoring or a site profile;
 *   - article items: a body stitched from several <article> elements, each a story's worth of text, is a feed or a
 *     related-stories stream (issue 9 class 2), not one article; two algorithms agreeing on it do not clear that doubt
 *     (sharedDoubt), since both read the same page structure;
 *   - agreement between candidates, when a second opinion was taken (normalize/index.ts).
 * Each feature gives a factor in (0, 1] (1 = no doubt); the confidence is their product. The breakpoints were set on
 * the labelled bench sets (zh-cwced, aeb, gne; `npm run bench:accuracy` prints confidence bins against page F1) so that
 * failed pages (page F1 < 0.5) fall below LOW_CONFIDENCE and good ones above it.
 */
import { isBoilerplateLine } from '../clean/boilerplate.js';
import { memoizeCharTest, unitFlags } from '../clean/char-memo.js';

/** Records below this confidence carry a warning (and are where the second opinion is tried). */
export const LOW_CONFIDENCE = 0.5;

export interface ConfidenceInput {
  title: string | null;
  paragraphs: readonly string[];
  /** Non-space characters of the page's visible text, and of the body's link text (layout). */
  pageChars: number;
  bodyLinkChars: number;
  /** Which layer produced the body (extract/body.ts; 'text-lines' for captures; 'readability' for the second opinion). */
  layer: string;
  /** Separate <article> items of the body (layout.bodyArticleItems; 0 when unknown). */
  articleItems?: number;
}

export interface ConfidenceFeatures {
  chars: number;
  clauseDensity: number;
  latin: boolean;
  linkDensity: number;
  boilerplateShare: number;
  pageShare: number;
  titleAgreement: number | null;
  /** titleAgreement, or where that is below TITLE_LOW_AGREEMENT, paraphraseAgreement (what the title factor reads). */
  titleParaphrase: number | null;
  layer: string;
  articleItems: number;
}

/** Body length (non-space chars): full confidence from FULL_LENGTH_CHARS, SHORT_FACTOR at MIN_LENGTH_CHARS and below.
 * zh-cwced's shortest truth is 173 chars, gne's shortest article ~150; issue 9's failing briefs were 100-300. */
const MIN_LENGTH_CHARS = 80;
const FULL_LENGTH_CHARS = 250;
const SHORT_FACTOR = 0.7;
/** Clause marks per character. Chinese news prose on zh-cwced and gne: 0.04-0.09; Latin-script prose on aeb: 0.015-0.03
 * (commas and full stops). At or below the LOW value the body reads like a list or a menu. */
const HAN_DENSITY = { low: 0.012, full: 0.03 } as const;
const LATIN_DENSITY = { low: 0.005, full: 0.012 } as const;
const LOW_DENSITY_FACTOR = 0.35;
/** Link density of the body: articles stay under 0.15 (inline links); chrome and feeds run 0.4+. */
const LINK_DENSITY = { full: 0.15, low: 0.5 } as const;
const LINKY_FACTOR = 0.35;
/** Share of body characters in boilerplate/contact/ICP lines: at BOILERPLATE_LOW_SHARE the body is mostly footer. */
const BOILERPLATE_LOW_SHARE = 0.4;
const BOILERPLATE_FACTOR = 0.3;
/** Share of the page's visible text: below SLIVER_SHARE a body of under SLIVER_MAX_CHARS is doubtful (a box on a
 * portal page). Long bodies on huge pages (forums, comment threads) are left alone. */
const SLIVER_SHARE = 0.04;
const SLIVER_MAX_CHARS = 600;
const SLIVER_FACTOR = 0.75;
/** Share of the headline's character bigrams (Han) or words (Latin) found in the body; below TITLE_LOW_AGREEMENT the
 * body does not speak of the headline's subject. */
export const TITLE_LOW_AGREEMENT = 0.15;
const TITLE_FACTOR = 0.7;
/** The whole-page and densest-block fallbacks are less sure than scoring or a profile. */
const FALLBACK_FACTOR = 0.85;
/** A body from FEED_MIN_ITEMS or more <article> items is a stream of stories. On zh-cwced, aeb and gne 33 bodies come
 * from one <article> item and one from several (aeb b3c19dd5, a quotes page whose truth is the first of its 7 items:
 * page F1 0.33); the factor puts such a body below LOW_CONFIDENCE on its own (the second opinion then looks at the
 * next candidates). Only one bench page has the feature, so the factor is set from the class, not fitted. */
const FEED_MIN_ITEMS = 2;
const FEED_FACTOR = 0.4;

/** Clause marks, counted per code unit: any of HAN_CLAUSE; a LATIN_CLAUSE mark only before white space or the end. */
const HAN_CLAUSE = unitFlags('，。、；：！？');
const LATIN_CLAUSE = unitFlags(',.;:!?');
const isWhiteSpace = memoizeCharTest(/\s/u);
/**
 * Contact, ICP and legal lines (issue 9 class 1), beyond what clean/boilerplate.ts already drops: the wording, or an
 * e-mail address. The address pattern is tried only on a line with an @ (every address has one): run from every
 * position of every short paragraph, its [\w.+-]+ was most of this feature's cost.
 */
const CONTACT_LINE = /ICP[备證证]|公网安备|版权所有|Copyright|©|联系(?:电话|我们|方式)|(?:电话|传真|邮箱|热线|地址)\s*[:：]|关于我们|广告服务|合作(?:伙伴|热线|洽谈)|投稿(?:邮箱|须知)/i;
const EMAIL_ADDRESS = /[\w.+-]+@[\w-]+\.[a-z]{2,}/i;

function isContactLine(p: string): boolean {
  return CONTACT_LINE.test(p) || (p.includes('@') && EMAIL_ADDRESS.test(p));
}

/** Clause marks of `text`: what text.match(/[，。、；：！？]/g) (Han) or /[,.;:!?](?=\s|$)/g (Latin) finds, counted. */
function clauseMarks(text: string, latin: boolean): number {
  let n = 0;
  if (!latin) {
    for (let i = 0; i < text.length; i++) n += HAN_CLAUSE[text.charCodeAt(i)]!;
    return n;
  }
  for (let i = 0; i < text.length; i++) if (LATIN_CLAUSE[text.charCodeAt(i)] === 1 && (i + 1 === text.length || isWhiteSpace(text.charCodeAt(i + 1)))) n++;
  return n;
}

/** UTF-16 units in U+3400-U+9FFF or U+F900-U+FAFF (what `/[\u3400-\u9fff\uf900-\ufaff]/g` matches), counted
 * without the array of every match that `text.match` built (1.1% of normalize's CPU on zh-cwced). */
function hanUnits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) n++;
  }
  return n;
}

export function confidenceFeatures(input: ConfidenceInput): ConfidenceFeatures {
  const text = input.paragraphs.join('\n');
  const chars = nonSpace(text);
  const han = hanUnits(text);
  const latin = han < chars * 0.3;
  const marks = clauseMarks(text, latin);
  let boiler = 0;
  for (const p of input.paragraphs) if (p.length < 200 && (isContactLine(p) || isBoilerplateLine(p))) boiler += nonSpace(p);
  const agreement = input.title ? titleAgreement(input.title, text) : null;
  return {
    chars,
    clauseDensity: chars ? marks / chars : 0,
    latin,
    linkDensity: chars ? Math.min(1, input.bodyLinkChars / chars) : 0,
    boilerplateShare: chars ? boiler / chars : 0,
    pageShare: input.pageChars ? Math.min(1, chars / input.pageChars) : 1,
    titleAgreement: agreement,
    titleParaphrase: agreement !== null && agreement < TITLE_LOW_AGREEMENT ? paraphraseAgreement(input.title!, text) : agreement,
    layer: input.layer,
    articleItems: input.articleItems ?? 0,
  };
}

export function confidenceOf(f: ConfidenceFeatures): number {
  const density = f.latin ? LATIN_DENSITY : HAN_DENSITY;
  const factors = [
    ramp(f.chars, MIN_LENGTH_CHARS, FULL_LENGTH_CHARS, SHORT_FACTOR),
    ramp(f.clauseDensity, density.low, density.full, LOW_DENSITY_FACTOR),
    ramp(-f.linkDensity, -LINK_DENSITY.low, -LINK_DENSITY.full, LINKY_FACTOR),
    ramp(-f.boilerplateShare, -BOILERPLATE_LOW_SHARE, 0, BOILERPLATE_FACTOR),
    f.pageShare < SLIVER_SHARE && f.chars < SLIVER_MAX_CHARS ? SLIVER_FACTOR : 1,
    f.titleParaphrase !== null && f.titleParaphrase < TITLE_LOW_AGREEMENT ? TITLE_FACTOR : 1,
    f.layer === 'fallback' ? FALLBACK_FACTOR : 1,
    sharedDoubt(f),
  ];
  return round(factors.reduce((a, b) => a * b, 1));
}

/** The factor of the doubts a second algorithm reading the same page would share (the page's structure: a feed of
 * article items), so that its agreement cannot lift them (normalize/index.ts). 1 = none. */
export function sharedDoubt(f: ConfidenceFeatures): number {
  return f.articleItems >= FEED_MIN_ITEMS ? FEED_FACTOR : 1;
}

/** 1 at or above `full`, `floor` at or below `low`, linear between. */
function ramp(x: number, low: number, full: number, floor: number): number {
  if (x >= full) return 1;
  if (x <= low) return floor;
  return floor + ((1 - floor) * (x - low)) / (full - low);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function nonSpace(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0x3000 && c !== 0xa0) n++;
  }
  return n;
}

/** Latin-script words of 3+ letters or digits (accented letters included), matched as whole words: a substring match
 * found the title word "ama" in "amada" and "quem" in "quemar". */
const WORD = /[\p{L}\p{N}]{3,}/gu;
/** Body words: runs of letters and digits, Han characters excluded (a Latin word glued to Han text stays a word). */
const ANY_WORD = /[^\s\p{P}\p{S}\u3400-\u9fff\uf900-\ufaff]+/gu;

/** Share of the title's Han bigrams (or Latin words of 3+ letters, as whole words) that occur in the body. */
export function titleAgreement(title: string, body: string): number {
  const hanRuns = title.match(/[\u3400-\u9fff\uf900-\ufaff]+/g) ?? [];
  const units: string[] = [];
  for (const run of hanRuns) for (let i = 0; i + 2 <= run.length; i++) units.push(run.slice(i, i + 2));
  if (units.length > 0) return units.filter((u) => body.includes(u)).length / units.length;
  const words = (title.toLowerCase().match(WORD) ?? []).filter((w) => !HAN_CHAR.test(w));
  if (words.length === 0) return 1;
  const inBody = new Set(body.toLowerCase().match(ANY_WORD) ?? []);
  return words.filter((w) => inBody.has(w)).length / words.length;
}

const HAN_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/;

/** For the title factor, a title bigram also counts as found when its two characters stand in the body with at most
 * this many characters between them: a body paraphrases its headline, spelling out what the headline shortens
 * (八九民运 as 八九年的民主运动: 民运 found in 民主运). Measured on the 128 Han-titled records of zh-cwced, aeb and gne
 * (right bodies all): against each title's own body, 4 fall below TITLE_LOW_AGREEMENT by exact bigrams and 3 with a gap
 * of 1 (zh-cwced 05e98007, a memoir whose body never repeats 八九民运, 0.10 -> 0.30); against the other 127 bodies (a
 * stand-in for a neighbouring story), 10.4% of the 16,256 pairs reach TITLE_LOW_AGREEMENT by exact bigrams and 12.1% with
 * a gap of 1 (13.6% with 2), so the factor still flags nearly as many wrong bodies. */
const PARAPHRASE_GAP = 1;

/**
 * Share of the title's Han bigrams found in the body exactly or with up to PARAPHRASE_GAP characters between their two
 * characters (the same share as titleAgreement for a title without Han bigrams). Only the confidence's title factor
 * reads it, and only when titleAgreement is low; the body choices (body.ts, article.ts, body-anchor.ts) and the second
 * opinion's runner-up filter keep the exact share.
 */
export function paraphraseAgreement(title: string, body: string): number {
  const hanRuns = title.match(/[\u3400-\u9fff\uf900-\ufaff]+/g) ?? [];
  let units = 0;
  let found = 0;
  for (const run of hanRuns) {
    for (let i = 0; i + 2 <= run.length; i++) {
      units++;
      if (body.includes(run.slice(i, i + 2)) || inOrderWithin(body, run[i]!, run[i + 1]!, PARAPHRASE_GAP)) found++;
    }
  }
  return units > 0 ? found / units : titleAgreement(title, body);
}

/** Whether `b` follows some `a` in `text` with 1..gap characters between them (one UTF-16 unit each: Han BMP). */
function inOrderWithin(text: string, a: string, b: string, gap: number): boolean {
  for (let at = text.indexOf(a); at >= 0; at = text.indexOf(a, at + 1)) {
    for (let k = 2; k <= gap + 1; k++) if (text[at + k] === b) return true;
  }
  return false;
}
