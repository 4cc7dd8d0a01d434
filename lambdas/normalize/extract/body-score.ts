/**
 * Generic scoring (layer 2 of body.ts), Readability's `_grabArticle` on precomputed stats:
 *   a. every block with at least MIN_PARAGRAPH_CHARS of its own text is a paragraph, worth
 *      1 + clause marks + min(chars / CHARS_PER_LENGTH_POINT, MAX_LENGTH_POINTS);
 *   b. the paragraph's container gets the full worth, its parent half, higher ancestors 1/(level × 3);
 *      a container starts at its tag base score plus its class/id weight;
 *   c. each candidate's score is multiplied by (1 − link density);
 *   d. the top candidate moves up to an ancestor shared by several near-top candidates, or to a parent that
 *      scores higher, or past wrappers that have it as their only child;
 *   e. siblings of the top candidate join when they score near it or are long, link-poor paragraphs.
 * Scores live in a Map owned by `pickArticleElements`, never on DOM nodes.
 */
import type { AnyNode, Element } from 'domhandler';
import {
  ALTERNATIVE_SCORE_SHARE, CHARS_PER_LENGTH_POINT, CLASS_WEIGHT, DEEP_ANCESTOR_DIVIDER, MAX_LENGTH_POINTS,
  MIN_ALTERNATIVE_VOTES, MIN_PARAGRAPH_CHARS, MIN_SIBLING_SCORE, PARAGRAPH_TAGS, PARENT_SCORE_STOP_SHARE,
  SCORE_ANCESTOR_LEVELS, SENTENCE_END, SIBLING_P_MAX_LINK_DENSITY, SIBLING_P_MIN_CHARS, SIBLING_SCORE_SHARE,
  TAG_BASE_SCORE, TOP_CANDIDATES, BLOCK_TAGS, LIST_LINE_DENSITY_WEIGHT, LIST_ITEM_MAX_LINK_DENSITY,
  POST_LIST_MAX_CLIMB, POST_LIST_MIN_POSTS, POST_MIN_CHARS, POST_MAX_LINK_DENSITY, POST_STAMP, POST_GAP_MAX_CHARS, SKIP_TAGS,
} from './body-patterns.js';
import { classWeight, isElement, type NodeStats, type StatsMap } from './body-stats.js';

export interface ScoreOptions {
  /** Use class/id hints (Readability's FLAG_WEIGHT_CLASSES). */
  weightClasses: boolean;
}

export interface ArticlePick {
  top: Element;
  /** The top candidate and the siblings that join it, in document order. */
  elements: Element[];
  score: number;
  /** The page is a list of posts and `top` is its first post: a short result is still the answer. */
  firstPost: boolean;
  /** The other top-ranked candidates, best first (the second opinion's "next candidates", normalize/index.ts). */
  runnersUp: Element[];
}

/** Picks the article container(s), or null when no block carries a paragraph's worth of text. */
export function pickArticleElements(stats: StatsMap, opts: ScoreOptions, lastText?: (el: Element) => string): ArticlePick | null {
  const scores = scoreCandidates(stats, opts);
  const ranked = rankCandidates(scores, stats);
  if (ranked.length === 0) return null;
  const final = (el: Element): number => (scores.get(el) ?? 0) * (1 - linkDensity(el, stats));
  let top = ranked[0]!;
  const firstPost = firstOfPostList(top, stats);
  if (firstPost) top = firstPost;
  else {
    top = promoteToCommonAncestor(top, ranked, final);
    top = climbToBetterParent(top, scores);
  }
  top = climbSingleChildWrappers(top);
  const topScore = final(top);
  const runnersUp = ranked.filter((el) => el !== top);
  return { top, elements: includeSiblings(top, topScore, stats, scores, final, lastText), score: topScore, firstPost: firstPost !== null, runnersUp };
}

function scoreCandidates(stats: StatsMap, opts: ScoreOptions): Map<Element, number> {
  const scores = new Map<Element, number>();
  // forEach rather than for…of: no [key, value] pair is allocated per element.
  stats.forEach((s, el) => {
    if (s.skipped || s.ownChars < MIN_PARAGRAPH_CHARS || !BLOCK_TAGS.has(el.name) || isLinkLedListItem(el, s)) return;
    const worth = (1 + s.ownPunct + Math.min(Math.floor(s.ownChars / CHARS_PER_LENGTH_POINT), MAX_LENGTH_POINTS));
    let node: Element | null = PARAGRAPH_TAGS.has(el.name) ? parentElement(el) : el;
    for (let level = 0; node && level < SCORE_ANCESTOR_LEVELS; level++, node = parentElement(node)) {
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * DEEP_ANCESTOR_DIVIDER;
      // One look-up and one set per ancestor (a new candidate is inserted here, where it was before).
      scores.set(node, (scores.get(node) ?? initialScore(node, opts)) + worth / divider);
    }
  });
  return scores;
}

