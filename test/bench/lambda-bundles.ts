/**
 * `npm run bench:lambda`: bundles every Lambda exactly as the stack does (lib/bundling.ts), then
 * prints each bundle's size, its largest packages and its cold module load time: a fresh `node`
 * process importing the bundle, median of LOAD_RUNS, as wall time and as the process's CPU time
 * (CPU time barely moves when other work shares the machine; wall time does).
 *
 * It also bundles the normalize core alone (lambdas/normalize/index.ts, same options) and measures a
 * cold invocation's first normalize() call right after the load, on a Traditional page with pinyin
 * annotations and on a Simplified page: converters and dictionaries are built on first use, so that
 * cost belongs to the cold start too. Checks the normalize targets. Prints, never asserts.
 *
 * The modules outside the bundle (lib/bundling.ts NATIVE_MODULES: the @node-rs/jieba segmenter; SECOND_OPINION_MODULES:
 * linkedom and Readability.js, prebuilt) are installed for arm64 exactly as the afterBundling hook does, and the asset
 * (bundle + node_modules) is reported apart from the JS bundle; the 3 MB target is the JS bundle's (what Node parses at a cold start). The segmenter's own cold load (native
 * module, the first text's dictionary entries, first tag) is timed in a fresh process through the segmenter's own bundle,
 * with this machine's binary, and its RSS growth.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { z } from 'zod';
import { esbuildOptions, LAMBDA_ENTRIES, NATIVE_MODULE_LAMBDAS, normalizerAssetCommands, SECOND_OPINION_MODULES, type LambdaName } from '../../lib/bundling.js';

/** Cold loads per bundle; the median is reported (the first run warms the disk cache like any other). */
const LOAD_RUNS = 5;
/** Targets from the brief: the normalize handler must start fast and stay small. */
const NORMALIZE_MAX_LOAD_MS = 300;
const NORMALIZE_MAX_BYTES = 3 * 1024 * 1024;
/** Inside the project so bare imports of externals would resolve; bench-results/tmp/ is git-ignored. */
const OUT_DIR = resolve('bench-results/tmp/lambda');
/** The normalizer on its own: what the normalize handler adds over the shared store/queue code. */
const NORMALIZE_CORE_ENTRY = 'lambdas/normalize/index.ts';
/** First-call pages: 001 is Traditional with pinyin annotations (every converter and the pinyin reading table run), 000 Simplified. */
const FIRST_CALL_PAGES = {
  'trad+pinyin': 'seeds/html/001_7b4567f576345d14.html',
  simplified: 'seeds/html/000_0bd5e5fca5af9d22.html',
} as const;
/** Packages listed per bundle, largest first. */
const TOP_PACKAGES = 4;
const MB = 1024 * 1024;

/** Child process: load the bundle, then optionally call its normalize() once on a page; print the timings. */
const CHILD = `
const cpuMs = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const [bundle, page] = process.argv.slice(1);
const bytes = page ? new Uint8Array((await import('node:fs')).readFileSync(page)) : undefined;
let c0 = cpuMs(), t0 = performance.now();
const mod = await import(bundle);
const out = { loadMs: performance.now() - t0, loadCpuMs: cpuMs() - c0, firstMs: 0, firstCpuMs: 0 };
if (bytes) {
  c0 = cpuMs(); t0 = performance.now();
  mod.normalize(bytes, {});
  out.firstMs = performance.now() - t0; out.firstCpuMs = cpuMs() - c0;
}
process.stdout.write(JSON.stringify(out));`;

const ChildTimings = z.object({ loadMs: z.number(), loadCpuMs: z.number(), firstMs: z.number(), firstCpuMs: z.number() });
type ChildTimings = z.infer<typeof ChildTimings>;

function runChild(bundle: string, page?: string): ChildTimings {
  const args = ['--input-type=module', '-e', CHILD, pathToFileURL(bundle).href, ...(page ? [resolve(page)] : [])];
  const out = execFileSync(process.execPath, args, {
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' },
    encoding: 'utf8',
  });
  return ChildTimings.parse(JSON.parse(out));
}

/** Child process: import the segmenter's own bundle (lambdas/normalize/enrich/segmenter.ts), load it and tag once; print the cost. */
const SEGMENTER_CHILD = `
const cpuMs = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const { segmenter } = await import(process.argv[1]);
const rss0 = process.memoryUsage().rss;
const c0 = cpuMs(), t0 = performance.now();
segmenter()('市委书记张三表示');
process.stdout.write(JSON.stringify({ loadMs: performance.now() - t0, loadCpuMs: cpuMs() - c0, rssMb: (process.memoryUsage().rss - rss0) / 1048576 }));`;

const SegmenterTimings = z.object({ loadMs: z.number(), loadCpuMs: z.number(), rssMb: z.number() });

/** The segmenter bundled alone as the stack bundles it (@node-rs/jieba outside, found in the project's node_modules). */
const SEGMENTER_ENTRY = 'lambdas/normalize/enrich/segmenter.ts';

