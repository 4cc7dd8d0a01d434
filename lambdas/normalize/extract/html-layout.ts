/**
 * HTML pages → PageLayout. The page is parsed once (parse/parse-page.ts); then:
 *   headline: the <h1>/title-classed element the <title> agrees with, with its kicker/sub-headline siblings (title.ts);
 *   info lines: short elements classed as info/source/time/author, and the short siblings right after the headline;
 *   blocks: the article body found by body.ts (site selector → scoring → fallback), plus editor lines that
 *   templates place just outside the article container;
 *   chrome: footer/banner/copyright text, for the site name (site-name.ts).
 */
import type { AnyNode, Element } from 'domhandler';
import { cleanText, type CleanedText } from '../clean/clean-text.js';
import { nonSpaceChars } from '../clean/whitespace.js';
import { findArticleBody } from './body.js';
import { followsOtherEventLabel, isPageClockDate } from './published-date.js';
import { findLinkedOriginalUrl, ORIGINAL_LABEL } from './original-link.js';
import { readHtmlMeta } from './html-meta.js';
import { emphasisedLineBeforeBody, findHtmlHeadline, findSubtitles, hasHeadlineSegment, headingBeforeBody, isNameLengthTitle, leadBlockHeadline, selfLinkBeforeBody, SUBTITLE_HINT } from './title.js';
import { isBoilerplateLine } from '../clean/boilerplate.js';
import { findSiteName } from './site-name.js';
import { galleryHoldingHeadline } from './gallery.js';
import type { PageLayout } from './layout.js';
import { collapseSpaceRuns, elementText, siblingElements } from '../parse/elements.js';
import { parsePage, type GuardedHtml } from '../parse/parse-page.js';
import type { PageIndex } from '../parse/page-index.js';

// Headline candidates (h1, .title, .tit, #title, .headline, .biaoti…) and footer/banner chrome (footer, .copyright,
// #top…) are listed by parse/page-index.ts in its one walk over the page.
/** Class/id words of the info line under a headline. */
const INFO_HINT = /info|source|time|date|author|byline|meta|pub|laiyuan|attr|property|from\b|ly\b|sj\b/i;
/** Class/id words of editor credits placed after the article container. */
const EDITOR_HINT = /editor|bianji|zrbj|responsible|bjxx/i;
/** Info lines are short; longer text is body or chrome. */
const MAX_INFO_LINE_CHARS = 160;
const MAX_CHROME_LINE_CHARS = 400;

/** `served`: the decoded page after the guard scan (parse/parse-page.ts guardHtml); `hints.url`: the page's URL, which
 * tells a logo heading linking to a directory above the page (title.ts). */
