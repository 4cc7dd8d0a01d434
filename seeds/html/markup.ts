/** Small helpers shared by the seed-page templates: seed text access and HTML escaping. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SEEDS_DIR = fileURLToPath(new URL('../', import.meta.url));

/** A seed capture, addressed by 1-based line number as the brief and README cite them. */
export interface Seed {
  stem: string;
  /** Line `n` of the capture exactly as stored (1-based). Throws on a line the capture does not have. */
  line(n: number): string;
  /** Lines `from`..`to` inclusive, skipping the blank separator lines of the capture. */
  lines(from: number, to: number): string[];
}

export function loadSeed(stem: string): Seed {
  const all = readFileSync(`${SEEDS_DIR}${stem}.txt`, 'utf8').split('\n');
  const line = (n: number): string => {
    const text = all[n - 1];
    if (text === undefined) throw new Error(`${stem}.txt has no line ${n}`);
    return text;
  };
  const lines = (from: number, to: number): string[] => {
    const out: string[] = [];
    for (let n = from; n <= to; n++) if (line(n).trim() !== '') out.push(line(n));
    return out;
  };
  return { stem, line, lines };
}

/** Escape text for element content or a double-quoted attribute; a no-break space is written as &nbsp; as CMS editors do. */
export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\u00a0/g, '&nbsp;');
}

/** One list entry per line, with the indentation the surrounding template uses. */
export function each<T>(items: readonly T[], indent: string, render: (item: T, i: number) => string): string {
  return items.map((item, i) => indent + render(item, i)).join('\n');
}

/** What the generator writes for one page (the charset step happens in build.ts). */
export interface PageSpec {
  file: string;
  url: string;
  html: string;
  charset: 'utf-8' | 'gbk' | 'big5';
  /** The charset the page declares in its markup, or null when it declares none. */
  declared: string | null;
}

/** A footer site map as portals print it: one `<dl>` per section, one link per line. */
export function siteMap(sections: readonly (readonly [string, readonly (readonly [string, string])[]])[], indent: string): string {
  return sections
    .map(([title, links]) =>
      [
        `${indent}<dl class="map-col">`,
        `${indent}  <dt>${title}</dt>`,
        ...links.map(([href, name]) => `${indent}  <dd><a href="${href}" target="_blank">${name}</a></dd>`),
        `${indent}</dl>`,
      ].join('\n'),
    )
    .join('\n');
}
