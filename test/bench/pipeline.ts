/**
 * `npm run bench:pipeline [-- --pages N]`: the whole ingestion path (discover → fetch → archive →
 * normalize → store) over ≥1,000 pages against local stores, politeness off. Prints pages/s, time
 * per stage, peak RSS and RSS at 250/500/750/1000 pages. Timings are printed, never asserted.
 *
 * The pages are /work/shared/bench/{aeb,gne,zh-cwced}/pages/*.html plus seeds/html article pages,
 * repeated (each copy gets a trailing comment, so its bytes and URL differ) until N pages, served
 * by the replay server from a temporary tree with list pages of LINKS_PER_LIST_PAGE links.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { LOCAL_REGION } from '../../lambdas/config.js';
import { createHttpFetcher } from '../../lambdas/fetch/index.js';
import { makeClients } from '../../lambdas/local/clients.js';
import { ensureBucket, startLocalStores } from '../../lambdas/local/local-stores.js';
import { normalize } from '../../lambdas/normalize/index.js';
import { silentLogger, type PipelineDeps } from '../../lambdas/pipeline/deps.js';
import { defaultDiscover } from '../../lambdas/pipeline/discover-default.js';
import { runCycle } from '../../lambdas/pipeline/run-cycle.js';
import type { IngestResult } from '../../lambdas/pipeline/ingest.js';
import { replayFetcherOptions, startReplayServer } from '../../lambdas/replay/index.js';
import { Source } from '../../lambdas/sites/sources-schema.js';
import { ensureTable } from '../../lambdas/store/table-design.js';
import { createStores } from '../../lambdas/store/stores.js';

const BENCH_DIRS = ['/work/shared/bench/aeb/pages', '/work/shared/bench/gne/pages', '/work/shared/bench/zh-cwced/pages'];
const SEED_HTML_DIR = 'seeds/html';
const HOST = 'bench.example';
/** Links per generated list page: about what a TRS channel page carries. */
const LINKS_PER_LIST_PAGE = 50;
/** URLs in flight: politeness is off, so this only bounds memory and store connections. */
const URL_CONCURRENCY = 8;
const RSS_CHECKPOINTS = [250, 500, 750, 1000];
const RSS_SAMPLE_MS = 100;

const { values } = parseArgs({ options: { pages: { type: 'string', default: '1000' } } });
const target = Number(values.pages);
if (!Number.isInteger(target) || target < 1) throw new Error('--pages must be a positive integer');

function sourcePages(): Buffer[] {
  const files = BENCH_DIRS.filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.html')).sort().map((f) => join(d, f)));
  const seeds = readdirSync(SEED_HTML_DIR).filter((f) => /^\d{3}_.*\.html$/.test(f)).map((f) => join(SEED_HTML_DIR, f));
  return [...files, ...seeds].map((f) => readFileSync(f));
}

