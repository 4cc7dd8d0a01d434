/**
 * `npm run bench:revisit [-- --rounds N]`: what a revisit costs in DynamoDB units, and how many revisits a
 * second go through, on the shipped change scenario (seeds/replay/jiangsu, README "Change tracking").
 *
 * The five articles are ingested at 2026-01-01T09:00+08:00 (one cycle); then every tracked article is
 * revisited, one at a time, at 01-01T10:00 (the +1 h revisit: nothing changed anywhere), at the
 * scenario's times 01-04, 01-06, 01-11, 01-13 (09:00) and at 01-13T10:00, and that last round once more
 * (a replay). Each revisit's DynamoDB requests are sent with ReturnConsumedCapacity: INDEXES to
 * DynamoDB Local (aws-meter.ts, the cost bench's meter and store set-up); the units and the items
 * written are summed by what the revisit saw. Target (issue 12): a 304 or an identical normalized
 * record writes nothing beyond the revisit schedule's own state, the tracking item (`REC#<id>`/`TRACK`,
 * its GSI3 entry moving with the next revisit time); a replayed revisit writes nothing.
 *
 * Then N rounds (default 20) of `revisitDue --all` an hour apart, as `jsnews revisit --all` runs them
 * (sources' politeness: robots.txt, one request at a time per host, the configured per-host delay), give
 * revisits per second and CPU per revisit of this process (pipeline, SDK, normalizer and the replay server,
 * which runs in this process so its simulated clock follows the pipeline's; DynamoDB Local is another
 * process). Timings are printed, never asserted; read the load average beside them.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ErrorCode, JsnewsError } from '../../lambdas/contract/errors.js';
import { replayFetcherOptions, startReplayServer } from '../../lambdas/dev/replay/index.js';
import { createHttpFetcher } from '../../lambdas/fetch/index.js';
import { createDefaultDeps } from '../../lambdas/pipeline/default-deps.js';
import { silentLogger } from '../../lambdas/pipeline/deps.js';
import { hostDelays } from '../../lambdas/pipeline/host-delays.js';
import { ALL_DUE_BEFORE, planRevisits, revisitDue, revisitOne, type RevisitResult } from '../../lambdas/pipeline/revisit.js';
import { runCycle } from '../../lambdas/pipeline/run-cycle.js';
import { loadSources } from '../../lambdas/sites/load-sources.js';
import { createStores } from '../../lambdas/store/stores.js';
import { REPO_ROOT } from './datasets.js';
import { startMeteredStores } from './metered-stores.js';

const TREE = join(REPO_ROOT, 'seeds/replay/jiangsu');
const INGEST_AT = '2026-01-01T09:00:00+08:00';
/** The revisit rounds of the cost part: +1 h (all unchanged), the scenario's four days, the confirming 10:00 round, and its replay. */
const ROUNDS_AT = ['2026-01-01T10:00:00+08:00', '2026-01-04T09:00:00+08:00', '2026-01-06T09:00:00+08:00', '2026-01-11T09:00:00+08:00', '2026-01-13T09:00:00+08:00', '2026-01-13T10:00:00+08:00', '2026-01-13T10:00:00+08:00'];
/** Throughput rounds start after the scenario, one hour apart. */
const THROUGHPUT_FROM = '2026-01-14T09:00:00+08:00';
const HOUR_MS = 60 * 60 * 1000;
const DEFAULT_ROUNDS = 20;
/** The tracking item's kind (its sort key): the one item an unchanged revisit may write (target). */
const TRACK_SK = 'TRACK';

const Args = z.object({ rounds: z.number().int().min(1).max(1000).default(DEFAULT_ROUNDS) });

