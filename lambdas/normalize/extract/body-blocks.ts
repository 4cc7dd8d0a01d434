/**
 * Turns the chosen article container(s) into text blocks in document order: one block per paragraph, list item,
 * table cell, heading or `<br>`-separated line; white space collapsed. Iterative walk. Skips what the stats pass
 * marked as skipped, the h1 (the headline is the lead's), a heading repeating the title, and sub-blocks that
 * Readability's `_cleanConditionally` would drop (link lists, form/image clutter, negative class names).
 */
import type { AnyNode, Element } from 'domhandler';
import {
  BLOCK_TAGS, CLASS_WEIGHT, CLEAN_KEEP_IF_COMMAS, CLEAN_MAX_LINK_DENSITY, CLEAN_MAX_LINK_DENSITY_POSITIVE, LINK_LINE_MAX_DENSITY,
} from './body-patterns.js';
import { classWeight, countChars, isElement, type NodeStats, type StatsMap } from './body-stats.js';
import { collapseRuns } from '../clean/whitespace.js';
import { isNumberBreak, joinNumberBreaks } from './number-breaks.js';
import { holdsElementNamed } from '../parse/elements.js';
import { isBoilerplateLine, isChromeSectionHeader } from '../clean/boilerplate.js';

/** Elements conditional cleaning looks at (Readability: fieldset, table, ul, div; plus the HTML5 blocks CMSs use; figure and
 * figcaption: caption boxes named so by their class, aeb +0.001, 13 pages up, none down). */
const CLEANABLE_TAGS: ReadonlySet<string> = new Set(['form', 'div', 'section', 'table', 'ul', 'ol', 'dl', 'fieldset', 'aside', 'header', 'footer', 'center', 'figure', 'figcaption']);
/** A block whose text is mostly inside ul/ol descendants is a list (Readability: 0.9). */
const LIST_SHARE = 0.9;
/** Readability's "heading density < 0.9 and text < 25 chars with links" rule. */
const CLEAN_MAX_HEADING_DENSITY = 0.9;
const CLEAN_MIN_CHARS = 25;
/** One embed is fine in a block with this many chars (Readability: 75). */
const CLEAN_EMBED_MIN_CHARS = 75;

/**
 * Chrome sections (issue 9 classes 1 and 2): a header of the site's own sections (网友留言, 关于我们, 为你推荐, 相关阅读…,
 * clean/boilerplate.ts) ends the article within its container: what follows it there (comments, the "about us" blurb,
 * a recommended-stories stream of link-poor teasers) is dropped. A header is a short element (at most
 * SECTION_HEADER_MAX_CHARS) that opens its container; the cut applies only once SECTION_CUT_MIN_CHARS_BEFORE of prose (link-poor, not chrome by
 * its wording) came before it, so a related box above the article's first paragraph, after a promo line, takes nothing
 * with it (gne sina-4: 相关新闻： with two links, then the article, in one container).
 */
export const SECTION_HEADER_MAX_CHARS = 12;
export const SECTION_CUT_MIN_CHARS_BEFORE = 50;
/** A section heading is short: a longer <h1> after the article's prose is a neighbouring story's headline. */
const SECTION_H1_MAX_CHARS = 40;
/**
 * Footer boxes (issue 9 class 1): a sub-container of at most FOOTER_BOX_MAX_CHARS holding a site registration mark
 * (ICP备 / ICP证 / 公网安备 / 网站标识码) is the site's footer with its cooperation, copyright and contact lines; an
 * article never carries a registration number. Without this a short brief's container grows to <body> and keeps them.
 */
const FOOTER_BOX_MAX_CHARS = 600;
const SITE_REGISTRATION = /ICP\s*[备證证]|公网安备|公網安備|网站标识码|網站標識碼/;

export interface BlockOptions {
  /** Apply conditional cleaning to sub-blocks (off on the loosest pass). */
  clean: boolean;
  /** Headline to drop when a heading repeats it. */
  title?: string | null;
}

export interface Block {
  text: string;
  /** Characters (non-white-space) inside links, and in total: lets callers drop link-only lines. */
  linkChars: number;
  chars: number;
  /** The block starts with a link of at least HEADLINE_LINK_MIN_CHARS that is most of its text: a list entry
   * "headline link + date". */
  headlineLink: boolean;
}

