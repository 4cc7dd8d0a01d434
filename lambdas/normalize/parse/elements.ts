/**
 * Small reads on the parsed tree that extract/ needs around the elements page-index.ts lists: an element's text with
 * white space collapsed, its sibling elements, and whether it holds an element of some tag.
 */
import type { AnyNode, Element } from 'domhandler';
import { collapseRuns, JS_SPACE_NOT_SPACE } from '../clean/whitespace.js';
import type { PageIndex } from './page-index.js';

const SPACE_RUN = /\s+/g;

/** White-space runs collapsed to one space (as JavaScript's `\s` sees them). */
export function collapseSpaceRuns(text: string): string {
  return collapseRuns(text, SPACE_RUN, JS_SPACE_NOT_SPACE);
}

/** cheerio's `$(el).text()` with white-space runs collapsed to one space, trimmed. */
export function elementText(page: PageIndex, el: AnyNode): string {
  return collapseSpaceRuns(page.textOf(el)).trim();
}

/** cheerio `prevAll()` / `nextAll()` of one element: sibling elements, nearest first, up to `max`. */
export function siblingElements(el: Element, direction: 'prev' | 'next', max: number): Element[] {
  const out: Element[] = [];
  for (let node = el[direction]; node && out.length < max; node = node[direction]) if (isTag(node)) out.push(node);
  return out;
}

/**
 * Whether `el` holds a `tagName` element among its first `maxNodes` descendant nodes (text nodes counted, depth-first,
 * last child first): a bounded probe, so a huge subtree costs at most `maxNodes` steps.
 */
export function holdsElementNamed(el: Element, tagName: string, maxNodes: number): boolean {
  const stack: AnyNode[] = [...el.children];
  for (let visited = 0; stack.length > 0 && visited < maxNodes; visited++) {
    const n = stack.pop()!;
    if (!isTag(n)) continue;
    if (n.name === tagName) return true;
    for (const c of n.children) stack.push(c);
  }
  return false;
}

/** domutils `isTag`. */
function isTag(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}