function readArgs(): z.infer<typeof Args> {
  const { values } = parseArgs({ options: { rounds: { type: 'string' } } });
  const parsed = Args.safeParse({ rounds: values.rounds === undefined ? undefined : Number(values.rounds) });
  if (!parsed.success) throw new JsnewsError(ErrorCode.InvalidArgument, parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

/** What a revisit saw, as the rows of the cost table. */
function outcomeOf(r: RevisitResult, replayed: boolean): string {
  if (replayed) return 'replayed revisit (same time again)';
  if (r.change) return `${r.change} (a change)`;
  if (r.seen === 'not-modified') return '304 Not Modified';
  if (r.seen === 'same-bytes') return 'same bytes as last time';
  if (r.seen === 'new-bytes' && r.observed === 'article') return 'new bytes, identical normalized record';
  if (r.observed === 'gone') return 'gone (unconfirmed, or already deleted)';
  return `${r.seen}, ${r.observed}`;
}

/** Outcomes the target applies to, and the items each may write. */
const TARGETS: Record<string, string[]> = {
  '304 Not Modified': [TRACK_SK],
  'same bytes as last time': [TRACK_SK],
  'new bytes, identical normalized record': [TRACK_SK],
  'replayed revisit (same time again)': [],
};

interface Row {
  revisits: number;
  itemWrites: number;
  wru: number;
  rru: number;
  byTarget: Map<string, number>;
  s3Puts: number;
  written: Set<string>;
}

async function main(): Promise<void> {
  const args = readArgs();
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  const sources = loadSources(join(TREE, 'sources.json'));
  let now = new Date(INGEST_AT);
  const metered = await startMeteredStores('revisit');
  const server = await startReplayServer(TREE, { clock: () => now });
  const fetcher = createHttpFetcher({ ...replayFetcherOptions(server), hostDelayMs: hostDelays(sources) });
  const { meter } = metered;
  /** Sort keys of the items each write request puts (PutItem, TransactWriteItems), as sent. */
  const written: string[] = [];
  metered.clients.dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Item?: KeyedItem; TransactItems?: { Put?: { Item?: KeyedItem } }[] };
      if (/Put|TransactWrite/.test(String(context.commandName))) {
        for (const item of [input.Item, ...(input.TransactItems ?? []).map((t) => t.Put?.Item)]) if (item) written.push(itemKind(item));
      }
      return next(args);
    },
    { step: 'initialize', name: 'benchWrittenItems' },
  );
  try {
    const stores = createStores(metered.clients, metered.names);
    const deps = { ...createDefaultDeps(stores, fetcher, silentLogger), clock: () => now };
    const ingested = await runCycle(sources, deps);
    const articles = ingested.reduce((n, s) => n + s.new, 0);

    // Cost: one revisit at a time, its units and items attributed to what it saw.
    const rows = new Map<string, Row>();
    for (const [i, at] of ROUNDS_AT.entries()) {
      now = new Date(at);
      const replayed = i > 0 && at === ROUNDS_AT[i - 1];
      for (const due of await planRevisits(sources, stores.changes, ALL_DUE_BEFORE)) {
        const before = { wru: meter.dynamo.wru, rru: meter.dynamo.rru, byTarget: new Map([...meter.dynamo.byTarget].map(([k, v]) => [k, v.wru])), s3: meter.s3.requests.get('PutObject') ?? 0 };
        written.length = 0;
        const r = await revisitOne(due, deps, sources.find((s) => s.id === due.sourceId));
        if (!r) continue;
        const key = outcomeOf(r, replayed);
        const row = rows.get(key) ?? { revisits: 0, itemWrites: 0, wru: 0, rru: 0, byTarget: new Map(), s3Puts: 0, written: new Set() };
        row.revisits++;
        row.itemWrites += r.writes;
        row.wru += meter.dynamo.wru - before.wru;
        row.rru += meter.dynamo.rru - before.rru;
        for (const [k, v] of meter.dynamo.byTarget) if (v.wru - (before.byTarget.get(k) ?? 0) > 0) row.byTarget.set(k, (row.byTarget.get(k) ?? 0) + v.wru - (before.byTarget.get(k) ?? 0));
        row.s3Puts += (meter.s3.requests.get('PutObject') ?? 0) - before.s3;
        for (const sk of written) row.written.add(sk);
        rows.set(key, row);
      }
    }

    // Throughput: whole rounds as `jsnews revisit --all` does them.
    const startAt = Date.parse(THROUGHPUT_FROM);
    let revisits = 0;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (let k = 0; k < args.rounds; k++) {
      now = new Date(startAt + k * HOUR_MS);
      revisits += (await revisitDue(sources, deps, { all: true })).length;
    }
    const wallS = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuMsPer = (cpu.user + cpu.system) / 1000 / revisits;

    const load = loadavg().map((x) => x.toFixed(1)).join(' ');
    console.log(`revisit bench: seeds/replay/jiangsu, ${articles} articles ingested at ${INGEST_AT}; DynamoDB Local, s3rver, replay server; load average ${load} on ${cpus().length} cores`);
    console.log('\nwrite units per revisit (ReturnConsumedCapacity: INDEXES on DynamoDB Local), one revisit at a time:');
    console.log(`  ${'what the revisit saw'.padEnd(40)} ${'n'.padStart(3)} ${'items'.padStart(6)} ${'WRU'.padStart(6)} ${'RRU'.padStart(6)} ${'S3 PUT'.padStart(7)}  items written (sort key)      WRU by target            target`);
    let allMet = true;
    for (const [key, row] of [...rows].sort((a, b) => a[0].localeCompare(b[0]))) {
      const per = (x: number) => (x / row.revisits).toFixed(2).padStart(6);
      const allowed = TARGETS[key];
      const met = allowed ? [...row.written].every((sk) => allowed.includes(sk)) : null;
      if (met === false) allMet = false;
      const target = allowed === undefined ? '-' : `${allowed.length ? 'tracking item only' : 'no write'}: ${met ? 'met' : 'NOT met'}`;
      const targets = [...row.byTarget].map(([k, v]) => `${k} ${(v / row.revisits).toFixed(2)}`).join(', ') || 'none';
      console.log(`  ${key.padEnd(40)} ${String(row.revisits).padStart(3)} ${per(row.itemWrites)} ${per(row.wru)} ${per(row.rru)} ${per(row.s3Puts).padStart(7)}  ${([...row.written].join(', ') || 'none').padEnd(29)} ${targets.padEnd(24)} ${target}`);
    }
    console.log(`  (items: item writes the revisit reports; WRU/RRU: units consumed, table and indexes; a change's items are written in a transaction, billed twice)`);
    console.log(`\nrevisits per second on the replay: ${revisits} revisits in ${args.rounds} rounds of --all, ${wallS.toFixed(2)} s → ${(revisits / wallS).toFixed(1)} revisits/s (${((wallS * 1000) / revisits).toFixed(1)} ms each), ${cpuMsPer.toFixed(1)} ms CPU per revisit in this process; sources' politeness (robots.txt, per-host delay ${[...new Set(sources.map((s) => s.politeness.delayMs))].join('/')} ms, one host per source); load average ${loadavg()[0]!.toFixed(1)}; no target in issue 12`);
    const unchanged = ['304 Not Modified', 'same bytes as last time', 'new bytes, identical normalized record'].flatMap((k) => {
      const row = rows.get(k);
      return row ? [`${k} ${(row.wru / row.revisits).toFixed(2)} WRU (${[...row.written].join(', ') || 'nothing'})`] : [];
    });
    console.log(`\nissue 12 write units per unchanged revisit: ${unchanged.join('; ')}; replay ${((rows.get('replayed revisit (same time again)')?.wru ?? 0) / Math.max(1, rows.get('replayed revisit (same time again)')?.revisits ?? 1)).toFixed(2)} WRU (target: nothing beyond the tracking item, a replay nothing → ${allMet ? 'met' : 'NOT met'})`);
    console.log(`issue 12 revisits per second on the replay: ${(revisits / wallS).toFixed(1)} (${revisits} revisits, load average ${loadavg()[0]!.toFixed(1)}; no target set)`);
    if (!allMet) process.exitCode = 1;
  } finally {
    await fetcher.close();
    await server.close();
    await metered.stop();
  }
}

interface KeyedItem {
  PK?: unknown;
  SK?: unknown;
}

/** An item's kind from its keys: the sort key of a record's items (REC, TRACK, VER, STATE), else the partition's prefix (CHG, PTR). */
function itemKind(item: KeyedItem): string {
  const text = (v: unknown) => (typeof v === 'string' ? v : String((v as { S?: string } | undefined)?.S ?? ''));
  const pk = text(item.PK);
  const sk = text(item.SK);
  if (pk.startsWith('REC#') || pk.startsWith('URL#')) return sk.split('#')[0] ?? sk;
  return pk.split('#')[0] ?? pk;
}

await main();
