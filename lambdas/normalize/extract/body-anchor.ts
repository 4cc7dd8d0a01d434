/**
 * Feed-style pages (issue 9 class 2): aggregators, portal streams, a post followed by a stream of full stories. The
 * scoring layer adds up paragraphs, so a stream of stories outscores the one article the page is about, and either the
 * stream wins outright (a container beside the headline's) or the container holding article and stream wins. The page's
 * headline tells them apart: the article is the block around the headline element, and speaks of the headline; the
 * stream's stories each open with their own heading and do not.
 *
 * The rule (no site, page or label is known here):
 *   - the anchor is the smallest ancestor of the headline element (at most ANCHOR_MAX_CLIMB levels up) holding
 *     MIN_CONTAINER_CHARS of link-poor text besides the headline: the headline's own article block; without a headline
 *     element from title.ts, the first elements whose text is the headline are tried;
 *   - when the chosen container(s) hold the anchor and more, or lie beside it, the text outside the anchor is looked at
 *     for stories: the innermost elements with STORY_MIN_CHARS of link-poor text that are an <article>, or open with a
 *     headline link, or with a heading that has a date line under it (an article's own sections have neither);
 *   - the anchor replaces the chosen body when its own text speaks of the headline (title agreement at least
 *     ANCHOR_MIN_AGREEMENT), the outside holds a story (or, when no chosen container holds the anchor and either none
 *     is or lies in it or the top candidate lies outside it, the outside containers count as stories),
 *     OFF_HEADLINE_SHARE of the stories speak of it less than STORY_AGREEMENT_SHARE of the anchor's agreement, and the
 *     outside text taken together less than WHOLE_AGREEMENT_SHARE of it. The anchor's own text is read without the
 *     headline's line (a brief's first sentence naming the headline's words still speaks of it).
 * Tested on synthetic pages (test/unit/normalize/extract/feed-classes.test.ts): a post + 6 full stories, a portal stream
 * beside a brief, a neighbouring story beside a brief; and no cut of an article whose headed sections follow a lead set
 * with the headline; a brief beside a cooperation footer or an "about us" box that outscored it (no header, neutral
 * class names: short-article-classes.test.ts), and the article body beside a headline block that holds its lead. On
 * zh-cwced, aeb and gne (312 pages) it is taken on two aeb pages (b3c19dd5, a post followed by 7
 * <article> stories: page F1 0.33 -> 1.00; b0cf2bbf, a story under the article: 0.93 -> 0.95); no other page changes.
 */
import type { Element } from 'domhandler';
import { HEADING_TAGS, POST_STAMP } from './body-patterns.js';
import { collapseSpace, plainText } from './body-blocks.js';
import { countChars, isElement, type StatsMap } from './body-stats.js';
import { titleAgreement } from './confidence.js';
import { MIN_CONTAINER_CHARS } from './gates.js';

/** How far above the headline element its article block may start (h1 → header → article wrapper → column …). */
const ANCHOR_MAX_CLIMB = 5;
/** A story in a stream: this many link-poor characters (a teaser card holds less; zh-cwced's shortest truth is 173). */
const STORY_MIN_CHARS = 60;
const STORY_MAX_LINK_DENSITY = 0.3;
/** A headline link opening a story: an all-link first line of this length. */
const HEADLINE_LINK_MIN_CHARS = 6;
const HEADLINE_LINK_MAX_CHARS = 80;
/** A story's date line: among the STAMP_LINE_SCAN elements after its heading, one of at most STAMP_LINE_MAX_CHARS with
 * a date or time stamp (body-patterns.ts POST_STAMP). */
const STAMP_LINE_SCAN = 2;
const STAMP_LINE_MAX_CHARS = 60;
/** The anchor's text must speak of the headline: an info line or a share bar next to the <h1> does not. */
const ANCHOR_MIN_AGREEMENT = 0.5;
/** A story below this share of the anchor's title agreement does not speak of the headline. */
const STORY_AGREEMENT_SHARE = 0.5;
/** The text outside the anchor taken together must speak of the headline less than this share of the anchor: an
 * article's own sections, together, name its subject as often as its lead does; a stream of other stories names it in
 * passing (a two-word Latin headline is met once in six stories: aeb b3c19dd5, 0.5 against the anchor's 1.0). */