/** A list item whose own text is more than LIST_ITEM_MAX_LINK_DENSITY link text is a navigation or index entry
 * (headline link + author + date), not a paragraph: it scores nothing (Readability scores no <li> at all). */
function isLinkLedListItem(el: Element, s: NodeStats): boolean {
  return el.name === 'li' && s.ownLinkChars > s.ownChars * LIST_ITEM_MAX_LINK_DENSITY;
}

function initialScore(el: Element, opts: ScoreOptions): number {
  return (TAG_BASE_SCORE[el.name] ?? 0) + (opts.weightClasses ? classWeight(el, CLASS_WEIGHT) : 0);
}

function rankCandidates(scores: Map<Element, number>, stats: StatsMap): Element[] {
  const finals: Array<[Element, number]> = [];
  scores.forEach((sc, el) => {
    if (el.name !== 'html') finals.push([el, sc * (1 - linkDensity(el, stats))]);
  });
  finals.sort((a, b) => b[1] - a[1]);
  return finals.slice(0, TOP_CANDIDATES).map(([el]) => el);
}

/**
 * Link density for scoring: the mean of the plain share of link text and the share among text outside link-list lines
 * (blocks mostly made of links, which cleaning drops anyway). Plain density alone sinks an article container that also
 * holds a related-links list (common in Chinese CMS templates): +0.014 F1 on zh-cwced, −0.002 on aeb with equal weights.
 */
export function linkDensity(el: Element, stats: StatsMap): number {
  const s = stats.get(el);
  if (!s || s.chars === 0) return 0;
  const plain = s.linkChars / s.chars;
  const rest = s.chars - s.listLineChars;
  const outsideLists = rest > 0 ? (s.linkChars - s.listLineLinkChars) / rest : 0;
  return LIST_LINE_DENSITY_WEIGHT * outsideLists + (1 - LIST_LINE_DENSITY_WEIGHT) * plain;
}

function parentElement(el: Element): Element | null {
  const p = el.parent;
  return p && isElement(p) ? p : null;
}

function isRootish(el: Element): boolean {
  return el.name === 'body' || el.name === 'html';
}

/**
 * Post lists (blog archives, forum threads): when the top candidate sits in (or is) one of several containers with the
 * same tag and class, each holding a post's worth of link-poor text, each under its own parent (one wrapper per
 * post), with a date or time stamp between the first two (each post's header or footer), the page is a list of posts and
 * its article is the first one. The stamp tells posts from an article split into same-class sections around figures. Sibling containers are left alone: an article
 * split into same-class blocks keeps them all (sibling inclusion gives same-class siblings a bonus).
 */
function firstOfPostList(top: Element, stats: StatsMap): Element | null {
  let postSized: Element[] | null = null;
  let el: Element | null = top;
  for (let level = 0; el && !isRootish(el) && level <= POST_LIST_MAX_CLIMB; level++, el = parentElement(el)) {
    const cls = el.attribs.class?.trim();
    if (!cls) continue;
    postSized ??= postSizedElements(stats);
    const peers = postPeers(el, cls, postSized);
    if (peers.length < POST_LIST_MIN_POSTS || !peers.includes(el)) continue;
    if (new Set(peers.map((p) => p.parent)).size < peers.length) continue;
    if (!POST_STAMP.test(textBetween(peers[0]!, peers[1]!, POST_GAP_MAX_CHARS))) continue;
    return peers[0]!;
  }
  return null;
}

/** Elements with `el`'s tag and class that read like posts, in document order (the stats Map is in post-order, which
 * is document order for elements not nested in each other; nested matches are dropped). */
/** Elements (in the stats' order) with a post's worth of link-poor text: the only ones `postPeers` can return. */
function postSizedElements(stats: StatsMap): Element[] {
  const out: Element[] = [];
  stats.forEach((s, el) => {
    if (!s.skipped && s.chars >= POST_MIN_CHARS && s.linkChars <= s.chars * POST_MAX_LINK_DENSITY) out.push(el);
  });
  return out;
}

/** Post-sized elements with `el`'s tag and class; none when one of them contains another. */
function postPeers(el: Element, cls: string, postSized: readonly Element[]): Element[] {
  const peers: Element[] = [];
  for (const other of postSized) {
    if (other.name !== el.name || other.attribs.class?.trim() !== cls) continue;
    if (peers.some((p) => contains(other, p))) return [];
    peers.push(other);
  }
  return peers;
}

