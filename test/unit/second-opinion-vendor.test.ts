/**
 * scripts/vendor-second-opinion.mjs: the vendored linkedom (the CLI's and the Lambdas' copy, with LINKEDOM_EDITS) gives
 * the same DOM answers as the package in node_modules (the copy the tests and the source load), on the operations the
 * edits touch: event listeners, querySelector(All) (a compiled selector kept and reused, ':scope' not), getElementsByTagName
 * (upper-case names in an HTML document, mixed case in XML), style properties, a <style>'s sheet. Each case runs on
 * both copies; the vendored one is built here, into a temporary directory. And from source, with the CLI built, the
 * second opinion runs on the CLI's copies (extract/second-opinion.ts).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalize } from '../../lambdas/normalize/index.js';
import { REPO_ROOT } from '../helpers/seed-expectations.js';

type Linkedom = typeof import('linkedom');
const require = createRequire(import.meta.url);
const original = require('linkedom') as Linkedom;
let edited: Linkedom;
type ReadabilityClass = typeof import('@mozilla/readability').Readability;
const originalReadability = (require('@mozilla/readability') as { Readability: ReadabilityClass }).Readability;
let editedReadability: ReadabilityClass;

beforeAll(async () => {
  const vendor = (await import(pathToFileURL(join(REPO_ROOT, 'scripts/vendor-second-opinion.mjs')).href)) as { buildVendored: (pkg: string, outfile: string) => Promise<void> };
  const dir = mkdtempSync(join(tmpdir(), 'jsnews-vendor-'));
  await vendor.buildVendored('linkedom', join(dir, 'linkedom.cjs'));
  await vendor.buildVendored('@mozilla/readability', join(dir, 'readability.cjs'));
  edited = require(join(dir, 'linkedom.cjs')) as Linkedom;
  editedReadability = (require(join(dir, 'readability.cjs')) as { Readability: ReadabilityClass }).Readability;
}, 60_000);

/** The same question asked of both copies. */
function both<T>(ask: (linkedom: Linkedom) => T): { original: T; edited: T } {
  return { original: ask(original), edited: ask(edited) };
}

const PAGE = '<!doctype html><html><head><title>t</title><style>p { color: red } div { margin: 0 }</style></head><body><div id="a"><p>one</p><P>two</P><section><p class="x">three</p><h2>four</h2></section></div><div id="b"><p>five</p><template><p>six</p></template></div></body></html>';
const XML = '<root><Item>a</Item><item>b</item><ITEM>c</ITEM><group><Item>d</Item></group></root>';

