/**
 * Markup nested absurdly deep (100,000 <div>s) makes every HTML parser we measured quadratic — htmlparser2 took 18 s
 * here — and recursive DOM walks overflow the stack. Before parsing we drop opening tags beyond MAX_NESTING_DEPTH
 * (and their matching closing tags), so text is kept and only pointless structure goes.
 */

/** Void elements never take a closing tag, so they never deepen the tree. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'frame', 'keygen']);
const TAG = /<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;

function isNesting(m: RegExpMatchArray): boolean {
  return !VOID.has(m[2]!.toLowerCase()) && m[3] !== '/';
}

/** The deepest open-tag nesting in `html`, counted the naive way (every open tag until its close). */
export function maxNestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(TAG)) {
    if (!isNesting(m)) continue;
    depth += m[1] ? -1 : 1;
    if (depth < 0) depth = 0;
    if (depth > max) max = depth;
  }
  return max;
}

/** Returns `html` with tags beyond `maxDepth` removed, and whether anything was removed. */
export function limitNesting(html: string, maxDepth: number): { html: string; flattened: boolean } {
  if (maxNestingDepth(html) <= maxDepth) return { html, flattened: false };
  let depth = 0;
  let dropped = 0;
  const out = html.replace(TAG, (tag: string, slash: string, name: string, selfClose: string) => {
    if (VOID.has(name.toLowerCase()) || selfClose === '/') return tag;
    if (!slash) {
      depth++;
      if (depth > maxDepth) {
        dropped++;
        return '';
      }
      return tag;
    }
    if (depth > 0) depth--;
    if (dropped > 0 && depth >= maxDepth) {
      dropped--;
      return '';
    }
    return tag;
  });
  return { html: out, flattened: true };
}
