/**
 * `npm run bench:cost [-- --pages N] [--containers N]`: what a page costs on AWS, from measured quantities.
 * --containers N (default 1) runs N fetch handlers, each with its own in-process knowledge of hosts' leases (as N warm
 * Lambda containers have), the queue's batches handed to them in turn: a host one container learnt is not due is
 * news to the next, which pays a refused lease write (the contention the one-consumer default does not show).
 *
 * The deployed handlers (discover, fetch, normalize) run in this process, as Lambda would run them,
 * against DynamoDB Local and s3rver, on N article pages (default: every distinct bench page once)
 * served by the replay server in its own process with 50 links per list page. SDK middleware
 * (aws-meter.ts) counts what the unmodified store code sends: DynamoDB request units from the
 * ConsumedCapacity DynamoDB Local returns (ReturnConsumedCapacity: INDEXES), S3 requests and bytes,
 * SQS billed requests (the SQS client answers itself; its messages become the next handler's events,
 * up to FETCH_BATCH_SIZE to an invocation as the event source mapping delivers them, see "standard queue" below). Lambda GB-seconds are
 * each invocation's measured duration (its CPU part stretched to the CPU share Lambda gives that memory, see
 * LAMBDA_ONE_VCPU_MB), rounded up to the millisecond as Lambda bills it, times the memory lib/ configures. CloudWatch Logs bytes are what the handlers write to stdout (Powertools logs
 * and EMF metrics at the deployed log level) plus Lambda's own lines per invocation (none at the system log level WARN lib/ deploys).
 *
 * Three scenarios, one after the other on the same table:
 *   fresh     discover + fetch of pages never seen (archive, normalize, store);
 *   revisit   the same pages again, unchanged (every page answers 304 to its ETag);
 *   reprocess the normalize Lambda re-normalizes the archived day after a normalizer version bump.
 *
 * Politeness is measured too: the bench source has the registry's mean per-host delay over BENCH_HOSTS hosts
 * (with one host no batch could hold two pages). The senders give each host's messages DelaySeconds slots, the
 * fetch Lambda takes the host's lease (DynamoDB, counted like every other item) and hands back what may not be
 * fetched yet (ChangeMessageVisibility). The loopback standard queue runs on a simulated clock: a message is
 * delivered once its delay or visibility has passed, the event source mapping's batching window gathers up to
 * FETCH_BATCH_SIZE visible messages, and the clock moves by each invocation's measured wall time (the waits
 * themselves are not slept here: they are billed nowhere). Not measured, printed apart: storage, per month kept.
 * Timings are printed, never asserted; the machine is shared, so read the load average beside them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Context, SQSEvent } from 'aws-lambda';
import { z } from 'zod';
import { APPLICATION_LOG_LEVEL, FETCH_BATCH_SIZE, FETCH_BATCHING_WINDOW, FUNCTION_SETTINGS, SYSTEM_LOG_LEVEL } from '../../lib/constructs/functions.js';
import { FETCH_MAX_RECEIVE_COUNT, VISIBILITY_TIMEOUT_FACTOR } from '../../lib/constructs/queues.js';
import { ErrorCode, JsnewsError } from '../../lambdas/contract/errors.js';
import { replayFetcherOptions } from '../../lambdas/dev/replay/index.js';
import { createHttpFetcher } from '../../lambdas/fetch/index.js';
import { makeDiscoverHandler } from '../../lambdas/handlers/discover.js';
import { makeFetchHandler } from '../../lambdas/handlers/fetch.js';
import { makeNormalizeHandler } from '../../lambdas/handlers/normalize.js';
import { createObservability, pipelineLogger } from '../../lambdas/handlers/observability.js';
import { buildRuntime, type HandlerRuntime } from '../../lambdas/handlers/runtime.js';
import { workQueueOver } from '../../lambdas/pipeline/work-queue.js';
import type { NormalizeWork } from '../../lambdas/pipeline/work-items.js';
import { hostDelayOf } from '../../lambdas/pipeline/host-delays.js';
import { sqsTransport } from '../../lambdas/store/work-queue-sqs.js';
import { normalize } from '../../lambdas/normalize/index.js';
import { defaultDiscover } from '../../lambdas/pipeline/discover-default.js';
import { loadSources } from '../../lambdas/sites/load-sources.js';
import { Source } from '../../lambdas/sites/sources-schema.js';
import { chinaDay } from '../../lambdas/contract/china-time.js';
import { meteredSqs, resetMeter, type Meter } from './aws-meter.js';
import { startMeteredStores } from './metered-stores.js';
import { benchRoot } from './datasets.js';

// ---------------------------------------------------------------------------------------------
// Prices: AWS on-demand list prices, region US East (N. Virginia), us-east-1, as published on the
// services' pricing pages (read 2025-06; re-check before quoting). arm64 Lambda, as lib/ deploys.
// ---------------------------------------------------------------------------------------------
export const PRICE_REGION = 'us-east-1 (US East, N. Virginia)';
export const PRICE_DATE = '2025-06';
/** "Amazon DynamoDB pricing", on-demand capacity, Standard table class (after the 2024-11 price cut). */
export const USD_PER_MILLION_WRU = 0.625;
export const USD_PER_MILLION_RRU = 0.125;
export const USD_PER_GB_MONTH_DYNAMODB = 0.25;
/** "Amazon S3 pricing", S3 Standard: PUT/COPY/POST/LIST per 1,000, GET per 1,000, storage first 50 TB. */
export const USD_PER_THOUSAND_S3_PUT_LIST = 0.005;
export const USD_PER_THOUSAND_S3_GET = 0.0004;
export const USD_PER_GB_MONTH_S3 = 0.023;
/** "AWS Lambda pricing", Arm: per GB-second, per million requests. */
export const USD_PER_GB_SECOND_LAMBDA_ARM = 0.0000133334;
export const USD_PER_MILLION_LAMBDA_REQUESTS = 0.2;
/** "Amazon SQS pricing": per million requests (64 KB chunks), standard queue (both work queues are standard). */
export const USD_PER_MILLION_SQS_STANDARD = 0.4;
/** "Amazon CloudWatch pricing", Logs, standard log class: data ingested per GB. */
export const USD_PER_GB_LOGS_INGESTED = 0.5;
/** "Amazon EventBridge pricing", Scheduler: per million scheduled invocations. */
export const USD_PER_MILLION_SCHEDULER_INVOCATIONS = 1.0;

