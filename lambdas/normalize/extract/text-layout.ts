/**
 * Text captures (like the seeds): the lines of a page (parse/text-lines.ts) with its chrome still around it. Order:
 *   chrome lines (title bar, banner, breadcrumb, section name) → headline line(s) → info line(s) → body → the first
 *   end-of-article line (comment box, share prompt, copyright, related list, promo) → chrome.
 * The body starts at the first line that reads like prose (sentence punctuation, long enough).
 */
import type { CleanedText } from '../clean/clean-text.js';
import { isBoilerplateLine } from '../clean/boilerplate.js';
import { boundCapture, captureLines } from '../parse/text-lines.js';
import { nonSpaceChars } from '../clean/whitespace.js';
import { detectScript, type Script } from '../clean/simplified.js';
import { findFullDates, findMonthDayDates } from './dates.js';
import { findSiteName, isTitleBar } from './site-name.js';
import { MAX_HEADLINE_CHARS } from './title.js';
import { joinNumberBreaks } from './number-breaks.js';
import type { PageLayout } from './layout.js';

/** The first body paragraph has at least this many characters; headlines and info lines are shorter or unpunctuated. */
const MIN_FIRST_PARAGRAPH_CHARS = 20;
/** Sentence punctuation, half- and full-width: prose has it, headlines and info lines rarely do. */
const SENTENCE_PUNCTUATION = /[,，。;；!！?？]/;
/** Lines this short before the headline are section or column names (新闻中心, 要闻), not headlines. */
const MAX_SECTION_NAME_CHARS = 6;
/**
 * Lines that end the article: everything after them is page furniture, even when it looks like prose (related teasers).
 * A leading marker ends it as a header or widget: alone, before a separator (相关阅读：, 上一篇：X, 扫一扫，用手机看), or on a
 * line the chrome filter drops (长按识别二维码关注); a paragraph that opens with the word (热点话题持续发酵，…, 相关报道显示，…,
 * 网友评论称…, 长按电源键十秒…) is article text, and taking it for the end cut everything after it.
 */
const END_OF_ARTICLE_LEAD = /^(?:发表评论|我要评论|网友评论|评论区|相关(?:文章|阅读|新闻|链接|推荐|报道)|延伸阅读|推荐阅读|热点(?:资讯|聚焦|推荐|新闻)?|图片新闻|分享(?:到|给朋友)|版权(?:声明|所有)|免责声明|上一篇|下一篇|扫一扫|长按|最近发表|标签列表|友情链接)/;
const END_MARKER_FOLLOWER = /^(?:$|[\s:：>＞»|｜/（(【\[，,、·.…\-—])/;
const END_OF_ARTICLE_ANYWHERE = /微信号$|版权及免责声明/;
/** Breadcrumbs: "当前位置:首页 > 栏目 > 正文". */
const BREADCRUMB = /^(?:当前位置|您的位置|你的位置|所在位置)[:：]|(?:首页|主页)\s*[>＞»]/;
/** Labels that make a short line an info line. */
const INFO_LABELS = /(?:来源|稿源|编辑|作者|记者|发布时间|发布日期|时间|浏览量|浏览次数|点击数|阅读)\s*[:：]|\d+年前|\d+(?:小时|分钟|天)前/;
/**
 * An e-mail or phone number marks a banner or contact line. The address starts where its run of address characters
 * starts (the lookbehind): tried from every letter of a run to its end, a 100,000-letter line took 4.8 s (issue 10).
 */
const CONTACT = /(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|(?:电话|客服|热线|手机)[:：]?\s*[\d-]{7,}|\b\d{3,4}-\d{7,8}\b/;

export function isEndOfArticle(line: string): boolean {
  if (END_OF_ARTICLE_ANYWHERE.test(line)) return true;
  const lead = END_OF_ARTICLE_LEAD.exec(line);
  return lead !== null && (END_MARKER_FOLLOWER.test(line.slice(lead[0].length)) || isBoilerplateLine(line));
}

function isProse(line: string): boolean {
  return line.length >= MIN_FIRST_PARAGRAPH_CHARS && SENTENCE_PUNCTUATION.test(line) && !CONTACT.test(line) && !isBoilerplateLine(line);
}

function isInfoLine(line: string): boolean {
  return findFullDates(line).length > 0 || INFO_LABELS.test(line) || (findMonthDayDates(line).length > 0 && line.length < 40);
}

/** Chrome that can never be an info line: title bars, breadcrumbs, banners with contacts, section names. */
function isHardChrome(line: string): boolean {
  return isTitleBar(line) || BREADCRUMB.test(line) || CONTACT.test(line) || line.length <= MAX_SECTION_NAME_CHARS;
}

export function layoutTextCapture(text: string): PageLayout {
  const script = detectScript(text);
  // The budget (parse/budget.ts): a capture over it is read up to the cut, with a warning.
  const bounded = boundCapture(text);
  const lines = captureLines(joinNumberBreaks(bounded.text), script);
  const warnings: string[] = [...bounded.warnings];
  const first = lines.findIndex((l) => isProse(l.text));
  if (first < 0) return emptyLayout(lines, [...warnings, 'no prose paragraph found'], script);

  const head = lines.slice(0, first);
  const headline: CleanedText[] = [];
  const infoLines: CleanedText[] = [];
  const chrome: CleanedText[] = [];
  for (const line of head) {
    // Info lines before the boilerplate test: "2024-02-20 09:49 来源: 浏览量:0" carries the date even though 浏览量 is chrome.
    if (isHardChrome(line.text)) chrome.push(line);
    else if (isInfoLine(line.text)) infoLines.push(line);
    else if (!isBoilerplateLine(line.text) && line.text.length <= MAX_HEADLINE_CHARS) headline.push(line);
    else chrome.push(line);
  }

  const rest = lines.slice(first);
  const end = rest.findIndex((l) => isEndOfArticle(l.text));
  const blocks = end < 0 ? rest : rest.slice(0, end);
  const after = end < 0 ? [] : rest.slice(end);
  if (headline.length === 0) warnings.push('no headline line found before the body');
  const chromeLines = [...chrome, ...after].map((l) => l.text);
  const titleBars = chrome.map((l) => l.text).filter(isTitleBar);

  return {
    kind: 'text',
    title: headline[0] ?? null,
    subtitles: headline.slice(1),
    infoLines,
    blocks,
    chromeLines,
    titleBars,
    siteName: findSiteName({ chromeLines, titleBars }),
    meta: null,
    afterHeadline: null, afterBody: null, linkedOriginalUrl: null, firstPageDate: null,
    script,
    pageChars: nonSpaceChars(text),
    bodyChars: nonSpaceChars(blocks.map((b) => b.text).join('')),
    bodyLinkChars: 0,
    bodyArticleItems: 0,
    gallery: null,
    bodyLayer: 'text-lines',
    warnings,
  };
}

function emptyLayout(lines: CleanedText[], warnings: string[], script: Script): PageLayout {
  // No body means NO_ARTICLE (index.ts), so the site name is not looked for.
  return { kind: 'text', title: null, subtitles: [], infoLines: [], blocks: [], chromeLines: lines.map((l) => l.text), titleBars: [], siteName: null, meta: null, afterHeadline: null, afterBody: null, linkedOriginalUrl: null, firstPageDate: null, script, pageChars: 0, bodyChars: 0, bodyLinkChars: 0, bodyArticleItems: 0, gallery: null, bodyLayer: 'none', warnings };
}
