/**
 * The headline, without site-name suffixes or section names: where the title is chosen.
 * HTML: the <h1> (or headline-classed element) that the <title>/og:title agrees with, else og:title, else the <title>'s
 * longest segment. Kicker (引题) and sub-headline (副题) are the headline-block elements right around it.
 * Text captures: the first headline-like line before the body, the others are subtitles (text-layout.ts sorts the
 * lines; MAX_HEADLINE_CHARS is the one length limit for both).
 */
import type { Element } from 'domhandler';
import { cleanText, type CleanedText } from '../clean/clean-text.js';
import { nonSpaceChars } from '../clean/whitespace.js';
import { elementText, siblingElements } from '../parse/elements.js';
import type { PageIndex } from '../parse/page-index.js';

/** Headline-block elements and headline lines are short; longer text is body or chrome (the seeds' longest headline
 * block is 86 characters). */
export const MAX_HEADLINE_CHARS = 120;
/** Elements around the headline that hold the kicker (引题) or sub-headline (副题). */
export const SUBTITLE_HINT = /sub-?title|subhead|kicker|yinti|futi|fbt|ytitle|yt\b|ft\b|intro-?title|h2/i;

/** A bare `-` or `—` separates only when a digit is not on both sides: `1-10月德清县…` and `1—10月…` are a range
 * (issue 9 class 4), `标题-网站`, `标题—网站` and `Title - Site` are split. A single `<` or `>` is a breadcrumb step
 * (`世艺网>艺术教育`, `艺术史研究<世纪在线中国艺术网`: channel and site, no headline); doubled (`<<书名>>`, an old
 * spelling of 《》) or beside `=` (`>=`) it is not. */
const titleSeparators = (hyphenNeighbour: string): RegExp =>
  new RegExp(String.raw`\s*(?:_|\||｜|--|——|(?<!\d)—|—(?!\d)|\s-\s|(?<!${hyphenNeighbour})-|-(?!${hyphenNeighbour})|»|::|·|(?<![<>=])[<>](?![<>=]))\s*`);
const TITLE_SEPARATORS = titleSeparators(String.raw`\d`);
/** On a title bar without Han characters a bare `-` between two letters is an in-word hyphen too. A Chinese title bar
 * keeps splitting there (`…十块GPU-EDN 电子技术设计` is headline-site) unless IN_WORD_HYPHEN says it is one word. */
const LATIN_TITLE_SEPARATORS = titleSeparators('[A-Za-z0-9]');
/** In-word hyphens of a Chinese title bar (issue 9 class 4): a Latin word that starts the title or follows a space
 * (`Off-Peak电价…`, `… Wi-Fi 6`), or one whose second part is lower case (`e-mail`, `Off-peak`). A headline glued to a
 * site name by a hyphen has Han or digits right before it and the site's capital after it (`…十块GPU-EDN 电子技术设计`). */
const IN_WORD_HYPHEN = /(?<=(?:^|\s)[A-Za-z]+)-(?=[A-Za-z])|(?<=[A-Za-z])-(?=[a-z])/g;
/** Stands in for an in-word hyphen while the title bar is split (U+2011 NON-BREAKING HYPHEN, put back after). */
const KEPT_HYPHEN = '\u2011';
const HAN_CHAR = /[\u3400-\u9fff]/;

function titleSegments(title: string): string[] {
  const trimmed = (parts: string[]): string[] => parts.map((s) => s.trim()).filter(Boolean);
  if (!HAN_CHAR.test(title)) return trimmed(title.split(LATIN_TITLE_SEPARATORS));
  if (title.includes(KEPT_HYPHEN)) return trimmed(title.split(TITLE_SEPARATORS));
  return trimmed(title.replace(IN_WORD_HYPHEN, KEPT_HYPHEN).split(TITLE_SEPARATORS).map((s) => s.replaceAll(KEPT_HYPHEN, '-')));
}

/** Whether a title bar holds a headline-length segment that is not the site's name (else it names only a channel or
 * the site: "新闻动态--中国地理学会官网"). */
export function hasHeadlineSegment(title: string | null, siteName: string | null): boolean {
  if (!title) return false;
  const segments = titleSegments(title);
  // A Latin name opening a bar that goes on in Chinese is the site's ("China-Pub blog--洞庭一叶", see
  // chineseAfterLatinName), whatever the length of the Chinese segment after it.
  const latinName = isLatinNameBeforeChinese(segments) ? segments[0] : undefined;
  return segments.some((s) => s !== siteName && s !== latinName && s.length >= MIN_HEADLINE_SEGMENT_CHARS && !NOT_A_HEADLINE.test(s));
}
/** Segments that are software or domain names, never headlines: "powered by Discuz! Archiver", "blog.example.com";
 * and a site's greeting, the same on every page ("谢谢您访问〖关注中国中心〗", "欢迎光临某某网", zh-cwced 05e98007, 6650f72a). */