const WHOLE_AGREEMENT_SHARE = 0.75;
/** Share of the stories that must not speak of the headline (a stream may hold one on the same subject). */
const OFF_HEADLINE_SHARE = 2 / 3;

export interface AnchorInput {
  /** The chosen container(s), in document order. */
  roots: readonly Element[];
  /** The top candidate among them (the others joined it as siblings), when scoring chose them. */
  top?: Element;
  /** The roots are the link-poor <p>s the fallback gathered over the page, not containers: those outside the anchor
   * are read as the stories. */
  loose?: boolean;
  /** The headline's element (title.ts), or none: then the elements whose text is the headline are tried. */
  headline?: Element;
  title: string;
  stats: StatsMap;
  /** The anchor's article text as body.ts would extract it (cleaned, chrome lines dropped). */
  articleText: (el: Element) => string;
}

/** Elements tried as the headline's when title.ts found none (the headline in a <td>, <font>, <b> or a classless
 * <div>: 148 of the 312 bench pages): the first few whose text is the headline, innermost, not a link. */
const MAX_TEXT_MATCHES = 3;
/** Characters an element matching the headline may hold beyond it (a trailing mark, a counter). */
const HEADLINE_MATCH_SLACK = 4;

/** The headline's article block when the chosen body is a stream of other stories (see above), else null. */
export function feedAnchor(input: AnchorInput): Element | null {
  const headlines = input.headline ? [input.headline] : headlineElements(input.stats, input.title);
  for (const headline of headlines) {
    const anchor = anchorFor(input, headline);
    if (anchor) return anchor;
  }
  return null;
}

function anchorFor(input: AnchorInput, headline: Element): Element | null {
  const { roots, title, stats } = input;
  const anchor = anchorOf(headline, stats);
  if (!anchor || roots.length === 0) return null;
  // Roots the anchor holds are its own text; the others (siblings joined to it, or containers beside it) and, in a root
  // holding the anchor, what is off the anchor's path are the text outside it.
  const within = (r: Element): boolean => r === anchor || contains(anchor, r);
  if (roots.every(within)) return null;
  const holder = roots.find((r) => contains(r, anchor));
  const outside = [...roots.filter((r) => r !== holder && !within(r)), ...(holder ? offPath(anchor, holder) : [])];
  // Beside: no chosen container holds the anchor, and the top candidate is outside it (the anchor at most joined it as
  // a sibling: a short brief beside the longer cooperation footer or "about us" box that outscored it).
  const beside = !holder && (!roots.some(within) || input.loose === true || (input.top !== undefined && !within(input.top)));
  const stories = storiesIn(outside, stats);
  if (stories.length === 0 && !beside) return null;

  // The headline's own line (kept in the block when it is no <h1>) is not the block speaking of it.
  const anchorAgreement = titleAgreement(title, withoutFirst(input.articleText(anchor), textOf(headline)));
  if (anchorAgreement < ANCHOR_MIN_AGREEMENT) return null;
  const below = anchorAgreement * STORY_AGREEMENT_SHARE;
  const units = stories.length > 0 ? stories : outside;
  const off = units.filter((u) => titleAgreement(title, textOf(u)) < below).length;
  if (off < units.length * OFF_HEADLINE_SHARE) return null;
  if (titleAgreement(title, outside.map(textOf).join('\n')) >= anchorAgreement * WHOLE_AGREEMENT_SHARE) return null;
  return anchor;
}

/** Up to MAX_TEXT_MATCHES innermost elements, in document order, whose text is the headline (white space aside). */
function headlineElements(stats: StatsMap, title: string): Element[] {
  const want = title.replace(/\s+/g, '');
  const n = countChars(title);
  if (n < MIN_HEADLINE_MATCH_CHARS) return [];
  const out: Element[] = [];
  // The stats Map is in post-order: an element comes after everything inside it, so the innermost match is met first.
  // forEach rather than for…of: no [key, value] pair is allocated per element.
  stats.forEach((s, el) => {
    if (out.length >= MAX_TEXT_MATCHES) return;
    if (s.skipped || s.linkChars > 0 || s.chars < n || s.chars > n + HEADLINE_MATCH_SLACK) return;
    if (!plainText(el).replace(/\s+/g, '').includes(want) || out.some((o) => contains(el, o))) return;
    out.push(el);
  });
  return out;
}
/** A headline this short (in characters) is too common a string to look for. */
const MIN_HEADLINE_MATCH_CHARS = 6;

