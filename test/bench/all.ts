/**
 * `npm run bench`: accuracy, speed and, when their owners have added them to package.json, `bench:lambda`, `bench:enrich` and
 * `bench:pipeline`, offline, within a 5-minute budget (reported; a step is killed only at 3× that). Each step runs in its own process so one step's memory does
 * not skew the next one's figures. Exit status 1 if any step failed or the budget ran out.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from './datasets.js';

/** The whole bench should finish offline in this time (brief); exceeding it is reported, not fatal to the figures. */
export const TOTAL_BUDGET_MS = 5 * 60 * 1000;
/** A step is killed only past this: a runaway, not a busy machine (other work on the 2 cores can triple wall time). */
const HARD_LIMIT_MS = 3 * TOTAL_BUDGET_MS;
/** Optional steps owned by other engineers, run only when package.json defines them. */
const OPTIONAL_SCRIPTS = ['bench:lambda', 'bench:pipeline', 'bench:enrich', 'bench:cost', 'bench:revisit'] as const;

interface Step {
  name: string;
  command: string;
  args: string[];
  /** Steps with the same group run at the same time (one process each); groups run one after another. */
  group: number;
}

// Accuracy is CPU-bound and single-threaded (jsdom and article-extractor dominate), so on the 2-core machine aeb and
// zh-cwced+gne run as two processes at once (about equal CPU). Speed runs alone afterwards: it measures time.
const ACCURACY_SHARDS = [['aeb'], ['zh-cwced', 'gne']] as const;

function steps(): Step[] {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const tsx = (file: string, args: string[], group: number, name = file): Step => ({ name, command: process.execPath, args: ['--import', 'tsx', join(REPO_ROOT, 'test/bench', file), ...args], group });
  const accuracy = ACCURACY_SHARDS.map((sets) => tsx('accuracy.ts', ['--set', sets.join(','), '--write'], 0, `accuracy ${sets.join(',')}`));
  const optional = OPTIONAL_SCRIPTS.filter((s) => pkg.scripts?.[s]).map((s, i) => ({ name: s, command: 'npm', args: ['run', '--silent', s], group: 2 + i }));
  const missing = OPTIONAL_SCRIPTS.filter((s) => !pkg.scripts?.[s]);
  if (missing.length) console.log(`(not defined in package.json, skipped: ${missing.join(', ')})`);
  return [...accuracy, tsx('speed.ts', ['--write'], 1), ...optional];
}

interface Outcome {
  name: string;
  status: string;
  seconds: number;
  /** The step's lines naming an issue's figures with their targets (`issue 13 …:`), repeated in the summary. */
  figures: string[];
}

/** Said under the figures when a target line gives two figures (test/bench/targets.ts). */
const SCRIPT_FOLDED_NOTE =
  '(body F1 "as scored" = truth and record as they are; "script-folded" = both folded to Simplified with the project\'s OpenCC converter before tokenizing. ' +
  'A line says met only when both figures meet the target; which one a target is judged on is the lead\'s decision.)';

/** Lines a bench prints for the summary: `issue <n> <what>: <figures with targets>`, or `target <what>: <figure> → met|NOT met` (bench:speed). */
const FIGURE_LINE = /^issue \d+ [^:]+:|^target .+ → (met|NOT met)$/;

/** Runs one step; its stdout is buffered and printed whole when it ends, so parallel steps do not interleave. */
function runStep(step: Step, timeoutMs: number): Promise<Outcome> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    const finish = (status: string): void => {
      clearTimeout(timer);
      const out = Buffer.concat(chunks).toString('utf8');
      console.log(`\n######## ${step.name} ########\n${out}`);
      const figures = out.split('\n').filter((l) => FIGURE_LINE.test(l.trim())).map((l) => `${step.name}: ${l.trim()}`);
      resolve({ name: step.name, status, seconds: Math.round((performance.now() - t0) / 100) / 10, figures });
    };
    child.on('error', (err) => finish(`failed: ${err.message}`));
    child.on('close', (code, signal) => finish(code === 0 ? 'ok' : `failed: ${signal ? `killed (${signal}, hard limit)` : `exit ${code}`}`));
  });
}

async function main(): Promise<void> {
  const start = performance.now();
  const outcomes: Outcome[] = [];
  const all = steps();
  for (const group of [...new Set(all.map((s) => s.group))].sort((a, b) => a - b)) {
    const batch = all.filter((s) => s.group === group);
    const remaining = HARD_LIMIT_MS - (performance.now() - start);
    if (remaining <= 0) {
      outcomes.push(...batch.map((s) => ({ name: s.name, status: 'skipped: hard limit reached', seconds: 0, figures: [] })));
      continue;
    }
    outcomes.push(...(await Promise.all(batch.map((s) => runStep(s, remaining)))));
  }
  const total = (performance.now() - start) / 1000;
  console.log('\n######## bench summary ########');
  for (const o of outcomes) console.log(`${o.name.padEnd(26)} ${o.status.padEnd(28)} ${o.seconds.toFixed(1)} s`);
  const figures = outcomes.flatMap((o) => o.figures);
  if (figures.length > 0) {
    console.log('\n######## figures and targets ########');
    for (const f of figures) console.log(f);
    if (figures.some((f) => f.includes('script-folded'))) console.log(SCRIPT_FOLDED_NOTE);
  }
  const overBudget = total * 1000 > TOTAL_BUDGET_MS;
  console.log(`total ${total.toFixed(1)} s (budget ${TOTAL_BUDGET_MS / 1000} s: ${overBudget ? 'EXCEEDED' : 'met'}; load average now ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`);
  if (overBudget || outcomes.some((o) => o.status !== 'ok')) process.exitCode = 1;
}

void main();