const NOT_A_HEADLINE = /^(?:powered by\b|[\w-]+(?:\.[\w-]+)+$|(?:谢谢|感谢|欢迎)您?(?:访问|光临|来到))/i;
/** Segments this short in a title bar are section or site names (要闻, 新闻中心), not headlines. */
const MIN_HEADLINE_SEGMENT_CHARS = 6;

/** Issue 9 class 4: a headline element this short (松花江网, 快资讯, 某某学会) may be the site's or a channel's name;
 * html-layout.ts then takes a headline-length heading right before the article when the title bar names no headline. */
export function isNameLengthTitle(text: string): boolean {
  return text.length < MIN_HEADLINE_SEGMENT_CHARS;
}

/** Removes site-name and section suffixes from a <title>/og:title: "标题_我爱江苏网_江苏网" → "标题", and a department
 * name appended after a space ("标题 市住建局" → "标题", TRAILING_DEPARTMENT). */
export function stripTitleSuffixes(title: string, siteName?: string | null): string {
  return dropTrailingDepartment(headlineSegment(title, siteName)).replace(TRAILING_PAGE_MARKER, '');
}

/** A page number a paged thread or article appends to its title ("…再就业(页 1)", a forum archiver's; "（第2页）"):
 * the page's place in the thread, not the headline (issue 9 class 4, zh-cwced 77fa9435). A bare "(3)" stays: it is
 * often a series part ("投身外交(3)"). */
const TRAILING_PAGE_MARKER = /\s*[(（](?:页\s*\d{1,4}|第\s*\d{1,4}\s*页)[)）]$/;

function headlineSegment(title: string, siteName?: string | null): string {
  const segments = titleSegments(title);
  if (segments.length <= 1) return title.trim();
  const kept = segments.filter((s) => s !== siteName && s.length >= MIN_HEADLINE_SEGMENT_CHARS && !NOT_A_HEADLINE.test(s));
  // Headline first is the common order ("标题_栏目_网站"); a site-first title has a short first segment, skipped above,
  // or a Latin site name before a Chinese headline.
  return chineseAfterLatinName(segments, kept) ?? kept[0] ?? segments[0]!;
}

/**
 * Issue 9 class 4: a title bar whose first segment holds no Han character while a later headline-length segment does
 * ("Joel on Software - 给计算机系学生的建议", zh-cwced d02c66a2) opens with the site's Latin name: a Chinese page's
 * headline is Chinese, and a headline-first bar ends with the site, it does not start with it. The first Han segment of
 * headline length is the headline then; null otherwise. Checked on zh-cwced, aeb, gne and the seeds (no other title
 * changes).
 */
function chineseAfterLatinName(segments: readonly string[], kept: readonly string[]): string | null {
  if (!isLatinNameBeforeChinese(segments) || kept[0] !== segments[0]) return null;
  return kept.find((s) => HAN_CHAR.test(s)) ?? null;
}

/** Whether the title bar's first segment holds no Han character and a later one does (a Latin site name first). */
function isLatinNameBeforeChinese(segments: readonly string[]): boolean {
  return segments.length > 1 && !HAN_CHAR.test(segments[0]!) && segments.slice(1).some((s) => HAN_CHAR.test(s));
}

/**
 * A government department's name (市住建局, 县农业农村局, 区卫健委, 市政府办公室, 区委宣传部, 国家统计局): an
 * administrative level (or 国家), then the department, ending in a department word. Issue 9 class 4: templates append
 * the publishing department to the headline in the <title> ("标题 市住建局_城市网") or in a span of the <h1>.
 */
const DEPARTMENT = String.raw`(?:[一-鿿]{0,6}?[省市区县州镇乡]|国家)[一-鿿]{1,8}?(?:局|厅|委员会|委|办公室|办|中心|处|署|部)`;
const TRAILING_DEPARTMENT = new RegExp(String.raw`\s+${DEPARTMENT}$`);
const DEPARTMENT_ONLY = new RegExp(String.raw`^${DEPARTMENT}$`);

/** The headline without a department name appended after a space; unchanged when what stays would be too short. */
function dropTrailingDepartment(title: string): string {
  const m = TRAILING_DEPARTMENT.exec(title);
  return m && m.index >= MIN_HEADLINE_SEGMENT_CHARS ? title.slice(0, m.index) : title;
}

