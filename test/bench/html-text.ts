/**
 * One HTML → text rule for every extractor whose output is HTML (Readability.js, article-extractor) and for the
 * baseline, so that text conversion is not what the bench compares: block elements and <br> end a line, runs of
 * white space inside a line collapse to one space, empty lines are dropped.
 */
import { parseDocument } from 'htmlparser2';

/** The part of a domhandler node (htmlparser2 and cheerio trees) this module reads. */
export interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
}

/** Elements that start and end a line of text. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul',
]);
/** Elements whose content is never visible text. */
const SKIPPED_TAGS = new Set(['head', 'iframe', 'noscript', 'object', 'select', 'svg', 'template', 'textarea']);

export function htmlToText(html: string): string {
  return nodeText(parseDocument(html) as unknown as DomNode);
}

/** Text of a parsed node (a document, an element), by the rule above. */
export function nodeText(root: DomNode): string {
  const parts: string[] = [];
  collect(root, parts);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function collect(node: DomNode, out: string[]): void {
  if (node.type === 'text') {
    out.push(node.data ?? '');
    return;
  }
  // 'script', 'style', 'comment', 'directive' and 'cdata' nodes carry no visible text.
  if (node.type !== 'tag' && node.type !== 'root') return;
  const name = node.name?.toLowerCase() ?? '';
  if (SKIPPED_TAGS.has(name)) return;
  const block = BLOCK_TAGS.has(name);
  if (block) out.push('\n');
  for (const child of node.children ?? []) collect(child, out);
  if (block) out.push('\n');
}