/** `text` without the first line opening with `part` (the headline kept as a line of its own, or opening the info line
 * after it); a sentence of the article naming the headline's words stays (a brief's first sentence often does). */
function withoutFirst(text: string, part: string): string {
  if (!part) return text;
  if (text.startsWith(part)) return text.slice(part.length);
  const at = text.indexOf(`\n${part}`);
  return at < 0 ? text : text.slice(0, at + 1) + text.slice(at + 1 + part.length);
}

/** The smallest ancestor of the headline element holding MIN_CONTAINER_CHARS of link-poor text besides it. */
function anchorOf(headline: Element, stats: StatsMap): Element | null {
  const own = stats.get(headline);
  const headlineChars = own ? own.chars - own.linkChars : 0;
  let el = headline.parent;
  for (let level = 0; el && isElement(el) && level < ANCHOR_MAX_CLIMB; level++, el = el.parent) {
    if (el.name === 'body' || el.name === 'html') return null;
    const s = stats.get(el);
    if (!s || s.skipped) return null;
    if (s.chars - s.linkChars - headlineChars >= MIN_CONTAINER_CHARS) return el;
  }
  return null;
}

/** The children of each element on the path from `anchor` up to `holder` that are not on it: the holder's text outside the anchor. */
function offPath(anchor: Element, holder: Element): Element[] {
  const out: Element[] = [];
  for (let el: Element = anchor; el !== holder && el.parent && isElement(el.parent); el = el.parent) {
    for (const c of el.parent.children) if (c !== el && isElement(c)) out.push(c);
  }
  return out;
}

/** Innermost stories (see the file comment) inside the elements, in no particular order. Iterative post-order walk. */
function storiesIn(els: readonly Element[], stats: StatsMap): Element[] {
  const out: Element[] = [];
  const stack: { el: Element; exit: boolean; before: number }[] = els.map((el) => ({ el, exit: false, before: 0 }));
  while (stack.length) {
    const top = stack.pop()!;
    if (top.exit) {
      if (out.length === top.before && isStory(top.el, stats)) out.push(top.el);
      continue;
    }
    const s = stats.get(top.el);
    if (!s || s.skipped || s.chars - s.linkChars < STORY_MIN_CHARS) continue;
    stack.push({ el: top.el, exit: true, before: out.length });
    for (const c of top.el.children) if (isElement(c)) stack.push({ el: c, exit: false, before: 0 });
  }
  return out;
}

function isStory(el: Element, stats: StatsMap): boolean {
  const s = stats.get(el);
  if (!s || s.skipped || s.chars - s.linkChars < STORY_MIN_CHARS || s.linkChars > s.chars * STORY_MAX_LINK_DENSITY) return false;
  if (el.name === 'article') return true;
  const [first, ...next] = el.children.filter((c): c is Element => isElement(c) && (stats.get(c)?.chars ?? 0) > 0).slice(0, 1 + STAMP_LINE_SCAN);
  if (!first) return false;
  const f = stats.get(first)!;
  // A headline linking elsewhere: a story of a stream (an article's own section headings do not link).
  if (f.linkChars === f.chars && f.chars >= HEADLINE_LINK_MIN_CHARS && f.chars <= HEADLINE_LINK_MAX_CHARS) return true;
  // A heading with a date line under it: a story's head (an article's sections carry no date line of their own).
  return HEADING_TAGS.has(first.name) && next.some((n) => stats.get(n)!.chars <= STAMP_LINE_MAX_CHARS && POST_STAMP.test(plainText(n)));
}

function textOf(el: Element): string {
  return collapseSpace(plainText(el));
}

function contains(ancestor: Element, el: Element): boolean {
  for (let p = el.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}
