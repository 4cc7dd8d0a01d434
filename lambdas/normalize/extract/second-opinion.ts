/**
 * The second opinion (issue 9): when the first extraction's confidence is low, Readability.js (Mozilla's maintained
 * library) reads the same decoded page on linkedom, and its article becomes an alternative body. normalize/index.ts
 * keeps whichever result has the higher confidence and says so in quality.warnings.
 *
 * Loaded lazily, on the fallback path only: the two libraries cost nothing on the pages that do not need them (most
 * pages: `npm run bench:accuracy` prints how many asked). As in clean/pinyin-annotations.ts, a synchronous lazy load
 * needs `require`: bundled, esbuild's shim evaluates its bundled copy on first call; from source, Node's own
 * require is made with createRequire.
 *
 * From source (tests, benches, tsx), the libraries are the CLI's vendored copies when the CLI is built (`npm ci` and
 * `npm install` build it): dist/cli/vendor/*.cjs, made by scripts/vendor-second-opinion.mjs, linkedom with the edits
 * that make it cheaper. So a source run (`npm run bench:speed`) costs what the CLI and the Lambdas cost. Without a
 * build, the packages in node_modules: the same answers (test/unit/second-opinion-vendor.test.ts).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHtml } from 'linkedom';
import { Parser } from 'htmlparser2';

interface Libraries {
  Readability: typeof ReadabilityClass;
  parseHTML: typeof ParseHtml;
}

let libraries: Libraries | undefined;
function load(): Libraries {
  if (!libraries) libraries = vendoredFromSource() ?? required();
  return libraries;
}

function required(): Libraries {
  // Literal require('…') calls, so esbuild sees and bundles both packages.
  const fromSource = typeof require === 'function' ? null : createRequire(import.meta.url);
  const readability = (fromSource ? fromSource('@mozilla/readability') : require('@mozilla/readability')) as { Readability: typeof ReadabilityClass };
  const linkedom = (fromSource ? fromSource('linkedom') : require('linkedom')) as { parseHTML: typeof ParseHtml };
  return { Readability: readability.Readability, parseHTML: linkedom.parseHTML };
}

/** This file run as itself (tsx, vitest), not bundled: its URL is then the .ts file's. */
const SOURCE_URL = /\/lambdas\/normalize\/extract\/second-opinion\.ts$/;

/** From source, the built CLI's vendored copies (dist/cli/vendor/*.cjs, each self-contained); null when not from source or not built. */
function vendoredFromSource(): Libraries | null {
  if (!SOURCE_URL.test(import.meta.url)) return null;
  const fromSource = createRequire(import.meta.url);
  const vendored = (name: string): unknown => fromSource(fileURLToPath(new URL(`../../../dist/cli/vendor/${name}.cjs`, import.meta.url)));
  try {
    const readability = vendored('readability') as { Readability: typeof ReadabilityClass };
    const linkedom = vendored('linkedom') as { parseHTML: typeof ParseHtml };
    return { Readability: readability.Readability, parseHTML: linkedom.parseHTML };
  } catch (err) {
    if ((err as { code?: string }).code !== 'MODULE_NOT_FOUND') throw err;
    return null;
  }
}

export interface SecondOpinion {
  /** The article's lines as served (white space not yet collapsed), in order. */
  blocks: string[];
  /** Characters (white space excluded) of the article text and of its link text. */
  chars: number;
  linkChars: number;
}

/** Block-level closing tags and <br>: where Readability's article HTML breaks into lines. */
const BLOCK_END = /<\/(?:p|div|h[1-6]|li|blockquote|pre|tr|section|article|figcaption|dd|dt)\s*>|<br\s*\/?>/gi;
const LINE_MARK = '\n';

/**
 * Readability on linkedom costs per node, and linkedom makes a node of every tag and of every entity reference
 * (`&nbsp;&copy;` x50k, 1.1 MB: 6 s; 30,000 table cells: 2 s). A page with more '<' and '&' than this is not read a
 * second time (issue 10's 2 s budget). The bench pages that ask have at most 1,591 '<' and 207 '&'; the most on any of
 * the 312 bench pages is 15,876 together (zh-cwced d5bced5e), so none would be skipped.
 */
export const MAX_SECOND_OPINION_MARKS = 20_000;

/** Why the page is not read a second time (too many tags and entity references), or null when it may be. */
export function secondOpinionSkipped(html: string): string | null {
  let marks = 0;
  for (const mark of ['<', '&']) {
    for (let at = html.indexOf(mark); at >= 0; at = html.indexOf(mark, at + 1)) {
      if (++marks > MAX_SECOND_OPINION_MARKS) return `the page has over ${MAX_SECOND_OPINION_MARKS} tags and entity references`;
    }
  }
  return null;
}

/** Readability's article for a decoded HTML page, or null when it finds none (or throws on hostile markup). */
export function readabilityArticle(html: string): SecondOpinion | null {
  const { Readability, parseHTML } = load();
  let content: string | null | undefined;
  try {
    const { document } = parseHTML(html);
    content = new Readability(document as unknown as Document).parse()?.content;
  } catch {
    return null;
  }
  if (!content) return null;
  return articleLines(content);
}

/**
 * The lines, characters and link characters of Readability's article HTML (its `content`), read with htmlparser2's
 * Parser on the marked string, without building a tree. This is the reading linkedom gave (the former code parsed the
 * same string with linkedom: 0.2-1.1 ms an asked page), exactly, because linkedom builds its tree from this same
 * Parser's events (linkedom/cjs/shared/parse-from-string.js: open = append and descend, close = ascend, every text
 * event a text node, comments apart), so following the events is following its tree:
 *   - text: body.textContent, the text events while the prefix's <body> is open (a stray </body> in the article
 *     closes it; what follows is outside);
 *   - link characters: document.querySelectorAll('a'), each <a> counting its whole text (so a nested <a> counts
 *     again), except an <a> inside a <template>, which linkedom's querySelectorAll does not enter.
 * test/unit/second-opinion-lines.test.ts pins both readings on the same small articles.
 */
export function articleLines(content: string): SecondOpinion {
  const marked = `<!doctype html><html><body>${content.replace(BLOCK_END, (m) => `${m}${LINE_MARK}`)}</body></html>`;
  const texts: string[] = [];
  let linkChars = 0;
  // Per open element: is it a counted <a>? Plus the open <template>s and the prefix body's depth.
  const open: boolean[] = [];
  let links = 0;
  let templates = 0;
  let bodyDepth = -1;
  const parser = new Parser(
    {
      onopentag(name) {
        const link = name === 'a' && templates === 0;
        if (link) links++;
        if (name === 'template') templates++;
        open.push(link);
        if (bodyDepth < 0 && name === 'body' && open.length === 2) bodyDepth = 2;
      },
      onclosetag(name) {
        if (open.pop()) links--;
        if (name === 'template') templates--;
        if (open.length < bodyDepth) bodyDepth = Number.POSITIVE_INFINITY;
      },
      ontext(text) {
        if (open.length >= bodyDepth) texts.push(text);
        if (links > 0) linkChars += links * nonSpace(text);
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  parser.write(marked);
  parser.end();
  const text = texts.join('');
  const blocks = text.split(LINE_MARK).map((l) => l.trim()).filter((l) => l !== '');
  return { blocks, chars: nonSpace(text), linkChars };
}

function nonSpace(text: string): number {
  return text.replace(/\s+/g, '').length;
}
