/**
 * Normalizes every bench page (../shared/bench) and every seed input and writes one JSON line per input
 * (the record, or the error code and message) to the file given, so that a refactor can be checked to give
 * byte-identical records: `tsx scripts/snapshot-records.ts before.jsonl`, change, `... after.jsonl`, `cmp`.
 * Usage: tsx scripts/snapshot-records.ts OUT.jsonl
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalize } from '../lambdas/normalize/index.js';
import { loadSources, siteHintsForUrl } from '../lambdas/sites/load-sources.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bench = process.env.JSNEWS_BENCH_DIR ?? resolve(root, '../shared/bench');
const out = process.argv[2];
if (!out) {
  console.error('usage: tsx scripts/snapshot-records.ts OUT.jsonl');
  process.exit(2);
}

const inputs: { name: string; path: string; url?: string; fetchedAt?: string }[] = [];
for (const set of ['zh-cwced', 'aeb', 'gne']) {
  const dir = join(bench, set, 'pages');
  if (!existsSync(dir)) continue;
  const urls = new Map<string, string>();
  const truth = join(bench, set, 'truth.jsonl');
  if (existsSync(truth)) {
    for (const line of readFileSync(truth, 'utf8').split('\n').filter(Boolean)) {
      const t = JSON.parse(line) as { id: string; url?: string | null };
      if (t.url) urls.set(t.id, t.url);
    }
  }
  for (const f of readdirSync(dir).sort()) {
    const id = f.replace(/\.[^.]+$/, '');
    inputs.push({ name: `${set}/${f}`, path: join(dir, f), url: urls.get(id) });
  }
}
for (const dir of ['seeds', 'seeds/html']) {
  for (const f of readdirSync(join(root, dir)).sort()) {
    if (!/\.(txt|html)$/.test(f)) continue;
    inputs.push({ name: `${dir}/${f}`, path: join(root, dir, f), fetchedAt: '2024-12-31T12:00:00+08:00' });
  }
}

// Site hints as `jsnews normalize --url` passes them: the registry's, for the input's URL.
const sources = loadSources();
const lines: string[] = [];
for (const input of inputs) {
  const bytes = readFileSync(input.path);
  try {
    const record = normalize(bytes, { url: input.url, fetchedAt: input.fetchedAt, site: siteHintsForUrl(sources, input.url) });
    lines.push(JSON.stringify({ input: input.name, record }));
  } catch (err) {
    const e = err as { code?: string; message?: string };
    lines.push(JSON.stringify({ input: input.name, error: { code: e.code ?? 'THROWN', message: e.message } }));
  }
}
writeFileSync(out, lines.join('\n') + '\n');
console.log(`${inputs.length} inputs -> ${out}`);
