/**
 * `npm run bench:speed`: pages/s and ms/page (median, p95) on the aeb and zh-cwced pages for our normalize,
 * Readability.js on jsdom and on linkedom, and the bare htmlparser2 parse of the same decoded pages (the floor),
 * in one process: a warm-up pass per contender, then the measured round(s). RSS and heap are printed after each
 * quarter of every contender's pass (memory should stay flat), and the peak RSS at the end.
 *
 *   --set aeb        only this set (repeatable / comma list; default aeb,zh-cwced)
 *   --rounds 2       measured passes per contender (default 1)
 *   --no-jsdom       skip Readability on jsdom (the slowest contender)
 *   --write / --no-write   merge the figures into bench-results/ (default: write on the default full run)
 */
import { cpus, loadavg } from 'node:os';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parseDocument } from 'htmlparser2';
import { z } from 'zod';
import { ErrorCode, JsnewsError } from '../../lambdas/contract/errors.js';
import { benchRoot, hasBenchData, loadSet } from './datasets.js';
import { OURS, READABILITY_JSDOM, READABILITY_LINKEDOM, type Extractor, type PageInput } from './extractors.js';
import { printTable } from './console-report.js';
import { writeResults, type SpeedRow, type SpeedSet } from './results-file.js';
import { loadPages } from './run-set.js';
import { fmt, median, quantile, sum } from './stats.js';
import { round } from './summarize.js';

/** Brief targets. Median time of normalize per aeb page (ms), and our throughput over Readability-on-linkedom's. */
export const TARGET_MEDIAN_MS = 8;
export const TARGET_THROUGHPUT_VS_LINKEDOM = 3;
/** Pages per contender in the warm-up pass: enough for the JIT to settle, cheap even for jsdom. */
const WARMUP_PAGES = 30;
const MB = 1024 * 1024;
const SPEED_SETS = ['aeb', 'zh-cwced'] as const;

interface Contender {
  name: string;
  run(page: PageInput): unknown;
}

const BARE_PARSE: Contender = { name: 'htmlparser2-parse (floor)', run: (p) => parseDocument(p.decoded) };
const fromExtractor = (ex: Extractor, label = ex.name): Contender => ({ name: label, run: (p) => ex.run(p) });

const Args = z.object({ sets: z.array(z.enum(SPEED_SETS)).min(1), rounds: z.number().int().min(1).max(20), jsdom: z.boolean(), write: z.boolean().optional() });
type Args = z.infer<typeof Args>;

