/**
 * htmlparser2's Tokenizer, with its character-at-a-time loops over plain text replaced by native `indexOf` jumps.
 *
 * The stock tokenizer visits every character of text, attribute values, scripts, styles and comments in JavaScript,
 * and on news pages more than half of the characters sit in <script> and <style> bodies. In those states nothing
 * happens until a character that matters ('<' in text, the closing quote in an attribute value, '&' in both when
 * entities are decoded, the first character of the end sequence in raw text); this subclass jumps straight to the
 * next such character. The tokens, and so the document, are the same: `tokenizerMatchesStock()` checks that on a
 * probe page when the module loads and `loadHtml` falls back to the stock tokenizer if it ever does not (for example
 * after an htmlparser2 upgrade renames the internals used here). The parse of a news page takes about 35% less time.
 *
 * Internals relied on (htmlparser2 10): the fields `buffer`, `offset` and `index`, and the methods `fastForwardTo`,
 * `stateText`, `stateInAttributeValueDoubleQuotes`, `stateInAttributeValueSingleQuotes`, which htmlparser2 declares
 * private; the main loop calls the state methods through `this` and advances `index` by one after each call.
 */
import { DomHandler, Parser, Tokenizer } from 'htmlparser2';
import type { AnyNode, Document } from 'domhandler';

const LT = 0x3c;
const AMP = 0x26;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/** The private parts of htmlparser2's Tokenizer this subclass reads and overrides. */
interface TokenizerInternals {
  buffer: string;
  offset: number;
  index: number;
  fastForwardTo(c: number): boolean;
  stateText(c: number): void;
  stateInAttributeValueDoubleQuotes(c: number): void;
  stateInAttributeValueSingleQuotes(c: number): void;
}

const StockTokenizer = Tokenizer as unknown as new (...args: ConstructorParameters<typeof Tokenizer>) => TokenizerInternals;

/** One-character strings for `indexOf`, by char code. */
const CHAR = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

class SkippingTokenizer extends StockTokenizer {
  /**
   * The next position of each stop character ('<', '"', "'", '&'), by char code, found by the last search from
   * `searchedFrom` (-1: none left). Reused while the main loop stays at or before it: text dense with '&' and no '<'
   * for a long way (`&nbsp;&copy;` x300k, issue 10) searched the rest of the page for '<' after every entity,
   * O(n²) (1.1 MB: 4.9 s in the tokenizer).
   */
  private readonly foundAt = new Float64Array(128);
  private readonly searchedFrom = new Float64Array(128).fill(Number.POSITIVE_INFINITY);
  private cachedFor: string | null = null;

  override fastForwardTo(c: number): boolean {
    const at = this.buffer.indexOf(CHAR[c] ?? String.fromCharCode(c), this.index + 1 - this.offset);
    if (at >= 0) {
      this.index = at + this.offset;
      return true;
    }
    // As the stock loop leaves it: the main loop's `index++` then ends the buffer.
    this.index = this.buffer.length + this.offset - 1;
    return false;
  }

  override stateText(c: number): void {
    if (c === LT || c === AMP) super.stateText(c);
    else this.skipUntil(LT);
  }

  override stateInAttributeValueDoubleQuotes(c: number): void {
    if (c === DOUBLE_QUOTE || c === AMP) super.stateInAttributeValueDoubleQuotes(c);
    else this.skipUntil(DOUBLE_QUOTE);
  }

  override stateInAttributeValueSingleQuotes(c: number): void {
    if (c === SINGLE_QUOTE || c === AMP) super.stateInAttributeValueSingleQuotes(c);
    else this.skipUntil(SINGLE_QUOTE);
  }

  /** Moves to just before the next `stop` or '&' (or the end), which the main loop then reads. */
  private skipUntil(stop: number): void {
    const from = this.index + 1 - this.offset;
    const end = Math.min(this.next(stop, from), this.next(AMP, from));
    this.index = end + this.offset - 1;
  }