/** Targets (issue 13): all services, per million pages. */
export const TARGET_USD_PER_MILLION_FRESH = 6;
export const TARGET_USD_PER_MILLION_REVISIT = 1;

/**
 * The event source mapping's SQS calls per delivered batch: the ReceiveMessage calls that gathered it and the
 * DeleteMessageBatch calls for its successes (Lambda docs, "Using Lambda with Amazon SQS"), each of at most
 * SQS_MESSAGES_PER_CALL messages: 2 for a batch of up to 10, 4 for up to 20. Empty long polls are a fixed cost per
 * queue, not per page (docs/cost-model.md).
 */
const SQS_MESSAGES_PER_CALL = 10;
const esmSqsCalls = (batchSize: number) => 2 * Math.max(1, Math.ceil(batchSize / SQS_MESSAGES_PER_CALL));
/**
 * Lambda writes START, END and REPORT lines per invocation: about this many bytes together (REPORT ~190),
 * as INFO-level system logs, so none at the system log level lib/ deploys when that is WARN.
 */
const LAMBDA_PLATFORM_LOG_LINES_PER_INVOCATION = SYSTEM_LOG_LEVEL === 'WARN' ? 0 : 3;
const LAMBDA_PLATFORM_LOG_BYTES_PER_INVOCATION = LAMBDA_PLATFORM_LOG_LINES_PER_INVOCATION === 0 ? 0 : 300;
/** CloudWatch Logs counts 26 bytes per log event on top of the message (PutLogEvents quota). */
const LOG_EVENT_OVERHEAD_BYTES = 26;
/** The deployed log level of the handlers' own logs (lib/constructs/functions.ts). */
const DEPLOYED_LOG_LEVEL: string = APPLICATION_LOG_LEVEL;
/** Links per generated list page: about what a TRS channel page carries. */
const LINKS_PER_LIST_PAGE = 50;
const BENCH_SETS = ['aeb', 'gne', 'zh-cwced'];
const SEED_HTML_DIR = 'seeds/html';
/**
 * Hosts the bench pages are spread over, round robin. Politeness lets a batch hold one page per host, so one
 * host (as before) would show no batching at all; the registry has dozens of sources and the model 1,000.
 */
const BENCH_HOSTS = 20;
const hostName = (h: number) => `cost-${h}.example`;
const GB = 1024 ** 3;
const MB_PER_GB = 1024;

const Args = z.object({ pages: z.number().int().min(1).optional(), containers: z.number().int().min(1).max(64).default(1) });

