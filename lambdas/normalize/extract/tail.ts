/**
 * What follows the article inside its container (issue 9 class 5), for HTML and text captures alike (article.ts):
 *   1. after the closing credit block (责任编辑 / 编辑|X / 校对|X …) in the article's last part, the short lines left are
 *      the site's: a WeChat-style reply menu (回复【X】查看…), a quoted neighbouring story, a "join us" line;
 *   2. a trailing run of teaser cards, each a short headline line and a line that is only a date: a related-stories box
 *      whose headlines are not links (script-driven cards).
 * Both cut only at the end and only short lines, so an article's own dated sections or an early credit line stay.
 *   3. a second copy of the article (a desktop and a mobile rendering in one container): a run of at least
 *      MIN_REPEATED_RUN paragraphs that repeats the article's opening paragraphs in order is dropped; so is a run of
 *      lines that repeats the run just before it (an info table rendered twice: 索引号 / 发文机关 / 发布日期 …) once it
 *      holds MIN_ADJACENT_REPEAT_LINES lines and MIN_ADJACENT_REPEAT_CHARS characters.
 *   4. a post footer: the line a blog or forum prints under each post, saying who posted it and when, and the signature
 *      block a rule of dashes opens above it (dropPostFooter).
 */
import { findFullDates } from './dates.js';

/** The closing credits must come after this share of the article's characters (credits under the headline do not
 * close anything). */
const CLOSING_MIN_SHARE_BEFORE = 0.6;
/** What follows the closing credits is cut only when every line is at most this long (a menu entry, a quoted headline
 * and its teaser: 15-120 chars on the gne pages) ... */
const AFTER_CLOSING_MAX_LINE_CHARS = 160;
/** ... and all of it at most this much: a second article after an editor line is left alone. */
const AFTER_CLOSING_MAX_CHARS = 400;

/** A line that is nothing but a date, optionally with a clock: "2019-09-08", "2024年3月12日 10:20". */
const DATE_ONLY_LINE = /^(?:(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}|(?:19|20)\d\d年\d{1,2}月\d{1,2}日)(?:\s*\d{1,2}:\d\d(?::\d\d)?)?$/;
/** Teaser cards: a headline line (short, not a closed sentence) and a date-only line, at least this many times. */
const MIN_TEASER_CARDS = 2;
const TEASER_MAX_CHARS = 60;
const CLOSED_SENTENCE = /[。！？!?]$/;

/**
 * Cuts the lines after the closing credit block. `closingAt` is the number of kept lines before the last closing
 * credit line (null when there was none).
 */
export function cutAfterClosingCredits<T extends { text: string }>(kept: T[], closingAt: number | null): T[] {
  if (closingAt === null || closingAt >= kept.length) return kept;
  const total = charsOf(kept);
  const before = charsOf(kept.slice(0, closingAt));
  const after = kept.slice(closingAt);
  if (before < total * CLOSING_MIN_SHARE_BEFORE) return kept;
  if (after.some((b) => b.text.length > AFTER_CLOSING_MAX_LINE_CHARS) || total - before > AFTER_CLOSING_MAX_CHARS) return kept;
  return kept.slice(0, closingAt);
}

/** Drops a trailing run of teaser cards (headline line + date-only line, MIN_TEASER_CARDS or more). */
export function dropTrailingTeaserCards<T extends { text: string }>(kept: T[]): T[] {
  let start = kept.length;
  let dates = 0;
  while (start > 0) {
    const t = kept[start - 1]!.text.trim();
    if (DATE_ONLY_LINE.test(t)) dates++;
    else if (t.length > TEASER_MAX_CHARS || CLOSED_SENTENCE.test(t)) break;
    start--;
  }
  if (dates < MIN_TEASER_CARDS) return kept;
  // Cut from the first card's headline, the line before the run's first date line; short lines before it stay.
  let first = start;
  while (!DATE_ONLY_LINE.test(kept[first]!.text.trim())) first++;
  return kept.slice(0, first > start ? first - 1 : first);
}

/** A second copy is this many paragraphs at least, each of MIN_REPEATED_PARAGRAPH_CHARS: a refrain or a pull quote
 * repeats one line, not the opening paragraphs in order. */
const MIN_REPEATED_RUN = 2;
const MIN_REPEATED_PARAGRAPH_CHARS = 20;

/**
 * A run repeating the run just before it is a second rendering when it is at least this many lines and chars: a chorus
 * or a refrain sung twice is two to four short lines (~20-40 chars); the double info tables of government portals are
 * 8-16 lines of 100-300 chars (zh-cwced e8847578: 13 lines, 110 chars). Runs up to MAX_ADJACENT_REPEAT_LINES are looked
 * for, so the check costs at most that many string comparisons a line.
 */
const MIN_ADJACENT_REPEAT_LINES = 6;
const MIN_ADJACENT_REPEAT_CHARS = 60;
const MAX_ADJACENT_REPEAT_LINES = 40;

/** Drops a repeat of the article's opening paragraphs, or of the run just before it (rule 3 above). */
export function dropRepeatedBody<T extends { text: string }>(kept: T[]): T[] {
  return dropRepeatedOpening(dropAdjacentRepeat(kept));
}

function dropAdjacentRepeat<T extends { text: string }>(kept: T[]): T[] {
  for (let j = MIN_ADJACENT_REPEAT_LINES; j < kept.length; j++) {
    const most = Math.min(j, kept.length - j, MAX_ADJACENT_REPEAT_LINES);
    for (let m = MIN_ADJACENT_REPEAT_LINES; m <= most; m++) {
      if (kept[j]!.text !== kept[j - m]!.text) continue;
      let same = 1;
      while (same < m && kept[j + same]!.text === kept[j - m + same]!.text) same++;
      if (same === m && charsOf(kept.slice(j, j + m)) >= MIN_ADJACENT_REPEAT_CHARS) return [...kept.slice(0, j), ...dropAdjacentRepeat(kept.slice(j + m))];
    }
  }
  return kept;
}