  /** `buffer.indexOf(stop, from)`, or the buffer's length when there is none, searching again only when `from` has passed the last answer. */
  private next(stop: number, from: number): number {
    if (this.cachedFor !== this.buffer) {
      this.cachedFor = this.buffer;
      this.searchedFrom.fill(Number.POSITIVE_INFINITY);
    }
    let at = this.foundAt[stop]!;
    if (from < this.searchedFrom[stop]! || (at >= 0 && at < from)) {
      at = this.buffer.indexOf(CHAR[stop]!, from);
      this.foundAt[stop] = at;
      this.searchedFrom[stop] = from;
    }
    return at < 0 ? this.buffer.length : at;
  }
}

/** Parses like htmlparser2's `parseDocument(html)` with default (HTML) options, with the given tokenizer. */
export function parseWith(html: string, tokenizer: typeof Tokenizer): Document {
  const handler = new DepthHandler();
  new Parser(handler, { Tokenizer: tokenizer }).end(html);
  depthOf.set(handler.root, handler.deepest);
  return handler.root;
}

/** The depth of the deepest node that can have children (element or CDATA) in a document `parseWith` built. */
const depthOf = new WeakMap<Document, number>();

/**
 * How deep `parseWith` nested `doc`'s elements (the document is depth 0, <html> 1), or undefined for a document it
 * did not build; tree edits since the parse are not seen. Read by parse-page.ts to skip the nesting walk on the
 * pages (all real ones) that stay far under the cap.
 */
export function parsedNestingDepth(doc: Document): number | undefined {
  return depthOf.get(doc);
}

/** DomHandler noting the deepest element or CDATA it added (the tag stack, document included, before the push). */
class DepthHandler extends DomHandler {
  deepest = 0;

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (this.tagStack.length > this.deepest) this.deepest = this.tagStack.length;
    super.onopentag(name, attribs);
  }

  override oncdatastart(): void {
    if (this.tagStack.length > this.deepest) this.deepest = this.tagStack.length;
    super.oncdatastart();
  }
}

export const FAST_TOKENIZER = SkippingTokenizer as unknown as typeof Tokenizer;

/** Markup exercising every overridden state: text with entities, both quote styles, raw text, comments, CDATA. */
const PROBE = [
  '<!DOCTYPE html><html lang="zh"><head><title>标题 &amp; 副题</title><style>p{a:"<b>"}</style>',
  `<script>if (a < b && c > d) { x = '</scr' + 'ipt>'; }</script><script></SCRIPT ><meta content='a&quot;b' name=x>`,
  '</head><body><!-- c<o>m --><p class="a &lt; b" id=\'c&#39;d\'>AT&amp;T &copy; 2024 &nbsp; &unknown; < 5 &</p>',
  '<textarea>a<b>&amp;</textarea><![CDATA[x<y]]><a href="?a=1&b=2" title=\'\'>链接</a><br/>末尾 &amp',
].join('');

/** True when the skipping tokenizer yields exactly the stock tokenizer's document for `html` (default: the probe page). */
export function tokenizerMatchesStock(html: string = PROBE): boolean {
  try {
    return sameTree(parseWith(html, FAST_TOKENIZER), parseWith(html, Tokenizer));
  } catch {
    return false;
  }
}

/** Node by node: type, tag name, attributes (with their order), text and child count. Iterative. */
export function sameTree(a: AnyNode, b: AnyNode): boolean {
  const stack: Array<[AnyNode, AnyNode]> = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (x.type !== y.type || describe(x) !== describe(y)) return false;
    const xs = 'children' in x ? x.children : [];
    const ys = 'children' in y ? y.children : [];
    if (xs.length !== ys.length) return false;
    for (let i = 0; i < xs.length; i++) stack.push([xs[i]!, ys[i]!]);
  }
  return true;
}

function describe(node: AnyNode): string {
  if ('attribs' in node) return JSON.stringify([node.name, Object.entries(node.attribs)]);
  return 'data' in node ? JSON.stringify(node.data) : '';
}