/** Whether the <title> or og:title splits into segments of which `text` is one placed after a longer headline segment:
 * a channel or the site's name ("标题_明日股市预测_财经网", "标题-快资讯"), not the headline. */
function isLaterTitleSegment(text: string, titles: readonly string[], siteName: string | null): boolean {
  const t = squash(text);
  return titles.some((title) => {
    const segments = titleSegments(title).map(squash);
    const at = segments.indexOf(t);
    if (at <= 0) return false;
    const head = squash(headlineSegment(title, siteName));
    const headAt = segments.indexOf(head);
    return headAt >= 0 && headAt < at && head.length > t.length;
  });
}

/** The longest a site name standing after the headline in a title bar runs ("松花江网", "北京青年报网"). */
const MAX_TRAILING_NAME_CHARS = 12;

/**
 * Issue 9 class 4: the title bar before `heading` when the bar ends with it after a space and what stands before is a
 * longer, headline-length text ("土豆不“土” 土豆无“土” 松花江网" with a logo <h1> 松花江网, zh-cwced 3e1af229): the heading
 * is the site's name there, the bar before it the headline. Null otherwise.
 */
function titleBeforeTrailingName(heading: string, titles: readonly string[]): string | null {
  if (heading.length > MAX_TRAILING_NAME_CHARS) return null;
  for (const title of titles) {
    const t = title.trim();
    if (!t.endsWith(heading) || !/\s$/.test(t.slice(0, t.length - heading.length))) continue;
    const head = t.slice(0, t.length - heading.length).trim();
    if (head.length >= MIN_HEADLINE_SEGMENT_CHARS && squash(head).length > squash(heading).length) return head;
  }
  return null;
}

function squash(s: string): string {
  return s.replace(/[\s\p{P}]/gu, '');
}

/** Picks the headline from HTML candidates (all cleaned). */
export function chooseHtmlTitle(input: { h1s: string[]; named?: string[]; ogTitle: string | null; titleTag: string | null; siteName: string | null }): string | null {
  const titles = [input.ogTitle, input.titleTag].filter((s): s is string => !!s);
  const refs = titles.map(squash);
  // The longest agreeing heading: a logo <h1> with the site name agrees with every <title> too. Compound-class
  // candidates (`div.title-text`) count here only: wrappers of that kind hold the headline and its date line.
  // A heading that is a later, shorter segment of the <title> is its channel or site (快资讯, 明日股市预测).
  // A logo heading the title bar ends with after a space ("土豆不“土” 土豆无“土” 松花江网"): the site's name, and the bar
  // before it (its suffixes stripped) is the headline, unless another heading agrees.
  const beforeName = input.h1s.map((h) => titleBeforeTrailingName(h, titles)).find((t) => t !== null) ?? null;
  const agreed = [...input.h1s, ...(input.named ?? [])]
    .filter((h) => h.length >= 2 && h !== input.siteName && refs.some((r) => r.includes(squash(h))) && !isLaterTitleSegment(h, titles, input.siteName) && titleBeforeTrailingName(h, titles) === null)
    .sort((a, b) => b.length - a.length)[0];
  if (agreed) return agreed;
  if (beforeName) return stripTitleSuffixes(beforeName, input.siteName);
  // A short <title> ("观摩会_江苏网") that the one headline-length <h1> contains: the <h1> is the full headline, unless
  // what it adds is a department name (a span after the headline: "标题<span>市住建局</span>").
  const stripped = titles.map((t) => squash(stripTitleSuffixes(t, input.siteName)));
  const containing = input.h1s.find((h) => h.length >= MIN_HEADLINE_SEGMENT_CHARS && stripped.some((t) => t.length >= 2 && squash(h).includes(t)));
  if (containing) {
    const head = titles.map((t) => stripTitleSuffixes(t, input.siteName)).find((t) => containing.startsWith(t) && DEPARTMENT_ONLY.test(containing.slice(t.length).trim()));
    return head ?? containing;
  }
  // A <title> naming only the site or a channel ("德清新闻网", "北医新闻网_(新闻)"): a headline-length <h1> is the headline,
  // else a headline-length element with a compound headline class (`td.bt_title`: templates without <h1>).
  const isHeadlineLength = (h: string) => h.length >= MIN_HEADLINE_SEGMENT_CHARS && h !== input.siteName;
  const headlineH1 = input.h1s.find(isHeadlineLength) ?? input.named?.find(isHeadlineLength);
  if (headlineH1 && titles.length > 0 && !titles.some((t) => hasHeadlineSegment(t, input.siteName))) return headlineH1;
  if (input.ogTitle) return stripTitleSuffixes(input.ogTitle, input.siteName);
  if (input.titleTag) return stripTitleSuffixes(input.titleTag, input.siteName);
  return input.h1s[0] ?? null;
}

