/**
 * One input of the hostile corpus through normalize, in its own process (started by test/bench/hostile.ts, which
 * bundles this file): prints one JSON line with the outcome, the wall time of normalize and the RSS it added.
 * Usage (bundled): node --expose-gc hostile-child.mjs NAME
 */
import { performance } from 'node:perf_hooks';
import { normalize } from '../../lambdas/normalize/index.js';
import { toJsnewsError } from '../../lambdas/contract/errors.js';
import { hostileCorpus } from '../hostile/corpus.js';

const name = process.argv[2];
const input = hostileCorpus().find((i) => i.name === name);
if (!input) {
  process.stderr.write(`no corpus input named ${name}\n`);
  process.exit(2);
}
const bytes = input.bytes();
// Warm the normalizer (module-level tables, lazy dictionaries) on a small page, so the figures are the input's own.
try {
  normalize(new TextEncoder().encode('<html><body><h1>标题</h1><p>会议强调要真抓实干，推动经济持续回升向好，为全国大局作出更大贡献。</p></body></html>'));
} catch {
  // a warm-up failure shows up again on the input itself
}
(globalThis as { gc?: () => void }).gc?.();
const rssBefore = process.memoryUsage().rss;
const t = performance.now();
let outcome: string;
let detail = '';
try {
  const record = normalize(bytes, { url: 'http://www.example.com/news/202402/t20240221_1.shtml', fetchedAt: '2024-02-21T08:00:00+08:00' });
  outcome = record.quality.warnings.length > 0 ? 'record+warning' : 'record';
  detail = `${JSON.stringify(record).length} B record; title ${record.title.length} chars; ${record.quality.warnings.slice(0, 2).join('; ').slice(0, 160)}`;
} catch (err) {
  const e = toJsnewsError(err);
  outcome = e.code;
  detail = e.message.slice(0, 160);
}
const ms = performance.now() - t;
const extraMb = Math.max(0, process.resourceUsage().maxRSS * 1024 - rssBefore) / (1024 * 1024);
process.stdout.write(`${JSON.stringify({ name, kind: input.kind, expect: input.expect, outcome, ms, extraMb, bytes: bytes.length, detail })}\n`);