/** Non-link characters of the blocks that are not link lines (a list item "headline link + date" counts nothing). */
export function nonLinkChars(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) if (b.linkChars <= b.chars * LINK_LINE_MAX_DENSITY) n += b.chars - b.linkChars;
  return n;
}

/** A leading link this long (chars) reads as a headline in a list, not as an inline link in prose. */
const HEADLINE_LINK_MIN_CHARS = 8;

const SPACE_RUN = /[\s\u3000\u00a0\u200b\ufeff]+/g;
const SPACE_NOT_SPACE = /[^\S ]|\u200b/;

/** Collapses white space (incl. U+3000, NBSP, zero-width) to single spaces and trims. */
export function collapseSpace(text: string): string {
  return collapseRuns(text, SPACE_RUN, SPACE_NOT_SPACE).trim();
}

/** Text blocks of `roots` (in the order given), after cleaning. */
export function extractBlocks(roots: readonly Element[], stats: StatsMap, opts: BlockOptions): Block[] {
  const out: Block[] = [];
  const title = opts.title ? collapseSpace(opts.title) : null;
  // leadLink: chars of the link run the block starts with (-1 once non-link text came first or the run ended).
  // afterBr: the last block was cut by a <br>, so the next one may continue a number it split (number-breaks.ts).
  const state = { buf: [] as string[], linkChars: 0, chars: 0, leadLink: 0, afterBr: false };
  const flush = (): void => {
    const text = collapseSpace(joinNumberBreaks(state.buf.join('')));
    const prev = out[out.length - 1];
    if (text && prev && state.afterBr && isNumberBreak(prev.text, text)) {
      Object.assign(prev, { text: prev.text + text, linkChars: prev.linkChars + state.linkChars, chars: prev.chars + state.chars });
      state.afterBr = false;
    } else if (text) out.push({ text, linkChars: state.linkChars, chars: state.chars, headlineLink: state.linkChars >= HEADLINE_LINK_MIN_CHARS && state.linkChars * 2 > state.chars && (state.leadLink >= HEADLINE_LINK_MIN_CHARS || -state.leadLink - 1 >= HEADLINE_LINK_MIN_CHARS) });
    if (text) state.afterBr = false;
    state.buf.length = 0;
    state.linkChars = 0;
    state.chars = 0;
    state.leadLink = 0;
  };
  // The walk's stack as two parallel arrays, no object per node: a node to visit (null: the marker that closes a block
  // element) and its depth times 2, plus 1 inside a link.
  const nodes: Array<AnyNode | null> = [];
  const places: number[] = [];
  // Containers whose remaining children follow a chrome section header (SECTION_HEADER_MAX_CHARS above).
  const cut = new Set<AnyNode>();
  for (const root of roots) {
    nodes.push(root);
    places.push(0);
    while (nodes.length > 0) {
      const node = nodes.pop()!;
      const place = places.pop()!;
      if (node === null) {
        flush();
        continue;
      }
      const inLink = (place & 1) === 1;
      const depth = place >> 1;
      if (cut.size > 0 && node.parent && cut.has(node.parent)) continue;
      if (node.type === 'text') {
        state.buf.push(node.data);
        const n = countChars(node.data);
        state.chars += n;
        if (inLink) state.linkChars += n;
        if (n > 0 && state.leadLink >= 0) state.leadLink = inLink ? state.leadLink + n : -(state.leadLink + 1);
        continue;
      }
      if (!isElement(node)) continue;
      if (shouldDrop(node, stats, opts.clean && depth > 0, title, out)) continue;
      if (isFooterBox(node, stats) && !wrapsArticleAndFooter(node, stats, out)) continue;
      if (depth > 0) {
        const at = chromeSectionCut(node, stats);
        if (at && proseChars(out) >= SECTION_CUT_MIN_CHARS_BEFORE) {
          cut.add(at);
          continue;
        }
      }
      const block = BLOCK_TAGS.has(node.name);
      if (block) {
        flush();
        state.afterBr = node.name === 'br';
        nodes.push(null);
        places.push(0);
      }
      const childPlace = ((depth + 1) << 1) | (inLink || node.name === 'a' ? 1 : 0);
      for (let i = node.children.length - 1; i >= 0; i--) {
        nodes.push(node.children[i]!);
        places.push(childPlace);
      }
    }
    flush();
  }
  return out;
}

