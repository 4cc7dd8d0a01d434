/**
 * Keeps hostile markup from crashing or hanging the extractors.
 *
 * htmlparser2 parses any depth without recursion, but many consumers do recurse: domutils `textContent`
 * (cheerio's `.text()`), `$.html()`, css-select's descendant matching. 100,000 nested `<div>`s (or `<b>`, `<span>`)
 * overflow the call stack there. `flattenDeepNesting` caps the depth: every element deeper than `maxDepth` is
 * lifted, in document order, to be a child of its ancestor at `maxDepth`, so no text is lost, only the pathological
 * nesting. Every walk in this module is iterative. Call it once right after `loadHtml`, before any `.text()`.
 */
import type { CheerioAPI } from 'cheerio/slim';
import type { AnyNode, ChildNode, ParentNode } from 'domhandler';
import { MAX_NESTING_DEPTH } from './load-html.js';

export { MAX_NESTING_DEPTH };

/** Node types that own children in domhandler. */
function hasChildNodes(node: AnyNode): node is ParentNode {
  return 'children' in node && Array.isArray((node as ParentNode).children);
}

/**
 * Flattens nesting deeper than `maxDepth` (depth of the document root = 0). Returns how many elements were lifted
 * (0 on every ordinary page). Mutates the document held by `$`.
 */
export function flattenDeepNesting($: CheerioAPI, maxDepth: number = MAX_NESTING_DEPTH): number {
  const root = $.root()[0] as unknown as ParentNode;
  let lifted = 0;
  const stack: Array<{ node: ParentNode; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth >= maxDepth) {
      lifted += liftDescendants(node);
      continue;
    }
    for (const child of node.children) if (hasChildNodes(child)) stack.push({ node: child, depth: depth + 1 });
  }
  return lifted;
}

/**
 * Re-parents every descendant of `host` as a direct child of `host`, in document order; lifted elements keep their
 * attributes but lose their children (which are lifted too). Iterative; returns the number of elements lifted.
 */
function liftDescendants(host: ParentNode): number {
  const ordered: ChildNode[] = [];
  const stack: ChildNode[] = [...host.children].reverse();
  let lifted = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    ordered.push(node);
    if (hasChildNodes(node) && node.children.length > 0) {
      lifted++;
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
      node.children = [];
    }
  }
  if (lifted === 0) return 0;
  relink(host, ordered);
  return lifted;
}

/** Makes `children` the child list of `parent`, fixing the parent/prev/next links domhandler keeps. */
function relink(parent: ParentNode, children: ChildNode[]): void {
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    c.parent = parent;
    c.prev = children[i - 1] ?? null;
    c.next = children[i + 1] ?? null;
  }
  parent.children = children;
}

/** Depth of the deepest node (document root = 0), computed iteratively. For tests and diagnostics. */
export function maxNestingDepth($: CheerioAPI): number {
  const root = $.root()[0] as unknown as ParentNode;
  let max = 0;
  const stack: Array<{ node: AnyNode; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > max) max = depth;
    if (hasChildNodes(node)) for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
  }
  return max;
}