/**
 * The page's headline and its element: the headline candidates page-index.ts listed (empty or longer than
 * MAX_HEADLINE_CHARS dropped), chosen against og:title and <title> (cleaned) by chooseHtmlTitle.
 */
export function findHtmlHeadline(
  page: PageIndex,
  refs: { ogTitle: string | null; titleTag: string | null; siteName: string | null },
  pageUrl: string | null = null,
): { title: CleanedText | null; element: Element | undefined } {
  const strong = headlineCandidates(page, page.headlines, pageUrl);
  const named = headlineCandidates(page, page.namedHeadlines, pageUrl);
  const titleText = chooseHtmlTitle({ h1s: strong.map((c) => c.text.text), named: named.map((c) => c.text.text), ...refs });
  const chosen =
    strong.find((c) => c.text.text === titleText) ??
    named.find((c) => c.text.text === titleText) ??
    (titleText ? strong.find((c) => c.text.text.startsWith(titleText) && DEPARTMENT_ONLY.test(c.text.text.slice(titleText.length).trim())) : undefined);
  if (chosen && chosen.text.text !== titleText) return { title: cleanText(titleText!, page.script), element: chosen.el };
  if (chosen) {
    const inner = headlineBlockWithin(page, chosen.el, refs);
    if (inner) return { title: cleanText(elementText(page, inner), page.script), element: inner };
    const trimmed = dropTrailingCounter(chosen.text.text, refs);
    return { title: trimmed === chosen.text.text ? chosen.text : cleanText(trimmed, page.script), element: chosen.el };
  }
  return { title: titleText ? cleanText(titleText, page.script) : null, element: undefined };
}