/** Characters of prose among `blocks`: link-poor lines that are not chrome by their wording. */
export function proseChars(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) if (b.linkChars <= b.chars * LINK_LINE_MAX_DENSITY && !isBoilerplateLine(b.text)) n += b.chars - b.linkChars;
  return n;
}

/** The site footer as a box inside the chosen container (FOOTER_BOX_MAX_CHARS, SITE_REGISTRATION). */
export function isFooterBox(el: Element, stats: StatsMap): boolean {
  const s = stats.get(el);
  return !!s && s.chars > 0 && s.chars <= FOOTER_BOX_MAX_CHARS && !s.skipped && CLEANABLE_TAGS.has(el.name) && SITE_REGISTRATION.test(shortText(el, FOOTER_BOX_MAX_NODES)) && !holdsHeadline(el);
}

/**
 * A box holding an <h1> (the page's headline) is the article's container, not the site's footer (issue 9 class 1: a
 * brief, its headline and the footer's lines as <p>s in one plain <div> were dropped whole: NO_ARTICLE). Asked only of
 * small boxes with a registration mark; at most FOOTER_BOX_MAX_NODES nodes.
 */
function holdsHeadline(el: Element): boolean {
  return holdsElementNamed(el, 'h1', FOOTER_BOX_MAX_NODES);
}

/**
 * A small wrapper holding a short article and, inside it, the site's footer box (issue 9 class 1: a 100-character
 * brief and its 220-character cooperation/ICP footer in one <div> or layout <table>) is a footer box by its size and
 * registration mark, and was dropped article and all (NO_ARTICLE). It is read on, its inner footer box dropped, when
 * no prose came before it (SECTION_CUT_MIN_CHARS_BEFORE) and it holds a smaller footer box. Checked on zh-cwced, aeb,
 * gne and the seeds (index pages stay NO_ARTICLE).
 */
function wrapsArticleAndFooter(el: Element, stats: StatsMap, before: readonly Block[]): boolean {
  if (proseChars(before) >= SECTION_CUT_MIN_CHARS_BEFORE) return false;
  const chars = stats.get(el)!.chars;
  const stack: AnyNode[] = [...el.children];
  for (let visited = 0; stack.length > 0 && visited < FOOTER_BOX_MAX_NODES; visited++) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if ((stats.get(n)?.chars ?? 0) < chars && isFooterBox(n, stats)) return true;
    for (const c of n.children) stack.push(c);
  }
  return false;
}

/**
 * When `el` is a chrome section header, the container whose later children are the section: the parent of the
 * highest ancestor holding nothing but the header (`<div class="hd"><h3>为你推荐</h3></div><div class="bd">…`).
 */
export function chromeSectionCut(el: Element, stats: StatsMap): Element | null {
  const s = stats.get(el);
  if (!s || s.chars === 0 || s.chars > SECTION_HEADER_MAX_CHARS || el.name === 'a' || !isChromeSectionHeader(collapseSpace(shortText(el, SHORT_LINE_MAX_NODES)))) return null;
  let top = el;
  for (let p = top.parent; p && isElement(p) && stats.get(p)?.chars === s.chars; p = p.parent) top = p;
  const parent = top.parent;
  if (!parent || !isElement(parent)) return null;
  // The header must open its container: one set after text in the same container is inline in the article's flow
  // ("…。 相关新闻： <links> …the article goes on", gne sina-4), where link lines are dropped one by one instead.
  for (const child of parent.children) {
    if (child === top) break;
    if (child.type === 'text' ? countChars(child.data) > 0 : isElement(child) && (stats.get(child)?.chars ?? 0) > 0) return null;
  }
  return parent;
}

/**
 * An <h1> inside the article after SECTION_CUT_MIN_CHARS of its prose, not repeating the headline, is a section heading
 * (self-media templates mark every section heading <h1>: "怎样判断自己是否属于…呢？"); elsewhere an <h1> is the headline
 * or the site's logo, read by title.ts, and is dropped.
 */