function readArgs(): z.infer<typeof Args> {
  const { values } = parseArgs({ options: { pages: { type: 'string' }, containers: { type: 'string' } } });
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const parsed = Args.safeParse({ pages: num(values.pages), containers: num(values.containers) });
  if (!parsed.success) throw new JsnewsError(ErrorCode.InvalidArgument, parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

function sourcePages(): Buffer[] {
  const dirs = BENCH_SETS.map((s) => join(benchRoot(), s, 'pages')).filter(existsSync);
  const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.html')).sort().map((f) => join(d, f)));
  const seeds = readdirSync(SEED_HTML_DIR).filter((f) => /^\d{3}_.*\.html$/.test(f)).map((f) => join(SEED_HTML_DIR, f));
  return [...files, ...seeds].map((f) => readFileSync(f));
}

/** A replay tree of n articles over BENCH_HOSTS hosts (each with an ETag, as static pages of news CMSs are served) and their list pages. */
function buildTree(pages: Buffer[], n: number): { dir: string; lists: string[]; articles: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'jsnews-cost-tree-'));
  const sites = Array.from({ length: BENCH_HOSTS }, (_, h) => ({ host: hostName(h), contentType: 'text/html', paths: {} as Record<string, { etag: string }>, links: [] as number[] }));
  const articles: string[] = [];
  for (let i = 0; i < n; i++) {
    const site = sites[i % BENCH_HOSTS]!;
    mkdirSync(join(dir, site.host, 'a'), { recursive: true });
    const base = pages[i % pages.length]!;
    const copy = Math.floor(i / pages.length);
    writeFileSync(join(dir, site.host, 'a', `${i}.html`), copy === 0 ? base : Buffer.concat([base, Buffer.from(`\n<!-- copy ${copy} -->\n`)]));
    site.paths[`/a/${i}.html`] = { etag: `"a${i}"` };
    site.links.push(i);
    articles.push(`http://${site.host}/a/${i}.html`);
  }
  const lists: string[] = [];
  for (const site of sites) {
    mkdirSync(join(dir, site.host, 'list'), { recursive: true });
    writeFileSync(join(dir, site.host, 'robots.txt'), 'User-agent: *\nAllow: /\n');
    for (let l = 0; l * LINKS_PER_LIST_PAGE < Math.max(1, site.links.length); l++) {
      const links = site.links.slice(l * LINKS_PER_LIST_PAGE, (l + 1) * LINKS_PER_LIST_PAGE).map((i) => `<li><a href="/a/${i}.html">江苏新闻成本基准第${i}篇文章标题示例</a></li>`);
      writeFileSync(join(dir, site.host, 'list', `index_${l}.html`), `<!doctype html><html><head><meta charset="utf-8"><title>列表</title></head><body><ul>${links.join('')}</ul></body></html>`);
      lists.push(`http://${site.host}/list/index_${l}.html`);
    }
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: 1, sites: sites.map(({ host, contentType, paths }) => ({ host, contentType, paths })) }));
  return { dir, lists, articles };
}

async function startReplayChild(tree: string): Promise<{ child: ChildProcess; port: number; hosts: string[] }> {
  const script = fileURLToPath(new URL('./replay-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, tree], { stdio: ['pipe', 'pipe', 'inherit'] });
  const first = await new Promise<string>((ok, fail) => {
    let buf = '';
    child.stdout!.on('data', (c: Buffer) => {
      buf += c.toString('utf8');
      if (buf.includes('\n')) ok(buf.split('\n')[0]!);
    });
    child.once('exit', (code) => fail(new Error(`replay server exited with code ${code}`)));
  });
  const { port, hosts } = JSON.parse(first) as { port: number; hosts: string[] };
  return { child, port, hosts };
}

// ---------------------------------------------------------------------------------------------
// Invocations: measured duration and stdout bytes
// ---------------------------------------------------------------------------------------------

/**
 * Lambda gives a function CPU in proportion to its memory: one vCPU at 1,769 MB (Lambda docs, "Configuring
 * function memory"). This process runs on a whole core, so an invocation's CPU time here is stretched by
 * 1769 / memory for a smaller function: billed ≈ wall + cpu × (1769 / memory − 1).
 */
const LAMBDA_ONE_VCPU_MB = 1769;

interface LambdaUse {
  invocations: number;
  /** Sum of per-invocation durations rounded up to 1 ms (Lambda's billing granularity), with CPU stretched as above. */
  billedMs: number;
  /** As measured here: wall time and this process's CPU time. */
  wallMs: number;
  cpuMs: number;
  memoryMb: number;
  logBytes: number;
  logEvents: number;
}

const newLambdaUse = (memoryMb: number): LambdaUse => ({ invocations: 0, billedMs: 0, wallMs: 0, cpuMs: 0, memoryMb, logBytes: 0, logEvents: 0 });

/** Runs one invocation, timing it and counting (and swallowing) what it writes to stdout, as CloudWatch Logs would ingest it. */
async function invoke<T>(use: LambdaUse, run: () => Promise<T>): Promise<T> {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const lines = text.split('\n').filter((l) => l.length > 0);
    use.logEvents += lines.length;
    use.logBytes += lines.reduce((n, l) => n + Buffer.byteLength(l) + LOG_EVENT_OVERHEAD_BYTES, 0);
    return true;
  }) as typeof process.stdout.write;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    return await run();
  } finally {
    const wall = performance.now() - t0;
    const cpuUsed = process.cpuUsage(cpu0);
    const cpu = (cpuUsed.user + cpuUsed.system) / 1000;
    use.wallMs += wall;
    use.cpuMs += cpu;
    use.billedMs += Math.ceil(wall + cpu * Math.max(0, LAMBDA_ONE_VCPU_MB / use.memoryMb - 1));
    process.stdout.write = write;
    use.invocations++;
    use.logEvents += LAMBDA_PLATFORM_LOG_LINES_PER_INVOCATION;
    use.logBytes += LAMBDA_PLATFORM_LOG_BYTES_PER_INVOCATION + LAMBDA_PLATFORM_LOG_LINES_PER_INVOCATION * LOG_EVENT_OVERHEAD_BYTES;
  }
}

