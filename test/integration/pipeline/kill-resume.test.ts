/**
 * A real kill: `jsnews run` in a child process, against on-disk local stores in a temp JSNEWS_LOCAL_DIR,
 * is SIGKILLed mid-cycle (once some pages are archived, long before the politeness delay lets it finish),
 * then run again to the end. The stores must then hold exactly one record per article — nothing lost,
 * nothing duplicated — and the killed run must leave no store process behind.
 */
import { sha256Hex } from '../../../lambdas/contract/hashing.js';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../lambdas/contract/config.js';
import { openStores } from '../../../lambdas/dev/open-stores.js';
import type { SourceSummary } from '../../../lambdas/pipeline/summary.js';

const HOST = 'www.resume.example';
const ARTICLES = 44;
/**
 * Per-host delay: 44 articles take ≥ 4.4 s. The run archives them in batches (ARCHIVE_BATCH_PAGES = 20 pages, 20, then
 * the last 4: pipeline/ingest.ts ingestInBatches), so the kill comes once the second batch object is archived: the
 * first batch's records were written ~2 s of politeness delays before (the resume must find them: new < ARTICLES),
 * the second's are being written (bytes archived, records not all written: the crash an archive batch must survive),
 * and the last 4 pages are not fetched yet (new > 0).
 */
const DELAY_MS = 100;
const KILL_AFTER_ARCHIVED = 2;
/** How often the test looks at the archive directory while the first run is going. */
const POLL_MS = 20;
/** Upper bounds on waits (generous for a loaded 2-core CI runner); exceeding one fails the test. */
const RUN_TIMEOUT_MS = 120_000;
const ORPHAN_WAIT_MS = 10_000;

const root = mkdtempSync(join(tmpdir(), 'jsnews-kill-'));
const tree = join(root, 'tree');
const localDir = join(root, 'local');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const articleUrl = (i: number) => `http://${HOST}/news/2024/0301/${1000 + i}.html`;

function buildTree(): void {
  mkdirSync(join(tree, HOST, 'news', '2024', '0301'), { recursive: true });
  for (let i = 0; i < ARTICLES; i++) {
    const paragraphs = [`第${i}篇：镇江市今天召开会议，部署第${i}项重点工作，要求各地各部门抓好落实。`, `会议指出，第${i}项工作关系全市发展大局，必须高标准推进，确保年内见到实效。`];
    writeFileSync(
      join(tree, HOST, 'news', '2024', '0301', `${1000 + i}.html`),
      `<!doctype html><html><head><meta charset="utf-8"><title>第${i}篇新闻标题</title></head><body><div class="article"><h1>镇江部署第${i}项重点工作</h1><p>2024-03-01 09:00 来源：测试网</p>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`,
    );
  }
  const links = Array.from({ length: ARTICLES }, (_, i) => `<li><a href="${articleUrl(i)}">镇江部署第${i}项重点工作的新闻标题</a></li>`);
  writeFileSync(join(tree, HOST, 'news', 'index.html'), `<!doctype html><html><head><meta charset="utf-8"></head><body><ul>${links.join('')}</ul></body></html>`);
  writeFileSync(join(tree, HOST, 'robots.txt'), 'User-agent: *\nAllow: /\n');
  writeFileSync(join(tree, 'manifest.json'), JSON.stringify({ version: 1, sites: [{ host: HOST, contentType: 'text/html; charset=utf-8' }] }));
  writeFileSync(
    join(tree, 'sources.json'),
    JSON.stringify({
      sources: [
        {
          id: 'resume',
          name: '续跑测试网',
          hosts: [HOST],
          startPages: [{ url: `http://${HOST}/news/`, kind: 'list' }],
          articleUrlPatterns: [`^http://www\\.resume\\.example/news/\\d{4}/\\d{4}/\\d+\\.html$`],
          schedule: 'rate(1 hour)',
          politeness: { delayMs: DELAY_MS, maxConcurrency: 1 },
          enabled: true,
        },
      ],
    }),
  );
}

function startRun() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lambdas/cli/jsnews.ts', 'run', '--replay', tree, '--json'], {
    env: { ...process.env, JSNEWS_LOCAL_DIR: localDir, JSNEWS_TABLE: '', JSNEWS_BUCKET: '', AWS_REGION: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** s3rver keeps each object as `<name>._S3rver_object` next to its metadata and md5 files. */
const S3RVER_OBJECT_SUFFIX = '._S3rver_object';

/** Raw objects archived so far, read from s3rver's directory. */
function archivedCount(): number {
  const dir = join(localDir, 's3', 'jsnews-archive', 'raw', 'sha256');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((n, prefix) => n + readdirSync(join(dir, prefix)).filter((f) => f.endsWith(S3RVER_OBJECT_SUFFIX)).length, 0);
}

/** Processes whose command line mentions our temp dir (the killed run's stores, if orphaned). Read-only. */
function processesUsing(dir: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function until(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

describe('jsnews run killed with SIGKILL and run again', () => {
  it('loses nothing and duplicates nothing', { timeout: 3 * RUN_TIMEOUT_MS }, async () => {
    buildTree();

    const first = startRun();
    let firstExit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    void first.exited.then((e) => (firstExit = e));
    await until(() => archivedCount() >= KILL_AFTER_ARCHIVED || firstExit !== null, RUN_TIMEOUT_MS, 'pages to be archived');
    expect(firstExit, `the first run ended before it could be killed: ${JSON.stringify(first.output())}`).toBeNull();
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const archivedAtKill = archivedCount();
    expect(archivedAtKill).toBeLessThan(ARTICLES);
    // The killed run's DynamoDB Local and s3rver go with it (the next run reopens the same files).
    await until(() => processesUsing(localDir).length === 0, ORPHAN_WAIT_MS, 'the killed run’s stores to exit');

    const second = startRun();
    const exit = await second.exited;
    expect(exit, second.output().stderr).toEqual({ code: 0, signal: null });
    const [summary] = JSON.parse(second.output().stdout) as SourceSummary[];
    expect(summary).toMatchObject({ sourceId: 'resume', discovered: ARTICLES, updated: 0, failed: {} });
    // Pages whose record the killed run finished are unchanged; the rest are new (at the kill the second batch was
    // archived and none or some of its records written: how many is up to the scheduler).
    expect(summary!.new + summary!.unchanged).toBe(ARTICLES);
    expect(summary!.new).toBeGreaterThan(0);
    // The resume skips what the killed run finished (its URL states): not everything is redone.
    expect(summary!.new).toBeLessThan(ARTICLES);

    const opened = await openStores(loadConfig({ JSNEWS_LOCAL_DIR: localDir }));
    try {
      const records = await opened.stores.records.bySite(HOST, {});
      expect(records.map((r) => r.url).sort()).toEqual(Array.from({ length: ARTICLES }, (_, i) => articleUrl(i)).sort());
      expect(new Set(records.map((r) => r.id)).size).toBe(ARTICLES);
      for (let i = 0; i < ARTICLES; i++) expect(await opened.stores.records.byUrl(articleUrl(i)), articleUrl(i)).toHaveLength(1);
      expect(await opened.stores.failures.listBySource('resume')).toEqual([]);
      for (const r of records) expect(sha256Hex(await opened.stores.archive.getRaw(r.raw!.key, { sha256: r.raw!.sha256 })), r.url!).toBe(r.raw!.sha256);
    } finally {
      await opened.close();
    }
    // Every record's raw page is archived and reads back by its raw ref (batch objects of the killed run that nothing
    // refers to may stay: they cost storage, never a wrong page).
    expect(archivedCount()).toBeGreaterThanOrEqual(1);
  });
});
