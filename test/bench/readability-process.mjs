#!/usr/bin/env node
// The Readability.js process that `npm run bench:speed` compares `jsnews normalize` with as a whole process (start-up
// included): what a user of Readability.js on linkedom would run over the same files. For each file given: the bytes
// decoded by the charset its <meta> declares (UTF-8 when none; TextDecoder knows gbk, gb18030 and big5), the page
// parsed by linkedom, Readability's article, one JSON line {input, title, text} on stdout (or {input, error}).
// Plain JavaScript so that no compiler start-up is timed (the jsnews CLI is compiled too).
import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** How far into the bytes the <meta charset> is looked for (the HTML prescan reads 1024; Chinese CMSs put more first). */
const PRESCAN_BYTES = 4096;
const DECLARED = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

function decode(bytes) {
  const label = DECLARED.exec(Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1'))?.[1];
  try {
    return new TextDecoder(label ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const out = [];
for (const input of process.argv.slice(2)) {
  try {
    const { document } = parseHTML(decode(readFileSync(input)));
    const article = new Readability(document).parse();
    out.push(JSON.stringify({ input, title: article?.title ?? null, text: article?.textContent ?? null }));
  } catch (err) {
    out.push(JSON.stringify({ input, error: String(err) }));
  }
}
process.stdout.write(out.join('\n') + '\n');
