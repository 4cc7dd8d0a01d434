/**
 * `原文地址：<a href="…">标题</a>` (issue 9 class 9): the original article's URL written as a link whose text is a title or
 * "点击查看", not the URL, so the text lines byline.ts reads do not hold it. Looked up only when a body line carries the
 * label without a URL: the first text node holding the label, then the first <a> with an http(s) href after it, within
 * LINK_MAX_CHARS_AFTER of text (the label's own line, or the next element).
 */
import type { AnyNode, Element } from 'domhandler';

export const ORIGINAL_LABEL = /(?:原文地址|原文链接|原文网址)\s*[:：]/;
const LINK_MAX_CHARS_AFTER = 60;
const HTTP_URL = /^https?:\/\/[^\s"'<>]+$/i;

/** The href after the label in `root`, or null. Iterative, document order. */
export function findLinkedOriginalUrl(root: AnyNode): string | null {
  const stack: AnyNode[] = [root];
  let after = -1;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      if (after < 0) {
        const m = ORIGINAL_LABEL.exec(data);
        if (m) after = data.length - (m.index + m[0].length);
      } else {
        after += data.replace(/\s+/g, '').length;
        if (after > LINK_MAX_CHARS_AFTER) return null;
      }
      continue;
    }
    if (!('children' in node)) continue;
    const el = node as Element;
    if (el.type === 'script' || el.type === 'style') continue;
    if (after >= 0 && el.name === 'a') {
      const href = (el.attribs?.href ?? '').trim();
      if (HTTP_URL.test(href)) return href;
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return null;
}