function shouldDrop(el: Element, stats: StatsMap, clean: boolean, title: string | null, before: readonly Block[]): boolean {
  const s = stats.get(el);
  if (!s || s.skipped) return el.type !== 'tag' || s?.skipped === true;
  if (el.name === 'h1') return !(title && s.chars <= SECTION_H1_MAX_CHARS && !headingRepeatsTitle(el, title) && proseChars(before) >= SECTION_CUT_MIN_CHARS_BEFORE);
  if (title && /^h[2-3]$/.test(el.name) && s.chars <= title.length + 2 && headingRepeatsTitle(el, title)) return true;
  // A <figcaption> is an image's caption and credit, whatever its class (aeb truths leave them out: aeb 0.973 -> 0.976,
  // 12 pages up, none down; zh-cwced and gne pages caption in <p>s: unchanged).
  if (clean && el.name === 'figcaption') return true;
  return clean && CLEANABLE_TAGS.has(el.name) && isClutter(el, s);
}

function headingRepeatsTitle(el: Element, title: string): boolean {
  const text = collapseSpace(shortText(el, SHORT_LINE_MAX_NODES));
  return text.length > 0 && (text === title || title.includes(text) && text.length >= title.length / 2);
}

/** Readability `_cleanConditionally`, on the precomputed stats. */
function isClutter(el: Element, s: NodeStats): boolean {
  const weight = classWeight(el, CLASS_WEIGHT);
  if (weight < 0) return true;
  if (s.punct >= CLEAN_KEEP_IF_COMMAS) return false;
  const isList = el.name === 'ul' || el.name === 'ol' || (s.chars > 0 && s.listChars / s.chars > LIST_SHARE);
  const linkDensity = s.chars > 0 ? s.linkChars / s.chars : 0;
  const headingDensity = s.chars > 0 ? s.headingChars / s.chars : 0;
  const p = s.p + (el.name === 'p' ? 1 : 0);
  if (s.img > 1 && p / s.img < 0.5) return true;
  if (!isList && s.li > p) return true;
  if (s.input > Math.floor(p / 3)) return true;
  if (!isList && headingDensity < CLEAN_MAX_HEADING_DENSITY && s.chars < CLEAN_MIN_CHARS && (s.img === 0 || s.img > 2) && linkDensity > 0) return true;
  if (!isList && weight < CLASS_WEIGHT && linkDensity > CLEAN_MAX_LINK_DENSITY) return true;
  if (weight >= CLASS_WEIGHT && linkDensity > CLEAN_MAX_LINK_DENSITY_POSITIVE) return true;
  return (s.embed === 1 && s.chars < CLEAN_EMBED_MIN_CHARS) || s.embed > 1;
}

/**
 * Nodes read for the text of a small element: a footer box (FOOTER_BOX_MAX_CHARS), a section header or a heading (a few
 * characters). The stats count characters, not nodes: in a deep nest every wrapper holds the same few characters, and
 * reading each wrapper's whole subtree was quadratic in the depth (issue 10: deep-table-50k and deep-span-*-x50 spent
 * most of their 1-1.5 s CPU there). On the 347 bench and seed pages a footer-box read visits at most 4,809 nodes (381 for
 * one that is a footer box), a section-header read at most 157 (8 for a header), a heading read at most 13.
 */
export const FOOTER_BOX_MAX_NODES = 1000;
export const SHORT_LINE_MAX_NODES = 200;

/** The text of a small element, or '' when it has more than `maxNodes` nodes (then it is no such box). */
function shortText(el: Element, maxNodes: number): string {
  return plainText(el, maxNodes) ?? '';
}

/** Text of an element without recursion; null past `maxNodes` nodes. */
export function plainText(el: Element): string;
export function plainText(el: Element, maxNodes: number): string | null;
export function plainText(el: Element, maxNodes = Infinity): string | null {
  const parts: string[] = [];
  const stack: AnyNode[] = [el];
  let visited = 0;
  while (stack.length > 0) {
    if (++visited > maxNodes) return null;
    const n = stack.pop()!;
    if (n.type === 'text') parts.push(n.data);
    else if (isElement(n) && n.type === 'tag') for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return parts.join('');
}