async function measureSegmenter(): Promise<z.infer<typeof SegmenterTimings>> {
  const { file } = await bundle('segmenter', SEGMENTER_ENTRY);
  const runs = Array.from({ length: LOAD_RUNS }, () =>
    SegmenterTimings.parse(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', SEGMENTER_CHILD, pathToFileURL(file).href], { encoding: 'utf8' }))),
  );
  return { loadMs: median(runs.map((r) => r.loadMs)), loadCpuMs: median(runs.map((r) => r.loadCpuMs)), rssMb: median(runs.map((r) => r.rssMb)) };
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  return total;
}

/**
 * Installs the normalizer's modules outside the bundle into a folder as the stack's afterBundling hook does (native
 * modules for arm64, then the second opinion's prebuilt files); returns the bytes of each part.
 */
function assetModulesBytes(name: string): { natives: number; secondOpinion: number } {
  const dir = join(OUT_DIR, `${name}-natives`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const command of normalizerAssetCommands(process.cwd(), dir, 'arm64')) execFileSync('sh', ['-c', command], { stdio: 'inherit' });
  const secondOpinion = SECOND_OPINION_MODULES.reduce((n, pkg) => n + folderBytes(join(dir, 'node_modules', pkg)), 0);
  return { natives: folderBytes(dir) - secondOpinion, secondOpinion };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function medianTimings(runs: ChildTimings[]): ChildTimings {
  return {
    loadMs: median(runs.map((r) => r.loadMs)),
    loadCpuMs: median(runs.map((r) => r.loadCpuMs)),
    firstMs: median(runs.map((r) => r.firstMs)),
    firstCpuMs: median(runs.map((r) => r.firstCpuMs)),
  };
}

function measure(bundle: string, page?: string): ChildTimings {
  return medianTimings(Array.from({ length: LOAD_RUNS }, () => runChild(bundle, page)));
}

interface Bundle {
  file: string;
  bytes: number;
  /** Bytes in the output per npm package (or 'app' for our own code), largest first. */
  packages: [string, number][];
}

function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match ? match[1]! : 'app';
}

async function bundle(name: string, entry: string): Promise<Bundle> {
  const file = join(OUT_DIR, name, 'index.mjs');
  mkdirSync(join(OUT_DIR, name), { recursive: true });
  const result = await esbuild.build({ ...esbuildOptions(resolve(entry), file), metafile: true });
  const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('index.mjs'));
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.[1].inputs ?? {})) {
    byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
  }
  return { file, bytes: statSync(file).size, packages: [...byPackage].sort((a, b) => b[1] - a[1]) };
}

const ms = (x: number) => `${x.toFixed(0).padStart(5)} ms`;
const mb = (bytes: number) => `${(bytes / MB).toFixed(2).padStart(5)} MB`;
const topPackages = (b: Bundle) => b.packages.slice(0, TOP_PACKAGES).map(([p, n]) => `${p} ${(n / 1024).toFixed(0)}K`).join(', ');

function printLoadRow(name: string, b: Bundle, t: ChildTimings): void {
  console.log(`${name.padEnd(15)} ${mb(b.bytes)} ${ms(t.loadMs)} ${ms(t.loadCpuMs)}   ${topPackages(b)}`);
}

async function benchHandlers(): Promise<boolean> {
  console.log('lambda           bundle     load  load cpu   largest packages');
  let normalizeOk = false;
  for (const name of Object.keys(LAMBDA_ENTRIES) as LambdaName[]) {
    const b = await bundle(name, LAMBDA_ENTRIES[name]);
    const t = measure(b.file);
    printLoadRow(name, b, t);
    if (NATIVE_MODULE_LAMBDAS.includes(name)) {
      const { natives, secondOpinion } = assetModulesBytes(name);
      console.log(`  asset: JS bundle ${mb(b.bytes)} + native modules (arm64) ${mb(natives)} + second opinion, loaded by the pages that ask ${mb(secondOpinion)} = ${mb(b.bytes + natives + secondOpinion)} unzipped`);
    }
    if (name === 'normalize') {
      const loadOk = t.loadMs < NORMALIZE_MAX_LOAD_MS;
      const sizeOk = b.bytes < NORMALIZE_MAX_BYTES;
      console.log(`  target normalize: load < ${NORMALIZE_MAX_LOAD_MS} ms ${loadOk ? 'MET' : 'NOT MET'}, bundle < 3 MB ${sizeOk ? 'MET' : 'NOT MET'}`);
      normalizeOk = loadOk && sizeOk;
    }
  }
  return normalizeOk;
}

async function benchNormalizeCore(): Promise<void> {
  const b = await bundle('normalize-core', NORMALIZE_CORE_ENTRY);
  console.log(`\nnormalize core alone (${NORMALIZE_CORE_ENTRY}) and the first normalize() call after a cold load`);
  console.log('page               bundle     load  load cpu    first first cpu');
  for (const [label, page] of Object.entries(FIRST_CALL_PAGES)) {
    const t = measure(b.file, page);
    console.log(`${label.padEnd(15)} ${mb(b.bytes)} ${ms(t.loadMs)} ${ms(t.loadCpuMs)}  ${ms(t.firstMs)} ${ms(t.firstCpuMs)}`);
  }
  console.log(`  ${topPackages(b)}`);
  const seg = await measureSegmenter();
  console.log(`segmenter (@node-rs/jieba via segmenter.ts, loaded on the first bare name): load + first text's dictionary entries + first tag ${ms(seg.loadMs)} wall, ${ms(seg.loadCpuMs)} CPU, RSS +${seg.rssMb.toFixed(0)} MB`);
}

async function main(): Promise<void> {
  console.log(`Lambda bundles (esbuild ${esbuild.version}, node ${process.version}, median of ${LOAD_RUNS} cold loads)`);
  const normalizeOk = await benchHandlers();
  await benchNormalizeCore();
  console.log(`\nnormalize targets: ${normalizeOk ? 'MET' : 'NOT MET'}`);
}

await main();