let seq = 0;
function sqsEvent(messages: { body: string; id?: string; handle?: string; receives?: number }[], queue: 'fetch' | 'normalize'): SQSEvent {
  return {
    Records: messages.map((m) => {
      const id = m.id ?? `bench-${++seq}`;
      return {
        messageId: id,
        receiptHandle: m.handle ?? `rh-${id}`,
        body: m.body,
        attributes: { ApproximateReceiveCount: String(m.receives ?? 1), SentTimestamp: String(Date.now()), SenderId: 'BENCH', ApproximateFirstReceiveTimestamp: String(Date.now()) },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:jsnews-${queue}`,
        awsRegion: 'us-east-1',
      };
    }),
  };
}

function context(name: string, memoryMb: number): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `jsnews-${name}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:jsnews-${name}`,
    memoryLimitInMB: String(memoryMb),
    awsRequestId: `req-${++seq}`,
    logGroupName: `/aws/lambda/jsnews-${name}`,
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => 60_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Cost of one scenario
// ---------------------------------------------------------------------------------------------

interface ScenarioUse {
  name: string;
  pages: number;
  meter: Meter;
  lambdas: Record<string, LambdaUse>;
  /** Batches the event source mappings delivered (both queues standard). */
  /** Delivered batches, and the event source mapping's SQS calls for them (esmSqsCalls). */
  consumed: { batches: number; esmCalls: number };
  schedulerInvocations: number;
  outcomes: string;
}

interface CostLine {
  service: string;
  perPage: string;
  usdPerMillion: number;
}

function snapshot(m: Meter): Meter {
  return {
    dynamo: { ...m.dynamo, byTarget: new Map([...m.dynamo.byTarget].map(([k, v]) => [k, { ...v }])) },
    s3: { ...m.s3, requests: new Map(m.s3.requests) },
    sqs: { ...m.sqs, sent: new Map() },
  };
}

function costLines(u: ScenarioUse): CostLine[] {
  const per = (x: number) => x / u.pages;
  const million = 1e6;
  const { dynamo, s3, sqs } = u.meter;
  const s3PutList = [...s3.requests].filter(([k]) => k === 'PutObject' || k === 'ListObjectsV2' || k === 'CopyObject').reduce((n, [, v]) => n + v, 0);
  const s3Get = [...s3.requests].filter(([k]) => k === 'GetObject' || k === 'HeadObject').reduce((n, [, v]) => n + v, 0);
  const s3Detail = [...s3.requests].map(([k, v]) => `${k} ${per(v).toFixed(2)}`).join(', ') || 'none';
  const dynamoDetail = [...dynamo.byTarget].map(([k, v]) => `${k} ${per(v.wru + v.rru).toFixed(2)}`).join(', ');
  const lines: CostLine[] = [
    { service: 'DynamoDB writes', perPage: `${per(dynamo.wru).toFixed(2)} WRU`, usdPerMillion: per(dynamo.wru) * USD_PER_MILLION_WRU },
    { service: 'DynamoDB reads', perPage: `${per(dynamo.rru).toFixed(2)} RRU`, usdPerMillion: per(dynamo.rru) * USD_PER_MILLION_RRU },
    { service: '  (units by target)', perPage: dynamoDetail || 'none', usdPerMillion: Number.NaN },
    { service: 'S3 PUT/LIST', perPage: `${per(s3PutList).toFixed(2)} req`, usdPerMillion: per(s3PutList) * USD_PER_THOUSAND_S3_PUT_LIST * 1000 },
    { service: 'S3 GET', perPage: `${per(s3Get).toFixed(2)} req`, usdPerMillion: per(s3Get) * USD_PER_THOUSAND_S3_GET * 1000 },
    { service: '  (S3 by request)', perPage: `${s3Detail}; ${(per(s3.bytesPut) / 1024).toFixed(1)} KB put, ${(per(s3.bytesGot) / 1024).toFixed(1)} KB got`, usdPerMillion: Number.NaN },
  ];
  const { lease } = dynamo;
  if (lease.requests > 0) {
    const leaseUsd = per(lease.wru) * USD_PER_MILLION_WRU + per(lease.rru) * USD_PER_MILLION_RRU;
    lines.push({ service: '  (host lease, in the above)', perPage: `${per(lease.wru).toFixed(2)} WRU + ${per(lease.rru).toFixed(2)} RRU, ${per(lease.requests).toFixed(2)} req (${per(lease.refused).toFixed(2)} refused) = USD ${leaseUsd.toFixed(3)}`, usdPerMillion: Number.NaN });
  }
  const stdReq = sqs.billed + u.consumed.esmCalls;
  lines.push({
    service: 'SQS (standard)',
    perPage: `${per(stdReq).toFixed(3)} req (send ${per(sqs.billed - sqs.deferralCalls).toFixed(3)}, receive + delete ${per(u.consumed.esmCalls).toFixed(3)}, hand-back ${per(sqs.deferralCalls).toFixed(3)})`,
    usdPerMillion: per(stdReq) * USD_PER_MILLION_SQS_STANDARD,
  });
  let logBytes = 0;
  for (const [name, l] of Object.entries(u.lambdas)) {
    if (l.invocations === 0) continue;
    const gbs = (l.billedMs / 1000) * (l.memoryMb / MB_PER_GB);
    logBytes += l.logBytes;
    lines.push({
      service: `Lambda ${name} (${l.memoryMb} MB)`,
      perPage: `${per(l.billedMs).toFixed(1)} ms billed (here ${per(l.wallMs).toFixed(1)} wall, ${per(l.cpuMs).toFixed(1)} CPU), ${(per(gbs) * 1000).toFixed(1)} GB-ms, ${per(l.invocations).toFixed(3)} inv`,
      usdPerMillion: per(gbs) * USD_PER_GB_SECOND_LAMBDA_ARM * million + per(l.invocations) * USD_PER_MILLION_LAMBDA_REQUESTS,
    });
  }
  lines.push({ service: 'CloudWatch Logs', perPage: `${per(logBytes).toFixed(0)} B`, usdPerMillion: (per(logBytes) / GB) * USD_PER_GB_LOGS_INGESTED * million });
  if (u.schedulerInvocations > 0) {
    lines.push({ service: 'EventBridge Scheduler', perPage: `${per(u.schedulerInvocations).toFixed(3)} inv`, usdPerMillion: per(u.schedulerInvocations) * USD_PER_MILLION_SCHEDULER_INVOCATIONS });
  }
  return lines;
}

const usd = (x: number) => (Number.isNaN(x) ? '' : `${x.toFixed(3).padStart(8)}`);

function printScenario(u: ScenarioUse, target: number | null): number {
  const lines = costLines(u);
  const total = lines.reduce((n, l) => n + (Number.isNaN(l.usdPerMillion) ? 0 : l.usdPerMillion), 0);
  console.log(`\n${u.name}: ${u.pages} pages (${u.outcomes})`);
  console.log(`  ${'service'.padEnd(30)} ${'per page'.padEnd(58)} USD / million pages`);
  for (const l of lines) console.log(`  ${l.service.padEnd(30)} ${l.perPage.padEnd(58)} ${usd(l.usdPerMillion)}`);
  const verdict = target === null ? '' : `   target ≤ ${target.toFixed(2)}: ${total <= target ? 'met' : 'NOT met'}`;
  console.log(`  ${'TOTAL (measured)'.padEnd(89)} ${usd(total)}${verdict}`);
  if (u.meter.sqs.deferred > 0) {
    console.log(`  politeness: ${(u.meter.sqs.deferred / u.pages).toFixed(2)} deferrals per page (SQS and Lambda lines above include them); no sleep billed`);
  }
  return total;
}

/** The mean per-host delay of the registry's enabled sources: the bench source's politeness delay. */
function registryDelay(): { sources: number; meanDelayMs: number } {
  const enabled = loadSources().filter((s) => s.enabled);
  const meanDelayMs = enabled.reduce((n, s) => n + s.politeness.delayMs, 0) / Math.max(1, enabled.length);
  return { sources: enabled.length, meanDelayMs };
}
/** Receives of one message beyond which the bench stops (the deployed queue parks it in the DLQ there). */
const MAX_RECEIVES = FETCH_MAX_RECEIVE_COUNT;
/** A message the handler failed without handing it back returns after the queue's visibility timeout. */
const FETCH_VISIBILITY_MS = FUNCTION_SETTINGS.fetch.timeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR * 1000;

// ---------------------------------------------------------------------------------------------

/** The bench's own checks after a scenario (not metered), a few requests at a time so the SDK's socket pool never queues. */
async function readBack<T>(n: number, get: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunks(Array.from({ length: n }, (_, i) => i), READ_BACK_CONCURRENCY)) out.push(...(await Promise.all(part.map(get))));
  return out;
}
const READ_BACK_CONCURRENCY = 16;

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

async function main(): Promise<void> {
  const args = readArgs();
  process.env.POWERTOOLS_LOG_LEVEL = DEPLOYED_LOG_LEVEL;
  const pages = sourcePages();
  const n = args.pages ?? pages.length;
  const tree = buildTree(pages, n);
  const [stores, replay] = await Promise.all([startMeteredStores('cost'), startReplayChild(tree.dir)]);
  const { clients, meter, names } = stores;
  const queueUrls = { fetch: 'https://sqs.us-east-1.amazonaws.com/000000000000/jsnews-fetch', normalize: 'https://sqs.us-east-1.amazonaws.com/000000000000/jsnews-normalize' };
  const delay = registryDelay();
  // Never sleeps here (the loopback queue redelivers at once), but tells the handler the host's delay, as the deployed fetcher does.
  const httpFetcher = createHttpFetcher({ ...replayFetcherOptions(replay), politeness: false });
  const fetcher = { fetch: httpFetcher.fetch.bind(httpFetcher), close: () => httpFetcher.close(), politeDelayMs: () => delay.meanDelayMs };
  try {
    const source = Source.parse({
      id: 'cost',
      name: 'cost bench',
      hosts: Array.from({ length: BENCH_HOSTS }, (_, h) => hostName(h)),
      startPages: tree.lists.map((url) => ({ url, kind: 'list' })),
      articleUrlPatterns: [String.raw`^http://cost-\d+\.example/a/\d+\.html$`],
      schedule: 'rate(1 hour)',
      politeness: { delayMs: delay.meanDelayMs, maxConcurrency: 1 },
      enabled: true,
    });
    let normalizerVersionOverride: string | null = null;
    // The simulated clock of the queue and the lease (see the header): the wall time of the invocation in progress on top.
    let virtualNow = Date.now();
    let invocationStart: number | null = null;
    const clockMs = () => virtualNow + (invocationStart === null ? 0 : performance.now() - invocationStart);
    const build = (fn: 'discover' | 'fetch' | 'normalize'): HandlerRuntime =>
      buildRuntime({
        clients,
        names,
        sources: [source],
        queue: workQueueOver(sqsTransport(meteredSqs(meter.sqs), queueUrls), { delayMsOf: hostDelayOf([source]), nowMs: clockMs }),
        logger: pipelineLogger(createObservability(fn).logger),
        clock: () => new Date(clockMs()),
        capabilities: {
          fetcher: () => fetcher,
          normalize: (bytes, ctx) => {
            const record = normalize(bytes, ctx);
            return normalizerVersionOverride ? { ...record, normalizerVersion: normalizerVersionOverride } : record;
          },
          discover: defaultDiscover,
        },
      });
    const runtimes = { discover: build('discover'), fetch: build('fetch'), normalize: build('normalize') };
    const discover = makeDiscoverHandler(() => runtimes.discover, createObservability('discover'));
    // One handler a warm container (its own lease knowledge and runtime); batches go to them in turn.
    const fetchRuntimes = [runtimes.fetch, ...Array.from({ length: args.containers - 1 }, () => build('fetch'))];
    const fetchHandlers = fetchRuntimes.map((rt) => makeFetchHandler(() => rt, createObservability('fetch')));
    const normalizeHandler = makeNormalizeHandler(() => runtimes.normalize, createObservability('normalize'));

    const crawl = async (name: string): Promise<ScenarioUse> => {
      resetMeter(meter);
      const lambdas = { discover: newLambdaUse(FUNCTION_SETTINGS.discover.memoryMb), fetch: newLambdaUse(FUNCTION_SETTINGS.fetch.memoryMb) };
      const result = await invoke(lambdas.discover, () => discover({ sourceId: source.id, scheduledTime: new Date().toISOString() }, context('discover', lambdas.discover.memoryMb)));
      const counts = new Map<string, number>();
      let batches = 0;
      let maxReceives = 0;
      const batchSizes: number[] = [];
      // The standard queue: a message is visible once its DelaySeconds (or the visibility a hand-back set) has
      // passed; the event source mapping waits up to its batching window for FETCH_BATCH_SIZE visible ones. What
      // the handler does not acknowledge comes back at its hand-back time (or the visibility timeout). Work fans
      // out (list pages could enqueue more), so messages sent meanwhile join.
      type Queued = { id: string; body: string; visibleAt: number; receives: number; handle: string };
      const queue: Queued[] = [];
      for (let taken = 0; ; ) {
        const sent = meter.sqs.sent.get(queueUrls.fetch) ?? [];
        for (const m of sent.slice(taken)) queue.push({ id: `bench-${++seq}`, body: m.body, visibleAt: virtualNow + m.delaySeconds * 1000, receives: 0, handle: '' });
        taken = sent.length;
        if (queue.length === 0) break;
        virtualNow = Math.max(virtualNow, Math.min(...queue.map((m) => m.visibleAt)));
        const windowEnd = virtualNow + FETCH_BATCHING_WINDOW.toMilliseconds();
        const batch = queue.filter((m) => m.visibleAt <= windowEnd).sort((a, b) => a.visibleAt - b.visibleAt).slice(0, FETCH_BATCH_SIZE);
        virtualNow = batch.length === FETCH_BATCH_SIZE ? Math.max(virtualNow, batch.at(-1)!.visibleAt) : windowEnd;
        for (const m of batch) {
          m.receives++;
          m.handle = `${m.id}-r${m.receives}`;
          maxReceives = Math.max(maxReceives, m.receives);
          if (m.receives > MAX_RECEIVES) throw new JsnewsError(ErrorCode.Internal, `a fetch message came back ${m.receives} times (the queue's maxReceiveCount is ${MAX_RECEIVES}): ${m.body}`);
        }
        batches++;
        batchSizes.push(batch.length);
        const event = sqsEvent(batch, 'fetch');
        const t0 = performance.now();
        invocationStart = t0;
        const fetchHandler = fetchHandlers[batches % fetchHandlers.length]!;
        const response = await invoke(lambdas.fetch, () => fetchHandler(event, context('fetch', lambdas.fetch.memoryMb))).finally(() => (invocationStart = null));
        virtualNow += performance.now() - t0;
        const back = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
        for (const m of batch) {
          if (!back.has(m.id)) queue.splice(queue.indexOf(m), 1);
          else {
            const seconds = meter.sqs.handedBack.get(m.handle);
            m.visibleAt = virtualNow + (seconds === undefined ? FETCH_VISIBILITY_MS : seconds * 1000);
          }
        }
      }
      counts.set('fetch invocations', batches);
      counts.set(`max receives of a message (maxReceiveCount ${MAX_RECEIVES})`, maxReceives);
      counts.set('mean messages per batch ×100', Math.round((100 * batchSizes.reduce((a, b) => a + b, 0)) / Math.max(1, batches)));
      const deferred = meter.sqs.deferred;
      if (deferred > 0) counts.set('deferrals', deferred);
      const used = snapshot(meter);
      const state = await readBack(n, (i) => runtimes.fetch.deps.stores.urlState.get(tree.articles[i]!));
      counts.set('with url state', state.filter(Boolean).length);
      return {
        name,
        pages: result.enqueued,
        meter: used,
        lambdas,
        consumed: { batches, esmCalls: batchSizes.reduce((n, size) => n + esmSqsCalls(size), 0) },
        schedulerInvocations: 1,
        outcomes: `${result.listed} listed, ${result.enqueued} enqueued, ${[...counts].map(([k, v]) => `${v} ${k}`).join(', ')}`,
      };
    };

    const fresh = await crawl('fresh');
    const revisit = await crawl('revisit');

    resetMeter(meter);
    normalizerVersionOverride = '999.0.0';
    const normalizeUse = newLambdaUse(FUNCTION_SETTINGS.normalize.memoryMb);
    const work: NormalizeWork[] = [{ kind: 'reprocess-day', sourceId: source.id, day: chinaDay(new Date().toISOString()) }];
    await invoke(normalizeUse, () => normalizeHandler(sqsEvent(work.map((w) => ({ body: JSON.stringify(w) })), 'normalize'), context('normalize', normalizeUse.memoryMb)));
    const reprocessUsed = snapshot(meter);
    const reprocessed = await readBack(n, (i) => runtimes.normalize.deps.stores.urlState.get(tree.articles[i]!));
    const ids = reprocessed.flatMap((s) => (s?.recordId ? [s.recordId] : []));
    const updated = (await readBack(ids.length, (i) => runtimes.normalize.deps.stores.records.get(ids[i]!))).filter((r) => r?.normalizerVersion === '999.0.0').length;
    const reprocess: ScenarioUse = {
      name: 'reprocess',
      pages: reprocessed.filter(Boolean).length,
      meter: reprocessUsed,
      lambdas: { normalize: normalizeUse },
      consumed: { batches: work.length, esmCalls: esmSqsCalls(work.length) },
      schedulerInvocations: 0,
      outcomes: `normalizer version bumped; ${updated} records now carry it`,
    };

    console.log(`cost bench: ${n} distinct pages (${BENCH_SETS.join(', ')} and seeds), ${tree.lists.length} list pages of up to ${LINKS_PER_LIST_PAGE} links; ${BENCH_HOSTS} hosts`);
    console.log(`prices: ${PRICE_REGION}, on-demand list prices as of ${PRICE_DATE} (DynamoDB, S3, Lambda arm64, SQS, CloudWatch, EventBridge pricing pages)`);
    console.log(`memory from lib/: discover ${FUNCTION_SETTINGS.discover.memoryMb} MB, fetch ${FUNCTION_SETTINGS.fetch.memoryMb} MB, normalize ${FUNCTION_SETTINGS.normalize.memoryMb} MB; up to ${FETCH_BATCH_SIZE} messages per fetch batch, batching window ${FETCH_BATCHING_WINDOW.toSeconds()} s`);
    if (args.containers > 1) console.log(`fetch containers: ${args.containers}, batches handed to them in turn (each knows only the leases it took or was refused)`);
    console.log(`politeness: the registry's mean delay (${delay.sources} enabled sources) ${delay.meanDelayMs.toFixed(0)} ms per host; senders' DelaySeconds slots, the host lease (DynamoDB), hand-backs (SQS visibility); never slept`);
    console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (durations are wall time on a shared machine)`);
    const freshTotal = printScenario(fresh, TARGET_USD_PER_MILLION_FRESH);
    const revisitTotal = printScenario(revisit, TARGET_USD_PER_MILLION_REVISIT);
    const reprocessTotal = printScenario(reprocess, null);
    const s3GbPerMillion = (fresh.meter.s3.bytesPut / fresh.pages) * 1e6 / GB;
    const tableWru = fresh.meter.dynamo.byTarget.get('table')?.wru ?? 0;
    const gsiWru = fresh.meter.dynamo.wru - tableWru;
    const dynamoGbPerMillion = ((fresh.meter.dynamo.wru / fresh.pages) * 1024 * 1e6) / GB;
    console.log(`\nstorage per million fresh pages kept one month: S3 ${s3GbPerMillion.toFixed(1)} GB → USD ${(s3GbPerMillion * USD_PER_GB_MONTH_S3).toFixed(2)}; ` +
      `DynamoDB ≤ ${dynamoGbPerMillion.toFixed(1)} GB (bound from write units: table ${(tableWru / fresh.pages).toFixed(1)} + indexes ${(gsiWru / fresh.pages).toFixed(1)} KB/page) → USD ≤ ${(dynamoGbPerMillion * USD_PER_GB_MONTH_DYNAMODB).toFixed(2)}`);
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const fetchMb = FUNCTION_SETTINGS.fetch.memoryMb;
    console.log(`peak RSS of this process, which ran all three handlers with their SDK clients under tsx: ${peakMb.toFixed(0)} MB (${peakMb <= fetchMb ? 'within' : 'over'} the fetch Lambda's ${fetchMb} MB; one deployed handler alone holds less)`);
    console.log(`\nissue 13 cost (USD per million pages, all services measured): fresh ${freshTotal.toFixed(2)} (target ≤ ${TARGET_USD_PER_MILLION_FRESH}), revisit ${revisitTotal.toFixed(2)} (target ≤ ${TARGET_USD_PER_MILLION_REVISIT}), reprocess ${reprocessTotal.toFixed(2)}`);
  } finally {
    await httpFetcher.close();
    replay.child.stdin?.end();
    await stores.stop();
    rmSync(tree.dir, { recursive: true, force: true });
  }
}

await main();
