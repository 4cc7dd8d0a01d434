/**
 * Generator for the seed HTML renderings (regression fixtures for the normalizer).
 * Run: npx tsx seeds/html/build.ts   → rewrites seeds/html/*.html and prints file, bytes, charset.
 *
 * Each site module (sites/*.ts) holds its page templates and returns the page as a string plus the
 * charset it is served in; the charset step (encode.ts) is explicit and happens here, once.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeHtml } from './encode.js';
import type { PageSpec } from './markup.js';
import { jinshanwangPages } from './sites/jinshanwang.js';
import { jssuxunPages } from './sites/jssuxun.js';
import { tinghuPages } from './sites/tinghu.js';
import { woaijiangsuPages } from './sites/woaijiangsu.js';
import { zjchanyePages } from './sites/zjchanye.js';

export const HTML_DIR = fileURLToPath(new URL('./', import.meta.url));

export interface RenderedPage extends PageSpec {
  bytes: Uint8Array;
  ncrCount: number;
}

/** Every page spec, article pages first, in seed order. */
export function pageSpecs(): PageSpec[] {
  const all = [woaijiangsuPages(), jinshanwangPages(), jssuxunPages(), zjchanyePages(), tinghuPages()];
  return [...all.map((pages) => pages[0]!), ...all.flatMap((pages) => pages.slice(1))];
}

/** Render and encode every page in memory (no files touched). */
export function renderPages(): RenderedPage[] {
  return pageSpecs().map((spec) => ({ ...spec, ...encodeHtml(spec.html, spec.charset) }));
}

function main(): void {
  for (const page of renderPages()) {
    writeFileSync(`${HTML_DIR}${page.file}`, page.bytes);
    const lines = page.html.split('\n').length;
    console.log(
      `${page.file.padEnd(28)} ${String(page.bytes.length).padStart(6)} bytes  ${String(lines).padStart(4)} lines  ` +
        `bytes=${page.charset.padEnd(5)} declared=${page.declared ?? 'none'}  ncr=${page.ncrCount}`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