function dropRepeatedOpening<T extends { text: string }>(kept: T[]): T[] {
  const first = kept[0]?.text;
  if (!first || first.length < MIN_REPEATED_PARAGRAPH_CHARS) return kept;
  for (let j = 1; j < kept.length; j++) {
    if (kept[j]!.text !== first) continue;
    let m = 0;
    while (j + m < kept.length && m < j && kept[j + m]!.text === kept[m]!.text && kept[m]!.text.length >= MIN_REPEATED_PARAGRAPH_CHARS) m++;
    if (m >= MIN_REPEATED_RUN) return [...kept.slice(0, j), ...kept.slice(j + m)];
  }
  return kept;
}

function charsOf(blocks: readonly { text: string }[]): number {
  let n = 0;
  for (const b of blocks) n += b.text.length;
  return n;
}

/**
 * The headline block a body may open with (print layout: 引题 / 主题 / 副题, then the reporter line "本报记者X发自Y",
 * then the text): when a standalone reporter line (byline.ts isReporterLine) comes after at most MAX_DECK_LINES kept
 * lines, and each of them is a headline-shaped line (at most DECK_MAX_CHARS, not closed by 。/！/…), those lines are the
 * deck and headline repeated, not the article: dropped. zh-cwced b4c2eccd (a 副题) and ab65832c (the headline twice and
 * its 副题); no truth of zh-cwced, aeb or gne keeps such a line before a reporter line. `reporterAt` is the number of kept
 * lines before the reporter line (null when there was none).
 */
export function dropHeadlineDeck<T extends { text: string }>(kept: T[], reporterAt: number | null): T[] {
  const first = kept[0]?.text;
  // A sub-headline opening the body ("——写在大会开幕之际", the print 副题 under the headline): zh-cwced 500b350d. No truth
  // of any set opens with a dash line; later dash lines (a quote's attribution "——（宋）陆游", a reply) stay.
  if (reporterAt === null && first !== undefined && DASH_SUBTITLE.test(first) && first.length <= DECK_MAX_CHARS && !DECK_CLOSED.test(first) && !/[。！？]/.test(first)) return kept.slice(1);
  if (reporterAt === null || reporterAt === 0 || reporterAt > MAX_DECK_LINES) return kept;
  const deck = kept.slice(0, reporterAt);
  if (deck.some((b) => b.text.length > DECK_MAX_CHARS || DECK_CLOSED.test(b.text))) return kept;
  return kept.slice(reporterAt);
}
const MAX_DECK_LINES = 3;
const DASH_SUBTITLE = /^\s*(?:——|--|──)\s*[^—\-─\s]/;
const DECK_MAX_CHARS = 60;
/** A paragraph's closing marks; a headline may end in ？ ("谁来为无序拆房"埋单"？"), a paragraph seldom does. */
const DECK_CLOSED = /[。！!…；;：:]$/;


/**
 * A poster label of a post footer: 作者：X, 发布时间 / 发表于 DATE, "by X", "posted". With a full date on one short line
 * at the article's end, the line is the footer a blog or forum prints under every post (zh-cwced ab65832c
 * "- 作者： 流泉 访问统计： 2005年08月30日, 星期二 13:22 加入博采", c2d9f85c "〓 … 发布时间 2005/05/17 22:11:42 by 眉间尺 〓"),
 * not article text: the post's date and poster, beside widget words.
 */
const POST_FOOTER_LABEL = /作者\s*[:：]|(?:发布|发表|发帖)(?:时间|日期|于)|(?<![A-Za-z])(?:[Pp]osted|by)(?![A-Za-z])/;
/** A post footer is one short line: the two zh-cwced footers are 44 and 48 characters; a closing paragraph that
 * mentions an author and a date is longer or holds a sentence mark. */
const POST_FOOTER_MAX_CHARS = 80;
/** Sentence marks: a line holding one is prose, never a footer or a signature line. */
const SENTENCE_MARK = /[。！？!?]/;
/** A rule of dashes or other marks alone on a line, the forum signature's opener ("------------------------------"). */
const SEPARATOR_LINE = /^[-=_*~—─－＝]{4,}$/;
/** A signature under the rule is a blog link, a motto or a name: at most this many lines of POST_FOOTER_MAX_CHARS. */
const MAX_SIGNATURE_LINES = 3;

function isPostFooter(text: string): boolean {
  const t = text.trim();
  return t.length <= POST_FOOTER_MAX_CHARS && !SENTENCE_MARK.test(t) && POST_FOOTER_LABEL.test(t) && findFullDates(t).length > 0;
}

/**
 * Rule 4: drops the article's last line when it is a post footer (isPostFooter), and then a signature block above it:
 * a separator-only line (SEPARATOR_LINE) followed by at most MAX_SIGNATURE_LINES short lines without a sentence mark.
 * Only at the end and only after at least one other line, so an article's own dated lines stay.
 */
export function dropPostFooter<T extends { text: string }>(kept: T[]): T[] {
  if (kept.length < 2 || !isPostFooter(kept[kept.length - 1]!.text)) return kept;
  const rest = kept.slice(0, -1);
  for (let s = rest.length - 1; s >= Math.max(1, rest.length - 1 - MAX_SIGNATURE_LINES); s--) {
    const t = rest[s]!.text.replace(/\s+/g, '');
    if (SEPARATOR_LINE.test(t)) return rest.slice(0, s);
    if (t.length > POST_FOOTER_MAX_CHARS || SENTENCE_MARK.test(t)) break;
  }
  return rest;
}
