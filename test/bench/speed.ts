/**
 * `npm run bench:speed`: pages/s and ms/page (median, p95) on the aeb and zh-cwced pages for our normalize,
 * Readability.js on jsdom and on linkedom, and the bare htmlparser2 parse of the same decoded pages (the floor),
 * in one process: two untimed passes over the whole set per contender, then the measured round(s). RSS and heap (after a
 * forced GC) are printed after each quarter of every contender's first untimed pass and after its timed pass (memory
 * should stay flat), and the peak RSS at the end. No GC is forced during or just before the timed pass (see sampleMemory).
 * Then, per set, the whole process as a user runs it (start-up included): `jsnews normalize` (bin/jsnews.mjs, the
 * compiled CLI, rebuilt first) over all the set's files against test/bench/readability-process.mjs (Readability.js on
 * linkedom) over the same files, one untimed run of each (file cache, jsnews's compile cache), then each run
 * --process-runs times alternately; wall, CPU and main-thread CPU medians.
 * Issue 13's targets are printed beside the figures, for each set.
 *
 *   --set aeb        only this set (repeatable / comma list; default aeb,zh-cwced)
 *   --rounds 2       measured passes per contender (default 1)
 *   --no-jsdom       skip Readability on jsdom (the slowest contender)
 *   --process-runs 3 whole-process runs per contender and set (0 skips the whole-process part)
 *   --write / --no-write   merge the figures into bench-results/ (default: write on the default full run)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parseDocument } from 'htmlparser2';
import { z } from 'zod';
import { ErrorCode, JsnewsError } from '../../lambdas/contract/errors.js';
import { benchRoot, hasBenchData, loadSet, REPO_ROOT } from './datasets.js';
import { OURS, READABILITY_JSDOM, READABILITY_LINKEDOM, type Extractor, type PageInput } from './extractors.js';
import { printTable } from './console-report.js';
import { writeResults, type SpeedRow, type SpeedSet } from './results-file.js';
import { loadPages } from './run-set.js';
import { fmt, median, quantile, sum } from './stats.js';
import { round } from './summarize.js';

/**
 * Issue 13's targets, on both sets (zh-cwced, aeb), all within one run: normalize's median at most 2.5 bare parses
 * and its p95 at most 4 parse p95s; throughput at least 5× Readability.js on linkedom; no page over 100 ms; the
 * whole `jsnews normalize` process at least 5× the Readability.js process over the same files.
 */
const TARGET_MEDIAN_VS_PARSE = 2.5;
const TARGET_P95_VS_PARSE = 4;
const TARGET_THROUGHPUT_VS_LINKEDOM = 5;
const TARGET_MAX_MS = 100;
const TARGET_PROCESS_VS_READABILITY = 5;
/**
 * The warm-up is two untimed passes over every page of the set, not its first pages (the second because the first
 * pass's memory samples force GCs, see sampleMemory): normalize loads some libraries on
 * first use (linkedom + Readability.js for a second opinion, jieba for the people segmenter), once per process, and a
 * 30-page warm-up left that load in the timed pass. The first aeb page asking for a second opinion (page 33 of 181)
 * was the run's slowest at 229 ms, of which 169 ms CPU was loading the two libraries from source; warm it takes ~12 ms.
 * Start-up and first-use loads are what the whole-process figures below measure.
 */
const MB = 1024 * 1024;
const SPEED_SETS = ['aeb', 'zh-cwced'] as const;

interface Contender {
  name: string;
  run(page: PageInput): unknown;
}

const BARE_PARSE: Contender = { name: 'htmlparser2-parse (floor)', run: (p) => parseDocument(p.decoded) };
const fromExtractor = (ex: Extractor, label = ex.name): Contender => ({ name: label, run: (p) => ex.run(p) });

const Args = z.object({ sets: z.array(z.enum(SPEED_SETS)).min(1), rounds: z.number().int().min(1).max(20), jsdom: z.boolean(), processRuns: z.number().int().min(0).max(20), write: z.boolean().optional() });
type Args = z.infer<typeof Args>;