function buildTree(pages: Buffer[], n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'jsnews-bench-tree-'));
  mkdirSync(join(dir, HOST, 'a'), { recursive: true });
  mkdirSync(join(dir, HOST, 'list'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const base = pages[i % pages.length]!;
    const copy = Math.floor(i / pages.length);
    writeFileSync(join(dir, HOST, 'a', `${i}.html`), copy === 0 ? base : Buffer.concat([base, Buffer.from(`\n<!-- copy ${copy} -->\n`)]));
  }
  const lists = Math.ceil(n / LINKS_PER_LIST_PAGE);
  for (let l = 0; l < lists; l++) {
    const links = [];
    for (let i = l * LINKS_PER_LIST_PAGE; i < Math.min(n, (l + 1) * LINKS_PER_LIST_PAGE); i++) {
      links.push(`<li><a href="/a/${i}.html">江苏新闻基准测试第${i}篇文章标题示例</a></li>`);
    }
    writeFileSync(join(dir, HOST, 'list', `index_${l}.html`), `<!doctype html><html><head><meta charset="utf-8"><title>列表</title></head><body><ul>${links.join('')}</ul></body></html>`);
  }
  writeFileSync(join(dir, HOST, 'robots.txt'), 'User-agent: *\nAllow: /\n');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: 1, sites: [{ host: HOST, contentType: 'text/html' }] }));
  return dir;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const pages = sourcePages();
  const tree = buildTree(pages, target);
  const lists = Math.ceil(target / LINKS_PER_LIST_PAGE);
  const s3Dir = mkdtempSync(join(tmpdir(), 'jsnews-bench-s3-'));
  const [local, server] = await Promise.all([startLocalStores({ inMemory: true, s3Dir }), startReplayServer(tree)]);
  const clients = makeClients({ mode: 'local', region: LOCAL_REGION, dynamoEndpoint: local.dynamo.endpoint, s3Endpoint: local.s3.endpoint });
  const fetcher = createHttpFetcher({ ...replayFetcherOptions(server), politeness: false });
  try {
    await ensureTable(clients.dynamo, 'bench');
    await ensureBucket(clients.s3, 'bench-archive');
    const stores = createStores(clients, { tableName: 'bench', bucketName: 'bench-archive' });
    const source = Source.parse({
      id: 'bench',
      name: 'bench',
      hosts: [HOST],
      startPages: Array.from({ length: lists }, (_, l) => ({ url: `http://${HOST}/list/index_${l}.html`, kind: 'list' })),
      articleUrlPatterns: [`^http://bench\\.example/a/\\d+\\.html$`],
      schedule: 'rate(1 hour)',
      enabled: true,
    });
    let discoverMs = 0;
    const deps: PipelineDeps = {
      stores,
      fetcher,
      normalize,
      discover: (page, src) => {
        const t = performance.now();
        const out = defaultDiscover(page, src);
        discoverMs += performance.now() - t;
        return out;
      },
      clock: () => new Date(),
      logger: silentLogger,
    };
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), RSS_SAMPLE_MS);
    const rssAt = new Map<number, number>();
    const results: IngestResult[] = [];
    const t0 = performance.now();
    const [summary] = await runCycle([source], deps, {
      urlConcurrency: URL_CONCURRENCY,
      onProgress: (e) => {
        if (!e.result) return;
        results.push(e.result);
        if (RSS_CHECKPOINTS.includes(results.length)) rssAt.set(results.length, process.memoryUsage().rss);
      },
    });
    const elapsedS = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

    const sum = (k: keyof IngestResult['timings']) => results.reduce((a, r) => a + r.timings[k], 0);
    console.log(`pipeline bench: ${results.length} article pages (${pages.length} distinct sources, ${lists} list pages), politeness off, ${URL_CONCURRENCY} in flight`);
    console.log(`outcomes: new=${summary!.new} updated=${summary!.updated} unchanged=${summary!.unchanged} failed=${JSON.stringify(summary!.failed)}`);
    console.log(`elapsed ${elapsedS.toFixed(1)} s, ${(results.length / elapsedS).toFixed(1)} pages/s`);
    console.log('stage time (summed over pages; stages overlap across the concurrent URLs):');
    const stages: [string, number][] = [
      ['discover (list pages)', discoverMs],
      ['fetch', sum('fetchMs')],
      ['archive (S3)', sum('archiveMs')],
      ['normalize', sum('normalizeMs')],
      ['store (DynamoDB)', sum('storeMs')],
    ];
    for (const [name, ms] of stages) console.log(`  ${name.padEnd(22)} ${(ms / 1000).toFixed(1).padStart(7)} s   ${(ms / results.length).toFixed(1).padStart(6)} ms/page`);
    console.log(`RSS (this process; DynamoDB Local and s3rver run in their own): peak ${mb(peakRss)}`);
    for (const n of RSS_CHECKPOINTS) if (rssAt.has(n)) console.log(`  at ${String(n).padStart(4)} pages: ${mb(rssAt.get(n)!)}`);
  } finally {
    await fetcher.close();
    await server.close();
    clients.destroy();
    await local.stop();
    rmSync(tree, { recursive: true, force: true });
    rmSync(s3Dir, { recursive: true, force: true });
  }
}

await main();