export function layoutHtml(served: GuardedHtml, hints: { selector?: string | null; url?: string | null } = {}): PageLayout {
  // Classed elements are sorted into info-line and editor-credit candidates by the walk (INFO_HINT, EDITOR_HINT).
  const { $, root, page, nestingCapped, warnings } = parsePage(served, { editor: EDITOR_HINT, info: INFO_HINT });

  // The walk keeps the text of ld+json scripts (page.jsonLdTexts) before removing scripts, so JSON-LD is read.
  const meta = readHtmlMeta(page);
  const cleanMeta = (s: string | null) => (s ? cleanText(s, page.script).text : null);
  const metaSiteName = cleanMeta(meta.siteName);
  // The footer and banner text is read only when the page does not name itself in <meta>.
  const chromeLines = metaSiteName ? [] : collectChrome(page);
  const titleBars = meta.titleTag ? [cleanText(meta.titleTag, page.script).text] : [];
  const siteName = findSiteName({ metaSiteName, chromeLines, titleBars });
  const titleRefs = { ogTitle: cleanMeta(meta.ogTitle), titleTag: cleanMeta(meta.titleTag), siteName };
  let { title, element: titleEl } = findHtmlHeadline(page, titleRefs, hints.url ?? null);

  const body = findArticleBody($, { title: title?.text ?? null, selector: hints.selector ?? null, nestingFlattened: !nestingCapped, headline: titleEl }, root);
  // findArticleBody flattens deep nesting itself; when the string guard already dropped tags, that can still change
  // the tree, so element texts are read from the live tree from here on.
  if (nestingCapped) page.thaw();
  if (body) warnings.push(...body.warnings);
  const blocks = (body?.blocks ?? []).map((b) => cleanText(b, page.script)).filter((b) => b.text !== '');
  // No headline element and a <title> naming only the channel or site: a link to the page itself (its permalink) right
  // before the article, else the heading right before it, else its lead line, else a bold line before it (title.ts).
  if (!titleEl && blocks[0] && !hasHeadlineSegment(titleRefs.ogTitle, siteName) && !hasHeadlineSegment(titleRefs.titleTag, siteName)) {
    // The index's `a[href]` and `b, strong, font` lists, unless the tree was flattened since the walk (the selector
    // queries over the whole page cost 1.3% of normalize's CPU on zh-cwced).
    const links = nestingCapped ? $('a[href]').toArray() : page.links;
    const permalink = selfLinkBeforeBody(page, links, blocks[0].raw, hints.url ?? null);
    const heading = permalink ? null : headingBeforeBody(page, blocks[0].raw);
    const lead = permalink || heading ? null : leadBlockHeadline(blocks, isBoilerplateLine);
    if (permalink) title = permalink;
    else if (heading) ({ title, element: titleEl } = heading);
    else if (lead) title = blocks.shift()!;
    else title = emphasisedLineBeforeBody(page, nestingCapped ? $('b, strong, font').toArray() : page.emphasised, blocks[0].raw) ?? title;
  } else if (title && isNameLengthTitle(title.text) && blocks[0] && !hasHeadlineSegment(titleRefs.ogTitle, siteName) && !hasHeadlineSegment(titleRefs.titleTag, siteName)) {
    // A name-length headline element (a logo or channel <h1>: 松花江网, 快资讯) and no headline in the title bar: a
    // headline-length heading right before the article is the headline.
    const heading = headingBeforeBody(page, blocks[0].raw);
    if (heading) ({ title, element: titleEl } = heading);
  }
  const blockSet = new Set(blocks.map((b) => b.text));
  const bodyStart = textStartOf(page, blocks.find((b) => b.text.length >= MIN_PARAGRAPH_PROBE_CHARS)?.raw ?? '');
  const bodyProbe = bodyStart >= 0 ? page.text.slice(bodyStart, bodyStart + HEADLINE_PROBE_CHARS) : null;
  const infoLines = findInfoLines(page, titleEl, page.infoHinted, blockSet, { bodyStart, bodyProbe });
  // An editor span inside the info line ("来源: 编辑:中国江苏网") is already read there.
  const editorLines = collectEditorLines(page, page.editorHinted).filter((l) => !blockSet.has(l.text) && !infoLines.some((i) => i.text.includes(l.text)));

  return {
    kind: 'html',
    title,
    subtitles: titleEl ? findSubtitles(page, titleEl) : [],
    infoLines,
    blocks: [...blocks, ...editorLines],
    chromeLines,
    titleBars,
    siteName,
    meta: { ...meta, siteName: metaSiteName, authors: meta.authors.map((a) => cleanText(a, page.script).text), source: cleanMeta(meta.source) },
    linkedOriginalUrl: blocks.some((b) => ORIGINAL_LABEL.test(b.text) && !/https?:\/\//.test(b.text)) ? findLinkedOriginalUrl(root) : null,
    ...pageTextAround(page, title?.raw ?? '', blocks.find((b) => b.text.length >= MIN_PARAGRAPH_PROBE_CHARS)?.raw ?? '', blocks.at(-1)?.raw ?? ''),
    script: page.script,
    pageChars: nonSpaceChars(page.text),
    bodyChars: body?.chars ?? 0,
    bodyLinkChars: body?.linkChars ?? 0,
    bodyArticleItems: body?.articleItems ?? 0,
    gallery: galleryHoldingHeadline(titleEl),
    nextBodies: () =>
      (body?.nextCandidates() ?? []).map((c) => ({
        blocks: [...c.blocks.map((b) => cleanText(b, page.script)).filter((b) => b.text !== ''), ...editorLines],
        bodyChars: c.chars,
        bodyLinkChars: c.linkChars,
        bodyArticleItems: c.articleItems,
        ...(c.note ? { warnings: [...warnings, c.note] } : {}),
      })),
    bodyLayer: body?.layer ?? 'none',
    warnings,
  };
}

/** The after-headline window ends at the article's first block this long: a paragraph, not a date/source line that
 * the body kept at its top ("2022.01.20 16:31 来源：河南日报客户端": 20-35 characters). */
const MIN_PARAGRAPH_PROBE_CHARS = 40;
/** How much page text after the headline may hold its date line ("标题 2005-04-05 06:40更新 来源:…"). */
const AFTER_HEADLINE_CHARS = 160;
/** How much page text after the article's last block may hold its closing credits. */
const AFTER_BODY_CHARS = 120;
/** Headline occurrences to try: breadcrumbs and nav often repeat the headline before the real one. */
const MAX_HEADLINE_OCCURRENCES = 3;
/** Characters of the headline used to find it in the page text. */
const HEADLINE_PROBE_CHARS = 12;

/**
 * Page text the date finder may search: the text following the headline's occurrences (joined by newlines) plus a
 * labelled date anywhere, and separately the first full date on the page.
 */
function pageTextAround(page: PageIndex, headline: string, firstBlock: string, lastBlock: string): { afterHeadline: string | null; afterBody: string | null; firstPageDate: string | null } {
  const text = collapseSpaceRuns(page.bodies.length ? page.bodies.map((el) => page.textOf(el)).join('') : page.text);
  const bodyEnd = lastBlock.length >= HEADLINE_PROBE_CHARS ? text.indexOf(lastBlock.slice(-HEADLINE_PROBE_CHARS)) : -1;
  const afterBody = bodyEnd < 0 ? null : text.slice(bodyEnd + HEADLINE_PROBE_CHARS, bodyEnd + HEADLINE_PROBE_CHARS + AFTER_BODY_CHARS);
  // A timestamp (date and time) marks a post better than a bare date, which is often an archive range or a clock.
  const first = firstOwnDate(text, FIRST_DATE_TIME) ?? firstOwnDate(text, FIRST_DATE);
  return { afterHeadline: textAfterHeadline(text, headline, firstBlock, bodyEnd), afterBody, firstPageDate: first };
}

/** Dates looked at for the first one no other-event label marks (最新推荐文章于 …, 更新时间：…; published-date.ts). */
const FIRST_DATE_MAX_TRIES = 5;

/** The first match of `pattern` (not global) that no other-event label marks, else the first match; a page clock
 * (今天是 …, published-date.ts) is never one. */
function firstOwnDate(text: string, pattern: RegExp): string | null {
  let fallback: string | null = null;
  let from = 0;
  for (let i = 0; i < FIRST_DATE_MAX_TRIES; i++) {
    const m = pattern.exec(text.slice(from));
    if (!m) break;
    const at = from + m.index;
    if (!isPageClockDate(text, at)) {
      if (!followsOtherEventLabel(text, at)) return m[0];
      fallback ??= m[0];
    }
    from = at + m[0].length;
  }
  return fallback;
}

/** Month/day/year as US-configured servers print it (9/17/2004), read by dates.ts. */
const US_DATE = String.raw`\d{1,2}/\d{1,2}/(?:19|20)\d\d(?![\d/])`;
/** English month-first and day-first dates (October 16, 2020 · Sep. 10th, 2005 · 16 Oct 2020), read by dates.ts. */
const ENGLISH_MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Za-z]{0,6}\.?`;
const ENGLISH_DATE = String.raw`(?<![A-Za-z])${ENGLISH_MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d(?![\da-z])|(?<!\d)\d{1,2}(?:st|nd|rd|th)?\s+${ENGLISH_MONTH},?\s+(?:19|20)\d\d(?![\da-z])`;
/**
 * A full numeric (one separator, used twice), Chinese, US or English date; with and without a time of day. English
 * dates count here too (issue 9 class 6): an English blog that marks nothing prints its post's date as words.
 */
const DATE = String.raw`(?<![\d/.-])(?:(?:19|20)\d\d(?:([-/.])\d{1,2}\1\d{1,2}(?![\d/])|\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)|${US_DATE}|${ENGLISH_DATE})`;
const FIRST_DATE = new RegExp(DATE);
const FIRST_DATE_TIME = new RegExp(String.raw`${DATE},?\s*(?:at\s+)?\d{1,2}:\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\.?)?`);

function textAfterHeadline(text: string, headline: string, firstBlock: string, bodyEnd: number): string | null {
  // The window ends where the article starts: a dateline opening the body ("2019年2月27日下午，…") is the event's date,
  // not the page's (issue 9 class 6; the body is asked last, published-date.ts).
  const bodyProbe = firstBlock.length >= HEADLINE_PROBE_CHARS ? firstBlock.slice(0, HEADLINE_PROBE_CHARS) : null;
  // Match on the headline's opening words: <title>-derived headlines carry decorations ("(页 1)", "(图)").
  const probe = headline.slice(0, HEADLINE_PROBE_CHARS);
  const parts: string[] = [];
  let from = 0;
  for (let n = 0; n < MAX_HEADLINE_OCCURRENCES && probe.length >= 4; n++) {
    const at = text.indexOf(probe, from);
    // Past the article's end the headline is a comment header or a related link ("《标题》已有1件评论 … September 19th,
    // 2005 at 7:32 pm"): the time after it is a comment's, not the page's.
    if (at < 0 || (bodyEnd >= 0 && at > bodyEnd)) break;
    from = at + probe.length;
    const window = text.slice(from, from + AFTER_HEADLINE_CHARS);
    const bodyAt = bodyProbe ? window.indexOf(bodyProbe) : -1;
    parts.push(bodyAt >= 0 ? window.slice(0, bodyAt) : window);
    // The occurrence the article follows is the headline: later ones are inside or after the article.
    if (bodyAt >= 0) break;
  }
  const labelled = LABELLED_DATE.exec(text);
  if (labelled) parts.push(labelled[0]);
  return parts.length ? parts.join('\n') : null;
}

/** A full date after a date label anywhere in the page ("时间：2005-08-22 19:13:18", "发表于 2005-9-15"): forums and blogs. */
const LABELLED_DATE = new RegExp(String.raw`(?:发布时间|发表时间|发布日期|更新时间|发表于|时间|日期)\s*[:：]?\s*(?:(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?:\s*日)?|${US_DATE})(?:\s*\d{1,2}:\d\d(?::\d\d)?(?:\s*[AP]M)?)?`);

/** Where the article's first paragraph starts in the page text (its opening characters' first occurrence), or -1. */
function textStartOf(page: PageIndex, paragraph: string): number {
  const probe = paragraph.slice(0, HEADLINE_PROBE_CHARS);
  return probe.length >= HEADLINE_PROBE_CHARS ? page.text.indexOf(probe) : -1;
}

/**
 * An info-classed element that starts after the article's first paragraph is no byline: comment rows and related-story
 * boxes carry time and author classes too (gne 163-7: a comment's "2019-11-25 11:33:58" was read as the page's
 * time). Unknown positions (a thawed tree) keep the element.
 */
function startsAfter(page: PageIndex, el: Element, bodyStart: number): boolean {
  const at = page.textStart(el);
  return bodyStart >= 0 && at !== undefined && at > bodyStart;
}

function findInfoLines(page: PageIndex, titleEl: Element | undefined, hinted: Element[], blockSet: Set<string>, body: { bodyStart: number; bodyProbe: string | null }): CleanedText[] {
  const seen = new Set<string>();
  const out: CleanedText[] = [];
  // `served`: the element's text when the caller has read it already (page.textOf), so it is not read twice.
  const add = (el: Element, served?: string) => {
    if (startsAfter(page, el, body.bodyStart)) return;
    const text = served === undefined ? elementText(page, el) : collapseSpaceRuns(served).trim();
    if (!text || text.length > MAX_INFO_LINE_CHARS) return;
    const cleaned = cleanText(text, page.script);
    if (seen.has(cleaned.text) || blockSet.has(cleaned.text)) return;
    // Nested info elements: keep the outer line only.
    for (const s of seen) if (s.includes(cleaned.text)) return;
    seen.add(cleaned.text);
    out.push(cleaned);
  };
  if (titleEl) {
    for (const el of siblingElements(titleEl, 'next', 3)) {
      // Siblings after the one holding the article are comments or related boxes, not the byline.
      if (SUBTITLE_HINT.test(`${el.tagName} ${el.attribs.class ?? ''}`)) {
        if (body.bodyProbe && page.textOf(el).includes(body.bodyProbe)) break;
        continue;
      }
      const served = page.textOf(el);
      if (body.bodyProbe && served.includes(body.bodyProbe)) break;
      add(el, served);
    }
  }
  const scope = titleEl ? headerScope(titleEl) : null;
  for (const el of hinted) if (isInHeader(el, scope)) add(el);
  return out;
}

/** How far above the headline the info line may sit: header blocks wrap h1 and info line within a few levels. */
const HEADER_SCOPE_LEVELS = 3;

function headerScope(titleEl: Element): AnyNode {
  let node: AnyNode = titleEl;
  for (let i = 0; i < HEADER_SCOPE_LEVELS && node.parent && node.parent.type !== 'root'; i++) node = node.parent;
  return node;
}

/** Info candidates must sit near the headline and not in a list: sidebar items carry other articles' dates. */
function isInHeader(el: Element, scope: AnyNode | null): boolean {
  let inScope = scope === null;
  for (let node: AnyNode | null = el.parent; node; node = node.parent) {
    if (node.type === 'tag' && ((node as Element).tagName === 'li' || (node as Element).tagName === 'a')) return false;
    if (node === scope) inScope = true;
  }
  return inScope;
}

function collectEditorLines(page: PageIndex, hinted: Element[]): CleanedText[] {
  const out: CleanedText[] = [];
  for (const el of hinted) {
    const text = elementText(page, el);
    if (text && text.length <= MAX_INFO_LINE_CHARS) out.push(cleanText(text, page.script));
  }
  return out;
}

function collectChrome(page: PageIndex): string[] {
  const out: string[] = [];
  for (const el of page.chrome) {
    const text = elementText(page, el);
    if (text) out.push(cleanText(text.slice(0, MAX_CHROME_LINE_CHARS), page.script).text);
  }
  return out;
}