function parseSpeedArgs(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    options: {
      set: { type: 'string', multiple: true },
      rounds: { type: 'string', default: '1' },
      'no-jsdom': { type: 'boolean', default: false },
      'process-runs': { type: 'string', default: '3' },
      write: { type: 'boolean' },
      'no-write': { type: 'boolean' },
    },
  });
  const parsed = Args.safeParse({
    sets: values.set ? values.set.flatMap((s) => s.split(',')).map((s) => s.trim()) : [...SPEED_SETS],
    rounds: Number(values.rounds),
    jsdom: !values['no-jsdom'],
    processRuns: Number(values['process-runs']),
    write: values['no-write'] ? false : values.write,
  });
  if (!parsed.success) throw new JsnewsError(ErrorCode.InvalidArgument, `bench:speed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

const memory: { label: string; rssMb: number; heapUsedMb: number }[] = [];

// A handle on V8's gc() without a command-line flag, so samples show live memory rather than garbage not yet collected
// (jsdom leaves hundreds of MB of it). Never called in or right before a timed pass: a forced full GC throws away
// optimized code (node --trace-deopt: ~230 of normalize's TurboFan functions "marked for deoptimization, reason: weak
// objects" per forced GC; a regular Mark-Compact in the same loop marks none), so the pages after it ran unoptimized.
// With a sample after each quarter of the timed pass, as before, a warm loop of normalize over zh-cwced cost 25.6-30.6
// ms CPU/page against 10.2-11.3 without (same minutes, load 8-11), and 293 deopts + 682 re-optimizations in the pass
// against 10 + 108: the bench's CPU median of 10-16 ms against a warm loop's ~5. It hit every contender alike.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function sampleMemory(label: string): void {
  collectGarbage();
  const m = process.memoryUsage();
  memory.push({ label, rssMb: round(m.rss / MB, 1), heapUsedMb: round(m.heapUsed / MB, 1) });
}

/** A page's slowest timed run: wall and CPU ms. */
interface SlowPage {
  index: number;
  ms: number;
  cpuMs: number;
}

/** How many of a contender's slowest pages are printed under the table (with their ids, to find the outliers). */
const SLOWEST_SHOWN = 3;

async function timeContender(c: Contender, pages: readonly PageInput[], rounds: number, setName: string): Promise<{ row: SpeedRow; slowest: SlowPage[] }> {
  // Untimed pass 1: first-use loads, and memory sampled after each quarter (a forced GC per sample, see below).
  const quarter = Math.max(1, Math.ceil(pages.length / 4));
  for (let i = 0; i < pages.length; i++) {
    await safeRun(c, pages[i]!);
    if ((i + 1) % quarter === 0 || i + 1 === pages.length) sampleMemory(`${setName} ${c.name} warm-up ${Math.ceil((i + 1) / quarter)}/4`);
  }
  // Untimed pass 2, no forced GC: the code the samples' forced GCs threw away is optimized again before the clock runs.
  for (const p of pages) await safeRun(c, p);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let errors = 0;
  const worst: SlowPage[] = pages.map((_, index) => ({ index, ms: 0, cpuMs: 0 }));
  for (let r = 0; r < rounds; r++) {
    for (const [index, p] of pages.entries()) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      if (!(await safeRun(c, p))) errors++;
      times.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      if (times.at(-1)! > worst[index]!.ms) worst[index] = { index, ms: times.at(-1)!, cpuMs: cpuTimes.at(-1)! };
    }
  }
  sampleMemory(`${setName} ${c.name} after the timed pass`);
  const totalMs = sum(times);
  const row = { name: c.name, pages: pages.length, errors: errors / rounds, pagesPerSecond: round((times.length / totalMs) * 1000, 1), medianMs: round(median(times), 3), p95Ms: round(quantile(times, 0.95), 3), maxMs: round(Math.max(...times), 1), cpuMedianMs: round(median(cpuTimes), 3) };
  return { row, slowest: worst.sort((a, b) => b.ms - a.ms).slice(0, SLOWEST_SHOWN) };
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
  const loaded = loadPages(loadSet(name));
  const pages = loaded.map((p) => p.input);
  const contenders = [fromExtractor(OURS, 'jsnews normalize'), BARE_PARSE, fromExtractor(READABILITY_LINKEDOM), ...(args.jsdom ? [fromExtractor(READABILITY_JSDOM)] : [])];
  const rows: SpeedRow[] = [];
  const slowest: string[] = [];
  for (const c of contenders) {
    const timed = await timeContender(c, pages, args.rounds, name);
    rows.push(timed.row);
    slowest.push(`  slowest ${c.name}: ${timed.slowest.map((w) => `${loaded[w.index]!.page.id.slice(0, 8)} ${fmt(w.ms, 1)} ms (CPU ${fmt(w.cpuMs, 1)})`).join(', ')}`);
  }
  console.log(`\n== ${name}: ${pages.length} pages, ${args.rounds} round(s) after two untimed passes over all of them (load average now ${loadavg()[0]!.toFixed(1)}) ==`);
  printTable(['contender', 'pages/s', 'ms med', 'ms p95', 'ms max', 'CPU ms med', 'err'], rows.map((r) => [r.name, fmt(r.pagesPerSecond, 1), fmt(r.medianMs, 2), fmt(r.p95Ms, 2), fmt(r.maxMs, 1), fmt(r.cpuMedianMs, 2), String(r.errors)]));
  for (const line of slowest) console.log(line);
  const [ours, bare, linkedom, jsdom] = rows as [SpeedRow, SpeedRow, SpeedRow, SpeedRow | undefined];
  const ratios: Record<string, number> = {
    'throughput jsnews / readability-linkedom': round(ours.pagesPerSecond / linkedom.pagesPerSecond, 2),
    'time jsnews / bare parse (how many parses one normalize costs)': round(bare.pagesPerSecond / ours.pagesPerSecond, 2),
    ...(jsdom ? { 'throughput jsnews / readability-jsdom': round(ours.pagesPerSecond / jsdom.pagesPerSecond, 2) } : {}),
  };
  const process = args.processRuns > 0 ? await wholeProcess(name, args.processRuns) : null;
  if (process) ratios['whole process: readability process time / jsnews normalize process time'] = process.ratio;
  const throughput = ratios['throughput jsnews / readability-linkedom']!;
  const targets = [
    { name: 'median vs bare parse median', value: round(ours.medianMs / bare.medianMs, 2), target: `≤ ${TARGET_MEDIAN_VS_PARSE}×` },
    { name: 'throughput vs readability-linkedom', value: throughput, target: `≥ ${TARGET_THROUGHPUT_VS_LINKEDOM}×` },
    { name: 'p95 vs bare parse p95', value: round(ours.p95Ms / bare.p95Ms, 2), target: `≤ ${TARGET_P95_VS_PARSE}×` },
    { name: 'slowest page ms', value: ours.maxMs, target: `≤ ${TARGET_MAX_MS}` },
    ...(process ? [{ name: 'whole process vs readability process', value: process.ratio, target: `≥ ${TARGET_PROCESS_VS_READABILITY}×` }] : []),
  ].map((t) => ({ ...t, met: t.target.startsWith('≤') ? t.value <= Number.parseFloat(t.target.slice(2)) : t.value >= Number.parseFloat(t.target.slice(2)) }));
  for (const [k, v] of Object.entries(ratios)) console.log(`  ${k}: ${fmt(v, 2)}`);
  for (const t of targets) console.log(`  target ${t.name} ${t.target}: ${fmt(t.value, 2)} → ${t.met ? 'met' : 'NOT met'}`);
  return { rows, ratios, targets };
}

interface ProcessTiming {
  wallMs: number;
  /** Every thread's CPU: the main thread, V8's compiler and GC threads, any worker. */
  cpuMs: number;
  /** The main thread's alone (null off Linux): about the wall time on an idle machine, where V8's threads get a processor of their own. */
  mainThreadCpuMs: number | null;
  /** From spawn to the first bytes on stdout: start-up and the first page (jsnews writes each line as it is made). */
  firstOutputMs: number;
  /** The process's CPU when it had written `splitLines` lines (null when not asked, or it never did). */
  splitCpuMs: number | null;
}

/**
 * `jsnews normalize` and the Readability.js process over all files of the set, `runs` times each, alternately (so load
 * changes hit both), after one untimed run of each: the pages in the OS file cache for both, and jsnews's V8 code
 * cache written (bin/compile-cache.mjs; buildCli just made a new build), as a user's second run finds them. Prints wall
 * and CPU medians and the CPU ratio (steadier than wall when the machine is shared), the main thread's CPU (what the
 * wall time comes to on an idle machine, where V8's compiler and GC threads have a processor of their own; on a loaded
 * one the steadiest guide to it) and when jsnews's first line came out; returns Readability's median wall over jsnews's.
 * Then where jsnews's process time goes, against what the target allows (Readability's wall / 5): an empty `node`
 * process (start-up no code of ours can remove), the same pages a second time in one process (jsnews given every file
 * twice, CPU counted after the first pass's last line: code warm, tables built) and the rest (loading, first-use tables,
 * pages run on code not yet optimized, and the compiling of it). All CPU of every thread (process.cpuUsage).
 */
async function wholeProcess(name: string, runs: number): Promise<{ ratio: number }> {
  const files = loadSet(name as (typeof SPEED_SETS)[number]).pages.map((p) => p.path);
  const jsnews = [join(REPO_ROOT, 'bin/jsnews.mjs'), 'normalize', ...files];
  const readability = [join(REPO_ROOT, 'test/bench/readability-process.mjs'), ...files];
  const empty = ['-e', ''];
  const twice = [...jsnews, ...files];
  const ours: ProcessTiming[] = [];
  const theirs: ProcessTiming[] = [];
  const bare: ProcessTiming[] = [];
  const again: number[] = [];
  await timeProcess(jsnews);
  await timeProcess(readability);
  for (let i = 0; i < runs; i++) {
    ours.push(await timeProcess(jsnews));
    theirs.push(await timeProcess(readability));
    bare.push(await timeProcess(empty));
    const both = await timeProcess(twice, files.length);
    if (both.splitCpuMs !== null) again.push(both.cpuMs - both.splitCpuMs);
  }
  const wall = (t: ProcessTiming[]) => median(t.map((x) => x.wallMs));
  const cpu = (t: ProcessTiming[]) => median(t.map((x) => x.cpuMs));
  const hasMain = [...ours, ...theirs].every((x) => x.mainThreadCpuMs !== null);
  const main = (t: ProcessTiming[]) => median(t.map((x) => x.mainThreadCpuMs ?? 0));
  const mainText = (t: ProcessTiming[]) => (hasMain ? ` (main thread ${fmt(main(t), 0)})` : '');
  console.log(`  whole process over ${files.length} files, median of ${runs} run(s) (load average now ${loadavg()[0]!.toFixed(1)}):`);
  console.log(`    jsnews normalize (bin/jsnews.mjs)        ${fmt(wall(ours), 0)} ms wall, ${fmt(cpu(ours), 0)} ms CPU${mainText(ours)}, first line out at ${fmt(median(ours.map((x) => x.firstOutputMs)), 0)} ms`);
  console.log(`    readability on linkedom (one process)    ${fmt(wall(theirs), 0)} ms wall, ${fmt(cpu(theirs), 0)} ms CPU${mainText(theirs)}`);
  console.log(`    readability / jsnews: wall ${fmt(wall(theirs) / wall(ours), 2)}, CPU ${fmt(cpu(theirs) / cpu(ours), 2)}${hasMain ? `, main thread CPU ${fmt(main(theirs) / main(ours), 2)}` : ''}`);
  const allowed = wall(theirs) / TARGET_PROCESS_VS_READABILITY;
  const warm = again.length > 0 ? median(again) : Number.NaN;
  console.log(`    the target allows jsnews ${fmt(allowed, 0)} ms wall; its process took ${fmt(cpu(ours), 0)} ms CPU: an empty node process ${fmt(cpu(bare), 0)} (${fmt(wall(bare), 0)} ms wall), the same pages a second time in one process ${fmt(warm, 0)}, the rest ${fmt(cpu(ours) - cpu(bare) - warm, 0)} (loading, first-use tables, pages on code not yet optimized and compiling it)`);
  return { ratio: round(wall(theirs) / wall(ours), 2) };
}

/** One child `node` process: wall time from spawn to exit and to its first output, and its own CPU time (test/bench/process-cpu.mjs). */
async function timeProcess(args: string[], splitLines = 0): Promise<ProcessTiming> {
  const dir = mkdtempSync(join(tmpdir(), 'jsnews-speed-'));
  const cpuFile = join(dir, 'cpu');
  try {
    const t0 = performance.now();
    let firstOutputMs = Number.NaN;
    await new Promise<void>((done, fail) => {
      const child = spawn(process.execPath, ['--import', join(REPO_ROOT, 'test/bench/process-cpu.mjs'), ...args], { env: { ...process.env, JSNEWS_BENCH_CPU_FILE: cpuFile, JSNEWS_BENCH_SPLIT_LINES: String(splitLines) }, stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.once('data', () => (firstOutputMs = performance.now() - t0));
      child.stdout.resume(); // drained, not kept: both write one JSON line per file
      child.on('error', fail);
      child.on('exit', () => done()); // jsnews exits 1 when an input failed (a non-article page): still a full run
    });
    const wallMs = performance.now() - t0;
    const { cpuMs, mainThreadCpuMs, splitCpuMs } = JSON.parse(readFileSync(cpuFile, 'utf8')) as { cpuMs: number; mainThreadCpuMs: number | null; splitCpuMs: number | null };
    return { wallMs, cpuMs, mainThreadCpuMs, firstOutputMs, splitCpuMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The compiled CLI the whole-process timing runs, rebuilt from this tree first (dist/ is not in git). */
async function buildCli(): Promise<void> {
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts/build-cli.mjs'), '--quiet'], { stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new JsnewsError(ErrorCode.Internal, `build:cli exited ${code}`))));
  });
}

async function main(): Promise<void> {
  const args = parseSpeedArgs(process.argv.slice(2));
  if (!hasBenchData()) {
    console.error(`bench data not found at ${benchRoot()} (set JSNEWS_BENCH_DIR); nothing to run`);
    process.exitCode = 2;
    return;
  }
  if (args.processRuns > 0) await buildCli();
  const loadBefore = loadavg()[0]!;
  sampleMemory('start');
  const sets: Record<string, SpeedSet> = {};
  for (const name of args.sets) sets[name] = await benchSet(name, args);
  const peakRssMb = round(process.resourceUsage().maxRSS / 1024, 1);
  console.log('\n-- memory after a forced GC (RSS / heap used, MB), after each quarter of the first untimed pass and after the timed pass --');
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