/** Text of the nodes after `a` (outside its subtree) up to `b`, at most `max` characters. Iterative. */
function textBetween(a: Element, b: Element, max: number): string {
  let out = '';
  let node: AnyNode | null = nextOutside(a);
  while (node && node !== b && out.length < max) {
    if (node.type === 'text') out += node.data;
    if (isElement(node) && contains(node, b)) node = node.children[0] ?? nextOutside(node);
    else node = node.type === 'tag' && node.children.length > 0 && !SKIP_TAGS.has(node.name) ? node.children[0]! : nextOutside(node);
  }
  return out;
}

/** The node after `node`'s subtree in document order. */
function nextOutside(node: AnyNode): AnyNode | null {
  for (let n: AnyNode | null = node; n; n = n.parent) if (n.next) return n.next;
  return null;
}

/** Readability: when ≥ MIN_ALTERNATIVE_VOTES near-top candidates share an ancestor with the top, that ancestor wins. */
function promoteToCommonAncestor(top: Element, ranked: Element[], final: (el: Element) => number): Element {
  const topScore = final(top);
  const alternatives = ranked.slice(1).filter((el) => final(el) >= topScore * ALTERNATIVE_SCORE_SHARE);
  if (alternatives.length < MIN_ALTERNATIVE_VOTES) return top;
  for (let p = parentElement(top); p && !isRootish(p); p = parentElement(p)) {
    const votes = alternatives.filter((alt) => contains(p, alt)).length;
    if (votes >= MIN_ALTERNATIVE_VOTES) return p;
  }
  return top;
}

function contains(ancestor: Element, el: Element): boolean {
  for (let p = el.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** Readability: climb while the parent's raw score does not collapse; take the first parent that beats the last score. */
function climbToBetterParent(top: Element, scores: Map<Element, number>): Element {
  let lastScore = scores.get(top) ?? 0;
  const threshold = lastScore * PARENT_SCORE_STOP_SHARE;
  for (let p = parentElement(top); p && !isRootish(p); p = parentElement(p)) {
    const ps = scores.get(p);
    if (ps === undefined) continue;
    if (ps < threshold) break;
    if (ps > lastScore) return p;
    lastScore = ps;
  }
  return top;
}

function climbSingleChildWrappers(top: Element): Element {
  let el = top;
  for (let p = parentElement(el); p && !isRootish(p) && elementChildren(p).length === 1; p = parentElement(p)) el = p;
  return el;
}

/**
 * The best final score of the candidates inside `el`. A part of a split article can sit deeper than the
 * SCORE_ANCESTOR_LEVELS its paragraphs score up to (aeb bdb56ac8: its first nine paragraphs eight levels below the
 * part, the other parts five), so the part itself holds no score while a candidate inside it scores like the others.
 * Asked only for a same-class sibling of the top.
 */
function bestInside(el: Element, scores: Map<Element, number>, final: (el: Element) => number): number {
  let best = 0;
  for (const candidate of scores.keys()) if (contains(el, candidate)) best = Math.max(best, final(candidate));
  return best;
}

function elementChildren(el: Element): Element[] {
  return el.children.filter(isElement);
}

function includeSiblings(
  top: Element,
  topScore: number,
  stats: StatsMap,
  scores: Map<Element, number>,
  final: (el: Element) => number,
  lastText?: (el: Element) => string,
): Element[] {
  const parent = parentElement(top);
  if (!parent) return [top];
  const threshold = Math.max(MIN_SIBLING_SCORE, topScore * SIBLING_SCORE_SHARE);
  const topClass = top.attribs.class ?? '';
  const out: Element[] = [];
  for (const sib of elementChildren(parent)) {
    if (sib === top) {
      out.push(sib);
      continue;
    }
    const s = stats.get(sib);
    if (!s || s.skipped || s.chars === 0) continue;
    const sameClass = topClass !== '' && sib.attribs.class === topClass;
    const bonus = sameClass ? topScore * SIBLING_SCORE_SHARE : 0;
    if (scores.has(sib) && final(sib) + bonus >= threshold) {
      out.push(sib);
      continue;
    }
    if (sameClass && bestInside(sib, scores, final) + bonus >= threshold) {
      out.push(sib);
      continue;
    }
    if (sib.name !== 'p') continue;
    const density = s.linkChars / s.chars;
    if (s.chars > SIBLING_P_MIN_CHARS && density < SIBLING_P_MAX_LINK_DENSITY) out.push(sib);
    else if (s.chars <= SIBLING_P_MIN_CHARS && density === 0 && lastText && SENTENCE_END.test(lastText(sib))) out.push(sib);
  }
  return out;
}