describe('the vendored linkedom answers as the package does', () => {
  it('is a different copy (the edits are applied to it)', () => {
    expect(edited.parseHTML).not.toBe(original.parseHTML);
  });

  it('event listeners: added, dispatched, bubbled, removed; a node that never listened', () => {
    const r = both(({ parseHTML }) => {
      const { document, Event } = parseHTML(PAGE);
      const heard: string[] = [];
      const a = document.getElementById('a')!;
      const p = document.querySelector('p')!;
      const onA = (e: Event) => heard.push(`a:${e.type}`);
      a.addEventListener('ping', onA);
      p.addEventListener('ping', (e: Event) => heard.push(`p:${e.type}`), { once: true });
      p.dispatchEvent(new Event('ping', { bubbles: true }));
      p.dispatchEvent(new Event('ping', { bubbles: true }));
      a.removeEventListener('ping', onA);
      p.dispatchEvent(new Event('ping', { bubbles: true }));
      const quiet = document.createElement('span');
      quiet.removeEventListener('ping', onA);
      const notCancelled = quiet.dispatchEvent(new Event('ping'));
      return { heard, notCancelled };
    });
    expect(r.edited).toEqual(r.original);
    expect(r.original).toEqual({ heard: ['p:ping', 'a:ping', 'a:ping'], notCancelled: true });
  });

  it('querySelectorAll: the same selectors again, on another document, in XML, and with :scope', () => {
    const r = both(({ parseHTML, DOMParser }) => {
      const names = (list: ArrayLike<Element>) => Array.from(list, (e) => `${e.tagName}:${e.textContent}`);
      const out: string[][] = [];
      for (let i = 0; i < 2; i++) {
        const { document } = parseHTML(PAGE);
        out.push(names(document.querySelectorAll('p,h2')), names(document.querySelectorAll('P')), names(document.getElementById('a')!.querySelectorAll('.x, h2')));
        out.push(names(document.getElementById('a')!.querySelectorAll(':scope > p')), names(document.getElementById('b')!.querySelectorAll(':scope > p')));
        const one = document.querySelector('section p');
        out.push([one ? `${one.tagName}:${one.textContent}` : 'none']);
      }
      const xml = new DOMParser().parseFromString(XML, 'text/xml');
      out.push(names(xml.querySelectorAll('Item')), names(xml.querySelectorAll('item')), names(xml.querySelectorAll('item,group')), names(xml.querySelectorAll('ITEM,Item')));
      return out;
    });
    expect(r.edited).toEqual(r.original);
    // A tag list (matched without css-select in the edited copy): document order, each once, <template> not entered.
    expect(r.original[0]).toEqual(['P:one', 'P:two', 'P:three', 'H2:four', 'P:five']);
  });

  it('getElementsByTagName: lower- and upper-case names in HTML, mixed case in XML, *', () => {
    const r = both(({ parseHTML, DOMParser }) => {
      const { document } = parseHTML(PAGE);
      const count = (root: { getElementsByTagName(name: string): { length: number } }, name: string) => root.getElementsByTagName(name).length;
      const xml = new DOMParser().parseFromString(XML, 'text/xml');
      return ['p', 'P', 'h2', 'H2', 'Section', 'SECTION', '*', 'p1'].map((n) => count(document, n)).concat(['Item', 'item', 'ITEM', 'iTEM', '*'].map((n) => count(xml, n)));
    });
    expect(r.edited).toEqual(r.original);
    // getElementsByTagName, unlike querySelectorAll, enters the <template>: five <p>.
    expect(r.original.slice(0, 2)).toEqual([5, 5]);
  });

  it('style: properties read (camel case too), written, counted; a <style> sheet', () => {
    const r = both(({ parseHTML }) => {
      const { document } = parseHTML('<html><head><style>p { color: red } div { margin: 0 }</style></head><body><p style="display: none; visibility:hidden; background-color: red">x</p></body></html>');
      const p = document.querySelector('p') as HTMLElement;
      const read = [p.style.display, p.style.visibility, p.style.backgroundColor, p.style.fontSize, String(p.style.length), p.style[0]];
      p.style.fontSize = '12px';
      p.style.display = '';
      read.push(p.getAttribute('style') ?? 'none', p.style.cssText);
      const sheet = (document.querySelector('style') as HTMLStyleElement).sheet;
      read.push(String(sheet?.cssRules.length));
      return read;
    });
    expect(r.edited).toEqual(r.original);
    expect(r.original.slice(0, 3)).toEqual(['none', 'hidden', 'red']);
  });
});

describe('the vendored Readability answers as the package does', () => {
  it('bylines: by rel, itemprop or class, too long, empty; the article around them', () => {
    const para = (n: number) => `<p>${'This paragraph, written for the test, says something, and more, about the city budget. '.repeat(3)}${n}</p>`;
    const page = `<html><head><title>Budget</title></head><body><article><h1>Budget</h1>
      <a rel="author" href="/a">Ann Author</a><span itemprop="author name">Item Prop</span><div class="byline">By Cal Class</div>
      <div class="author-box">${'Long '.repeat(30)}</div><p class="dateline"> </p>${[1, 2, 3, 4, 5].map(para).join('')}</article></body></html>`;
    const read = (R: ReadabilityClass, linkedom: Linkedom) => {
      const article = new R(linkedom.parseHTML(page).document as unknown as Document).parse();
      return { byline: article?.byline, content: article?.content };
    };
    const r = { original: read(originalReadability, original), edited: read(editedReadability, edited) };
    expect(r.edited).toEqual(r.original);
    expect(r.original.byline).toBe('Ann Author');
  });
});

describe('the second opinion from source', () => {
  const built = join(REPO_ROOT, 'dist/cli/vendor/linkedom.cjs');
  it.skipIf(!existsSync(built))('runs on the built CLI\'s vendored copies (what the CLI and the Lambdas run)', () => {
    // Prose without a single punctuation mark reads like a list: low confidence, so the second opinion is asked.
    const lines = [
      'The city council approved the budget on Monday after a long debate about housing transport and schools in the north',
      'Officials said the plan would add four hundred homes and two bus lines and a new library by the end of next year',
      'Residents who attended the meeting asked for more parks and safer streets near the schools and the council agreed',
    ];
    const html = `<html><head><title>City council approves budget</title></head><body><h1>City council approves budget</h1><div class="content">${lines.map((t) => `<p>${t}</p>`).join('')}</div></body></html>`;
    const record = normalize(new TextEncoder().encode(html));
    expect(record.quality.warnings.some((w) => /^second opinion: readability (agrees|answered)/.test(w))).toBe(true);
    expect(Object.keys(require.cache)).toContain(built);
    expect(Object.keys(require.cache)).toContain(join(REPO_ROOT, 'dist/cli/vendor/readability.cjs'));
  });
});
