/**
 * `npm run bench:hostile`: the generated hostile corpus (test/hostile/corpus.ts, issue 10) through normalize, one child
 * process per input with a timeout, so a hang or a crash is a row of the table and cannot stall the bench.
 * Prints per input (with --verbose) and per class: the outcomes (error code, record, record with warning), inputs whose
 * outcome is not the expected one, the worst wall time and the worst extra RSS. The budget (issue 10): every input up to
 * the 16 MiB cap in < 2 s and < 256 MB extra.
 * Options: --timeout-ms N (default 30000), --only SUBSTRING (inputs whose name or class contains it), --verbose.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { z } from 'zod';
import { esbuildOptions } from '../../lib/bundling.js';
import { parseInput } from '../../lambdas/contract/zod-issues.js';
import { hostileCorpus } from '../hostile/corpus.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** bench-results/tmp/ is git-ignored. */
const BUNDLE = join(ROOT, 'bench-results/tmp/hostile-child.mjs');
/** Issue 10's budget for one input. */
const BUDGET_MS = 2_000;
const BUDGET_MB = 256;

const Options = z.object({
  'timeout-ms': z.coerce.number().int().min(1_000).default(30_000),
  only: z.string().optional(),
  verbose: z.boolean().default(false),
});

const Row = z.object({ name: z.string(), kind: z.string(), expect: z.string(), outcome: z.string(), ms: z.number(), extraMb: z.number(), bytes: z.number(), detail: z.string() });
type Row = z.infer<typeof Row>;

function runChild(name: string, kind: string, expect: string, timeoutMs: number): Promise<Row> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--stack-size=984', BUNDLE, name], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      try {
        done(Row.parse(JSON.parse(line)));
      } catch {
        const outcome = signal === 'SIGKILL' ? 'TIMEOUT' : `CRASH(${signal ?? code})`;
        const detail = signal === 'SIGKILL' ? `killed after ${timeoutMs} ms` : err.trim().split('\n').slice(-2).join(' ').slice(0, 160);
        done({ name, kind, expect, outcome, ms: Date.now() - started, extraMb: Number.NaN, bytes: 0, detail });
      }
    });
  });
}

const matches = (row: Row) => (row.expect === 'record' ? row.outcome.startsWith('record') : row.outcome === row.expect);
const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const fmtMb = (mb: number) => (Number.isNaN(mb) ? '-' : `${mb.toFixed(0)} MB`);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'timeout-ms': { type: 'string' }, only: { type: 'string' }, verbose: { type: 'boolean' } } });
  const opts = parseInput(Options, values, 'bench:hostile options');
  mkdirSync(dirname(BUNDLE), { recursive: true });
  await esbuild.build({ ...esbuildOptions(join(ROOT, 'test/bench/hostile-child.ts'), BUNDLE), minify: false, sourcemap: false });
  const corpus = hostileCorpus().filter((i) => !opts.only || i.name.includes(opts.only) || i.kind.includes(opts.only));
  console.log(`bench:hostile: ${corpus.length} generated inputs, one process each, timeout ${opts['timeout-ms'] / 1000} s; budget < ${BUDGET_MS / 1000} s and < ${BUDGET_MB} MB extra per input`);
  const rows: Row[] = [];
  for (const input of corpus) {
    const row = await runChild(input.name, input.kind, input.expect, opts['timeout-ms']);
    rows.push(row);
    if (opts.verbose) {
      const flag = matches(row) ? '' : `  (expected ${row.expect})`;
      console.log(`  ${row.kind.padEnd(13)} ${row.name.padEnd(40)} ${row.outcome.padEnd(18)} ${fmtMs(row.ms).padStart(7)} ${fmtMb(row.extraMb).padStart(7)}  ${row.detail.slice(0, 90)}${flag}`);
    }
  }
  console.log('');
  console.log(`${'class'.padEnd(13)} ${'inputs'.padStart(6)}  ${'outcomes'.padEnd(58)} ${'unexpected'.padStart(10)}  ${'worst time'.padStart(10)}  ${'worst RSS'.padStart(9)}`);
  const kinds = [...new Set(rows.map((r) => r.kind))];
  for (const kind of kinds) {
    const of = rows.filter((r) => r.kind === kind);
    const counts = new Map<string, number>();
    for (const r of of) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
    const outcomes = [...counts].map(([o, n]) => `${o} ${n}`).join(', ');
    const slowest = of.reduce((a, b) => (b.ms > a.ms ? b : a));
    const fattest = of.reduce((a, b) => (b.extraMb > a.extraMb || Number.isNaN(a.extraMb) ? b : a));
    const unexpected = of.filter((r) => !matches(r)).length;
    console.log(`${kind.padEnd(13)} ${String(of.length).padStart(6)}  ${outcomes.padEnd(58)} ${String(unexpected).padStart(10)}  ${fmtMs(slowest.ms).padStart(10)}  ${fmtMb(fattest.extraMb).padStart(9)}   (${slowest.name}; ${fattest.name})`);
  }
  const over = rows.filter((r) => r.ms > BUDGET_MS || !(r.extraMb <= BUDGET_MB));
  const wrong = rows.filter((r) => !matches(r));
  console.log('');
  console.log(`over budget: ${over.length}${over.length ? ` (${over.map((r) => `${r.name} ${fmtMs(r.ms)} ${fmtMb(r.extraMb)}`).join(', ')})` : ''}`);
  console.log(`unexpected outcome: ${wrong.length}${wrong.length ? ` (${wrong.map((r) => `${r.name}: ${r.outcome}, expected ${r.expect}`).join('; ')})` : ''}`);
}

await main();