/** Block elements that hold one line of a headline block (引题, 主题, 副题) set inside an <h1>. */
const HEADLINE_BLOCK_TAGS: ReadonlySet<string> = new Set(['td', 'th', 'div', 'p', 'li', 'dd', 'dt', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** The innermost blocks under `el` (HEADLINE_BLOCK_TAGS with no such block inside) that hold text, in document order. */
function leafBlocks(page: PageIndex, el: Element, into: Element[] = []): Element[] {
  for (const child of el.children) {
    if (child.type !== 'tag') continue;
    const before = into.length;
    leafBlocks(page, child, into);
    if (into.length === before && HEADLINE_BLOCK_TAGS.has(child.name) && elementText(page, child) !== '') into.push(child);
  }
  return into;
}

/**
 * Issue 9 class 4: an <h1> that holds the whole headline block, each line its own block (a table of kicker, headline
 * and sub-headline rows: `<h1><table><tr><td>拿起跨界“指挥棒”…</td></tr><tr><td>年过五十的她…</td></tr></table></h1>`,
 * zh-cwced 274a65d9). The headline is the block whose text is the <title>'s or og:title's headline (suffixes stripped);
 * the other blocks are its kicker and sub-headline (findSubtitles). Null when the element holds fewer than two text
 * blocks or none is the title bar's headline.
 */
function headlineBlockWithin(page: PageIndex, el: Element, refs: { ogTitle: string | null; titleTag: string | null; siteName: string | null }): Element | null {
  const heads = [refs.ogTitle, refs.titleTag].filter((t): t is string => !!t).map((t) => squash(stripTitleSuffixes(t, refs.siteName)));
  if (heads.length === 0) return null;
  const blocks = leafBlocks(page, el);
  if (blocks.length < 2) return null;
  return blocks.find((b) => heads.includes(squash(elementText(page, b)))) ?? null;
}

/** The headline candidate (an <h1> or headline-classed element) a headline block sits in, at most this many levels up. */
const MAX_BLOCK_DEPTH = 6;

function enclosingHeadline(page: PageIndex, el: Element): Element | null {
  let node = el.parent;
  for (let depth = 0; node && node.type === 'tag' && depth < MAX_BLOCK_DEPTH; depth++, node = node.parent) {
    if (page.headlines.includes(node as Element)) return node as Element;
  }
  return null;
}

/** A counter the headline element carries after the headline (views, comments, a chapter's word count: `第二章 …241`). */
const TRAILING_COUNTER = /\s*\d{1,6}$/;

/**
 * Issue 9 class 4: the headline element ends with digits that neither og:title nor <title> has after the same words
 * (a view or comment counter inside the <h1>): the headline is the element's text without them. Digits the <title>
 * also ends the headline with (iPhone 11, 突破2000亿) stay.
 */
function dropTrailingCounter(text: string, refs: { ogTitle: string | null; titleTag: string | null; siteName: string | null }): string {
  const m = TRAILING_COUNTER.exec(text);
  if (!m) return text;
  const rest = text.slice(0, m.index).trim();
  if (rest.length < MIN_HEADLINE_SEGMENT_CHARS) return text;
  const titles = [refs.ogTitle, refs.titleTag].filter((t): t is string => !!t).map(squash);
  const whole = squash(text);
  const head = squash(rest);
  return titles.some((t) => t.includes(head)) && !titles.some((t) => t.includes(whole)) ? rest : text;
}

function headlineCandidates(page: PageIndex, els: readonly Element[], pageUrl: string | null): { el: Element; text: CleanedText }[] {
  const out: { el: Element; text: CleanedText }[] = [];
  for (const el of els) {
    const t = elementText(page, el);
    if (t.length > 0 && t.length <= MAX_HEADLINE_CHARS && !BOX_HEADING.test(t) && !isHomeLinkHeading(page, el, t, pageUrl)) out.push({ el, text: cleanText(withoutHeadlineLabel(t), page.script) });
  }
  return out;
}

/**
 * Issue 9 class 4: the heading of a sidebar or page box, never a headline (blog and portal templates set them as
 * <h1>s: `<h1>导航</h1><h1>Blog统计</h1><h1>公告</h1>`, zh-cwced b828b656; 今日新闻, 热门推荐 on 47f387e6): navigation,
 * notices, counters, archives, links, the related/popular/latest lists and the rankings. Matched as the heading's whole
 * text. A channel's own name (新闻动态, 工作动态, 新闻中心) is not one: on the channel's list page it is the page's name,
 * and the list-page gate reads it (test/unit/classes-fallbacks.test.ts); a channel <h1> beside a headline is handled
 * by the title bar (isLaterTitleSegment) or by isNameLengthTitle. Checked
 * on zh-cwced, aeb, gne and the seeds: no record's title is one.
 */
const BOX_HEADING = new RegExp(
  '^(?:(?:网站|站点|栏目|频道|博客|Blog|个人|文章|随笔|日志)?(?:导航|公告|统计|分类|存档|归档|档案|日历|搜索|订阅)' +
    '|(?:热门|相关|推荐|最新|精彩|今日|热点|图片|更多)(?:推荐|新闻|文章|阅读|评论|资讯|链接|日志|专题)|友情链接|新闻排行榜?|排行榜)$',
  'i',
);

/** A label naming the headline that follows it, as forum and BBS templates write it (`主题：<headline>`, `标题：`,
 * `题目：`, `帖子主题：`). */
const HEADLINE_LABEL = /^(?:帖子|文章|新闻)?(?:主题|标题|题目)\s*[:：]\s*/;

/** Issue 9 class 4: a heading candidate that opens with a headline label (`<h1>主题: 太行山上</h1>`, zh-cwced 6dc2d508)
 * names the headline after it: the text without the label (unchanged when nothing follows it). */
function withoutHeadlineLabel(text: string): string {
  const m = HEADLINE_LABEL.exec(text);
  return m && m[0].length < text.length ? text.slice(m[0].length) : text;
}

/** Whether `text` is a headline label alone (`<b>主题：</b>`, the headline after it in the same cell). */
function isHeadlineLabelOnly(text: string): boolean {
  const m = HEADLINE_LABEL.exec(text);
  return !!m && m[0].length === text.length;
}

/** A link to the site's home page: "/", "./", "index.html" (or another index name), a site's root URL. */
const HOME_HREF = /^(?:(?:https?:)?\/\/[^/?#]+)?(?:\.?\/)?(?:(?:index|default|main)\.(?:s?html?|php|aspx?|jsp))?$/i;
/** Links looked at inside one heading: a headline holds none or one; more is a menu, not a logo. */
const MAX_HEADING_LINKS = 2;

/** A directory link this many path levels or more above the page is the blog's or channel's index ("/lijianzhong/"
 * above "/lijianzhong/archive/2004/12/27/41810.aspx"); one level up is often the article's own first page or canonical
 * form ("/slug/" above "/slug/2/", "/slug/amp/"), which a headline may link to. */
const MIN_DIRECTORY_LEVELS_ABOVE = 2;

/**
 * Issue 9 class 4: a heading that is nothing but one link to the home page is the site's logo
 * (`<h1 class="title"><a href="index.html">X的博客</a></h1>` above a post's `<h2>` headline, zh-cwced ab65832c), never
 * the headline; so is one linking to a directory MIN_DIRECTORY_LEVELS_ABOVE or more above the page's URL on its host, a
 * blog's or channel's index (`<h1><a href="http://host/lijianzhong/">李建忠</a></h1>` on
 * `http://host/lijianzhong/archive/2004/12/27/41810.aspx`, zh-cwced 54e89e4e). A headline that links to its own
 * article keeps its link's href (not a home page, not a directory above it).
 */
function isHomeLinkHeading(page: PageIndex, el: Element, text: string, pageUrl: string | null): boolean {
  const links: Element[] = [];
  collectLinks(el, links);
  if (links.length !== 1) return false;
  const href = (links[0]!.attribs.href ?? '').trim();
  if (href === '' || elementText(page, links[0]!) !== text) return false;
  return HOME_HREF.test(href) || isDirectoryAbove(href, pageUrl);
}

/** Whether `href`, resolved against the page's URL, is a directory ("…/") on the same host at least
 * MIN_DIRECTORY_LEVELS_ABOVE path levels above the page. */
function isDirectoryAbove(href: string, pageUrl: string | null): boolean {
  if (!pageUrl || !href.includes('/')) return false;
  let target: URL;
  let here: URL;
  try {
    here = new URL(pageUrl);
    target = new URL(href, here);
  } catch {
    return false;
  }
  if (target.host !== here.host || target.search !== '' || !target.pathname.endsWith('/') || !here.pathname.startsWith(target.pathname)) return false;
  const levelsAbove = here.pathname.slice(target.pathname.length).split('/').filter(Boolean).length;
  return levelsAbove >= MIN_DIRECTORY_LEVELS_ABOVE;
}

function collectLinks(node: Element, into: Element[]): void {
  for (const child of node.children) {
    if (into.length >= MAX_HEADING_LINKS) return;
    if (child.type !== 'tag') continue;
    if (child.name === 'a') into.push(child);
    else collectLinks(child, into);
  }
}

/** A run of two or more hyphens closing a heading ("谁来为无序拆房“埋单”？- -", a blog template's decoration): no headline
 * ends so. */
const TRAILING_DASH_RUN = /(?:\s*-){2,}\s*$/;

/**
 * A template without <h1> or headline class, whose <title> names only the channel or the site ("新闻动态--学会官网"):
 * the headline is the last <h2>–<h6> or compound-classed element (page-index.ts namedHeadlines: `div.Heading` on a page
 * with no <title>, zh-cwced 6820ebe7) of headline length (MIN_HEADLINE_SEGMENT_CHARS..MAX_HEADLINE_CHARS) that comes
 * before the article's first block in the page text, or is that block (a body container that holds its headline);
 * box headings (联系我们, 新闻排行榜) are short or come after it. A closing run of hyphens is the template's (TRAILING_DASH_RUN).
 */
export function headingBeforeBody(page: PageIndex, firstBlock: string): { title: CleanedText; element: Element } | null {
  const probe = firstBlock.slice(0, 12);
  const bodyAt = probe.length >= 4 ? page.text.indexOf(probe) : -1;
  if (bodyAt < 0) return null;
  let best: { title: CleanedText; element: Element; at: number } | null = null;
  for (const el of [...page.headings, ...page.namedHeadlines]) {
    const t = elementText(page, el);
    if (t.length < MIN_HEADLINE_SEGMENT_CHARS || t.length > MAX_HEADLINE_CHARS) continue;
    const at = page.textStart(el);
    if (at !== undefined && at <= bodyAt && (!best || at > best.at)) best = { title: cleanText(withoutHeadlineLabel(t).replace(TRAILING_DASH_RUN, ''), page.script), element: el, at };
  }
  return best && { title: best.title, element: best.element };
}

/** An emphasised headline line is at most this long (the zh-cwced ones run 17-25 characters); longer bold text before
 * the body is a lead sentence or a notice. */
const EMPHASISED_HEADLINE_MAX_CHARS = 60;
/** ...and ends at most this many characters of page text before the article's first block: what stands between is the
 * byline and date line ("作者：… 来源：… 发布日期：9/17/2004 5:54:13 AM") or a poster's name (non-space characters). */
const EMPHASISED_HEADLINE_MAX_GAP_CHARS = 120;
/** A date, a clock time or a byline label: the line is the info line, not the headline ("08-22 19:13"). */
const INFO_LINE_MARK = /\d{4}[-/.年]\d|\d{1,2}[-/]\d{1,2}(?:[-/\s]|$)|\d{1,2}:\d{2}|(?:作者|来源|发布|时间|日期)[：:]/;

/**
 * Issue 9 class 4: a template without headline element, heading or headline class, whose <title> names no headline
 * (网易娱乐, a greeting, 央视论坛), sets the headline as a bold or coloured line (`<b>`, `<strong>`, `<font>`) in a table
 * cell right before the article: the headline is the last such line of headline length (MIN_HEADLINE_SEGMENT_CHARS..
 * EMPHASISED_HEADLINE_MAX_CHARS, no date or byline label) that ends before the article's first block in the page text,
 * at most EMPHASISED_HEADLINE_MAX_GAP_CHARS before it. `emphasised`: the page's b/strong/font elements.
 */
export function emphasisedLineBeforeBody(page: PageIndex, emphasised: readonly Element[], firstBlock: string): CleanedText | null {
  const probe = firstBlock.slice(0, 12);
  const bodyAt = probe.length >= 4 ? page.text.indexOf(probe) : -1;
  if (bodyAt < 0) return null;
  let best: { text: string; end: number } | null = null;
  for (const el of emphasised) {
    const t = emphasisedText(page, el);
    if (t.length < MIN_HEADLINE_SEGMENT_CHARS || t.length > EMPHASISED_HEADLINE_MAX_CHARS || INFO_LINE_MARK.test(t) || isInLink(el)) continue;
    const at = page.text.lastIndexOf(t, bodyAt - t.length);
    if (at < 0) continue;
    const end = at + t.length;
    if (nonSpaceChars(page.text.slice(end, bodyAt)) <= EMPHASISED_HEADLINE_MAX_GAP_CHARS && (!best || end > best.end)) best = { text: t, end };
  }
  return best && cleanText(best.text, page.script);
}

/** A bold line's text; for a headline label alone (`<td><b>主题：</b> 你知道导游为什么…</td>`, zh-cwced a6e8b739), the
 * text that follows the label in its parent element. */
function emphasisedText(page: PageIndex, el: Element): string {
  const t = elementText(page, el).replace(LEADING_MARKER, '');
  if (!isHeadlineLabelOnly(t) || !el.parent || el.parent.type !== 'tag') return t;
  const whole = elementText(page, el.parent as Element);
  return whole.startsWith(t) ? withoutHeadlineLabel(whole) : t;
}

/**
 * Issue 9 class 4: blog templates link the post's headline to the post itself, its permalink (`<div class="postTitle">
 * <a href="…/2005/09/07/543698.aspx">评老冒：…</a></div>` above the post, zh-cwced b828b656, where every <h1> is a
 * sidebar box and there is no <title>). With no headline element and no headline in the title bar, the headline is the
 * last link to the page's own URL (same host, path but for its extension, and query) of headline length (MIN_HEADLINE_SEGMENT_CHARS..
 * MAX_HEADLINE_CHARS, no date or byline label) that ends before the article's first block, at most
 * EMPHASISED_HEADLINE_MAX_GAP_CHARS of non-space page text before it. `links`: the page's <a> elements.
 */
export function selfLinkBeforeBody(page: PageIndex, links: readonly Element[], firstBlock: string, pageUrl: string | null): CleanedText | null {
  const probe = firstBlock.slice(0, 12);
  const bodyAt = probe.length >= 4 ? page.text.indexOf(probe) : -1;
  const here = pageUrl ? parseUrl(pageUrl) : null;
  if (bodyAt < 0 || !here) return null;
  let best: { text: string; end: number } | null = null;
  for (const a of links) {
    const href = a.attribs.href?.trim();
    if (!href) continue;
    const target = parseUrl(href, here);
    if (!target || target.host !== here.host || withoutExtension(target.pathname) !== withoutExtension(here.pathname) || target.search !== here.search) continue;
    const t = elementText(page, a);
    if (t.length < MIN_HEADLINE_SEGMENT_CHARS || t.length > MAX_HEADLINE_CHARS || INFO_LINE_MARK.test(t)) continue;
    const at = page.text.lastIndexOf(t, bodyAt - t.length);
    if (at < 0) continue;
    const end = at + t.length;
    if (nonSpaceChars(page.text.slice(end, bodyAt)) <= EMPHASISED_HEADLINE_MAX_GAP_CHARS && (!best || end > best.end)) best = { text: t, end };
  }
  return best && cleanText(best.text, page.script);
}

/** A path without its file extension: blog engines serve one post at `…/255509.aspx` and `…/255509.html` and link the
 * headline to the other one (zh-cwced 064b591b). */
function withoutExtension(path: string): string {
  return path.replace(/\.[a-z]{2,5}$/i, '');
}

function parseUrl(href: string, base?: URL): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** A bullet or star a template sets before a bold line (`<b>*第一编 古代</b>`, zh-cwced b70f455d): decoration, not
 * part of the headline. */
const LEADING_MARKER = /^[*＊★☆●○■□◆◇▲△►▶•]+\s*/;

/** Whether a bold line is, or sits in, a link: a link to another page (a series' introduction, a channel), not the
 * headline of this one. */
function isInLink(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parent && node.parent.type === 'tag' ? (node.parent as Element) : null) if (node.name === 'a') return true;
  const links: Element[] = [];
  collectLinks(el, links);
  return links.length > 0;
}

/** A lead headline runs this many characters at most: a headline set as the article's first paragraph is a short
 * line (the zh-cwced ones run 6-10); a first paragraph this short with no clause mark is rarely prose. */
const LEAD_HEADLINE_MAX_CHARS = 40;
/** ...and at least this many: shorter first lines are labels (编者按, 附件). */
const LEAD_HEADLINE_MIN_CHARS = 4;
/** Clause and sentence marks: a line holding one is prose or a label line ("2003-7-24 钱江晚报" has digits, see below). */
const CLAUSE_MARK = /[，,。．！!？?；;：:、…]/;
/** A lead line opening with a number (a section number "1. 概述", a counter) or one that is only digits is not a headline;
 * a headline holds digits inside it ("北京市儿童(13-15岁)心理素质发展现状调查研究报告", zh-cwced c3f7d079). Dates and clock
 * times are INFO_LINE_MARK's. */
const LEAD_NUMBERING = /^[\s(（[【]*\d|^[\d\s\p{P}]+$/u;
/** The article after the lead line holds a paragraph at least this long (the lead is its headline, not a list entry). */
const LEAD_FOLLOWING_PARAGRAPH_CHARS = 40;

/**
 * Issue 9 class 4: a page with no headline element whose <title> and og:title name no headline (a script's button word
 * such as 显示, or the site alone) sets its headline as the article's first paragraph (a centred bold line). That first
 * block is the headline when it is headline-like: LEAD_HEADLINE_MIN_CHARS..LEAD_HEADLINE_MAX_CHARS, no clause mark, no
 * leading number (LEAD_NUMBERING: "1. 概述" section numbers, counters), no date or clock time (INFO_LINE_MARK), not
 * chrome, and a paragraph follows. The caller checks the rest
 * (no headline element, no <h2>-<h6> before the body, no headline segment in the title bar).
 */
export function leadBlockHeadline(blocks: readonly CleanedText[], isChrome: (line: string) => boolean): CleanedText | null {
  const first = blocks[0];
  if (!first || blocks.length < 2) return null;
  const t = first.text;
  if (t.length < LEAD_HEADLINE_MIN_CHARS || t.length > LEAD_HEADLINE_MAX_CHARS || CLAUSE_MARK.test(t) || LEAD_NUMBERING.test(t) || INFO_LINE_MARK.test(t) || isChrome(t)) return null;
  return blocks.slice(1).some((b) => b.text.length >= LEAD_FOLLOWING_PARAGRAPH_CHARS) ? first : null;
}

/** Kicker and sub-headline: up to two sibling elements before and after the headline element that SUBTITLE_HINT names;
 * for a headline line inside an <h1> holding the whole headline block, the block's other lines. */
export function findSubtitles(page: PageIndex, titleEl: Element): CleanedText[] {
  // A headline line inside an <h1> that holds the whole headline block (headlineBlockWithin): its other lines.
  const block = page.headlines.includes(titleEl) || page.namedHeadlines.includes(titleEl) ? null : enclosingHeadline(page, titleEl);
  if (block) {
    return leafBlocks(page, block)
      .filter((b) => b !== titleEl && !b.children.includes(titleEl))
      .map((b) => elementText(page, b))
      .filter((t) => t.length <= MAX_HEADLINE_CHARS)
      .map((t) => cleanText(t, page.script));
  }
  const out: CleanedText[] = [];
  const before = siblingElements(titleEl, 'prev', 2).reverse();
  const after = siblingElements(titleEl, 'next', 2);
  for (const el of [...before, ...after]) {
    // The hint first: a sibling it does not name (often the article's container) is never read.
    if (!SUBTITLE_HINT.test(`${el.tagName} ${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`)) continue;
    const text = elementText(page, el);
    if (!text || text.length > MAX_HEADLINE_CHARS) continue;
    out.push(cleanText(text, page.script));
  }
  return out;
}
