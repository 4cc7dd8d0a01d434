/**
 * parseDom skips the DOM nesting walk when the parser nested nothing deeper than MAX_NESTING_DEPTH (parse-page.ts,
 * skipping-tokenizer.ts parsedNestingDepth). The walk must still run, and flatten, one level past the cap. Synthetic
 * markup; the string guard's own depth cap is lifted so that only the DOM guard can act.
 */
import { describe, expect, it } from 'vitest';
import type { AnyNode } from 'domhandler';
import { guardHtml, parseDom } from '../../../../lambdas/normalize/parse/parse-page.js';
import { MAX_NESTING_DEPTH } from '../../../../lambdas/normalize/parse/load-html.js';
import { FAST_TOKENIZER, parseWith, parsedNestingDepth } from '../../../../lambdas/normalize/parse/skipping-tokenizer.js';

const nested = (levels: number): string => `${'<div>'.repeat(levels)}深${'</div>'.repeat(levels)}`;
/** Depth of the text node (the document is 0): an element at the cap keeps only leaves below it once flattened. */
const depthOfText = (html: string): number => {
  const { $ } = parseDom(guardHtml(html, { maxDepth: 1_000_000 }));
  const stack: Array<[AnyNode, number]> = [[$.root()[0]!, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node.type === 'text') return depth;
    if ('children' in node) for (const c of node.children) stack.push([c, depth + 1]);
  }
  return -1;
};

describe('the nesting depth noted by the parse', () => {
  it('counts the document as 0 (htmlparser2 adds no <html> or <body>)', () => {
    expect(parsedNestingDepth(parseWith('<div><p>x</p></div><span>y</span>', FAST_TOKENIZER))).toBe(2);
    expect(parsedNestingDepth(parseWith('just text', FAST_TOKENIZER))).toBe(0);
  });

  it('at the cap nothing is flattened; one level past it the DOM guard still flattens', () => {
    const atCap = parseDom(guardHtml(nested(MAX_NESTING_DEPTH), { maxDepth: 1_000_000 }));
    expect(atCap.warnings.join('\n')).not.toMatch(/nested deeper/);
    expect(depthOfText(nested(MAX_NESTING_DEPTH))).toBe(MAX_NESTING_DEPTH + 1);
    const past = parseDom(guardHtml(nested(MAX_NESTING_DEPTH + 1), { maxDepth: 1_000_000 }));
    expect(past.warnings.join('\n')).toMatch(/nested deeper/);
    // Unflattened it would sit at MAX + 2.
    expect(depthOfText(nested(MAX_NESTING_DEPTH + 1))).toBe(MAX_NESTING_DEPTH + 1);
  });
});