function parseSpeedArgs(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    options: {
      set: { type: 'string', multiple: true },
      rounds: { type: 'string', default: '1' },
      'no-jsdom': { type: 'boolean', default: false },
      write: { type: 'boolean' },
      'no-write': { type: 'boolean' },
    },
  });
  const parsed = Args.safeParse({
    sets: values.set ? values.set.flatMap((s) => s.split(',')).map((s) => s.trim()) : [...SPEED_SETS],
    rounds: Number(values.rounds),
    jsdom: !values['no-jsdom'],
    write: values['no-write'] ? false : values.write,
  });
  if (!parsed.success) throw new JsnewsError(ErrorCode.InvalidArgument, `bench:speed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

const memory: { label: string; rssMb: number; heapUsedMb: number }[] = [];

// A handle on V8's gc() without a command-line flag, so samples show live memory rather than garbage not yet collected
// (jsdom leaves hundreds of MB of it). Called between pages, outside the timed region.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function sampleMemory(label: string): void {
  collectGarbage();
  const m = process.memoryUsage();
  memory.push({ label, rssMb: round(m.rss / MB, 1), heapUsedMb: round(m.heapUsed / MB, 1) });
}

async function timeContender(c: Contender, pages: readonly PageInput[], rounds: number, setName: string): Promise<SpeedRow> {
  for (const p of pages.slice(0, WARMUP_PAGES)) await safeRun(c, p);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let errors = 0;
  const total = pages.length * rounds;
  const quarter = Math.max(1, Math.ceil(total / 4));
  for (let r = 0; r < rounds; r++) {
    for (const p of pages) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      if (!(await safeRun(c, p))) errors++;
      times.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      if (times.length % quarter === 0 || times.length === total) sampleMemory(`${setName} ${c.name} ${Math.ceil(times.length / quarter)}/4`);
    }
  }
  const totalMs = sum(times);
  return { name: c.name, pages: pages.length, errors: errors / rounds, pagesPerSecond: round((times.length / totalMs) * 1000, 1), medianMs: round(median(times), 3), p95Ms: round(quantile(times, 0.95), 3), maxMs: round(Math.max(...times), 1), cpuMedianMs: round(median(cpuTimes), 3) };
}

async function safeRun(c: Contender, p: PageInput): Promise<boolean> {
  try {
    await c.run(p);
    return true;
  } catch {
    return false;
  }
}

async function benchSet(name: (typeof SPEED_SETS)[number], args: Args): Promise<SpeedSet> {
  const pages = loadPages(loadSet(name)).map((p) => p.input);
  const contenders = [fromExtractor(OURS, 'jsnews normalize'), BARE_PARSE, fromExtractor(READABILITY_LINKEDOM), ...(args.jsdom ? [fromExtractor(READABILITY_JSDOM)] : [])];
  const rows: SpeedRow[] = [];
  for (const c of contenders) rows.push(await timeContender(c, pages, args.rounds, name));
  console.log(`\n== ${name}: ${pages.length} pages, ${args.rounds} round(s) after a ${WARMUP_PAGES}-page warm-up (load average now ${loadavg()[0]!.toFixed(1)}) ==`);
  printTable(['contender', 'pages/s', 'ms med', 'ms p95', 'ms max', 'CPU ms med', 'err'], rows.map((r) => [r.name, fmt(r.pagesPerSecond, 1), fmt(r.medianMs, 2), fmt(r.p95Ms, 2), fmt(r.maxMs, 1), fmt(r.cpuMedianMs, 2), String(r.errors)]));
  const [ours, bare, linkedom, jsdom] = rows as [SpeedRow, SpeedRow, SpeedRow, SpeedRow | undefined];
  const ratios: Record<string, number> = {
    'throughput jsnews / readability-linkedom': round(ours.pagesPerSecond / linkedom.pagesPerSecond, 2),
    'time jsnews / bare parse (how many parses one normalize costs)': round(bare.pagesPerSecond / ours.pagesPerSecond, 2),
    ...(jsdom ? { 'throughput jsnews / readability-jsdom': round(ours.pagesPerSecond / jsdom.pagesPerSecond, 2) } : {}),
  };
  const targets = [
    { name: 'median ms per page', value: ours.medianMs, target: `≤ ${TARGET_MEDIAN_MS}`, met: ours.medianMs <= TARGET_MEDIAN_MS },
    { name: 'throughput vs readability-linkedom', value: ratios['throughput jsnews / readability-linkedom']!, target: `≥ ${TARGET_THROUGHPUT_VS_LINKEDOM}×`, met: ratios['throughput jsnews / readability-linkedom']! >= TARGET_THROUGHPUT_VS_LINKEDOM },
  ];
  for (const [k, v] of Object.entries(ratios)) console.log(`  ${k}: ${fmt(v, 2)}`);
  for (const t of targets) console.log(`  target ${t.name} ${t.target}${name === 'aeb' ? '' : ' (target set on aeb; shown for reference)'}: ${fmt(t.value, 2)} → ${t.met ? 'met' : 'NOT met'}`);
  return { rows, ratios, targets };
}

async function main(): Promise<void> {
  const args = parseSpeedArgs(process.argv.slice(2));
  if (!hasBenchData()) {
    console.error(`bench data not found at ${benchRoot()} (set JSNEWS_BENCH_DIR); nothing to run`);
    process.exitCode = 2;
    return;
  }
  const loadBefore = loadavg()[0]!;
  sampleMemory('start');
  const sets: Record<string, SpeedSet> = {};
  for (const name of args.sets) sets[name] = await benchSet(name, args);
  const peakRssMb = round(process.resourceUsage().maxRSS / 1024, 1);
  console.log('\n-- memory after a forced GC (RSS / heap used, MB), after each quarter of each pass --');
  printTable(['when', 'rss', 'heap'], memory.map((m) => [m.label, fmt(m.rssMb, 1), fmt(m.heapUsedMb, 1)]));
  console.log(`peak RSS ${fmt(peakRssMb, 1)} MB`);
  const environment = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', loadAverageBefore: round(loadBefore, 2), loadAverageAfter: round(loadavg()[0]!, 2) };
  const fullRun = args.sets.length === SPEED_SETS.length && args.jsdom;
  if (args.write ?? fullRun) {
    writeResults({ speed: { generatedAt: new Date().toISOString(), notes: SPEED_NOTES, environment, rounds: args.rounds, sets, memory, peakRssMb } });
    console.log('wrote the speed section of bench-results/results.json and results.md');
  }
}

const SPEED_NOTES = [
  'jsnews normalize is timed from raw bytes (its time includes charset detection and decoding); the other contenders get the already decoded text.',
  'One process, contenders one after another (jsnews, bare parse, linkedom, jsdom) on the same pages; wall-clock per page via performance.now().',
  'The machine has 2 cores shared with other work: compare ratios within one run, and see the load averages in the environment line. "CPU ms" (process.cpuUsage around each page, GC threads included) is less sensitive to that load than wall time.',
];

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
