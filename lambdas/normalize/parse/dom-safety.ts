/**
 * Keeps hostile markup from crashing or hanging the extractors. Two guards:
 *
 * 1. `capNestingDepth(html)`, BEFORE parsing: htmlparser2 keeps its open-element stack with `unshift`, so parsing
 *    n nested elements costs O(n²): 100,000 nested `<span>`s take ~30 s. The guard scans tags once and drops the
 *    opening (and matching closing) tags beyond `maxDepth`; text is kept. Call it on the decoded HTML before `loadHtml`.
 * 2. `flattenDeepNesting($)`, AFTER parsing, for documents built some other way:
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

/** Elements that never nest (void) or whose end tag the parser implies (an unclosed `<p>`/`<li>`/`<td>` is closed by
 * its next sibling), so they do not add depth; counting them would make ordinary sloppy pages look deep. */
const NON_NESTING_TAGS: ReadonlySet<string> = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen',
  'p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option', 'optgroup', 'tbody', 'thead', 'tfoot', 'colgroup', 'rp', 'rt',
]);
/** Raw-text elements: their content is not markup and is skipped by the scan. */
const RAW_TEXT_END: Readonly<Record<string, RegExp>> = { script: /<\/script\s*>/gi, style: /<\/style\s*>/gi, textarea: /<\/textarea\s*>/gi };
const TAG_OR_COMMENT = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;

/**
 * Drops opening tags nested deeper than `maxDepth` (and as many closing tags after them), without parsing.
 * Returns the input unchanged (same string) when nothing is that deep. One linear scan.
 */
export function capNestingDepth(html: string, maxDepth: number = MAX_NESTING_DEPTH): { html: string; dropped: number } {
  let depth = 0;
  let excess = 0;
  let dropped = 0;
  const parts: string[] = [];
  let copiedTo = 0;
  const re = new RegExp(TAG_OR_COMMENT.source, 'g');
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const [whole, closing, rawName, selfClosing] = m;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    let drop = false;
    if (closing) {
      if (NON_NESTING_TAGS.has(name)) continue;
      if (excess > 0) {
        excess--;
        drop = true;
      } else if (depth > 0) depth--;
    } else {
      const rawEnd = RAW_TEXT_END[name];
      if (rawEnd) {
        rawEnd.lastIndex = re.lastIndex;
        const end = rawEnd.exec(html);
        re.lastIndex = end ? rawEnd.lastIndex : html.length;
        continue;
      }
      if (selfClosing || NON_NESTING_TAGS.has(name)) continue;
      if (depth >= maxDepth) {
        excess++;
        drop = true;
      } else depth++;
    }
    if (drop) {
      dropped++;
      parts.push(html.slice(copiedTo, m.index));
      copiedTo = m.index + whole.length;
    }
  }
  if (dropped === 0) return { html, dropped };
  parts.push(html.slice(copiedTo));
  return { html: parts.join(''), dropped };
}

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
