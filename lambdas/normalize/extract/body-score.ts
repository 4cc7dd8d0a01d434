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
import type { Element } from 'domhandler';
import {
  ALTERNATIVE_SCORE_SHARE, CHARS_PER_LENGTH_POINT, CLASS_WEIGHT, DEEP_ANCESTOR_DIVIDER, MAX_LENGTH_POINTS,
  MIN_ALTERNATIVE_VOTES, MIN_PARAGRAPH_CHARS, MIN_SIBLING_SCORE, PARAGRAPH_TAGS, PARENT_SCORE_STOP_SHARE,
  SCORE_ANCESTOR_LEVELS, SENTENCE_END, SIBLING_P_MAX_LINK_DENSITY, SIBLING_P_MIN_CHARS, SIBLING_SCORE_SHARE,
  TAG_BASE_SCORE, TOP_CANDIDATES, BLOCK_TAGS, LIST_LINE_DENSITY_WEIGHT,
} from './body-patterns.js';
import { classWeight, isElement, type StatsMap } from './body-stats.js';

export interface ScoreOptions {
  /** Use class/id hints (Readability's FLAG_WEIGHT_CLASSES). */
  weightClasses: boolean;
}

export interface ArticlePick {
  top: Element;
  /** The top candidate and the siblings that join it, in document order. */
  elements: Element[];
  score: number;
}

/** Picks the article container(s), or null when no block carries a paragraph's worth of text. */
export function pickArticleElements(stats: StatsMap, opts: ScoreOptions, lastText?: (el: Element) => string): ArticlePick | null {
  const scores = scoreCandidates(stats, opts);
  const ranked = rankCandidates(scores, stats);
  if (ranked.length === 0) return null;
  const final = (el: Element): number => (scores.get(el) ?? 0) * (1 - linkDensity(el, stats));
  let top = ranked[0]!;
  top = promoteToCommonAncestor(top, ranked, final);
  top = climbToBetterParent(top, scores);
  top = climbSingleChildWrappers(top);
  const topScore = final(top);
  return { top, elements: includeSiblings(top, topScore, stats, scores, final, lastText), score: topScore };
}

export function scoreCandidates(stats: StatsMap, opts: ScoreOptions): Map<Element, number> {
  const scores = new Map<Element, number>();
  for (const [el, s] of stats) {
    if (s.skipped || s.ownChars < MIN_PARAGRAPH_CHARS || !BLOCK_TAGS.has(el.name) || el.name === 'li') continue;
    const worth = (1 + s.ownPunct + Math.min(Math.floor(s.ownChars / CHARS_PER_LENGTH_POINT), MAX_LENGTH_POINTS));
    let node: Element | null = PARAGRAPH_TAGS.has(el.name) ? parentElement(el) : el;
    for (let level = 0; node && level < SCORE_ANCESTOR_LEVELS; level++, node = parentElement(node)) {
      if (!scores.has(node)) scores.set(node, initialScore(node, opts));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * DEEP_ANCESTOR_DIVIDER;
      scores.set(node, scores.get(node)! + worth / divider);
    }
  }
  return scores;
}

function initialScore(el: Element, opts: ScoreOptions): number {
  return (TAG_BASE_SCORE[el.name] ?? 0) + (opts.weightClasses ? classWeight(el, CLASS_WEIGHT) : 0);
}

function rankCandidates(scores: Map<Element, number>, stats: StatsMap): Element[] {
  const finals: Array<[Element, number]> = [];
  for (const [el, sc] of scores) {
    if (el.name === 'html') continue;
    finals.push([el, sc * (1 - linkDensity(el, stats))]);
  }
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
    const bonus = topClass !== '' && sib.attribs.class === topClass ? topScore * SIBLING_SCORE_SHARE : 0;
    if (scores.has(sib) && final(sib) + bonus >= threshold) {
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
